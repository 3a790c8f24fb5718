/**
 * The citizen survey page as a citizen meets it: headless Chromium on a small phone, JavaScript off, finger and
 * keyboard. Proves the form is usable and accessible in the browser, not just that the HTML contains the right tags.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { skmElements } from '../../shared/domain/skm.ts';
import { signSurveyLink } from '../../shared/domain/survey-token.ts';
import { wibDate } from '../../shared/domain/time.ts';
import { expectAccessible, launchChromium, PHONE, phoneContext } from '../support/browser.ts';
import { tokenFor, who } from '../support/demo.ts';
import { recentService } from '../support/services.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

const SMALL_PHONE = { ...PHONE, height: 640 };
let stack: TestStack;
let browser: Browser;
let context: BrowserContext;
let axeContext: BrowserContext; // axe runs as a script: the same HTML, in a context that runs scripts
let answerUrl: string; // answered in the first test
let freshUrl: string; // only ever looked at, never answered
let complaintUrl: string; // answered with a complaint and a contact

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  const recent = await recentService();
  const tx = (externalId: string) => ({
    externalId,
    unitCode: 'DUK-IDK',
    serviceType: 'ktp-el',
    officers: ['199001152015031003'],
    ...recent,
  });
  const res = await stack.call('POST', '/service-transactions', {
    token: await stack.issuer.machineToken(),
    body: { transactions: [tx('E2E-1'), tx('E2E-2'), tx('E2E-3')] },
  });
  expect(res.status).toBe(200);
  [answerUrl, freshUrl, complaintUrl] = res.body.results.map((r: { surveyUrl: string }) => r.surveyUrl);
  browser = await launchChromium();
  // A cheap phone with JavaScript off: the page promises to work without any.
  context = await phoneContext(browser, { javaScriptEnabled: false, viewport: SMALL_PHONE, defaultTimeout: 5_000 });
  axeContext = await phoneContext(browser, { viewport: SMALL_PHONE });
});
afterAll(async () => {
  await context?.close();
  await axeContext?.close();
  await browser?.close();
  await stack?.stop();
});

const open = async (url: string): Promise<{ page: Page; status: number | undefined }> => {
  const page = await context.newPage();
  const res = await page.goto(url);
  return { page, status: res?.status() };
};
const group = (page: Page, name: string) => page.getByRole('group', { name });
/** axe finds no WCAG 2.2 AA violation in what the page shows now (checked on a copy, as axe needs scripts). */
async function expectPageAccessible(page: Page, what: string): Promise<void> {
  const copy = await axeContext.newPage();
  await copy.setContent(await page.content());
  await expectAccessible(copy, what);
  await copy.close();
}

/** WCAG 2.x contrast ratio of two CSS `rgb(...)` colours (opaque). */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('the survey page in a browser', () => {
  it('is filled in on a phone without JavaScript, by keyboard and by tap, once', async () => {
    const { page, status } = await open(answerUrl);
    expect(status).toBe(200);
    expect(await page.title()).toBe('Survei Kepuasan Masyarakat');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Survei Kepuasan Masyarakat');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await expectPageAccessible(page, 'the survey form');
    // Nine questions, each a group named by where it stands, its element and its question, with the element's own
    // four answers (PermenPANRB 14/2017), and a visible "n/9".
    expect(await page.getByRole('group').count()).toBe(9);
    for (const [i, e] of skmElements.entries()) {
      const g = group(page, `Pertanyaan ${i + 1} dari 9: ${e.id} ${e.question.id}`);
      expect(await g.count(), e.id).toBe(1);
      const step = g.locator('.step [aria-hidden="true"]');
      expect(await step.textContent(), e.id).toBe(`${i + 1}/9`);
      expect(await step.isVisible(), e.id).toBe(true);
      expect(await g.getByRole('radio').count()).toBe(4);
      for (const answer of e.answers)
        expect(await g.getByRole('radio', { name: answer.id, exact: true }).count(), answer.id).toBe(1);
    }
    // No element is asked on a good–bad scale: the cost is answered from "Sangat mahal" to "Gratis".
    const cost = group(page, 'Biaya/tarif');
    expect(
      await cost.getByRole('radio').evaluateAll((els) => els.map((el) => (el as any).labels[0].textContent)),
    ).toEqual(['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis']);
    expect(await page.getByRole('radio', { name: 'Tidak baik', exact: true }).count()).toBe(0);
    // Keyboard for the first element: Space checks the focused radio, ArrowRight moves the choice along.
    const u1 = group(page, 'Persyaratan');
    await u1.getByRole('radio', { name: 'Tidak sesuai' }).focus();
    await page.keyboard.press('Space');
    expect(await u1.getByRole('radio', { name: 'Tidak sesuai' }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await u1.getByRole('radio', { name: 'Kurang sesuai', exact: true }).isChecked()).toBe(true);
    expect(await u1.getByRole('radio', { name: 'Tidak sesuai' }).isChecked()).toBe(false);
    // Taps on the label text for the rest: u2 its third answer, the others their fourth.
    for (const [i, e] of skmElements.entries()) {
      if (i === 0) continue;
      const label = e.answers[e.code === 'u2' ? 2 : 3].id;
      await group(page, e.id).getByText(label, { exact: true }).tap();
      expect(await group(page, e.id).getByRole('radio', { name: label, exact: true }).isChecked(), e.id).toBe(true);
    }
    await page.getByLabel('Saran atau pengaduan').fill('Petugas ramah, antrean agak panjang.');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Terima kasih');
    expect(await page.getByRole('status').textContent()).toContain('sudah kami terima');
    await expectPageAccessible(page, 'the thank-you page');
    // The server recorded exactly what the browser sent.
    const kasi = await tokenFor(stack.issuer, who.kasi);
    const survey = await eventually(async () => {
      const res = await stack.call('GET', `/units/DUK-IDK/service-indicators/${wibDate(new Date()).slice(0, 7)}`, {
        token: kasi,
      });
      return res.body?.unit?.survey?.respondents === 1 && res.body.unit.survey;
    });
    expect(survey.nrr).toEqual({ u1: 2, u2: 3, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 });
    // Coming back to the link says it is done.
    const again = await page.goto(answerUrl);
    expect(again?.status()).toBe(409);
    expect(await page.getByRole('alert').textContent()).toContain('sudah diisi');
    expect(await page.getByRole('radio').count()).toBe(0);
    await expectPageAccessible(page, 'the answered-link page');
    await page.close();
  });

  it('takes a complaint with a contact, and stops a contact that is neither phone nor e-mail before sending', async () => {
    const { page } = await open(complaintUrl);
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
    for (const e of skmElements)
      await group(page, e.id)
        .getByText(e.answers[e.code === 'u3' ? 0 : 3].id, { exact: true })
        .tap();
    await page.getByLabel('Ini pengaduan').check();
    const contact = page.getByRole('textbox', { name: 'Nomor HP atau e-mail' });
    await contact.fill('di rumah saja');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.waitForTimeout(300);
    expect(posts).toEqual([]);
    expect(await contact.evaluate((el) => (el as any).validity.patternMismatch)).toBe(true);
    for (const ok of ['0812 3456 7890', '+62 812-3456-7890', '(061) 4512345', 'warga@contoh.id'])
      expect(await contact.evaluate((el, v) => ((el as any).value = v) && (el as any).validity.valid, ok), ok).toBe(
        true,
      );
    await contact.fill('0812-3456-7890');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.waitForLoadState();
    expect(posts).toHaveLength(1);
    expect(await page.getByRole('status').textContent()).toContain('2×24 jam');
    // The unit head, who handles it, reads the contact beside the transaction's reference.
    const kasi = await tokenFor(stack.issuer, who.kasi);
    const followUp = await eventually(async () => {
      const res = await stack.call('GET', '/units/DUK-IDK/survey-follow-ups', { token: kasi });
      return res.body.items?.find((f: { reference: string }) => f.reference === 'E2E-3');
    });
    expect(followUp.contact).toEqual({ kind: 'phone', value: '+6281234567890' });
    await page.close();
  });

  it('refuses to send an unanswered form, with native validation and no JavaScript', async () => {
    const { page } = await open(freshUrl);
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.waitForTimeout(300);
    expect(posts).toEqual([]);
    expect(page.url()).toBe(freshUrl);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Survei Kepuasan Masyarakat');
    // The browser sends the citizen to the first unanswered question.
    expect(
      await group(page, 'Persyaratan')
        .getByRole('radio', { name: 'Tidak sesuai' })
        .evaluate((el) => el === (globalThis as any).document.activeElement),
    ).toBe(true);
    await page.close();
  });

  it('explains a tampered, an expired and an unknown link', async () => {
    const [base, token] = answerUrl.split('/s/') as [string, string];
    const tampered = `${base}/s/${token.slice(0, 5)}${token[5] === 'A' ? 'B' : 'A'}${token.slice(6)}`;
    const bad = await open(tampered);
    expect(bad.status).toBe(400);
    expect(await bad.page.title()).toBe('Tautan tidak sah');
    expect(await bad.page.getByRole('alert').textContent()).toContain('tidak sah');
    const key = Buffer.from(process.env.SURVEY_SIGNING_KEY!, 'base64');
    const expired = signSurveyLink(
      {
        orgId: 'kota-medan',
        unitCode: 'DUK-IDK',
        serviceType: 'ktp-el',
        linkId: 'abc',
        expiresAt: Math.floor(Date.now() / 1000) - 60,
      },
      key,
    );
    const gone = await open(`${base}/s/${expired}`);
    expect(gone.status).toBe(410);
    expect(await gone.page.title()).toBe('Tautan kedaluwarsa');
    expect(await gone.page.getByRole('alert').textContent()).toContain('kedaluwarsa');
    // Correctly signed, but no transaction of the organisation has this link id: refused, nothing to fill in.
    const forged = signSurveyLink(
      {
        orgId: 'kota-medan',
        unitCode: 'DUK-IDK',
        serviceType: 'ktp-el',
        linkId: 'AAAAAAAAAAAAAAAAAAAAAA',
        expiresAt: Math.floor(Date.now() / 1000) + 86_400,
      },
      key,
    );
    const unknown = await open(`${base}/s/${forged}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.page.title()).toBe('Tautan tidak dikenal');
    expect(await unknown.page.getByRole('alert').textContent()).toContain('Tidak ada yang disimpan');
    for (const p of [bad.page, gone.page, unknown.page]) {
      expect(await p.locator('html').getAttribute('lang')).toBe('id');
      expect(await p.getByRole('radio').count()).toBe(0);
      await expectPageAccessible(p, await p.title());
      await p.close();
    }
  });

  it('fits a phone screen, with large tap targets and readable contrast', async () => {
    const { page } = await open(freshUrl);
    const scrollWidth = await page.evaluate<number>('document.scrollingElement.scrollWidth');
    expect(scrollWidth).toBeLessThanOrEqual(SMALL_PHONE.width);
    const opts = page.locator('.opt');
    expect(await opts.count()).toBe(36);
    for (const box of await Promise.all((await opts.all()).map((o) => o.boundingBox()))) {
      expect(box!.height).toBeGreaterThanOrEqual(44);
      expect(box!.x + box!.width).toBeLessThanOrEqual(SMALL_PHONE.width);
    }
    const colours = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => {
          const style = (globalThis as any).getComputedStyle(el);
          return [style.color, style.backgroundColor] as [string, string];
        });
    const [bodyText, bodyBg] = await colours('body');
    const [noteText] = await colours('.note');
    expect(contrast(bodyText, bodyBg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(noteText, bodyBg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(...(await colours('button[type=submit]')))).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });

  it('lets only its own stylesheet apply: the policy names it by hash, without unsafe-inline', async () => {
    const page = await context.newPage();
    const res = await page.goto(freshUrl);
    const csp = (await res!.allHeaders())['content-security-policy']!;
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(csp).not.toContain('unsafe-inline');
    // Chromium enforces the policy: the page's stylesheet (its hash matches) styles the button.
    const background = await page
      .locator('button[type=submit]')
      .evaluate((el) => (globalThis as any).getComputedStyle(el).backgroundColor as string);
    expect(background).toBe('rgb(11, 79, 138)');
    await page.close();
  });

  it('is reached by Tab from the top, with a visible focus ring, one stop per question', async () => {
    const { page } = await open(freshUrl);
    const focused = () =>
      page.evaluate<{ id: string; outline: string; visible: boolean }>(
        '(() => { const el = document.activeElement; const s = getComputedStyle(el); return { id: el.id, outline: s.outlineWidth + " " + s.outlineStyle, visible: el.matches(":focus-visible") }; })()',
      );
    await page.keyboard.press('Tab');
    const first = await focused();
    expect(first.id).toBe('u1-1');
    expect(first.visible).toBe(true);
    expect(first.outline).not.toMatch(/^0px|none$/);
    // Radios of one question are one tab stop: the next Tab goes to the next question.
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('u2-1');
    await page.close();
  });
});

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
import { launchChromium, PHONE, phoneContext } from '../support/browser.ts';
import { tokenFor, who } from '../support/demo.ts';
import { recentService } from '../support/services.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

const SMALL_PHONE = { ...PHONE, height: 640 };
let stack: TestStack;
let browser: Browser;
let context: BrowserContext;
let answerUrl: string; // answered in the first test
let freshUrl: string; // only ever looked at, never answered

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
    body: { transactions: [tx('E2E-1'), tx('E2E-2')] },
  });
  expect(res.status).toBe(200);
  [answerUrl, freshUrl] = res.body.results.map((r: { surveyUrl: string }) => r.surveyUrl);
  browser = await launchChromium();
  // A cheap phone with JavaScript off: the page promises to work without any.
  context = await phoneContext(browser, { javaScriptEnabled: false, viewport: SMALL_PHONE, defaultTimeout: 5_000 });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.stop();
});

const open = async (url: string): Promise<{ page: Page; status: number | undefined }> => {
  const page = await context.newPage();
  const res = await page.goto(url);
  return { page, status: res?.status() };
};
const group = (page: Page, name: string) => page.getByRole('group', { name });

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
    // Nine named groups, each with four radios named by their label.
    expect(await page.getByRole('group').count()).toBe(9);
    for (const [i, e] of skmElements.entries()) {
      const g = group(page, `${i + 1}. ${e.id}`);
      expect(await g.count(), e.id).toBe(1);
      expect(await g.getByRole('radio').count()).toBe(4);
      for (const name of ['1 – Tidak baik', '2 – Kurang baik', '3 – Baik', '4 – Sangat baik'])
        expect(await g.getByRole('radio', { name, exact: true }).count()).toBe(1);
    }
    expect(await group(page, 'Persyaratan').count()).toBe(1);
    expect(await group(page, 'Waktu penyelesaian').count()).toBe(1);
    // Keyboard for the first element: Space checks the focused radio, ArrowRight moves the choice along.
    const u1 = group(page, 'Persyaratan');
    await u1.getByRole('radio', { name: '1 – Tidak baik' }).focus();
    await page.keyboard.press('Space');
    expect(await u1.getByRole('radio', { name: '1 – Tidak baik' }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await u1.getByRole('radio', { name: '2 – Kurang baik' }).isChecked()).toBe(true);
    expect(await u1.getByRole('radio', { name: '1 – Tidak baik' }).isChecked()).toBe(false);
    // Taps on the label text for the rest: u2 = 3, the others 4.
    for (const [i, e] of skmElements.entries()) {
      if (i === 0) continue;
      const label = e.code === 'u2' ? '3 – Baik' : '4 – Sangat baik';
      await group(page, e.id).getByText(label).tap();
      expect(await group(page, e.id).getByRole('radio', { name: label }).isChecked(), e.id).toBe(true);
    }
    await page.getByLabel('Saran atau pengaduan').fill('Petugas ramah, antrean agak panjang.');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Terima kasih');
    expect(await page.getByRole('status').textContent()).toContain('sudah kami terima');
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
        .getByRole('radio', { name: '1 – Tidak baik' })
        .evaluate((el) => el === (globalThis as any).document.activeElement),
    ).toBe(true);
    await page.close();
  });

  it('explains a tampered and an expired link', async () => {
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
    for (const p of [bad.page, gone.page]) {
      expect(await p.locator('html').getAttribute('lang')).toBe('id');
      expect(await p.getByRole('radio').count()).toBe(0);
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

/**
 * "Unduh PDF" in the web app, through the real local stack on a 360 px phone: the Pegawai downloads his SKP from
 * the SKP page and, once the month is scored, his evaluation from the Penilaian page; each arrives as a PDF named
 * as the API names it, with his name and NIP inside (the evaluation marked DRAFT: not final yet), under the strict
 * CSP (no violation reported); a stranger's phone opens the SKP's QR code on the public verification page. axe finds
 * nothing on any of these screens.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsPhone, webAppUnderTest } from '../support/browser.ts';
import { who } from '../support/demo.ts';
import { demoMonth } from '../support/month.ts';
import { pdfQrCode, pdfText } from '../support/pdf.ts';

const RAHMAT = { nip: who.staff, name: 'Rahmat Hidayat Daulay' };
const web = webAppUnderTest({ withWork: true });
const month = demoMonth(web);
const { year: YEAR, period: PERIOD } = month;
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** Taps the button and takes the file the browser saves: its name and bytes. */
async function downloadBy(page: Page, name: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).tap()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

describe('documents in a browser', () => {
  it('the Pegawai downloads his SKP and his evaluation as PDFs', { timeout: 120_000 }, async () => {
    const page = await web.context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    await page.goto(`${web.stack.url}/app/`);
    await page.getByRole('textbox', { name: 'NIP' }).fill(RAHMAT.nip);
    await page.getByRole('button', { name: 'Masuk', exact: true }).tap();
    await expect.poll(() => h1(page).textContent()).toMatch(/^Selamat datang, /);

    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'SKP' }).tap();
    const skp = await downloadBy(page, 'Unduh PDF Dokumen SKP versi 1');
    expect(skp.name).toBe(`SKP-${YEAR}-${RAHMAT.nip}-v1.pdf`);
    const skpText = (await pdfText(skp.bytes)).text;
    expect(skpText).toContain(RAHMAT.name);
    expect(skpText).toContain(RAHMAT.nip);
    expect(skpText).not.toContain('DRAFT');
    await page.getByText(`Tersimpan: ${skp.name}`).first().waitFor();
    await expectAccessible(page, 'SKP page with its PDF saved');
    await expectFitsPhone(page);

    // A stranger scans the paper's QR code with a phone (no sign-in): the verification page, accessible and phone-sized.
    const stranger = await web.context
      .browser()!
      .newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    const phone = await stranger.newPage();
    await phone.goto((await pdfQrCode(skp.bytes))!);
    await phone.getByText('BERLAKU — dokumen ini masih yang terkini.').waitFor();
    expect(await phone.getByText(`${RAHMAT.name} (NIP ${RAHMAT.nip})`).count()).toBe(1);
    await expectAccessible(phone, 'verification page');
    await expectFitsPhone(phone);
    await stranger.close();

    await month.score();
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Penilaian' }).tap();
    await expect.poll(() => h1(page).textContent()).toBe('Penilaian');
    const evaluation = await downloadBy(page, `Unduh PDF Dokumen Evaluasi Kinerja ${month.periodName}`);
    expect(evaluation.name).toBe(`Evaluasi-${PERIOD}-${RAHMAT.nip}.pdf`);
    const text = (await pdfText(evaluation.bytes)).text;
    expect(text).toContain(RAHMAT.name);
    expect(text).toContain('DOKUMEN EVALUASI KINERJA PEGAWAI');
    expect(text).toContain('DRAFT');
    await page.getByText(`Tersimpan: ${evaluation.name}`).waitFor();
    await expectAccessible(page, 'evaluation page with its PDF saved');
    await expectFitsPhone(page);
    expect(cspViolations).toEqual([]);
  });
});

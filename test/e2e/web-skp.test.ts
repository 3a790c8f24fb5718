/**
 * The employee's SKP in the web app, through the real local stack on a 360 px phone: the demo Pegawai opens SKP
 * from the menu and reads his approved plan, every RHK and IKI by name as the API answers them; axe finds nothing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsPhone, webAppUnderTest } from '../support/browser.ts';
import { tokenFor } from '../support/demo.ts';

const PEGAWAI = { nip: '199001152015031003', name: 'Rahmat Hidayat Daulay' };
// With work: Rahmat's approved SKP for the current year.
const web = webAppUnderTest({ withWork: true });

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const thisYear = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date());

interface PlanRead {
  inForce: { planVersion: number; rhk: { title: string; iki: { name: string }[] }[] };
}

describe('the SKP page', () => {
  it('shows the approved plan in force with its RHK and IKI by name, and its versions', async () => {
    const token = await tokenFor(web.stack.issuer, PEGAWAI.nip);
    const read = await web.stack.call('GET', `/employees/me/plans/${thisYear()}`, { token });
    expect(read.status).toBe(200);
    const plan = (read.body as PlanRead).inForce;
    expect(plan.rhk.length).toBeGreaterThan(0);

    const page = await web.context.newPage();
    await page.goto(`${web.stack.url}/app/`);
    await page.getByRole('button', { name: new RegExp(PEGAWAI.nip) }).tap();
    await expect.poll(() => h1(page).textContent()).toBe(`Selamat datang, ${PEGAWAI.name}`);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'SKP' }).tap();
    await expect.poll(() => h1(page).textContent()).toBe('SKP');
    expect(new URL(page.url()).pathname).toBe('/app/skp');

    await page.getByRole('heading', { level: 2, name: `SKP tahun ${thisYear()}` }).waitFor();
    expect(await page.getByText(`Versi ${plan.planVersion}, yang berlaku`).count()).toBe(1);
    expect(await page.locator('.skp-head').getByText('Disetujui', { exact: true }).count()).toBe(1);
    for (const rhk of plan.rhk) {
      const card = page.getByRole('article', { name: rhk.title });
      expect(await card.getByRole('heading', { level: 3, name: rhk.title }).count()).toBe(1);
      for (const iki of rhk.iki) expect(await card.getByText(iki.name, { exact: true }).count()).toBe(1);
    }
    const history = page.getByRole('table');
    expect(await history.getByRole('row').count()).toBeGreaterThan(1);
    expect(await history.getByRole('cell', { name: 'Disetujui', exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'approved plan');
    await expectFitsPhone(page);
    await page.close();
  });
});

/**
 * The SKP editor keeps the keyboard user's place: removing an RHK or an IKI takes its button away, so the focus
 * goes to the button that adds one back (not to the page's start). On the plain demo nobody has a plan yet.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, webAppUnderTest } from '../support/browser.ts';

const PEGAWAI = { nip: '199001152015031003', name: 'Rahmat Hidayat Daulay' };
const web = webAppUnderTest();

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
// A string: the root tsconfig has no DOM types.
const focusedName = (page: Page) => page.evaluate<string | undefined>('document.activeElement?.textContent?.trim()');

describe('the SKP editor', () => {
  it('moves the focus to the add button after removing an IKI or an RHK', async () => {
    const page = await web.context.newPage();
    await page.goto(`${web.stack.url}/app/`);
    await page.getByRole('button', { name: new RegExp(PEGAWAI.nip) }).tap();
    await expect.poll(() => h1(page).textContent()).toBe(`Selamat datang, ${PEGAWAI.name}`);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'SKP' }).tap();
    await page.getByRole('button', { name: 'Tambah RHK', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Tambah IKI pada RHK 1' }).tap();
    await page.getByRole('button', { name: 'Hapus IKI 1.2' }).tap();
    expect(await page.getByRole('button', { name: 'Hapus IKI 1.2' }).count()).toBe(0);
    await expect.poll(() => focusedName(page)).toBe('Tambah IKI pada RHK 1');

    await page.getByRole('button', { name: 'Tambah RHK', exact: true }).tap();
    await page.getByRole('button', { name: 'Hapus RHK 2' }).tap();
    expect(await page.getByRole('button', { name: 'Hapus RHK 2' }).count()).toBe(0);
    await expect.poll(() => focusedName(page)).toBe('Tambah RHK');
    await expectAccessible(page, 'plan editor after removals');
    await page.close();
  });
});

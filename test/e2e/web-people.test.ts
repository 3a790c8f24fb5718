/**
 * Pegawai & unit in the web app, through the real local stack on a 360 px phone. The BKPSDM admin browses the unit
 * tree by keyboard and by tap, adds a unit (a bad code refused under its field), registers a person in it, searches a person by name, edits
 * the record (and after someone else's change, the 409 names the current version and a reload starts from it),
 * previews a CSV with bad rows (each row's problems in words, nothing written — checked through the API), fixes
 * it and imports it (the people then exist), and appoints a Plh (a wrong date range refused under its field); the registered machine clients show. The
 * Admin OPD sees only her OPD, and the API's refusal for a person and a CSV row outside it. axe finds nothing and
 * everything fits the phone on every state on the way.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsPhone, webAppUnderTest } from '../support/browser.ts';
import { tokenFor, who } from '../support/demo.ts';

const web = webAppUnderTest();

const RAHMAT = { nip: who.staff, name: 'Rahmat Hidayat Daulay' };
const RINA = { nip: who.kasi, name: 'Rina Marlina Pohan, S.Sos' };
const YUSUF = { nip: who.otherKasi, name: 'Yusuf Maulana Rangkuti, S.IP' };
const DISDUKCAPIL = 'Dinas Kependudukan dan Pencatatan Sipil';
const DAFDUK = 'Bidang Pelayanan Pendaftaran Penduduk';
const IDK = 'Seksi Identitas Penduduk';
const NEW_A = '199604142021031001';
const NEW_B = '199606142021031002';
const NEW_C = '199705052022032003';
const NEW_D = '199801012024012001';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const region = (page: Page, name: string) => page.getByRole('region', { name });

async function signIn(nip: string): Promise<Page> {
  const page = await web.context.newPage();
  await page.goto(`${web.stack.url}/app/`);
  await page.getByLabel('NIP', { exact: true }).fill(nip);
  await page.getByRole('button', { name: 'Masuk', exact: true }).tap();
  await expect.poll(() => h1(page).textContent()).toMatch(/^Selamat datang, /);
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pegawai & unit' }).tap();
  await expect.poll(() => h1(page).textContent()).toBe('Pegawai & unit');
  return page;
}

async function checkScreen(page: Page, what: string) {
  await expectAccessible(page, what);
  await expectFitsPhone(page);
}

/** The CSV as Excel saves it in an Indonesian locale: a byte order mark, semicolons, CRLF. */
const excel = (...rows: string[]) =>
  Buffer.from(`\uFEFF${['NIP;Nama;Jabatan;Kode_Unit;NIP_Atasan', ...rows, ''].join('\r\n')}`, 'utf8');

describe('people and units in a browser', () => {
  it('lets BKPSDM manage the whole organisation and an Admin OPD only hers', { timeout: 180_000 }, async () => {
    const bkpsdmToken = await tokenFor(web.stack.issuer, who.bkpsdm);
    const page = await signIn(who.bkpsdm);
    await page.getByText('Anda mengelola pegawai dan unit seluruh Pemerintah Kota Medan.').waitFor();

    // The tree: every OPD, each open at first; a bidang opens by keyboard, a seksi is picked by tap.
    const tree = region(page, 'Unit kerja');
    for (const opd of ['Sekretariat Daerah', DISDUKCAPIL, 'Inspektorat'])
      await tree.getByRole('button', { name: new RegExp(`^${opd}`) }).waitFor();
    const dafdukToggle = tree.getByRole('button', { name: `Sub-unit ${DAFDUK}` });
    expect(await dafdukToggle.getAttribute('aria-expanded')).toBe('false');
    expect(await tree.getByRole('button', { name: new RegExp(`^${IDK}`) }).count()).toBe(0);
    await dafdukToggle.focus();
    await page.keyboard.press('Enter');
    expect(await dafdukToggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab'); // to the bidang's name
    await page.keyboard.press('Tab'); // the first seksi has no children: straight to its name
    await page.keyboard.press('Enter');
    await region(page, `Pegawai ${IDK}`).waitFor();
    await region(page, `Pegawai ${IDK}`)
      .getByRole('button', { name: new RegExp(RAHMAT.name) })
      .waitFor();
    await checkScreen(page, 'the tree with a seksi picked');

    // A unit under the bidang: a bad code is refused under its field, a good one joins the tree.
    const addUnit = region(page, 'Tambah unit');
    await addUnit.getByLabel('Di bawah unit').selectOption({ label: `${DAFDUK} (DUK-DAFDUK)` });
    await addUnit.getByText('Unit baru menjadi Seksi.').waitFor();
    await addUnit.getByLabel('Kode unit').fill('seksi arsip!');
    await addUnit.getByLabel('Nama unit').fill('Seksi Arsip Kependudukan');
    await addUnit.getByRole('button', { name: 'Tambah unit' }).tap();
    await expect.poll(() => addUnit.getByLabel('Kode unit').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'add unit with a refused code');
    await addUnit.getByLabel('Kode unit').fill('DUK-ARSIP');
    await addUnit.getByRole('button', { name: 'Tambah unit' }).tap();
    await expect
      .poll(() => addUnit.getByRole('status').textContent())
      .toBe('Unit Seksi Arsip Kependudukan (DUK-ARSIP) ditambahkan.');
    await tree.getByRole('button', { name: /^Seksi Arsip Kependudukan/ }).waitFor();
    const units = await web.stack.call('GET', '/units', { token: bkpsdmToken });
    expect(units.body.units.find((u: { code: string }) => u.code === 'DUK-ARSIP')).toMatchObject({
      kind: 'seksi',
      parentCode: 'DUK-DAFDUK',
    });

    // A new person in the new unit: a short NIP refused under its field, then registered and opened.
    const register = region(page, 'Daftarkan pegawai baru');
    await register.getByLabel('NIP', { exact: true }).fill('19980101');
    await register.getByLabel('Nama lengkap dan gelar').fill('Eka Putri Ginting');
    await register.getByLabel('Jabatan').fill('Pengadministrasi Arsip');
    await register.getByLabel('Unit kerja').selectOption('DUK-ARSIP');
    await register.getByRole('button', { name: 'Daftarkan pegawai' }).tap();
    await expect.poll(() => register.getByLabel('NIP', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'a registration refused at the NIP');
    await register.getByLabel('NIP', { exact: true }).fill(NEW_D);
    await register.getByRole('button', { name: 'Daftarkan pegawai' }).tap();
    await region(page, 'Eka Putri Ginting').waitFor();
    const registered = await web.stack.call('GET', `/employees/${NEW_D}`, { token: bkpsdmToken });
    expect(registered.body).toMatchObject({ name: 'Eka Putri Ginting', unitCode: 'DUK-ARSIP', status: 'active' });

    // Search the whole Dinas by name; open Rahmat's record.
    await tree.getByRole('button', { name: new RegExp(`^${DISDUKCAPIL}`) }).tap();
    const people = region(page, `Pegawai ${DISDUKCAPIL}`);
    await people.getByLabel('Cari nama atau NIP').fill('rahmat');
    await people.getByRole('button', { name: 'Cari' }).tap();
    await expect.poll(() => people.getByRole('status').first().textContent()).toMatch(/cocok dengan "rahmat"/);
    const found = await people.locator('.person-name').allTextContents();
    expect(found).toContain(RAHMAT.name);
    for (const name of found) expect(name.toLowerCase()).toMatch(/(^|\W)rahmat/);
    await people.getByRole('button', { name: new RegExp(RAHMAT.name) }).tap();
    const person = region(page, RAHMAT.name);
    await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe(RAHMAT.name);
    await checkScreen(page, 'a person opened');

    // Edit: saved, and the API has it.
    const position = person.getByLabel('Jabatan', { exact: true });
    await position.fill('Pengelola Data Kependudukan Terampil');
    await person.getByRole('button', { name: 'Simpan perubahan' }).tap();
    await expect.poll(() => person.getByRole('status').first().textContent()).toMatch(/^Perubahan tersimpan/);
    const saved = await web.stack.call('GET', `/employees/${RAHMAT.nip}`, { token: bkpsdmToken });
    expect(saved.body.position).toBe('Pengelola Data Kependudukan Terampil');

    // Someone else changes him meanwhile: the page's change is refused with the current version, and a reload
    // starts the form from the record as it is now.
    const elsewhere = await web.stack.call('PATCH', `/employees/${RAHMAT.nip}`, {
      token: bkpsdmToken,
      body: { version: saved.body.version, position: 'Pengelola Data Kependudukan Mahir' },
    });
    expect(elsewhere.status).toBe(200);
    await position.fill('Pengelola Data Kependudukan Penyelia');
    await person.getByRole('button', { name: 'Simpan perubahan' }).tap();
    const alert = person.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain(`versi sekarang ${elsewhere.body.version}`);
    await checkScreen(page, 'an edit refused as stale');
    await person.getByRole('button', { name: 'Muat ulang data terkini' }).tap();
    await expect.poll(() => position.inputValue()).toBe('Pengelola Data Kependudukan Mahir');
    await position.fill('Pengelola Data Kependudukan Penyelia');
    await person.getByRole('button', { name: 'Simpan perubahan' }).tap();
    await expect
      .poll(() => person.getByRole('status').first().textContent())
      .toBe(`Perubahan tersimpan (versi ${elsewhere.body.version + 1}).`);

    // A CSV with bad rows: every row's problems in words, and nothing written.
    const csvRegion = region(page, 'Impor CSV');
    const badRows = [
      `${NEW_A};Budi Hartono;Pranata Komputer;DUK-SIAK;198809092011011001`,
      `199613142021031002;Citra Lestari;Pranata Komputer;DUK-SIAK;198809092011011001`, // birth month 13
      `${NEW_C};Dani Saputra;Analis Data;DUK-NOPE;198809092011011001`, // unknown unit
    ];
    await csvRegion.getByLabel('Pilih berkas CSV').setInputFiles({
      name: 'pegawai.csv',
      mimeType: 'text/csv',
      buffer: excel(...badRows),
    });
    await expect.poll(() => csvRegion.getByLabel('Isi CSV').inputValue()).toContain('Budi Hartono');
    await csvRegion.getByRole('button', { name: 'Periksa' }).tap();
    await csvRegion.getByText('2 dari 3 baris bermasalah.', { exact: false }).waitFor();
    const expected = await web.stack.call('POST', '/employees/import?dryRun=true', {
      token: bkpsdmToken,
      body: excel(...badRows).toString('utf8'),
    });
    const rows = csvRegion.getByRole('table', { name: 'Hasil pemeriksaan per baris' }).locator('tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).textContent()).toBe(`2Budi Hartono${NEW_A}Akan dibuat`);
    for (const i of [1, 2]) {
      const line = expected.body.lines[i];
      expect(line.outcome).toBe('invalid');
      expect(await rows.nth(i).locator('li').allTextContents()).toEqual(
        line.problems.map((p: { message: string }) => p.message),
      );
    }
    expect(await csvRegion.getByRole('button', { name: /^Impor/ }).count()).toBe(0);
    for (const nip of [NEW_A, NEW_C])
      expect((await web.stack.call('GET', `/employees/${nip}`, { token: bkpsdmToken })).status).toBe(404);
    await checkScreen(page, 'an import preview with problems');

    // Fixed in the box, checked again, imported: the people exist.
    const text = csvRegion.getByLabel('Isi CSV');
    await text.fill((await text.inputValue()).replace('199613142021031002', NEW_B).replace(';DUK-NOPE;', ';DUK-SIAK;'));
    await csvRegion.getByText('Isi sudah diubah sejak diperiksa', { exact: false }).waitFor();
    await csvRegion.getByRole('button', { name: 'Periksa' }).tap();
    await csvRegion.getByText('Semua 3 baris siap: 3 baru, 0 diubah, 0 tetap.', { exact: false }).waitFor();
    await checkScreen(page, 'a clean import preview');
    await csvRegion.getByRole('button', { name: 'Impor (3 perubahan)' }).tap();
    await expect
      .poll(() => csvRegion.locator('.import-result').textContent())
      .toBe('Impor selesai: 3 baris, 3 dibuat, 0 diubah, 0 tetap.');
    for (const [nip, name] of [
      [NEW_A, 'Budi Hartono'],
      [NEW_B, 'Citra Lestari'],
      [NEW_C, 'Dani Saputra'],
    ]) {
      const stored = await web.stack.call('GET', `/employees/${nip}`, { token: bkpsdmToken });
      expect(stored.body).toMatchObject({ name, unitCode: 'DUK-SIAK', supervisorNip: '198809092011011001' });
    }

    // A Plh: Yusuf stands in for Rina. Dates the wrong way round are refused under the end date.
    await people.getByLabel('Buka data pegawai berdasarkan NIP').fill(YUSUF.nip);
    await people.getByRole('button', { name: 'Buka', exact: true }).tap();
    const yusuf = region(page, YUSUF.name);
    await yusuf.getByText(`${YUSUF.name} belum pernah ditugaskan sebagai Plt/Plh.`).waitFor();
    await yusuf.getByLabel('NIP pemegang jabatan yang digantikan').fill(RINA.nip);
    await yusuf.getByLabel('Jenis penugasan').selectOption('PLH');
    await yusuf.getByLabel('Mulai tanggal').fill('2027-01-11');
    await yusuf.getByLabel('Sampai tanggal').fill('2027-01-04');
    await yusuf.getByRole('button', { name: 'Tetapkan' }).tap();
    await expect.poll(() => yusuf.getByLabel('Sampai tanggal').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'an appointment refused at its dates');
    await yusuf.getByLabel('Sampai tanggal').fill('2027-01-15');
    await yusuf.getByLabel('Nomor SK (opsional)').fill('800/12/BKPSDM/2027');
    await yusuf.getByRole('button', { name: 'Tetapkan' }).tap();
    await expect.poll(() => yusuf.getByRole('status').last().textContent()).toBe('Penugasan Plh tersimpan.');
    await yusuf.getByText(`Plh untuk ${RINA.name}`, { exact: false }).waitFor();
    const acting = await web.stack.call('GET', `/employees/${YUSUF.nip}/acting-assignments`, { token: bkpsdmToken });
    expect(acting.body.items).toMatchObject([
      {
        forNip: RINA.nip,
        kind: 'PLH',
        startDate: '2027-01-11',
        endDate: '2027-01-15',
        decreeNumber: '800/12/BKPSDM/2027',
      },
    ]);
    // The organisation's machine clients, read-only, with the command that registers one.
    const clients = region(page, 'Klien mesin');
    await clients.getByText('SIAK Disdukcapil front office (demo)').waitFor();
    expect(await clients.locator('.client-list li').count()).toBe(
      (await web.stack.call('GET', '/machine-clients', { token: bkpsdmToken })).body.items.length,
    );
    expect(await clients.locator('pre.command').textContent()).toContain('--machine-client <clientId>');
    await checkScreen(page, 'a Plh appointed');

    // The Admin OPD: only her OPD is offered; the API's refusal shows for work outside it.
    const adminToken = await tokenFor(web.stack.issuer, who.adminOpd);
    const dewi = await signIn(who.adminOpd);
    await dewi.getByText(`Anda mengelola pegawai dan unit ${DISDUKCAPIL} saja.`).waitFor();
    const herTree = region(dewi, 'Unit kerja');
    await herTree.getByRole('button', { name: new RegExp(`^${DISDUKCAPIL}`) }).waitFor();
    // One root, her OPD, with its bidang open under it.
    expect(await herTree.locator('.unit-tree > li').count()).toBe(1);
    await herTree.getByRole('button', { name: new RegExp(`^${DAFDUK}`) }).waitFor();
    for (const other of ['Sekretariat Daerah', 'Inspektorat', 'Badan Kepegawaian'])
      expect(await herTree.getByRole('button', { name: new RegExp(`^${other}`) }).count()).toBe(0);
    expect(await dewi.getByRole('heading', { name: 'Klien mesin' }).count()).toBe(0);
    const parents = await region(dewi, 'Tambah unit').getByLabel('Di bawah unit').locator('option').allTextContents();
    expect(parents.every((p) => p.includes('DISDUKCAPIL') || p.includes('DUK-'))).toBe(true);
    await checkScreen(dewi, 'the Admin OPD page');

    // Someone of BKPSDM by NIP: the API refuses, and the page says so where she asked.
    const refusal = await web.stack.call('GET', `/employees/${who.bkpsdm}`, { token: adminToken });
    expect(refusal.status).toBe(403);
    const hers = region(dewi, `Pegawai ${DISDUKCAPIL}`);
    await hers.getByLabel('Buka data pegawai berdasarkan NIP').fill(who.bkpsdm);
    await hers.getByRole('button', { name: 'Buka', exact: true }).tap();
    const outside = region(dewi, `Pegawai ${who.bkpsdm}`);
    await expect.poll(() => outside.getByRole('alert').textContent()).toBe(refusal.body.error.message);
    await checkScreen(dewi, 'a person outside her OPD refused');

    // A CSV row for a BKPSDM unit: the preview marks it refused, in words; nothing is offered to import.
    const herCsv = region(dewi, 'Impor CSV');
    await herCsv
      .getByLabel('Isi CSV')
      .fill('nip,nama,jabatan,kode_unit\n199901012024031001,Orang BKPSDM,Analis,BKPSDM');
    await herCsv.getByRole('button', { name: 'Periksa' }).tap();
    await herCsv.getByText('1 dari 1 baris bermasalah.', { exact: false }).waitFor();
    expect(await herCsv.locator('tbody li').textContent()).toContain('Admin OPD untuk OPD-nya sendiri');
    expect(await herCsv.getByRole('button', { name: /^Impor/ }).count()).toBe(0);
    expect((await web.stack.call('GET', '/employees/199901012024031001', { token: bkpsdmToken })).status).toBe(404);
    await checkScreen(dewi, 'a refused CSV row');
  });
});

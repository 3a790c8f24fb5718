/**
 * The SKP workflow in the web app, through the real local stack on 360 px phones: an employee with no plan for the
 * year drafts one (linking his RHK to his supervisor's by its title), is refused while the weights do not add up
 * to 100 (the message beside the total), submits; his supervisor reads what it holds in words and returns it
 * with a note (an empty note refused beside the field); he reads the note, fixes the target, and after a 409
 * (the plan saved elsewhere meanwhile) reloads without losing what he typed and resubmits; she approves; he sees
 * it approved; then he revises it with a reason and she reads the change of target in words and approves the
 * revision. Another member starts from a copy of last year's plan. Nobody types an id or a version. axe finds nothing on any screen on the way.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsPhone, phoneContext, webAppUnderTest } from '../support/browser.ts';
import { tokenFor, who } from '../support/demo.ts';

// With work: approved plans from the Kepala Dinas down to the Kepala Seksi, so her staff can link to her RHK.
const web = webAppUnderTest({ withWork: true });

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const thisYear = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date());

interface TeamPlans {
  items: { nip: string; name: string; state: string }[];
}
interface PlanRead {
  inForce?: { rhk: { title: string }[] };
  latest: { version: number; rhk: unknown[] };
}

async function signIn(page: Page, nip: string) {
  await page.goto(`${web.stack.url}/app/`);
  await page.getByLabel('NIP', { exact: true }).fill(nip);
  await page.getByRole('button', { name: 'Masuk', exact: true }).tap();
  await expect.poll(() => h1(page).textContent()).toMatch(/^Selamat datang, /);
}

async function open(page: Page, menu: string) {
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: menu }).tap();
  await expect.poll(() => h1(page).textContent()).toBe(menu);
}

describe('SKP drafting and approval in a browser', () => {
  it('takes a plan from draft through a return with a note to approval, by name throughout', async () => {
    const year = thisYear();
    const kasiToken = await tokenFor(web.stack.issuer, who.kasi);
    // Someone of the Kepala Seksi's team without a plan this year, and the RHK of her plan in force.
    const team = await web.stack.call('GET', `/employees/me/team-plans/${year}`, { token: kasiToken });
    const member = (team.body as TeamPlans).items.find((m) => m.state === 'none');
    expect(member, 'a team member without a plan').toBeDefined();
    const own = (await web.stack.call('GET', `/employees/me/plans/${year}`, { token: kasiToken })).body as PlanRead;
    const kasiRhk = own.inForce!.rhk[0]!.title;
    const rhkTitle = 'Terekamnya data KTP-el pemohon di loket 3';
    const ikiName = 'Pemohon KTP-el yang direkam';

    // The employee: no plan yet, so the page offers an empty one to write.
    const employee = await web.context.newPage();
    await signIn(employee, member!.nip);
    await open(employee, 'SKP');
    await employee.getByRole('heading', { level: 2, name: `SKP tahun ${year}` }).waitFor();
    expect(await employee.getByText(`Belum ada SKP untuk tahun ${year}.`).count()).toBe(1);
    const rhk1 = employee.getByRole('group', { name: 'RHK 1', exact: true });
    const iki1 = rhk1.getByRole('group', { name: 'IKI 1.1' });
    await iki1.waitFor();
    await expectAccessible(employee, 'new plan');
    await expectFitsPhone(employee);

    await rhk1.getByLabel('Rumusan RHK (hasil kerja)').fill(rhkTitle);
    await rhk1.getByLabel('RHK atasan yang diintervensi').selectOption({ label: kasiRhk });
    await iki1.getByLabel('Indikator kinerja individu (IKI)').fill(ikiName);
    await iki1.getByLabel('Target', { exact: true }).fill('1200');
    await iki1.getByLabel('Satuan').fill('orang');
    await iki1.getByLabel('Realisasi diambil dari').selectOption({ label: 'Hasil aktivitas harian yang disetujui' });
    await iki1.getByLabel('Bobot (%)').fill('60');
    await employee.getByRole('button', { name: 'Simpan draf' }).tap();
    // The page's status line comes first; the PDF download has its own further down.
    const status = employee.getByRole('main').getByRole('status').first();
    await expect.poll(() => status.textContent()).toBe('Draf SKP tersimpan.');
    await employee.getByText('Versi 1', { exact: true }).waitFor();

    // Submitting checks the weights: the refusal sits beside the total, and nothing was submitted.
    await employee.getByRole('button', { name: 'Ajukan ke atasan' }).tap();
    const weightError = employee.locator('.skp-total + .field-error');
    await weightError.waitFor();
    expect(await weightError.textContent()).toBe('Jumlah bobot IKI adalah 60, harus tepat 100.');
    await expectAccessible(employee, 'submission refused');
    await iki1.getByLabel('Bobot (%)').fill('100');
    expect(await employee.locator('.skp-total').textContent()).toBe('Jumlah bobot IKI: 100 dari 100');
    await employee.getByRole('button', { name: 'Ajukan ke atasan' }).tap();
    await expect.poll(() => status.textContent()).toBe('SKP diajukan ke atasan.');
    await employee.locator('.skp-head').getByText('Diajukan, menunggu persetujuan atasan').waitFor();
    expect(
      await employee.getByRole('article', { name: rhkTitle }).getByText(`Mendukung RHK atasan: ${kasiRhk}`).count(),
    ).toBe(1);
    await expectAccessible(employee, 'plan submitted');
    await expectFitsPhone(employee);

    // The supervisor, on her own phone: the plan waits under his name and reads as what it adds.
    const kasiContext = await phoneContext(web.context.browser()!);
    const kasi = await kasiContext.newPage();
    await signIn(kasi, who.kasi);
    await open(kasi, 'Tim');
    const approvals = kasi.getByRole('region', { name: 'Persetujuan SKP' });
    const his = approvals.getByRole('article', { name: member!.name });
    await his.getByText('Diajukan, menunggu keputusan Anda').waitFor();
    await his.getByRole('button', { name: 'Periksa SKP' }).tap();
    const review = his.getByRole('region', { name: `SKP ${member!.name} tahun ${year}, versi 1` });
    await review.waitFor();
    expect(await review.getByText('Belum ada versi yang berlaku: semua RHK dan IKI ini baru.').count()).toBe(1);
    expect(await review.locator('.plan-changes li').allTextContents()).toEqual([
      `RHK baru (RHK utama): "${rhkTitle}", mendukung RHK Anda "${kasiRhk}".`,
      `IKI baru pada RHK "${rhkTitle}": "${ikiName}", target 1.200 orang, bobot 100.`,
    ]);
    await expectAccessible(kasi, 'plan under review');
    await expectFitsPhone(kasi, 'checkbox-by-label');

    // Returning needs a note: refused beside the field, then sent.
    const noteField = review.getByLabel(`Catatan untuk ${member!.name}`);
    await review.getByRole('button', { name: 'Kembalikan dengan catatan' }).tap();
    await expect.poll(() => noteField.getAttribute('aria-invalid')).toBe('true');
    expect(await review.locator('.field-error').count()).toBe(1);
    await expectAccessible(kasi, 'empty note refused');
    const note = 'Target terlalu rendah; naikkan menjadi 2.400 orang seperti tahun lalu.';
    await noteField.fill(note);
    await review.getByRole('button', { name: 'Kembalikan dengan catatan' }).tap();
    const kasiStatus = approvals.locator('.plan-status');
    await expect.poll(() => kasiStatus.textContent()).toBe(`SKP ${member!.name} dikembalikan dengan catatan.`);
    await his.getByText('Dikembalikan untuk diperbaiki').waitFor();

    // The employee reads the note and fixes the target; meanwhile the plan is saved elsewhere (another tab).
    await employee.reload();
    await employee.getByText(`Catatan atasan: ${note}`).waitFor();
    await expectAccessible(employee, 'plan returned');
    await iki1.getByLabel('Target', { exact: true }).fill('2400');
    const employeeToken = await tokenFor(web.stack.issuer, member!.nip);
    const current = (await web.stack.call('GET', `/employees/me/plans/${year}`, { token: employeeToken }))
      .body as PlanRead;
    const elsewhere = await web.stack.call('PUT', `/employees/me/plans/${year}`, {
      token: employeeToken,
      body: { version: current.latest.version, rhk: current.latest.rhk },
    });
    expect(elsewhere.status).toBe(200);
    await employee.getByRole('button', { name: 'Ajukan ke atasan' }).tap();
    await employee.getByText('SKP ini telah diubah di tempat lain.', { exact: false }).waitFor();
    await expectAccessible(employee, 'conflict');
    await employee.getByRole('button', { name: 'Muat ulang' }).tap();
    await expect.poll(() => status.textContent()).toMatch(/^Versi terbaru dimuat/);
    expect(await iki1.getByLabel('Target', { exact: true }).inputValue()).toBe('2400');
    await employee.getByRole('button', { name: 'Ajukan ke atasan' }).tap();
    await expect.poll(() => status.textContent()).toBe('SKP diajukan ke atasan.');

    // The supervisor sees the new target and approves.
    await kasi.reload();
    await his.getByRole('button', { name: 'Periksa SKP' }).tap();
    await review.getByText(`"${ikiName}", target 2.400 orang, bobot 100.`, { exact: false }).waitFor();
    await review.getByRole('button', { name: 'Setujui SKP' }).tap();
    await expect.poll(() => kasiStatus.textContent()).toBe(`SKP ${member!.name} disetujui.`);
    await his.getByText('Disetujui', { exact: true }).waitFor();
    await expectAccessible(kasi, 'plan approved');

    // The employee sees it approved and in force, and may start a revision.
    await employee.reload();
    await employee.locator('.skp-head').getByText('Disetujui', { exact: true }).waitFor();
    expect(await employee.getByText('Versi 1, yang berlaku').count()).toBe(1);
    expect(await employee.getByRole('heading', { name: 'Revisi SKP' }).count()).toBe(1);
    await expectAccessible(employee, 'plan approved');
    await expectFitsPhone(employee);

    // A revision is a new version with a reason; the supervisor reads what it changes against the one in force.
    const reason = 'Target perekaman dinaikkan mengikuti target Seksi semester II.';
    await employee.getByLabel('Alasan revisi').fill(reason);
    await employee.getByRole('button', { name: 'Mulai revisi' }).tap();
    await expect.poll(() => status.textContent()).toBe('Revisi dimulai sebagai draf versi 2.');
    await iki1.getByLabel('Target', { exact: true }).fill('3000');
    await employee.getByRole('button', { name: 'Ajukan ke atasan' }).tap();
    await expect.poll(() => status.textContent()).toBe('SKP diajukan ke atasan.');
    await employee.getByRole('heading', { name: 'Versi yang berlaku sekarang' }).waitFor();
    await expectAccessible(employee, 'revision submitted');

    await kasi.reload();
    await his.getByRole('button', { name: 'Periksa SKP' }).tap();
    const revision = his.getByRole('region', { name: `SKP ${member!.name} tahun ${year}, versi 2` });
    await revision.waitFor();
    expect(await revision.getByText(`Alasan revisi: ${reason}`).count()).toBe(1);
    expect(await revision.getByText('Perubahan dibanding versi 1 yang berlaku:').count()).toBe(1);
    expect(await revision.locator('.plan-changes li').allTextContents()).toEqual([
      `IKI "${ikiName}": target diubah dari 2.400 orang menjadi 3.000 orang.`,
    ]);
    await expectAccessible(kasi, 'revision under review');
    await revision.getByRole('button', { name: 'Setujui SKP' }).tap();
    await expect.poll(() => kasiStatus.textContent()).toBe(`SKP ${member!.name} disetujui.`);

    await employee.reload();
    await employee.getByText('Versi 2, yang berlaku').waitFor();
    expect(await employee.getByRole('table').getByRole('cell', { name: reason }).count()).toBe(1);
    await kasiContext.close();
    await employee.close();
  }, 120_000);

  it("offers last year's plan to copy, with its links to the supervisor cleared", async () => {
    const year = Number(thisYear());
    const [bkpsdmToken, kasiToken] = await Promise.all([
      tokenFor(web.stack.issuer, who.bkpsdm),
      tokenFor(web.stack.issuer, who.kasi),
    ]);
    // The demo opens only the current year: BKPSDM opens last year, and a team member without a plan this
    // year gets one there (a draft is enough to copy).
    const opened = await web.stack.call('POST', '/years', {
      token: bkpsdmToken,
      body: { year: year - 1, cadence: 'monthly' },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const team = await web.stack.call('GET', `/employees/me/team-plans/${year}`, { token: kasiToken });
    const member = (team.body as TeamPlans).items.find((m) => m.state === 'none');
    expect(member, 'a team member without a plan').toBeDefined();
    const lastYear = {
      id: 'verif-1',
      kind: 'utama',
      title: 'Terverifikasinya berkas permohonan KIA',
      parentRhkId: 'kasi-lama',
      iki: [
        {
          id: 'verif-1-a',
          name: 'Berkas KIA diverifikasi',
          aspect: 'kuantitas',
          target: { kind: 'single', value: 900 },
          unit: 'berkas',
          direction: 'higher',
          weight: 100,
        },
      ],
    };
    const memberToken = await tokenFor(web.stack.issuer, member!.nip);
    const created = await web.stack.call('POST', `/employees/me/plans/${year - 1}`, {
      token: memberToken,
      body: { rhk: [lastYear] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const context = await phoneContext(web.context.browser()!);
    const page = await context.newPage();
    await signIn(page, member!.nip);
    await open(page, 'SKP');
    const copy = page.getByRole('button', { name: `Salin SKP tahun ${year - 1}` });
    await copy.waitFor();
    await expectAccessible(page, 'copy offered');
    await copy.tap();
    await expect
      .poll(() => page.getByRole('main').getByRole('status').first().textContent())
      .toBe('Draf SKP tersimpan.');
    const rhk1 = page.getByRole('group', { name: 'RHK 1', exact: true });
    expect(await rhk1.getByLabel('Rumusan RHK (hasil kerja)').inputValue()).toBe(lastYear.title);
    expect(await rhk1.getByLabel('RHK atasan yang diintervensi').inputValue()).toBe('');
    expect(await rhk1.getByLabel('Indikator kinerja individu (IKI)').inputValue()).toBe(lastYear.iki[0]!.name);
    expect(await rhk1.getByLabel('Target', { exact: true }).inputValue()).toBe('900');
    expect(await page.getByRole('button', { name: `Salin SKP tahun ${year - 1}` }).count()).toBe(0);
    await expectAccessible(page, 'copied draft');
    await context.close();
  }, 60_000);
});

/**
 * The unit dashboard (/app/dasbor) through the real local stack on a 360 px phone: the demo machine client pushes
 * service transactions, citizens answer their surveys, and the Kepala Dinas sees her WHOLE Dinas's service figures
 * — non-zero and equal to what the API reports — with the charts drawn and their tables, and follows a bidang's row
 * to its own dashboard; the Kepala Bidang sees his bidang only; a head of another bidang asking for it gets the
 * API's refusal on the page. axe finds nothing and the page fits the phone in every state.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsPhone, webAppUnderTest } from '../support/browser.ts';
import { tokenFor, who } from '../support/demo.ts';
import { recentService } from '../support/services.ts';
import { eventually } from '../support/stack.ts';

// Approved plans and pending activities (the verification backlog), beside the services pushed below.
const web = webAppUnderTest({ withWork: true });
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const n = (x: number) => x.toLocaleString('id-ID');
/** All nine elements rated `value`, as the survey form sends them. */
const answers = (value: number) =>
  new URLSearchParams(Array.from({ length: 9 }, (_, i): [string, string] => [`u${i + 1}`, String(value)])).toString();

let periodId: string;
const api = async (path: string, nip: string) => {
  const res = await web.stack.call('GET', path, { token: await tokenFor(web.stack.issuer, nip) });
  return res;
};

beforeAll(async () => {
  const recent = await recentService();
  const tx = (externalId: string, unitCode: string, serviceType: string, officer: string) => ({
    externalId,
    unitCode,
    serviceType,
    officers: [officer],
    ...recent,
  });
  const pushed = await web.stack.call('POST', '/service-transactions', {
    token: await web.stack.issuer.machineToken(),
    body: {
      transactions: [
        tx('DASH-1', 'DUK-IDK', 'ktp-el', '199001152015031003'),
        tx('DASH-2', 'DUK-IDK', 'kia', '199204282017032001'),
        tx('DASH-3', 'DUK-PINDAH', 'kk', '199406172019032003'),
      ],
    },
  });
  expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
  expect(pushed.body.summary.created).toBe(3);
  periodId = pushed.body.results[0].transaction.periodIds[0];
  const urls: string[] = pushed.body.results.map((r: { surveyUrl: string }) => r.surveyUrl);
  // Citizens answer: two satisfied, one not (a follow-up for the seksi head).
  for (const [url, value] of [
    [urls[0], 4],
    [urls[1], 3],
    [urls[2], 1],
  ] as const) {
    const res = await fetch(url!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: answers(value),
    });
    expect(res.status).toBe(200);
  }
  // The totals follow through the table's stream.
  await eventually(async () => {
    const res = await api(`/units/DISDUKCAPIL/service-indicators/${periodId}`, who.kadis);
    return res.body.unit?.served === 3 && res.body.unit.survey.respondents === 3 ? true : undefined;
  });
}, 120_000);

async function signIn(nip: string): Promise<Page> {
  const page = await web.context.newPage();
  await page.goto(`${web.stack.url}/app/`);
  await page.getByLabel('NIP', { exact: true }).fill(nip);
  await page.getByRole('button', { name: 'Masuk', exact: true }).tap();
  await expect.poll(() => h1(page).textContent()).toMatch(/^Selamat datang, \S/);
  return page;
}

/** The headline figures the page shows, by the API field they stand for. */
const figure = (page: Page, name: string) =>
  page.getByTestId('service-figures').locator(`[data-figure="${name}"]`).textContent();

async function expectServiceFigures(page: Page, unit: any) {
  expect(unit.served).toBeGreaterThan(0);
  await expect.poll(() => figure(page, 'served')).toBe(n(unit.served));
  expect(await figure(page, 'withinStandardPct')).toBe(`${n(unit.withinStandardPct)} %`);
  expect(await figure(page, 'latePct')).toBe(`${n(unit.latePct)} %`);
  expect(await figure(page, 'medianMinutes')).toBe(`${n(unit.medianMinutes)} menit`);
  expect(unit.survey.ikm).toBeGreaterThan(0);
  expect(await figure(page, 'ikm')).toContain(`${n(unit.survey.ikm)} (${unit.survey.grade})`);
  expect(await figure(page, 'respondents')).toContain(`${n(unit.survey.respondents)} dari sampel`);
  expect(await figure(page, 'followUps')).toBe(n(unit.followUps));
}

/** Opens every chart's table (collapsed by default) and answers the figures it carries, row by row. */
async function chartTables(page: Page): Promise<Record<string, string[][]>> {
  const charts = page.locator('figure.chart');
  const out: Record<string, string[][]> = {};
  for (let i = 0; i < (await charts.count()); i++) {
    const chart = charts.nth(i);
    await chart.locator('summary').tap();
    const caption = (await chart.locator('figcaption').textContent()) ?? '';
    out[caption] = await chart
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
      );
  }
  return out;
}

describe('the Kepala Dinas', () => {
  it('sees her whole Dinas: the service figures the API reports, the charts drawn and their tables', async () => {
    const page = await signIn(who.kadis);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Dasbor' }).tap();
    await expect.poll(() => h1(page).textContent()).toBe('Dasbor');
    await expect.poll(() => page.getByTestId('dashboard-unit').textContent()).toContain('Dinas Kependudukan');
    const opd = (await api(`/units/DISDUKCAPIL/service-indicators/${periodId}`, who.kadis)).body;
    await expectServiceFigures(page, opd.unit);
    // Every chart drawn: the trend, IKM per element, adoption per bidang.
    await expect.poll(() => page.locator('figure.chart svg').count()).toBe(3);
    const tables = await chartTables(page);
    const year = periodId.slice(0, 4);
    // The trend's table: this month's row as GET …/service-trend/{year} reports it, in one request.
    const trend = (await api(`/units/DISDUKCAPIL/service-trend/${year}`, who.kadis)).body;
    const month = trend.periods.find((p: { periodId: string }) => p.periodId === periodId);
    expect(month.served).toBe(opd.unit.served);
    expect(tables[`Median waktu penyelesaian per bulan, ${year}`]).toContainEqual([
      periodId,
      n(month.served),
      n(month.medianMinutes),
      `${n(month.latePct)} %`,
      n(month.survey.ikm),
    ]);
    // IKM per element: the nine unsur, each the API's NRR.
    const elements = tables[`Nilai per unsur pelayanan (NRR, skala 1–4), periode ${periodId}`]!;
    expect(elements).toHaveLength(9);
    expect(elements[0]).toEqual(['Persyaratan', n(opd.unit.survey.nrr.u1)]);
    // Adoption per bidang, from the unit's activity.
    const activity = (await api(`/units/DISDUKCAPIL/activity/${periodId}?limit=100`, who.kadis)).body;
    const adoption = tables[`Pegawai yang mencatat aktivitas per sub-unit, periode ${periodId}`]!;
    expect(adoption.map((r) => r[0])).toEqual(activity.children.map((c: { name: string }) => c.name));
    // Each bidang's service row, as the API reports it.
    const dafduk = opd.children.find((c: { unitCode: string }) => c.unitCode === 'DUK-DAFDUK');
    const row = page.locator('tr[data-unit="DUK-DAFDUK"]');
    expect(await row.locator('td').first().textContent()).toBe(n(dafduk.served));
    expect(dafduk.served).toBeGreaterThan(0);
    // The verification backlog of the demo's pending entries, named by verifier.
    expect(activity.backlog.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('heading', { name: 'Antrean verifikasi per atasan' }).count()).toBe(1);
    expect(
      await page.getByText(`${activity.backlog[0].name}: ${n(activity.backlog[0].waiting)} entri menunggu`).count(),
    ).toBe(1);
    // Per person: the levels of their IKI so far, as the API counts them (the Pegawai has an approved plan).
    const staff = activity.members.find((m: { nip: string }) => m.nip === who.staff);
    expect(staff.progress.iki).toBeGreaterThan(0);
    expect(await page.locator(`td[data-progress="${who.staff}"]`).textContent()).toBe(
      `${n(staff.progress.above + staff.progress.meets)} dari ${n(staff.progress.iki)} memenuhi target`,
    );
    await expectAccessible(page, 'the Kepala Dinas’s dashboard, tables open');
    await expectFitsPhone(page);

    // A bidang's row leads to the same dashboard for that bidang.
    await row.locator('th').getByRole('link').tap();
    await expect.poll(() => page.getByTestId('dashboard-unit').textContent()).toContain('Bidang Pelayanan Pendaftaran');
    expect(new URL(page.url()).searchParams.get('unit')).toBe('DUK-DAFDUK');
    const bidang = (await api(`/units/DUK-DAFDUK/service-indicators/${periodId}`, who.kadis)).body;
    // Its rows are now the bidang's seksi (every service of the demo is in this bidang, so the totals match).
    await expect
      .poll(() => page.locator('tr[data-unit]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit'))))
      .toEqual(bidang.children.map((c: { unitCode: string }) => c.unitCode));
    await expectServiceFigures(page, bidang.unit);
    await expectAccessible(page, 'a bidang’s dashboard opened from the Dinas');
    await expectFitsPhone(page);
    await page.close();
  }, 120_000);
});

describe('the Kepala Bidang', () => {
  it('sees his bidang by default, a row per seksi, and is refused the whole Dinas', async () => {
    const page = await signIn(who.kabid);
    await page.goto(`${web.stack.url}/app/dasbor`);
    await expect.poll(() => page.getByTestId('dashboard-unit').textContent()).toContain('Bidang Pelayanan Pendaftaran');
    const bidang = (await api(`/units/DUK-DAFDUK/service-indicators/${periodId}`, who.kabid)).body;
    await expectServiceFigures(page, bidang.unit);
    expect(
      await page.locator('tr[data-unit]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit'))),
    ).toEqual(['DUK-IDK', 'DUK-PINDAH']);
    await expect.poll(() => page.locator('figure.chart svg').count()).toBe(3);
    await expectAccessible(page, 'the Kepala Bidang’s dashboard');
    await expectFitsPhone(page);

    // The low rating at Pindah Datang: its count leads to that seksi's list, with the deadline.
    const pindah = bidang.children.find((c: { unitCode: string }) => c.unitCode === 'DUK-PINDAH');
    expect(pindah.followUps).toBe(1);
    await page.locator('tr[data-unit="DUK-PINDAH"] td').getByRole('link').tap();
    const list = (await api('/units/DUK-PINDAH/survey-follow-ups?status=open', who.kabid)).body.items;
    expect(list).toHaveLength(1);
    const section = page.getByRole('region', { name: 'Pengaduan dan tindak lanjut' });
    await expect.poll(() => section.textContent()).toContain('1 menunggu tindak lanjut');
    expect(await section.locator('li').count()).toBe(1);
    expect(await section.locator('li').textContent()).toContain(list[0].serviceName);
    await expectAccessible(page, 'a seksi’s follow-ups');
    await expectFitsPhone(page);

    // The unit's fairness figures are one tap away, on the same unit and period (opened only on request: an audited view).
    await page.goto(`${web.stack.url}/app/dasbor?unit=DUK-DAFDUK&periode=${periodId}`);
    const fairness = page.getByRole('region', { name: 'Keadilan' }).getByRole('link');
    await expect.poll(() => fairness.textContent()).toBe('Buka Keadilan untuk Bidang Pelayanan Pendaftaran Penduduk');
    await fairness.tap();
    await expect.poll(() => new URL(page.url()).search).toBe(`?unit=DUK-DAFDUK&periode=${periodId}`);
    expect(new URL(page.url()).pathname).toBe('/app/keadilan');

    // The Dinas above him: the API says no, and the page says what the API said.
    const refused = await api(`/units/DISDUKCAPIL/service-indicators/${periodId}`, who.kabid);
    expect(refused.status).toBe(403);
    await page.goto(`${web.stack.url}/app/dasbor?unit=DISDUKCAPIL&periode=${periodId}`);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe(refused.body.error.message);
    expect(await page.getByTestId('service-figures').count()).toBe(0);
    await expectAccessible(page, 'the dashboard refused');
    await expectFitsPhone(page);
    await page.close();
  }, 120_000);
});

describe('someone without rights to a unit', () => {
  it('gets the API’s 403 message on the page', async () => {
    // A seksi head of another bidang asking for the Pendaftaran bidang.
    const page = await signIn(who.otherKasi);
    const refused = await api(`/units/DUK-DAFDUK/activity/${periodId}?limit=100`, who.otherKasi);
    expect(refused.status).toBe(403);
    await page.goto(`${web.stack.url}/app/dasbor?unit=DUK-DAFDUK`);
    await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThanOrEqual(3);
    const alerts = await page.getByRole('alert').allTextContents();
    expect(alerts.every((a) => a === refused.body.error.message)).toBe(true);
    expect(await page.locator('figure.chart').count()).toBe(0);
    await expectAccessible(page, 'the dashboard of a unit one may not read');
    await expectFitsPhone(page);
    await page.close();
  }, 120_000);
});

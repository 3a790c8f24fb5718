/**
 * The recap workbook through the real local gateway: downloaded as BKPSDM, read back with exceljs, and held against
 * the API's JSON for the same unit and period — evaluations, activity adoption, service indicators, rewards —; one
 * sheet per subject with a frozen header and a filter; refused to those who may not read the unit's rewards; every
 * download in the audit trail.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../infra/local/demo-data.ts';
import { seedDemo } from '../../infra/local/seed.ts';
import { predikatNames, ratingNames } from '../../shared/domain/scoring.ts';
import { EvaluationRepository } from '../../shared/store/evaluations.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { demoTokens, who } from '../support/demo.ts';
import { responseMismatch } from '../support/openapi-check.ts';
import { approvedPlans, yesterday } from '../support/plans.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
const D = yesterday();
const YEAR = Number(D.slice(0, 4));
const PERIOD = D.slice(0, 7);
const OPD = 'DISDUKCAPIL';
/** Registered after the run: a member with no evaluation. */
const LATECOMER = '199701012022031001';
const allMeets = Object.fromEntries(
  ['berorientasi_pelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif'].map((k) => [
    k,
    'sesuai',
  ]),
);

const get = async (token: string, path: string) => {
  const res = await stack.call('GET', path, { token });
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
};

/** The workbook as a browser downloads it (binary: not through `stack.call`, which reads text). */
async function download(token: string, code = OPD, period = PERIOD) {
  const path = `/units/${code}/recap/${period}?format=xlsx`;
  const res = await fetch(`${stack.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const type = res.headers.get('content-type');
  const body = /json/.test(type ?? '') ? JSON.parse(new TextDecoder().decode(bytes)) : bytes;
  expect(responseMismatch('GET', path, res.status, type, body)).toBeUndefined();
  return { status: res.status, headers: res.headers, body };
}

/** A sheet's rows as objects by header (the header row is row 1). */
function rowsOf(book: ExcelJS.Workbook, name: string): Record<string, unknown>[] {
  const ws = book.getWorksheet(name)!;
  const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
  });
  return rows;
}

let book: ExcelJS.Workbook;
let served: Awaited<ReturnType<typeof download>>;

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  t = await demoTokens(stack.issuer);
  await approvedPlans(stack, YEAR);
  // Two entries of the staff on the day before, one approved.
  for (const [start, end, approve] of [
    ['08:00', '10:00', true],
    ['10:00', '11:00', false],
  ] as const) {
    const made = await stack.call('POST', '/employees/me/activities', {
      token: t.staff,
      body: {
        date: D,
        start,
        end,
        description: 'Perekaman KTP-el',
        rhkId: 'staff-1',
        ikiId: 'staff-1-a',
        outputQuantity: 3,
        outputUnit: 'dokumen',
      },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    if (!approve) continue;
    const { id, version } = made.body.activity;
    const ok = await stack.call('POST', '/activities/decisions', {
      token: t.kasi,
      body: { decisions: [{ nip: who.staff, date: D, id, version, decision: 'approve' }] },
    });
    expect(ok.body.results[0].status).toBe(200);
  }
  // Three services on that day (one late: 90 minutes against the standard of 60).
  const machine = await stack.issuer.machineToken();
  const tx = (externalId: string, completedAt: string) => ({
    externalId,
    unitCode: 'DUK-IDK',
    serviceType: 'ktp-el',
    officers: [who.staff],
    receivedAt: `${D}T09:00:00+07:00`,
    completedAt: `${D}T${completedAt}:00+07:00`,
  });
  const pushed = await stack.call('POST', '/service-transactions', {
    token: machine,
    body: { transactions: [tx('R-1', '09:30'), tx('R-2', '09:40'), tx('R-3', '10:30')] },
  });
  expect(pushed.body.summary.created, JSON.stringify(pushed.body)).toBe(3);
  await eventually(
    async () => (await get(t.kadis, `/units/${OPD}/service-indicators/${PERIOD}`)).unit.served === 3,
    30_000,
  );

  // The period closed and scored; everyone's behaviour rated, the staff's through the API.
  const year = await get(t.bkpsdm, `/years/${YEAR}`);
  const period = year.periods.find((p: { id: string }) => p.id === PERIOD);
  const closed = await stack.call('PATCH', `/years/${YEAR}/periods/${PERIOD}`, {
    token: t.bkpsdm,
    body: { version: period.version, state: 'closed' },
  });
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  const started = await stack.call('POST', '/scoring-runs', { token: t.bkpsdm, body: { periodId: PERIOD } });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  await eventually(
    async () => (await get(t.bkpsdm, `/scoring-runs/${PERIOD}/${started.body.runId}`)).state === 'done',
    60_000,
  );
  const staffEval = await get(t.kasi, `/employees/${who.staff}/evaluations/${PERIOD}`);
  const rated = await stack.call('PUT', `/employees/${who.staff}/evaluations/${PERIOD}/behaviour`, {
    token: t.kasi,
    body: {
      values: { ...allMeets, kolaboratif: 'di_atas', adaptif: 'di_atas', loyal: 'di_atas', harmonis: 'di_atas' },
      version: staffEval.version,
    },
  });
  expect(rated.status, JSON.stringify(rated.body)).toBe(200);
  const repo = new EvaluationRepository(new OrgScope('kota-medan'));
  for (const nip of demoPeople.map((p) => p.nip).filter((n) => n !== who.staff && n !== who.kasi))
    await repo
      .change(
        nip,
        PERIOD,
        0,
        () => ({ behaviour: { values: allMeets as never, by: 'test', at: new Date().toISOString() } }),
        {
          actor: 'test',
          now: new Date().toISOString(),
        },
      )
      .catch(() => undefined);
  const created = await stack.call('POST', '/employees', {
    token: t.bkpsdm,
    body: {
      nip: LATECOMER,
      name: 'Sri Wahyuni Lubis',
      position: 'Pengadministrasi Kependudukan',
      employmentType: 'PNS',
      unitCode: 'DUK-IDK',
      supervisorNip: who.kasi,
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);

  served = await download(t.bkpsdm);
  expect(served.status, String(served.body)).toBe(200);
  book = new ExcelJS.Workbook();
  await book.xlsx.load(served.body as unknown as ArrayBuffer);
}, 180_000);
afterAll(() => stack.stop());

describe('recap workbook', () => {
  it('is an .xlsx attachment named by unit and period, one sheet per subject, header frozen and filtered', () => {
    expect(served.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(served.headers.get('content-disposition')).toBe(`attachment; filename="rekap-${OPD}-${PERIOD}.xlsx"`);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Penilaian', 'Adopsi aktivitas', 'Layanan', 'Penghargaan']);
    for (const ws of book.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeTruthy();
    }
  });

  it('Penilaian: each person as GET …/evaluations/{period} shows them; the latecomer not yet evaluated', async () => {
    const rows = rowsOf(book, 'Penilaian');
    const opdPeople = demoPeople.filter(
      (p) => (p as { unitCode: string }).unitCode.startsWith('DUK-') || p.unitCode === OPD,
    );
    expect(rows.map((r) => r.NIP).sort()).toEqual([...opdPeople.map((p) => p.nip), LATECOMER].sort());
    for (const row of rows) {
      if (row.NIP === LATECOMER) {
        expect(row).toMatchObject({ Status: 'Belum dinilai', 'Nilai kinerja': null, Predikat: null });
        continue;
      }
      const e = await get(t.bkpsdm, `/employees/${row.NIP}/evaluations/${PERIOD}`);
      expect(row, String(row.NIP)).toMatchObject({
        Nama: e.name,
        'Kode unit': e.unitCode,
        'Nilai kinerja': e.hasilKerja.nilaiKinerjaRounded,
        'Rekomendasi hasil kerja': ratingNames[e.recommendedHasilKerja as keyof typeof ratingNames],
        'Hasil kerja': e.outcome.hasilKerja ? ratingNames[e.outcome.hasilKerja as keyof typeof ratingNames] : null,
        Perilaku: e.outcome.perilaku ? ratingNames[e.outcome.perilaku as keyof typeof ratingNames] : null,
        Predikat: e.outcome.predikat ? predikatNames[e.outcome.predikat as keyof typeof predikatNames] : null,
        Status: 'Belum final',
      });
      expect(row.Dihitung).toBeInstanceOf(Date);
    }
    const staff = rows.find((r) => r.NIP === who.staff)!;
    expect(staff['Nilai kinerja']).toBeGreaterThan(0);
    expect(book.getWorksheet('Penilaian')!.getCell('F2').numFmt).toBe('#,##0.00');
  });

  it('Adopsi aktivitas: the unit monitoring’s counts and logged working days', async () => {
    const rows = rowsOf(book, 'Adopsi aktivitas');
    const members: {
      nip: string;
      pending: number;
      approved: number;
      rejected: number;
      countedMinutes: number;
      workingDays: { loggedMinutes: number }[];
    }[] = [];
    let cursor: string | undefined;
    do {
      const page = await get(
        t.bkpsdm,
        `/units/${OPD}/activity/${PERIOD}?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      );
      members.push(...page.members);
      cursor = page.nextCursor;
    } while (cursor);
    expect(rows.map((r) => r.NIP).sort()).toEqual(members.map((m) => m.nip).sort());
    for (const m of members) {
      const row = rows.find((r) => r.NIP === m.nip)!;
      expect(row, m.nip).toMatchObject({
        Disetujui: m.approved,
        Menunggu: m.pending,
        Ditolak: m.rejected,
        'Menit dihitung': m.countedMinutes,
        'Aktivitas dicatat': m.pending + m.approved + m.rejected,
        'Hari kerja': m.workingDays.length,
        'Hari kerja tercatat': m.workingDays.filter((d) => d.loggedMinutes > 0).length,
      });
    }
    expect(rows.find((r) => r.NIP === who.staff)).toMatchObject({
      'Aktivitas dicatat': 2,
      Disetujui: 1,
      Menunggu: 1,
      Mencatat: 'ya',
    });
  });

  it('Layanan: the subtree, each child unit and each service type as GET …/service-indicators/{period}', async () => {
    const json = await get(t.bkpsdm, `/units/${OPD}/service-indicators/${PERIOD}`);
    const rows = rowsOf(book, 'Layanan');
    const figures = (i: typeof json.unit) => ({
      Dilayani: i.served,
      'Tepat waktu': i.withinStandard,
      Terlambat: i.late,
      '% tepat waktu': i.withinStandardPct,
      '% terlambat': i.latePct,
      'Median (menit)': i.medianMinutes,
      Responden: i.survey.respondents,
      IKM: i.survey.ikm,
      Mutu: i.survey.grade,
      'Sampel minimal': i.survey.sampleTarget,
      'Sampel cukup': i.survey.provisional ? 'belum' : 'ya',
    });
    expect(rows[0]).toMatchObject({ Tingkat: 'Seluruh unit', 'Kode unit': OPD, ...figures(json.unit) });
    expect(rows[0]).toMatchObject({ Dilayani: 3, Terlambat: 1, '% tepat waktu': 66.67, '% terlambat': 33.33 });
    const children = rows.filter((r) => r.Tingkat === 'Unit di bawahnya');
    expect(children.map((r) => r['Kode unit'])).toEqual(json.children.map((c: { unitCode: string }) => c.unitCode));
    json.children.forEach((c: typeof json.unit, i: number) => {
      expect(children[i]).toMatchObject(figures(c));
    });
    const types = rows.filter((r) => r.Tingkat === 'Jenis layanan');
    expect(types).toHaveLength(json.serviceTypes.length);
    json.serviceTypes.forEach((s: typeof json.unit, i: number) => {
      expect(types[i]).toMatchObject({
        'Kode unit': s.unitCode,
        'Kode layanan': s.serviceType,
        Layanan: s.name,
        'Standar (menit)': s.standardMinutes,
        ...figures(s),
      });
    });
  });

  it('Penghargaan: the reward list, rank by rank', async () => {
    const json = await get(t.bkpsdm, `/units/${OPD}/rewards/${PERIOD}?limit=100`);
    const rows = rowsOf(book, 'Penghargaan');
    expect(json.items.length).toBeGreaterThan(10);
    expect(rows).toEqual(
      json.items.map((r: Record<string, any>) => ({
        Peringkat: r.rank,
        NIP: r.nip,
        Nama: r.name,
        Jabatan: r.position,
        'Kode unit': r.unitCode,
        Unit: r.unitName,
        Predikat: predikatNames[r.predikat as keyof typeof predikatNames],
        'Nilai kinerja': r.nilaiKinerja,
        'Hasil kerja': ratingNames[r.hasilKerja as keyof typeof ratingNames],
        Perilaku: ratingNames[r.perilaku as keyof typeof ratingNames],
        'IKI utama di atas ekspektasi': r.utamaAbove,
        Final: r.final ? 'ya' : 'belum',
      })),
    );
  });

  it('the reward list’s readers may download it; others get 403, an unknown unit 404', async () => {
    for (const reader of ['kadis', 'adminOpd', 'auditor'] as const)
      expect((await download(t[reader])).status, reader).toBe(200);
    expect((await download(t.kasi, 'DUK-IDK')).status).toBe(200);
    const staff = await download(t.staff, 'DUK-IDK');
    expect(staff.status).toBe(403);
    expect((staff.body as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await download(t.otherKasi, 'DUK-IDK')).status).toBe(403);
    const unknown = await download(t.bkpsdm, 'NOWHERE');
    expect(unknown.status).toBe(404);
    expect((await download(t.bkpsdm, OPD, '2026-13')).status).toBe(400);
  });

  it('every download is in the audit trail: who, which recap, what it held', async () => {
    const trail = await get(t.auditor, `/audit/record?entity=Download&entityId=recap:${OPD}:${PERIOD}&limit=100`);
    const byBkpsdm = trail.items.filter((e: { actor: string }) => e.actor === `nip:${who.bkpsdm}`);
    expect(byBkpsdm.length).toBeGreaterThanOrEqual(1);
    expect(byBkpsdm[0]).toMatchObject({
      entity: 'Download',
      action: 'created',
      actorName: expect.any(String),
      after: {
        document: 'recap',
        format: 'xlsx',
        unitCode: OPD,
        periodId: PERIOD,
        bytes: (served.body as Uint8Array).byteLength,
        rows: { rewards: rowsOf(book, 'Penghargaan').length },
      },
    });
    expect(trail.items.some((e: { actor: string }) => e.actor === `nip:${who.staff}`)).toBe(false);
  });
});

/**
 * The fairness run end to end (issue 18): an OPD month with a rubber-stamping supervisor, a padded log and an
 * over-claimed service indicator among normal colleagues; BKPSDM starts the run, its OPD tasks go through the
 * fairness-tasks queue, and exactly those people and that supervisor come out flagged, with their evidence. A
 * redelivered task and a second run change nothing a person wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { computeDuePeriods, periodsToCompute, runDeliveredFairnessTask } from '../../shared/app/fairness-runs.ts';
import { defaultRules } from '../../shared/domain/rules.ts';
import { addDays } from '../../shared/domain/time.ts';
import { AuditRepository } from '../../shared/store/audit.ts';
import { EmployeeRepository } from '../../shared/store/employees.ts';
import { FairnessRepository, FairnessRunRepository, type PersonSignalsRecord } from '../../shared/store/fairness.ts';
import { type Item, OrgScope } from '../../shared/store/org-scope.ts';
import { PlanRepository } from '../../shared/store/plans.ts';
import { ServiceTotalsRepository } from '../../shared/store/service-totals.ts';
import { UnitRepository } from '../../shared/store/units.ts';
import { YearRepository } from '../../shared/store/years.ts';
import { demoTokens, type who } from '../support/demo.ts';
import { openYear } from '../support/services.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
const scope = new OrgScope('kota-medan');
const fairness = new FairnessRepository(scope);
const PERIOD = '2026-09';
const ctx = { actor: 'test', now: '2026-09-01T00:00:00.000Z' };
const CAP = defaultRules.dailyMinuteCap;

const nip = (group: number, seq: number) => `19900101201501${group}${String(seq).padStart(3, '0')}`;
const head = nip(1, 1);
const stamper = nip(1, 2); // approves everything in bulk, rates everyone di_atas
const fairS = nip(1, 3);
const fairT = nip(1, 4);
const padder = nip(2, 1);
const overClaimer = nip(2, 2);
const stamperStaff = [padder, overClaimer, nip(2, 3), nip(2, 4), nip(2, 5)];
const sStaff = Array.from({ length: 6 }, (_, i) => nip(3, i + 1));
const tStaff = Array.from({ length: 6 }, (_, i) => nip(4, i + 1));
const everyone = [head, stamper, fairS, fairT, ...stamperStaff, ...sStaff, ...tStaff];
const loggers = [...stamperStaff, ...sStaff, ...tStaff];
const normal = everyone.filter((n) => n !== padder && n !== overClaimer);

/** Working days of September 2026 (no holidays in the calendar): 22 days. */
const days = Array.from({ length: 30 }, (_, i) => `2026-09-${String(i + 1).padStart(2, '0')}`).filter((d) => {
  const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
});

/** A word of letters only, different for every n: descriptions that share no content word. */
const word = (n: number) => {
  let s = '';
  for (let k = n + 26; k > 0; k = Math.floor(k / 26)) s = String.fromCharCode(97 + (k % 26)) + s;
  return s;
};

let entrySeq = 0;
function entry(owner: string, date: string, start: string, end: string, over: Partial<Item> = {}): Item {
  const id = `e-${owner.slice(-4)}-${String(++entrySeq).padStart(5, '0')}`;
  const minutes = (Date.parse(`2000-01-01T${end}:00Z`) - Date.parse(`2000-01-01T${start}:00Z`)) / 60_000;
  return {
    pk: scope.key('EMP', owner),
    sk: `ACT#${date}#${id}`,
    id,
    nip: owner,
    date,
    start,
    end,
    minutes,
    description: `Menyusun ${word(entrySeq)} bersama ${word(entrySeq + 5000)}`,
    year: 2026,
    periodId: PERIOD,
    rhkId: 'r-1',
    ikiId: 'i-act',
    planVersion: 1,
    outputQuantity: 1,
    outputUnit: 'dokumen',
    evidence: [],
    status: 'pending',
    supervisorNip: null,
    version: 1,
    // Logged the same evening: never late.
    createdAt: new Date(Date.parse(`${date}T17:00:00+07:00`)).toISOString(),
    updatedAt: new Date(Date.parse(`${date}T17:00:00+07:00`)).toISOString(),
    updatedBy: `nip:${owner}`,
    ...over,
  };
}

/** A person's place among their supervisor's staff (their approvals come a minute or more apart). */
const staffIndex = (n: string) => [stamperStaff, sStaff, tStaff].find((g) => g.includes(n))!.indexOf(n);
const supervisorOf = (n: string) =>
  stamperStaff.includes(n) ? stamper : sStaff.includes(n) ? fairS : tStaff.includes(n) ? fairT : head;

async function seedOpd(): Promise<void> {
  const units = new UnitRepository(scope);
  await units.create({ code: 'FAIR', name: 'Dinas Uji Keadilan', kind: 'opd', path: '/FAIR/' }, ctx);
  await units.create(
    { code: 'FAIR-A', name: 'Bidang A', kind: 'bidang', parentCode: 'FAIR', path: '/FAIR/FAIR-A/' },
    ctx,
  );
  const employees = new EmployeeRepository(scope);
  for (const n of everyone)
    await employees.create(
      {
        nip: n,
        name: `Pegawai ${n.slice(-4)}`,
        position: n === head ? 'Kepala Dinas' : [stamper, fairS, fairT].includes(n) ? 'Kepala Seksi' : 'Pelaksana',
        employmentType: 'PNS',
        unitCode: n === head ? 'FAIR' : 'FAIR-A',
        unitPath: n === head ? '/FAIR/' : '/FAIR/FAIR-A/',
        supervisorNip: n === head ? null : supervisorOf(n),
        status: 'active',
      },
      ctx,
    );

  // The over-claimer's plan: one indicator measured from service transactions, one from activities.
  await new PlanRepository(scope).add(
    {
      nip: overClaimer,
      year: 2026,
      planVersion: 1,
      state: 'approved',
      effectiveFrom: '2026-01-01',
      rhk: [
        {
          id: 'r-1',
          kind: 'utama',
          title: 'Pelayanan KTP-el',
          unitGoal: 'Pelayanan prima',
          iki: [
            {
              id: 'i-svc',
              name: 'Pemohon dilayani',
              aspect: 'kuantitas',
              target: { kind: 'single', value: 100 },
              unit: 'orang',
              direction: 'higher',
              weight: 60,
              source: 'service',
              serviceMetric: 'served',
            },
            {
              id: 'i-act',
              name: 'Berkas diverifikasi',
              aspect: 'kuantitas',
              target: { kind: 'single', value: 100 },
              unit: 'dokumen',
              direction: 'higher',
              weight: 40,
              source: 'activities',
            },
          ],
        },
      ],
    } as never,
    ctx,
  );

  const items: Item[] = [];
  for (const n of loggers) {
    const own: Item[] = [];
    for (const [k, date] of days.entries()) {
      if (n === padder) {
        // Padding: the same description every day, exactly the daily cap every day.
        own.push(
          entry(n, date, '08:00', '15:30', { description: 'Melaksanakan tugas kedinasan sesuai arahan atasan' }),
        );
        continue;
      }
      own.push(entry(n, date, '08:00', '11:00'), entry(n, date, '13:00', '15:00'));
      // Over-claiming: 3 × 20 people served claimed; 5 transactions credited.
      if (n === overClaimer && k < 3)
        own.push(entry(n, date, '15:00', '16:00', { ikiId: 'i-svc', outputQuantity: 20, outputUnit: 'orang' }));
    }
    const sup = supervisorOf(n);
    own.forEach((e, k) => {
      e.supervisorNip = sup;
      e.status = 'approved';
      e.verifiedBy = `nip:${sup}`;
      // The stamper approves the whole month at once, two seconds apart; the others the next morning, one by one.
      e.verifiedAt =
        sup === stamper
          ? new Date(
              Date.parse('2026-09-30T09:00:00+07:00') + (stamperStaff.indexOf(n) * 100 + k) * 2_000,
            ).toISOString()
          : new Date(
              Date.parse(`${addDays(e.date as string, 1)}T08:00:00+07:00`) + (staffIndex(n) * 10 + (k % 10)) * 60_000,
            ).toISOString();
    });
    items.push(...own);
  }
  await scope.putMany('main', items);

  // Ratings: the stamper gives di_atas where sesuai was recommended; the others follow the recommendation.
  const mix = ['di_atas', 'sesuai', 'sesuai', 'sesuai', 'di_bawah', 'di_atas'] as const;
  const ratings: [string, string, string, string][] = [
    ...stamperStaff.map((n): [string, string, string, string] => [n, stamper, 'sesuai', 'di_atas']),
    ...sStaff.map((n, k): [string, string, string, string] => [n, fairS, mix[k]!, mix[k]!]),
    ...tStaff.map((n, k): [string, string, string, string] => [n, fairT, mix[k]!, mix[k]!]),
  ];
  await scope.putMany(
    'main',
    ratings.flatMap(([n, by, recommended, given]) => [
      {
        pk: scope.key('EMP', n),
        sk: `EVAL#${PERIOD}#COMPUTED`,
        nip: n,
        periodId: PERIOD,
        recommendedHasilKerja: recommended,
        inputsHash: 'h',
      },
      {
        pk: scope.key('EMP', n),
        sk: `EVAL#${PERIOD}`,
        nip: n,
        periodId: PERIOD,
        review: {
          hasilKerja: given,
          perilaku: 'sesuai',
          predikat: 'baik',
          reasons: given === recommended ? {} : { hasilKerja: 'Kinerja baik' },
          by: `nip:${by}`,
          at: '2026-10-08T02:00:00.000Z',
          inputsHash: 'h',
        },
        version: 1,
      },
    ]),
  );
}

/** Five real transactions credited to the over-claimer, through the ingest and the totals consumer. */
async function creditTransactions(): Promise<void> {
  const machine = await stack.issuer.machineToken();
  const transactions = Array.from({ length: 5 }, (_, i) => ({
    externalId: `FAIR-${i}`,
    unitCode: 'DUK-IDK',
    serviceType: 'ktp-el',
    officers: [overClaimer],
    // Monday 14 September 2026, within opening hours.
    receivedAt: `2026-09-14T09:${String(i * 10).padStart(2, '0')}:00+07:00`,
    completedAt: `2026-09-14T09:${String(i * 10 + 5).padStart(2, '0')}:00+07:00`,
  }));
  const res = await stack.call('POST', '/service-transactions', { token: machine, body: { transactions } });
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  const totals = new ServiceTotalsRepository(scope);
  await eventually(async () => (await totals.officer(overClaimer, PERIOD)).combined.served === 5, 60_000);
}

async function runToTheEnd(): Promise<string> {
  const started = await stack.call('POST', `/fairness/${PERIOD}/runs`, { token: t.bkpsdm });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const runs = new FairnessRunRepository(scope);
  await eventually(async () => (await runs.run(PERIOD, started.body.runId))?.state === 'done', 120_000);
  return started.body.runId as string;
}

const signalsOf = async (n: string) => (await fairness.personSignals(n, PERIOD))!;
const kinds = (r: PersonSignalsRecord) => r.signals.map((s) => s.kind).sort();

let firstRun: string;
beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  await openYear(2026);
  t = await demoTokens(stack.issuer);
  await seedOpd();
  await creditTransactions();
  firstRun = await runToTheEnd();
}, 240_000);
afterAll(() => stack.stop());

describe('the fairness run over an OPD month', () => {
  it('reports its progress to BKPSDM and the auditor, not to others', async () => {
    const progress = await stack.call('GET', `/fairness/${PERIOD}/runs/${firstRun}`, { token: t.auditor });
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ state: 'done', trigger: 'bkpsdm', pendingUnits: [] });
    expect(progress.body.units.done).toBe(progress.body.units.total);
    expect(progress.body.people).toBeGreaterThanOrEqual(everyone.length);
    expect((await stack.call('GET', `/fairness/${PERIOD}/runs/${firstRun}`, { token: t.kasi })).status).toBe(403);
    expect((await stack.call('POST', `/fairness/${PERIOD}/runs`, { token: t.auditor })).status).toBe(403);
  });

  it('flags the padded log: same description and exactly the cap, every day, with the days as evidence', async () => {
    const rec = await signalsOf(padder);
    expect(kinds(rec)).toEqual(['at_cap', 'near_duplicate']);
    const atCap = rec.signals.find((s) => s.kind === 'at_cap')!;
    expect(atCap).toMatchObject({ rule: 'capStreakDays', threshold: defaultRules.capStreakDays, measure: days.length });
    const dup = rec.signals.find((s) => s.kind === 'near_duplicate')!;
    expect(dup).toMatchObject({ rule: 'duplicateMinDays', measure: days.length });
    for (const s of [atCap, dup]) {
      expect(JSON.stringify(s.evidence)).toContain(days[0]);
      expect(s.explanation.id.length).toBeGreaterThan(10);
      expect(s.explanation.en.length).toBeGreaterThan(10);
    }
    expect(atCap.explanation.id).toContain(String(CAP));
  });

  it('flags the over-claimed service indicator against the transactions really credited', async () => {
    const rec = await signalsOf(overClaimer);
    expect(kinds(rec)).toEqual(['over_claim']);
    const s = rec.signals[0]!;
    expect(s).toMatchObject({ rule: 'overclaimRatioPct', threshold: defaultRules.overclaimRatioPct, measure: 1200 });
    expect(JSON.stringify(s.evidence)).toMatch(/60/);
    expect(JSON.stringify(s.evidence)).toMatch(/5/);
  });

  it('writes a record for everyone, and none of the normal people has a signal', async () => {
    for (const n of normal) {
      const rec = await signalsOf(n);
      expect(rec, n).toMatchObject({ nip: n, periodId: PERIOD, signals: [], answers: {} });
    }
    const listed = await fairness.signalsOfOpd('FAIR', PERIOD);
    expect(listed.map((r) => r.nip).sort()).toEqual([padder, overClaimer].sort());
  });

  it("flags the rubber stamp: approvals in bulk, and leniency out of line with the OPD's other raters", async () => {
    const s = (await fairness.raterPattern(stamper, PERIOD))!;
    const stamped = loggers.filter((n) => stamperStaff.includes(n)).length;
    expect(s.pattern.decided).toBeGreaterThan(stamped * days.length);
    expect(s.pattern.bulkApproved).toBe(s.pattern.decided);
    expect(s.pattern.bulkPct).toBe(100);
    expect(s.pattern.bulkRuns.length).toBeGreaterThan(0);
    expect(s.pattern.ratings).toMatchObject({ di_atas: 5, sesuai: 0, di_bawah: 0, rated: 5 });
    expect(s.pattern.leniency).toBe(1);
    expect(s.pattern.overrides).toHaveLength(5);
    // Each override names the person rated, as the run found them among the OPD's members.
    expect(s.pattern.overrides.map((o) => [o.nip, o.name]).sort()).toEqual(
      stamperStaff.map((n) => [n, `Pegawai ${n.slice(-4)}`]).sort(),
    );
    expect(s.comparison.leniency.outOfLine).toBe(true);
    expect(s.comparison.centralTendency.outOfLine).toBe(false);
    for (const fair of [fairS, fairT]) {
      const p = (await fairness.raterPattern(fair, PERIOD))!;
      expect(p.pattern.bulkApproved, fair).toBe(0);
      expect(p.pattern.leniency, fair).toBe(0);
      expect(p.comparison.leniency.outOfLine, fair).toBe(false);
      expect(p.comparison.centralTendency.outOfLine, fair).toBe(false);
    }
    const raters = await fairness.raterPatternsOfOpd('FAIR', PERIOD);
    expect(raters.map((r) => r.nip).sort()).toEqual([stamper, fairS, fairT].sort());
  });

  it("computes every unit's adoption: the supervisors who log nothing are idle", async () => {
    const [opd, bidang] = await fairness
      .unitAdoptions(['FAIR', 'FAIR-A'], PERIOD)
      .then((a) => ['FAIR', 'FAIR-A'].map((c) => a.find((x) => x.unitCode === c)!));
    expect(opd!.asOf).toBe('2026-09-30');
    expect(opd!.adoption.members).toBe(everyone.length);
    expect(opd!.adoption.idle.map((i) => i.nip).sort()).toEqual([head, stamper, fairS, fairT].sort());
    expect(opd!.adoption.belowThreshold).toBe(false);
    expect(bidang!.adoption.members).toBe(everyone.length - 1);
    expect(opd!.overdueQueues).toEqual([]);
  });

  it('changes nothing when a task is delivered again, and a second run keeps the answers', async () => {
    const before = await signalsOf(padder);
    const runs = new FairnessRunRepository(scope);
    const task = (await runs.tasks(PERIOD, firstRun)).find((x) => x.opdCode === 'FAIR')!;
    expect(await runDeliveredFairnessTask({ ...task, orgId: scope.orgId }, new Date())).toBe(0);
    expect(await signalsOf(padder)).toEqual(before);

    const atCap = before.signals.find((x) => x.kind === 'at_cap')!.id;
    const answered = await fairness.answerSignal(
      padder,
      PERIOD,
      atCap,
      { note: 'Bulan ini memang penuh tugas lapangan.' },
      { actor: `nip:${padder}`, now: new Date().toISOString(), requestId: 'req-answer-1' },
    );
    expect(answered.answers[atCap]?.note).toBe('Bulan ini memang penuh tugas lapangan.');
    expect(answered.version).toBe(before.version + 1);

    await runToTheEnd();
    const after = await signalsOf(padder);
    expect(after.signals).toEqual(before.signals);
    expect(after.answers).toEqual(answered.answers);
    expect(after.version).toBe(answered.version);
    expect(kinds(await signalsOf(overClaimer))).toEqual(['over_claim']);
  }, 180_000);

  it("puts each answer in the audit trail as the person's change, and no recompute", async () => {
    const audit = new AuditRepository(scope);
    const trail = async () => (await audit.ofRecord('PersonSignals', `${padder}/${PERIOD}`, 50)).items;
    // A second answer, after the second run's recompute of the same record: once the stream has brought it to the
    // audit trail, it has brought the recompute (earlier on the same record) too.
    const dup = (await signalsOf(padder)).signals.find((x) => x.kind === 'near_duplicate')!.id;
    await fairness.answerSignal(
      padder,
      PERIOD,
      dup,
      { note: 'Uraian akan saya perinci.' },
      {
        actor: `nip:${padder}`,
        now: new Date().toISOString(),
      },
    );
    const entries = await eventually(async () => {
      const e = await trail();
      return e.length >= 2 ? e : undefined;
    }, 60_000);
    expect(entries).toHaveLength(2);
    for (const e of entries) {
      expect(e).toMatchObject({ action: 'updated', actor: `nip:${padder}`, subjectNip: padder });
      expect(e.changedFields).toEqual(['answers']);
    }
    expect(stack.failures).toEqual([]);
  }, 90_000);
});

describe('the daily schedule', () => {
  it('computes the open period, and the previous one until its input deadline', async () => {
    const periods = (await new YearRepository(scope).get(2026))!.periods;
    const ids = (today: string) => periodsToCompute(periods, today).map((p) => p.id);
    expect(ids('2026-10-03')).toEqual(['2026-09', '2026-10']);
    expect(ids('2026-10-05')).toEqual(['2026-09', '2026-10']);
    expect(ids('2026-10-06')).toEqual(['2026-10']);
    expect(ids('2026-12-31')).toEqual(['2026-12']);
  });

  it('starts one run a day and period, however often it fires that day', async () => {
    // 3 October 2026, 02:00 WIB.
    const at = new Date('2026-10-02T19:00:00.000Z');
    expect(await computeDuePeriods(scope.orgId, at)).toEqual(['2026-09', '2026-10']);
    expect(await computeDuePeriods(scope.orgId, new Date(at.getTime() + 3_600_000))).toEqual([]);
    const runs = new FairnessRunRepository(scope);
    for (const period of ['2026-09', '2026-10']) {
      const run = await eventually(async () => {
        const r = await runs.run(period, '20261003-daily');
        return r?.state === 'done' ? r : undefined;
      }, 120_000);
      expect(run).toMatchObject({ trigger: 'schedule', startedBy: 'system:schedule' });
      expect(run.doneTasks).toBe(run.taskCount);
    }
    // The scheduled recompute of September kept what the people wrote.
    expect(Object.keys((await signalsOf(padder)).answers)).toHaveLength(2);
  }, 180_000);
});

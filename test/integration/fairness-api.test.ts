/**
 * Fairness you can see (issue 18) through the HTTP API: the person sees and answers their signals, the chain of
 * superiors, BKPSDM and the auditor read them (each view of someone else's signals in the audit trail), everyone
 * else gets 403; rater patterns and adoption for the unit's heads and those above. Records are seeded through the
 * FairnessRepository, as the fairness run writes them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import type { RaterPattern } from '../../shared/domain/fairness-raters.ts';
import type { Signal } from '../../shared/domain/fairness-signals.ts';
import { AuditRepository } from '../../shared/store/audit.ts';
import { FairnessRepository } from '../../shared/store/fairness.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { demoTokens, tokenFor, who } from '../support/demo.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

const P = '2026-11';
const COLLEAGUE = '199204282017032001'; // Nurhayati, same seksi as the staff member
const PINDAH_STAFF = '199406172019032003';
const scope = new OrgScope('kota-medan');
const repo = () => new FairnessRepository(scope);

let stack: TestStack;
let t: Record<keyof typeof who | 'colleague', string>;
const call = (as: keyof typeof t, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  stack.call(method, path, { token: t[as], body, ...(headers ? { headers } : {}) });

const atCap: Signal = {
  id: 'at_cap',
  kind: 'at_cap',
  measure: 12,
  threshold: 10,
  rule: 'capStreakDays',
  explanation: {
    id: '12 hari berturut-turut tercatat tepat 450 menit; ambangnya 10 hari.',
    en: '12 days in a row logged exactly 450 minutes; the threshold is 10 days.',
  },
  evidence: { dates: ['2026-11-02', '2026-11-03'], minutes: 450 },
};
const nearDuplicate: Signal = {
  id: 'near_duplicate#a1b2c3',
  kind: 'near_duplicate',
  measure: 9,
  threshold: 8,
  rule: 'duplicateMinDays',
  explanation: {
    id: 'Uraian "Perekaman KTP-el" berulang pada 9 hari; ambangnya 8 hari.',
    en: 'The description "Perekaman KTP-el" repeats on 9 days; the threshold is 8 days.',
  },
  evidence: { description: 'Perekaman KTP-el', entryIds: ['e1', 'e2'] },
};
const computed = {
  unitCode: 'DUK-IDK',
  unitPath: '/DISDUKCAPIL/DUK-DAFDUK/DUK-IDK/',
  supervisorNip: who.kasi,
  periodId: P,
  rulesVersion: 1,
  computedAt: '2026-11-29T19:00:00.000Z',
};
// The run's pattern (leniencyBasis: what compareRaters pools), as the domain types it.
const pattern = {
  supervisorNip: who.kasi,
  decided: 40,
  approved: 40,
  rejected: 0,
  approvalPct: 100,
  rejectionPct: 0,
  medianDecisionHours: 0.1,
  bulkApproved: 30,
  bulkPct: 75,
  bulkRuns: [{ at: '2026-11-28T02:00:03.000Z', entries: 30, seconds: 41 }],
  backlog: 0,
  oldestPendingDays: null,
  ratings: { di_atas: 3, sesuai: 0, di_bawah: 0, rated: 3 },
  overrides: [
    { nip: who.staff, name: 'Rahmat Hidayat Daulay', from: 'sesuai', to: 'di_atas', reason: 'Target terlampaui' },
  ],
  leniency: 0.67,
  leniencyBasis: { people: 3, sum: 2 },
} as RaterPattern;
const formula = (id: string) => ({ id, en: `${id} (en)` });
const adoption = (unitCode: string, unitPath: string, loggingPct: number, idle: string[]) => ({
  unitCode,
  unitPath,
  periodId: P,
  computedAt: '2026-11-29T19:00:00.000Z',
  asOf: '2026-11-30',
  adoption: {
    members: 4,
    loggingRecently: Math.round((loggingPct * 4) / 100),
    loggingPct,
    belowThreshold: loggingPct < 70,
    idle: idle.map((nip) => ({ nip, lastLoggedDate: '2026-11-20', idleWorkingDays: 6 })),
  },
  overdueQueues: [],
});

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  t = { ...(await demoTokens(stack.issuer)), colleague: await tokenFor(stack.issuer, COLLEAGUE) };
  const r = repo();
  await r.putPersonSignals({
    ...computed,
    nip: who.staff,
    name: 'Rahmat Hidayat Daulay',
    signals: [atCap, nearDuplicate],
  });
  await r.putPersonSignals({ ...computed, nip: COLLEAGUE, name: 'Nurhayati Batubara', signals: [] });
  await r.putRaterPattern({
    nip: who.kasi,
    name: 'Rina Marlina Pohan, S.Sos',
    unitCode: 'DUK-IDK',
    unitPath: computed.unitPath,
    periodId: P,
    rulesVersion: 1,
    computedAt: computed.computedAt,
    pattern,
    comparison: {
      supervisorNip: who.kasi,
      leniency: { value: 0.67, opdOthers: 0, formula: formula('rata-rata (diberikan − rekomendasi)'), outOfLine: true },
      centralTendency: { value: -60, formula: formula('porsi Sesuai − porsi Sesuai lainnya'), outOfLine: false },
    },
    unitResults: { withinStandardPct: 71.5, ikm: 78.2 },
  });
  await r.putRaterPattern({
    nip: who.kabid,
    name: 'Ir. Hendra Gunawan Tarigan',
    unitCode: 'DUK-DAFDUK',
    unitPath: '/DISDUKCAPIL/DUK-DAFDUK/',
    periodId: P,
    rulesVersion: 1,
    computedAt: computed.computedAt,
    pattern: {
      ...pattern,
      supervisorNip: who.kabid,
      ratings: { di_atas: 0, sesuai: 1, di_bawah: 0, rated: 1 },
      overrides: [],
      leniency: 0,
      leniencyBasis: { people: 1, sum: 0 },
    } as RaterPattern,
    comparison: {
      supervisorNip: who.kabid,
      leniency: { value: 0, opdOthers: 0.67, formula: formula('f'), outOfLine: false },
      centralTendency: { value: 100, formula: formula('g'), outOfLine: false },
    },
    unitResults: { withinStandardPct: null, ikm: null },
  });
  // The run writes every unit of the OPD it computed, the OPD itself too.
  await r.putUnitAdoption(adoption('DISDUKCAPIL', '/DISDUKCAPIL/', 50, [PINDAH_STAFF]));
  await r.putUnitAdoption(adoption('DUK-DAFDUK', '/DISDUKCAPIL/DUK-DAFDUK/', 62.5, [PINDAH_STAFF]));
  await r.putUnitAdoption(adoption('DUK-IDK', computed.unitPath, 75, []));
  await r.putUnitAdoption(adoption('DUK-PINDAH', '/DISDUKCAPIL/DUK-DAFDUK/DUK-PINDAH/', 25, [PINDAH_STAFF]));
});
afterAll(() => stack.stop());

const signalsOf = (as: keyof typeof t, nip: string = who.staff, headers?: Record<string, string>) =>
  call(as, 'GET', `/employees/${nip}/signals/${P}`, undefined, headers);
const answer = (as: keyof typeof t, signalId: string, body: unknown, nip = 'me') =>
  call(as, 'PUT', `/employees/${nip}/signals/${P}/${encodeURIComponent(signalId)}/answer`, body);
const viewsOf = async (nip: string) =>
  (await new AuditRepository(scope).concerning(nip, 100)).items.filter((e) => e.entity === 'SignalsView');

describe("a person's signals", () => {
  it('the person sees them with evidence, the threshold and the explanation in their language, no answer yet', async () => {
    const res = await signalsOf('staff', 'me');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      nip: who.staff,
      name: 'Rahmat Hidayat Daulay',
      periodId: P,
      rulesVersion: 1,
      version: 1,
    });
    expect(res.body.signals).toEqual([
      {
        id: 'at_cap',
        kind: 'at_cap',
        measure: 12,
        threshold: 10,
        rule: 'capStreakDays',
        explanation: atCap.explanation.id,
        evidence: atCap.evidence,
        answer: null,
      },
      expect.objectContaining({ id: 'near_duplicate#a1b2c3', explanation: nearDuplicate.explanation.id }),
    ]);
    const en = await signalsOf('staff', 'me', { 'accept-language': 'en' });
    expect(en.body.signals[0].explanation).toBe(atCap.explanation.en);
  });

  it('answers 404 fairness_not_computed for a period the run has not computed, and 404 for an unknown person', async () => {
    const res = await call('staff', 'GET', '/employees/me/signals/2026-10');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('fairness_not_computed');
    expect(res.body.error.message).toContain('02.00 WIB');
    expect((await call('bkpsdm', 'GET', `/employees/199901012020011001/signals/${P}`)).status).toBe(404);
    // Computed, nothing found: an empty list, not a 404.
    expect((await signalsOf('colleague', 'me')).body.signals).toEqual([]);
  });

  it('the person answers a signal; a second answer replaces the first', async () => {
    const first = await answer('staff', 'at_cap', { note: 'Lonjakan perekaman KTP-el menjelang pemilu.' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ id: 'at_cap', answer: { note: 'Lonjakan perekaman KTP-el menjelang pemilu.' } });
    const second = await answer(
      'staff',
      'near_duplicate#a1b2c3',
      { note: 'Tugas yang sama setiap hari: perekaman.' },
      who.staff,
    );
    expect(second.status).toBe(200);
    expect(second.body.answer.note).toBe('Tugas yang sama setiap hari: perekaman.');
    const replaced = await answer('staff', 'at_cap', {
      note: 'Lonjakan perekaman KTP-el menjelang pemilu; lembur di SIAK.',
    });
    expect(replaced.body.answer.note).toBe('Lonjakan perekaman KTP-el menjelang pemilu; lembur di SIAK.');
  });

  it('refuses an answer by anyone else, for an unknown signal, an empty or too long note, a stale version', async () => {
    for (const as of ['kasi', 'bkpsdm', 'colleague'] as const)
      expect((await answer(as, 'at_cap', { note: 'x' }, who.staff)).status, as).toBe(403);
    const unknown = await answer('staff', 'over_claim', { note: 'x' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('signal_unknown');
    expect((await answer('staff', 'at_cap', { note: '   ' })).status).toBe(400);
    expect((await answer('staff', 'at_cap', { note: 'x'.repeat(1001) })).status).toBe(400);
    expect((await answer('staff', 'at_cap', { note: 'x'.repeat(1000), expectedVersion: 4 })).status).toBe(200);
    const stale = await answer('staff', 'at_cap', { note: 'lagi', expectedVersion: 4 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await answer('staff', 'at_cap', { note: 'Lembur dicatat di SIAK.', expectedVersion: 5 })).status).toBe(200);
  });

  it('the supervisor, the superior above, BKPSDM and the auditor see the answers', async () => {
    for (const as of ['kasi', 'kabid', 'kadis', 'bkpsdm', 'auditor'] as const) {
      const res = await signalsOf(as);
      expect(res.status, as).toBe(200);
      expect(res.body.version).toBe(6);
      expect(res.body.signals.map((s: { answer: { note: string } }) => s.answer.note)).toEqual([
        'Lembur dicatat di SIAK.',
        'Tugas yang sama setiap hari: perekaman.',
      ]);
    }
  });

  it('a colleague, a supervisor of another unit, an unrelated head and the OPD admin get 403', async () => {
    for (const as of ['colleague', 'otherKasi', 'otherStaff', 'kepalaBkpsdm', 'adminOpd'] as const) {
      const res = await signalsOf(as);
      expect(res.status, as).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });

  it("records every view of someone else's signals in the audit trail, never the person's own", async () => {
    const views = await viewsOf(who.staff);
    const viewers = new Set(views.map((v) => v.actor));
    expect(viewers).toEqual(
      new Set([`nip:${who.kasi}`, `nip:${who.kabid}`, `nip:${who.kadis}`, `nip:${who.bkpsdm}`, `nip:${who.auditor}`]),
    );
    expect(views.every((v) => v.action === 'viewed' && v.entityId === `${who.staff}:${P}`)).toBe(true);
    expect(views[0]!.after).toMatchObject({ periodId: P, signals: ['at_cap', 'near_duplicate#a1b2c3'] });
    // Refused reads leave no view behind.
    expect(viewers.has(`nip:${who.otherKasi}`)).toBe(false);
    // The auditor reads them through the API as any entry; the person sees who looked.
    const trail = await call('auditor', 'GET', `/employees/${who.staff}/audit?limit=100`);
    expect(trail.status).toBe(200);
    expect(trail.body.items.filter((e: { entity: string }) => e.entity === 'SignalsView')).toHaveLength(views.length);
    const own = await call('staff', 'GET', '/employees/me/audit?limit=100');
    expect(
      own.body.items.some(
        (e: { entity: string; actor: string }) => e.entity === 'SignalsView' && e.actor === `nip:${who.kasi}`,
      ),
    ).toBe(true);
  });

  it("records the person's answers as their change of the signals record", async () => {
    const answers = await eventually(async () => {
      const items = (await new AuditRepository(scope).concerning(who.staff, 100)).items.filter(
        (e) => e.entity === 'PersonSignals',
      );
      return items.length >= 3 && items;
    }, 20_000);
    expect(answers.every((e) => e.actor === `nip:${who.staff}` && e.action === 'updated')).toBe(true);
  });
});

describe("a unit's people with signals", () => {
  it('lists the kinds, count and answers for the head, those above, BKPSDM and the auditor; each view audited', async () => {
    for (const as of ['kasi', 'kabid', 'bkpsdm', 'auditor'] as const) {
      const res = await call(as, 'GET', `/units/DUK-IDK/signals/${P}`);
      expect(res.status, as).toBe(200);
      expect(res.body.items).toEqual([
        {
          nip: who.staff,
          name: 'Rahmat Hidayat Daulay',
          unitCode: 'DUK-IDK',
          kinds: ['at_cap', 'near_duplicate'],
          count: 2,
          answered: 2,
        },
      ]);
    }
    const opd = await call('kadis', 'GET', `/units/DISDUKCAPIL/signals/${P}`);
    expect(opd.body.items.map((i: { nip: string }) => i.nip)).toEqual([who.staff]);
    const views = (await new AuditRepository(scope).ofRecord('SignalsView', 'DUK-IDK', 100)).items;
    expect(views.map((v) => v.actor).sort()).toEqual(
      [who.kasi, who.kabid, who.bkpsdm, who.auditor].map((n) => `nip:${n}`).sort(),
    );
    expect(views[0]!.after).toMatchObject({ periodId: P, people: [who.staff] });
  });

  it('refuses a member, the head of a sibling unit, an unrelated head and the OPD admin', async () => {
    for (const as of ['staff', 'otherKasi', 'kepalaBkpsdm', 'adminOpd'] as const)
      expect((await call(as, 'GET', `/units/DUK-IDK/signals/${P}`)).status, as).toBe(403);
    expect((await call('bkpsdm', 'GET', `/units/NOPE/signals/${P}`)).status).toBe(404);
  });
});

describe("a unit's lists of a period never computed", () => {
  it('answer 404 fairness_not_computed, as the person’s signals do, and record no view', async () => {
    const before = (await new AuditRepository(scope).ofRecord('SignalsView', 'DUK-IDK', 100)).items.length;
    for (const path of ['/units/DUK-IDK/signals/2026-10', '/units/DUK-IDK/rater-patterns/2026-10']) {
      const res = await call('kasi', 'GET', path, undefined, { 'accept-language': 'en' });
      expect(res.status, path).toBe(404);
      expect(res.body.error.code, path).toBe('fairness_not_computed');
      const person = await call('staff', 'GET', '/employees/me/signals/2026-10', undefined, {
        'accept-language': 'en',
      });
      expect(res.body.error.message, path).toBe(person.body.error.message.replace(who.staff, 'DUK-IDK'));
    }
    expect((await new AuditRepository(scope).ofRecord('SignalsView', 'DUK-IDK', 100)).items).toHaveLength(before);
    // Still a refusal first for someone who may not read the unit, and 404 for a unit that does not exist.
    expect((await call('staff', 'GET', '/units/DUK-IDK/rater-patterns/2026-10')).status).toBe(403);
    expect((await call('bkpsdm', 'GET', '/units/NOPE/rater-patterns/2026-10')).body.error.code).toBe('not_found');
  });
});

describe('rater patterns', () => {
  it("lists the unit subtree's supervisors with the OPD pooled, formulas in the request's language", async () => {
    const res = await call('kabid', 'GET', `/units/DUK-DAFDUK/rater-patterns/${P}`, undefined, {
      'accept-language': 'en',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((i: { nip: string }) => i.nip).sort()).toEqual([who.kasi, who.kabid].sort());
    expect(res.body.opd).toEqual({
      code: 'DISDUKCAPIL',
      ratings: { di_atas: 3, sesuai: 1, di_bawah: 0, rated: 4 },
      sharesPct: { di_atas: 75, sesuai: 25, di_bawah: 0 },
      leniencyMean: 0.5,
      raters: 2,
    });
    const kasi = res.body.items.find((i: { nip: string }) => i.nip === who.kasi);
    expect(kasi.comparison.leniency).toEqual({
      value: 0.67,
      opdOthers: 0,
      formula: 'rata-rata (diberikan − rekomendasi) (en)',
      outOfLine: true,
    });
    expect(kasi.pattern.overrides).toEqual([
      { nip: who.staff, name: 'Rahmat Hidayat Daulay', from: 'sesuai', to: 'di_atas', reason: 'Target terlampaui' },
    ]);
    // A record computed before overrides carried the name: null, the NIP still says who.
    const current = await repo().raterPattern(who.kabid, P);
    await repo().putRaterPattern({
      ...current!,
      periodId: '2026-09',
      pattern: {
        ...current!.pattern,
        overrides: [{ nip: who.staff, from: 'sesuai', to: 'di_atas', reason: null }],
      } as unknown as RaterPattern,
    });
    const kabid = await call('kabid', 'GET', `/employees/${who.kabid}/rater-pattern/2026-09`);
    expect(kabid.body.pattern.overrides).toEqual([
      { nip: who.staff, name: null, from: 'sesuai', to: 'di_atas', reason: null },
    ]);
    const seksi = await call('kasi', 'GET', `/units/DUK-IDK/rater-patterns/${P}`);
    expect(seksi.body.items.map((i: { nip: string }) => i.nip)).toEqual([who.kasi]);
    expect(seksi.body.opd.raters).toBe(2);
  });

  it("one supervisor's pattern: themself, those above, BKPSDM, the auditor — not their staff or peers", async () => {
    for (const as of ['kasi', 'kabid', 'bkpsdm', 'auditor'] as const) {
      const res = await call(as, 'GET', `/employees/${who.kasi}/rater-pattern/${P}`);
      expect(res.status, as).toBe(200);
      expect(res.body.pattern.bulkPct).toBe(75);
    }
    for (const as of ['staff', 'otherKasi', 'kepalaBkpsdm', 'adminOpd'] as const)
      expect((await call(as, 'GET', `/employees/${who.kasi}/rater-pattern/${P}`)).status, as).toBe(403);
    for (const as of ['staff', 'otherKasi', 'adminOpd'] as const)
      expect((await call(as, 'GET', `/units/DUK-DAFDUK/rater-patterns/${P}`)).status, as).toBe(403);
    const none = await call('staff', 'GET', `/employees/me/rater-pattern/${P}`);
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('fairness_not_computed');
  });
});

describe('adoption', () => {
  it('shows the unit, its idle people by name and the units below it', async () => {
    const res = await call('kabid', 'GET', `/units/DUK-DAFDUK/adoption/${P}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      unitCode: 'DUK-DAFDUK',
      asOf: '2026-11-30',
      loggingPct: 62.5,
      belowThreshold: true,
      idle: [{ nip: PINDAH_STAFF, name: 'Putri Ayu Simatupang', idleWorkingDays: 6 }],
      overdueQueues: [],
    });
    expect(res.body.children).toEqual([
      { code: 'DUK-IDK', name: 'Seksi Identitas Penduduk', loggingPct: 75, belowThreshold: false },
      { code: 'DUK-PINDAH', name: 'Seksi Pindah Datang dan Pendataan Penduduk', loggingPct: 25, belowThreshold: true },
    ]);
    for (const as of ['kadis', 'bkpsdm', 'auditor'] as const)
      expect((await call(as, 'GET', `/units/DUK-DAFDUK/adoption/${P}`)).status, as).toBe(200);
    for (const as of ['kasi', 'otherKasi', 'staff', 'adminOpd'] as const)
      expect((await call(as, 'GET', `/units/DUK-DAFDUK/adoption/${P}`)).status, as).toBe(403);
    const missing = await call('kasi', 'GET', '/units/DUK-IDK/adoption/2026-10');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('fairness_not_computed');
  });
});

describe('after a real fairness run', () => {
  const RUN_P = '2026-08';
  it('serves the records the run wrote: computed signals, rater patterns of the OPD, adoption of every unit', async () => {
    expect((await call('staff', 'GET', `/employees/me/signals/${RUN_P}`)).status).toBe(404);
    const started = await call('bkpsdm', 'POST', `/fairness/${RUN_P}/runs`, {});
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    await eventually(async () => {
      const run = await call('bkpsdm', 'GET', `/fairness/${RUN_P}/runs/${started.body.runId}`);
      return run.body.state === 'done';
    }, 60_000);
    const mine = await call('staff', 'GET', `/employees/me/signals/${RUN_P}`);
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body).toMatchObject({ nip: who.staff, periodId: RUN_P });
    expect(Array.isArray(mine.body.signals)).toBe(true);
    expect((await call('kasi', 'GET', `/employees/${who.staff}/signals/${RUN_P}`)).status).toBe(200);
    expect((await call('otherKasi', 'GET', `/employees/${who.staff}/signals/${RUN_P}`)).status).toBe(403);
    const list = await call('kadis', 'GET', `/units/DISDUKCAPIL/signals/${RUN_P}`);
    expect(list.status).toBe(200);
    expect((await call('kadis', 'GET', `/units/DISDUKCAPIL/rater-patterns/${RUN_P}`)).status).toBe(200);
    const adoption = await call('kabid', 'GET', `/units/DUK-DAFDUK/adoption/${RUN_P}`);
    expect(adoption.status, JSON.stringify(adoption.body)).toBe(200);
    expect(adoption.body.children.map((c: { code: string }) => c.code)).toEqual(['DUK-IDK', 'DUK-PINDAH']);
    // Every child unit of the OPD has its record: none left without figures.
    expect(adoption.body.children.every((c: { belowThreshold: boolean | null }) => c.belowThreshold !== null)).toBe(
      true,
    );
  });
});

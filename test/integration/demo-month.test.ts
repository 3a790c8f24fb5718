/**
 * The demo is playable to a finalised month with the dev tokens `npm start` prints, and nothing else: the demo
 * seeded as `npm start` seeds it, then a month carried from logging and verification through scoring, the
 * leadership's unit predikat, behaviour ratings (the Sekda's recorded by BKPSDM with the Wali Kota's decision),
 * the distribution check and finalisation OPD by OPD — each step's status asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG, demoPeople } from '../../infra/local/demo-data.ts';
import { seedDemo } from '../../infra/local/seed.ts';
import { berakhlak } from '../../shared/domain/scoring.ts';
import { ikiOf, yesterday } from '../support/plans.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
/** The printed dev tokens, by NIP: only people with a demo role (infra/local/start.ts prints exactly these). */
const printed = new Map<string, string>();
const D = yesterday();
const YEAR = Number(D.slice(0, 4));
const PERIOD = D.slice(0, 7);

const person = (role: string) => demoPeople.find((p) => p.demoRole === role)!;
const SEKDA = person('Sekretaris Daerah (Sekda)');
const KEPALA_BKPSDM = person('Kepala BKPSDM (atasan)');
const ADMIN = person('Admin BKPSDM');
const KASI = person('Kepala Seksi (atasan)');
const PEGAWAI = person('Pegawai');
const AUDITOR = person('Auditor (Inspektorat)');

/** A call with the printed token of `nip`; someone without one cannot act in this test. */
const as = (nip: string, method: string, path: string, body?: unknown) => {
  const token = printed.get(nip);
  if (!token) throw new Error(`${nip} has no printed demo token`);
  return stack.call(method, path, { token, body });
};
const evaluationPath = (nip: string) => `/employees/${nip}/evaluations/${PERIOD}`;
const meets = Object.fromEntries(berakhlak.map((v) => [v, 'sesuai']));
const periodNow = async () =>
  (await as(ADMIN.nip, 'GET', `/years/${YEAR}`)).body.periods.find((p: { id: string }) => p.id === PERIOD);
const finalise = async (body: Record<string, unknown>) =>
  as(ADMIN.nip, 'POST', `/years/${YEAR}/periods/${PERIOD}/finalise`, { version: (await periodNow()).version, ...body });
const rate = (by: string, nip: string, version: number, extra: Record<string, unknown> = {}) =>
  as(by, 'PUT', `${evaluationPath(nip)}/behaviour`, { values: meets, version, ...extra });

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo({ withWork: true });
  for (const p of demoPeople.filter((x) => x.demoRole))
    printed.set(p.nip, await stack.issuer.userToken({ orgId: DEMO_ORG.orgId, nip: p.nip, groups: p.groups ?? [] }));
});
afterAll(() => stack.stop());

describe('a demo month with the printed roles', () => {
  it('has a printed rater for everyone: each supervisor, and BKPSDM for the Sekda', () => {
    for (const p of demoPeople) expect(printed.has(p.supervisorNip ?? ADMIN.nip), p.name).toBe(true);
    expect(SEKDA.supervisorNip).toBeNull();
    expect(KEPALA_BKPSDM.supervisorNip).toBe(SEKDA.nip);
    expect(ADMIN.supervisorNip).toBe(KEPALA_BKPSDM.nip);
  });

  it('logs and verifies, at the top of the city as in a seksi', async () => {
    // Kepala BKPSDM cascades from the Sekda's plan (seeded), approved by the Sekda; the admin's from his.
    for (const [owner, approver, rhk, parent] of [
      [KEPALA_BKPSDM, SEKDA, 'bkpsdm-1', 'sekda-1'],
      [ADMIN, KEPALA_BKPSDM, 'melati-1', 'bkpsdm-1'],
    ] as const) {
      const made = await as(owner.nip, 'POST', `/employees/me/plans/${YEAR}`, {
        rhk: [
          { id: rhk, kind: 'utama', title: `Hasil kerja ${rhk}`, parentRhkId: parent, iki: [ikiOf(`${rhk}-a`, 100)] },
        ],
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      const sent = await as(owner.nip, 'POST', `/employees/me/plans/${YEAR}/submit`, { version: made.body.version });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      const ok = await as(approver.nip, 'POST', `/employees/${owner.nip}/plans/${YEAR}/approve`, {
        version: sent.body.version,
      });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    }
    const logged = await as(ADMIN.nip, 'POST', '/employees/me/activities', {
      date: D,
      start: '08:00',
      end: '10:00',
      description: 'Verifikasi usulan kenaikan pangkat',
      rhkId: 'melati-1',
      ikiId: 'melati-1-a',
      outputQuantity: 9,
      outputUnit: 'dokumen',
    });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    // The admin's own supervisor verifies: she never decides for him, nor he for himself.
    const verified = await as(KEPALA_BKPSDM.nip, 'POST', '/activities/decisions', {
      decisions: [
        {
          nip: ADMIN.nip,
          date: D,
          id: logged.body.activity.id,
          version: logged.body.activity.version,
          decision: 'approve',
        },
      ],
    });
    expect(verified.body.results[0].status).toBe(200);
    // The Pegawai's entries the seed left pending, verified by the Kepala Seksi.
    const queue = await as(KASI.nip, 'GET', '/employees/me/verification-queue');
    const pending = queue.body.items.filter((a: { nip: string }) => a.nip === PEGAWAI.nip);
    expect(pending.length).toBeGreaterThan(0);
    const decided = await as(KASI.nip, 'POST', '/activities/decisions', {
      decisions: pending.map((a: { id: string; version: number; date: string }) => ({
        nip: PEGAWAI.nip,
        date: a.date,
        id: a.id,
        version: a.version,
        decision: 'approve',
      })),
    });
    expect(decided.body.results.map((r: { status: number }) => r.status)).toEqual(pending.map(() => 200));
  });

  it('closes and scores the month, everyone once', async () => {
    const closed = await as(ADMIN.nip, 'PATCH', `/years/${YEAR}/periods/${PERIOD}`, {
      version: (await periodNow()).version,
      state: 'closed',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const started = await as(ADMIN.nip, 'POST', '/scoring-runs', { periodId: PERIOD });
    expect(started.status).toBe(202);
    const run = await eventually(async () => {
      const r = await as(ADMIN.nip, 'GET', `/scoring-runs/${PERIOD}/${started.body.runId}`);
      return r.body.state === 'done' ? r.body : undefined;
    }, 30_000);
    expect(run.employeesScored).toBe(demoPeople.length);
    expect((await periodNow()).state).toBe('scored');
    const mine = await as(ADMIN.nip, 'GET', evaluationPath('me'));
    // 9 documents of a yearly 100: 9 / (100/12) × 100 = 108.
    expect(mine.body.hasilKerja.nilaiKinerjaRounded).toBe(108);
    // The leadership rates Disdukcapil; BKPSDM records it and the OPD is scored again so its head takes it.
    const predikat = await as(ADMIN.nip, 'PUT', `/units/DISDUKCAPIL/predikat/${PERIOD}`, {
      predikat: 'baik',
      reason: 'Capaian perjanjian kinerja Disdukcapil (keputusan Wali Kota).',
    });
    expect(predikat.status).toBe(200);
    await eventually(
      async () =>
        (await as(ADMIN.nip, 'GET', `/scoring-runs/${PERIOD}/${predikat.body.rescoringRunId}`)).body.state === 'done',
      30_000,
    );
  });

  it("rates everyone's behaviour: supervisors, and BKPSDM recording the Wali Kota's decision for the Sekda", async () => {
    const sekda = (await as(ADMIN.nip, 'GET', evaluationPath(SEKDA.nip))).body;
    // Nobody rates their own superior: the admin is refused for her own supervisor; the Sekda cannot rate himself.
    const kepala = (await as(ADMIN.nip, 'GET', evaluationPath(KEPALA_BKPSDM.nip))).body;
    expect((await rate(ADMIN.nip, KEPALA_BKPSDM.nip, kepala.version)).status).toBe(403);
    expect((await rate(SEKDA.nip, SEKDA.nip, sekda.version)).status).toBe(403);
    // The Sekda's ratings come from the Wali Kota: recorded only with the decision's reference.
    const noRef = await rate(ADMIN.nip, SEKDA.nip, sekda.version);
    expect(noRef.status).toBe(422);
    expect(noRef.body.error.code).toBe('decision_ref_required');
    expect(noRef.body.error.details[0].field).toBe('body.decisionRef');
    const decisionRef = { number: '800/1234/2026', date: D };
    const recorded = await rate(ADMIN.nip, SEKDA.nip, sekda.version, { decisionRef });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body.behaviour).toMatchObject({ decisionRef, by: `nip:${ADMIN.nip}` });
    // A supervisor rates on their own judgement: no decision reference.
    const kepalaVersion = (await as(SEKDA.nip, 'GET', evaluationPath(KEPALA_BKPSDM.nip))).body.version;
    expect((await rate(SEKDA.nip, KEPALA_BKPSDM.nip, kepalaVersion, { decisionRef })).body.error.code).toBe(
      'decision_ref_not_expected',
    );
    // Everyone else by their direct supervisor, each from the supervisor's own team list.
    const supervisors = [...new Set(demoPeople.flatMap((p) => (p.supervisorNip ? [p.supervisorNip] : [])))];
    for (const supervisor of supervisors) {
      const team = await as(supervisor, 'GET', `/employees/me/team-evaluations/${PERIOD}?limit=100`);
      expect(team.status).toBe(200);
      for (const member of team.body.items as { nip: string; version: number; finalised: boolean }[]) {
        expect(member.finalised).toBe(false);
        const res = await rate(supervisor, member.nip, member.version);
        expect(res.status, `${supervisor} → ${member.nip}: ${JSON.stringify(res.body)}`).toBe(200);
      }
    }
    // The Kepala Seksi confirms the Pegawai's recommendation; BKPSDM records the Wali Kota's review of the Sekda.
    const pegawai = (await as(KASI.nip, 'GET', evaluationPath(PEGAWAI.nip))).body;
    const confirmed = await as(KASI.nip, 'POST', `${evaluationPath(PEGAWAI.nip)}/review`, {
      hasilKerja: { rating: pegawai.outcome.hasilKerja },
      perilaku: { rating: pegawai.outcome.perilaku },
      version: pegawai.version,
    });
    expect(confirmed.body.outcome).toMatchObject({ source: 'review', reviewCurrent: true });
    const sekdaNow = (await as(ADMIN.nip, 'GET', evaluationPath(SEKDA.nip))).body;
    const reviewed = await as(ADMIN.nip, 'POST', `${evaluationPath(SEKDA.nip)}/review`, {
      hasilKerja: { rating: 'sesuai', reason: 'Keputusan Wali Kota atas capaian Sekda.' },
      perilaku: { rating: 'sesuai' },
      decisionRef,
      version: sekdaNow.version,
    });
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    expect(reviewed.body.outcome).toMatchObject({ predikat: 'baik', source: 'review' });
  });

  it('checks the distribution and finalises OPD by OPD, the month with its last OPD', async () => {
    const dist = await as(ADMIN.nip, 'GET', `/years/${YEAR}/periods/${PERIOD}/distribution`);
    expect(dist.status).toBe(200);
    expect(dist.body).toMatchObject({ withoutPredikatCount: 0, unscoredCount: 0, evaluations: demoPeople.length });
    const opds = new Map(dist.body.opds.map((o: { opdCode: string }) => [o.opdCode, o]));
    expect([...opds.keys()].sort()).toEqual(['BKPSDM', 'DISDUKCAPIL', 'INSPEKTORAT', 'SETDA']);
    for (const o of opds.values()) expect(o).toMatchObject({ state: 'pending', complete: true });
    expect(opds.get('DISDUKCAPIL')).toMatchObject({ evaluations: 27 });
    expect(dist.body.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['DISDUKCAPIL']);

    // BKPSDM first: its own check only; the month stays scored while the other OPDs wait.
    const unreviewed = await finalise({ opd: 'BKPSDM' });
    expect(unreviewed.body.error.code).toBe('evaluations_unreviewed');
    expect(unreviewed.body.error.details.people.map((p: { unitCode: string }) => p.unitCode)).toEqual([
      'BKPSDM',
      'BKPSDM',
    ]);
    const bkpsdm = await finalise({ opd: 'BKPSDM', acceptRecommendations: true });
    expect(bkpsdm.status, JSON.stringify(bkpsdm.body)).toBe(200);
    expect(bkpsdm.body.finalisedOpds).toEqual(['BKPSDM']);
    expect(bkpsdm.body.period.state).toBe('scored');
    expect(bkpsdm.body.period.opds.BKPSDM).toMatchObject({ by: `nip:${ADMIN.nip}`, acceptedRecommendations: 2 });
    expect((await as(ADMIN.nip, 'GET', evaluationPath('me'))).body.periodState).toBe('finalised');
    expect((await as(KASI.nip, 'GET', evaluationPath(PEGAWAI.nip))).body.periodState).toBe('scored');
    const locked = (await as(KEPALA_BKPSDM.nip, 'GET', evaluationPath(ADMIN.nip))).body;
    expect((await rate(KEPALA_BKPSDM.nip, ADMIN.nip, locked.version)).body.error.code).toBe('period_finalised_locked');
    expect((await finalise({ opd: 'BKPSDM', acceptRecommendations: true })).body.error.code).toBe('opd_finalised');

    for (const opd of ['SETDA', 'INSPEKTORAT']) {
      const done = await finalise({ opd, acceptRecommendations: true });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect(done.body.period.state).toBe('scored');
    }
    // The last OPD finalises the month; the city's record sums its OPDs.
    const last = await finalise({ opd: 'DISDUKCAPIL', acceptRecommendations: true });
    expect(last.status, JSON.stringify(last.body)).toBe(200);
    expect(last.body.period.state).toBe('finalised');
    expect(Object.keys(last.body.period.opds).sort()).toEqual(['BKPSDM', 'DISDUKCAPIL', 'INSPEKTORAT', 'SETDA']);
    // Everyone but the two reviews (the Pegawai's and the Sekda's) finalised with the recommendation.
    expect(last.body.period.finalisation.acceptedRecommendations).toBe(demoPeople.length - 2);
    const after = (await as(AUDITOR.nip, 'GET', `/years/${YEAR}/periods/${PERIOD}/distribution`)).body;
    expect(after.periodState).toBe('finalised');
    expect(after.opds.every((o: { state: string }) => o.state === 'finalised')).toBe(true);
    // Final for the Pegawai too: the appeal window is open.
    const appeal = await as(PEGAWAI.nip, 'POST', `/employees/me/evaluations/${PERIOD}/appeal`, {
      reason: 'Berkas yang saya verifikasi belum terhitung semua.',
    });
    expect(appeal.status, JSON.stringify(appeal.body)).toBe(200);
    // Nor does an appeal let anyone judge their own superior: the admin does not decide her own head's.
    const headAppeal = await as(KEPALA_BKPSDM.nip, 'POST', `/employees/me/evaluations/${PERIOD}/appeal`, {
      reason: 'Capaian BKPSDM belum diperhitungkan.',
    });
    expect(headAppeal.status).toBe(200);
    const ownHead = await as(ADMIN.nip, 'POST', `${evaluationPath(KEPALA_BKPSDM.nip)}/appeal/decision`, {
      outcome: 'upheld',
      reason: 'Sesuai keputusan.',
    });
    expect(ownHead.status).toBe(403);
  });
});

/**
 * The appeals queue (GET /appeals) through the HTTP API against DynamoDB Local: appeals filed on a finalised month
 * wait oldest first in BKPSDM's organisation-wide queue and in the queue of the second-level supervisor named at
 * filing; a decision takes them out of both; someone who leads nobody is refused; nothing crosses organisations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../infra/local/demo-data.ts';
import { seedDemo } from '../../infra/local/seed.ts';
import { berakhlak } from '../../shared/domain/scoring.ts';
import { EmployeeRepository } from '../../shared/store/employees.ts';
import { EvaluationRepository } from '../../shared/store/evaluations.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { UnitRepository } from '../../shared/store/units.ts';
import { demoTokens, who } from '../support/demo.ts';
import { yesterday } from '../support/plans.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
const D = yesterday();
const YEAR = Number(D.slice(0, 4));
const PERIOD = D.slice(0, 7);
const BINJAI_NIP = '198001012005011001';

async function call(token: string, method: string, path: string, body?: unknown) {
  const res = await stack.call(method, path, { token, body });
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

/** The demo month closed, scored, everyone's behaviour rated (through the repository) and finalised. */
async function finalisedMonth() {
  const periodNow = async () =>
    (await call(t.bkpsdm, 'GET', `/years/${YEAR}`)).periods.find((p: { id: string }) => p.id === PERIOD);
  await call(t.bkpsdm, 'PATCH', `/years/${YEAR}/periods/${PERIOD}`, {
    version: (await periodNow()).version,
    state: 'closed',
  });
  const run = await call(t.bkpsdm, 'POST', '/scoring-runs', { periodId: PERIOD });
  await eventually(
    async () => (await call(t.bkpsdm, 'GET', `/scoring-runs/${PERIOD}/${run.runId}`)).state === 'done',
    30_000,
  );
  const repo = new EvaluationRepository(new OrgScope('kota-medan'));
  const meets = Object.fromEntries(berakhlak.map((v) => [v, 'sesuai']));
  const now = new Date().toISOString();
  for (const { nip } of demoPeople)
    await repo.change(nip, PERIOD, undefined, () => ({ behaviour: { values: meets as never, by: 'test', at: now } }), {
      actor: 'test',
      now,
    });
  await call(t.bkpsdm, 'POST', `/years/${YEAR}/periods/${PERIOD}/finalise`, {
    version: (await periodNow()).version,
    acceptRecommendations: true,
  });
}

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo({ withWork: true });
  t = await demoTokens(stack.issuer);
  await finalisedMonth();
  // A second organisation with an appeal of its own, in the same tables.
  const binjai = new OrgScope('kota-binjai');
  const repo = new EvaluationRepository(binjai);
  const ctx = { actor: 'system:test', now: new Date().toISOString() };
  await new UnitRepository(binjai).saveOrganisation('Pemerintah Kota Binjai', ctx);
  await new UnitRepository(binjai).create(
    { code: 'DISDUKCAPIL', name: 'Disdukcapil Binjai', kind: 'opd', path: '/DISDUKCAPIL/' },
    ctx,
  );
  await new EmployeeRepository(binjai).create(
    {
      nip: BINJAI_NIP,
      name: 'Pegawai Binjai',
      position: 'Staf',
      employmentType: 'PNS',
      unitCode: 'DISDUKCAPIL',
      unitPath: '/DISDUKCAPIL/',
      supervisorNip: null,
      status: 'active',
    },
    ctx,
  );
  await repo.saveComputed(
    [{ nip: BINJAI_NIP, periodId: PERIOD, unitPath: '/DISDUKCAPIL/', name: 'Pegawai Binjai' } as never],
    ctx,
  );
  await repo.change(
    BINJAI_NIP,
    PERIOD,
    undefined,
    () => ({ appeal: { reason: 'Binjai', filedAt: ctx.now, state: 'filed' } }),
    ctx,
  );
}, 120_000);
afterAll(() => stack.stop());

const nipsOf = (body: { items: { nip: string }[] }) => body.items.map((i) => i.nip);

describe('the appeals queue', () => {
  it('is refused to someone who leads nobody, and empty before anyone appeals', async () => {
    const refused = await stack.call('GET', '/appeals', { token: t.staff });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect(await call(t.bkpsdm, 'GET', '/appeals')).toEqual({ scope: 'organisation', items: [] });
  });

  it('holds each appeal, oldest first, for BKPSDM and for the second level named at filing', async () => {
    const reasons = new Map([
      [who.staff, 'Verifikasi 40 berkas pada tanggal 29 belum terhitung.'],
      [who.otherStaff, 'Target pindah datang tidak dibagi per bulan.'],
      [who.kasi, 'Capaian seksi belum diperhitungkan.'],
    ]);
    for (const [role, nip] of [
      ['staff', who.staff],
      ['otherStaff', who.otherStaff],
      ['kasi', who.kasi],
    ] as const)
      await call(t[role], 'POST', `/employees/me/evaluations/${PERIOD}/appeal`, { reason: reasons.get(nip) });

    const all = await call(t.bkpsdm, 'GET', '/appeals');
    expect(all.scope).toBe('organisation');
    expect(nipsOf(all)).toEqual([who.staff, who.otherStaff, who.kasi]);
    const filed = all.items[0];
    expect(filed).toMatchObject({
      name: 'Rahmat Hidayat Daulay',
      unitCode: 'DUK-IDK',
      periodId: PERIOD,
      reason: reasons.get(who.staff),
      waitingDays: 0,
      deciderNip: who.kabid,
      outcome: { source: 'recommendation' },
    });
    expect(filed.filedOn).toBe(new Date(Date.parse(filed.filedAt) + 7 * 3_600_000).toISOString().slice(0, 10));
    expect(all.items.map((i: { filedAt: string }) => i.filedAt)).toEqual(
      all.items.map((i: { filedAt: string }) => i.filedAt).sort(),
    );
    // Auditors read the organisation's queue too.
    expect(nipsOf(await call(t.auditor, 'GET', '/appeals'))).toEqual(nipsOf(all));

    // The Kepala Bidang decides her seksi heads' people's appeals; the Kepala Dinas his Kepala Seksi's.
    const kabid = await call(t.kabid, 'GET', '/appeals');
    expect(kabid.scope).toBe('own');
    expect(nipsOf(kabid)).toEqual([who.staff, who.otherStaff]);
    expect(nipsOf(await call(t.kadis, 'GET', '/appeals'))).toEqual([who.kasi]);
    // The direct supervisor who rated leads a team, yet is named for none.
    expect(await call(t.kasi, 'GET', '/appeals')).toEqual({ scope: 'own', items: [] });
  });

  it('pages with limit and cursor', async () => {
    const first = await call(t.bkpsdm, 'GET', '/appeals?limit=2');
    expect(nipsOf(first)).toEqual([who.staff, who.otherStaff]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await call(t.bkpsdm, 'GET', `/appeals?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`);
    expect(nipsOf(second)).toEqual([who.kasi]);
    expect(second.nextCursor).toBeUndefined();
    const bad = await stack.call('GET', '/appeals?cursor=nonsense', { token: t.bkpsdm });
    expect(bad.status).toBe(400);
  });

  it('lets a decision take the appeal out of every queue, in the same write', async () => {
    await call(t.kabid, 'POST', `/employees/${who.staff}/evaluations/${PERIOD}/appeal/decision`, {
      outcome: 'upheld',
      reason: 'Berkas tanggal 29 sudah terhitung pada realisasi.',
    });
    expect(nipsOf(await call(t.bkpsdm, 'GET', '/appeals'))).toEqual([who.otherStaff, who.kasi]);
    expect(nipsOf(await call(t.kabid, 'GET', '/appeals'))).toEqual([who.otherStaff]);
    // BKPSDM decides from the organisation's queue: the Kepala Dinas's queue empties with it.
    await call(t.bkpsdm, 'POST', `/employees/${who.kasi}/evaluations/${PERIOD}/appeal/decision`, {
      outcome: 'revised',
      reason: 'Capaian seksi terbukti di atas target.',
      hasilKerja: 'di_atas',
      perilaku: 'sesuai',
    });
    expect(await call(t.kadis, 'GET', '/appeals')).toEqual({ scope: 'own', items: [] });
    expect(nipsOf(await call(t.bkpsdm, 'GET', '/appeals'))).toEqual([who.otherStaff]);
  });

  it('never crosses organisations', async () => {
    const binjai = await stack.issuer.userToken({ orgId: 'kota-binjai', nip: BINJAI_NIP, groups: ['admin_bkpsdm'] });
    expect(nipsOf(await call(binjai, 'GET', '/appeals'))).toEqual([BINJAI_NIP]);
    expect(nipsOf(await call(t.bkpsdm, 'GET', '/appeals'))).toEqual([who.otherStaff]);
    // Nor can a Binjai token decide a Medan appeal, even with a Medan NIP in the path.
    const across = await stack.call('POST', `/employees/${who.otherStaff}/evaluations/${PERIOD}/appeal/decision`, {
      token: binjai,
      body: { outcome: 'upheld', reason: 'Dari organisasi lain.' },
    });
    expect(across.status).toBe(404);
  });
});

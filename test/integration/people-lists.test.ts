/**
 * Lists a screen can show without more calls: employee search in a unit (name or NIP prefix, case and accents
 * ignored, paged), names beside NIPs, the version a plan decision needs, and the supervisor's plan for linking.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../infra/local/demo-data.ts';
import { seedDemo } from '../../infra/local/seed.ts';
import { personMatcher } from '../../shared/domain/people-search.ts';
import { wibDate } from '../../shared/domain/time.ts';
import { EmployeeRepository } from '../../shared/store/employees.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { demoTokens, who } from '../support/demo.ts';
import { ikiOf } from '../support/plans.ts';
import { startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
const TODAY = wibDate(new Date());
const Y = Number(TODAY.slice(0, 4));

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  t = await demoTokens(stack.issuer);
});
afterAll(() => stack.stop());

const call = (as: keyof typeof who, method: string, path: string, body?: unknown) =>
  stack.call(method, path, { token: t[as], body });
const nameOf = (nip: string) => demoPeople.find((p) => p.nip === nip)!.name;
const nips = (body: { items: { nip: string }[] }) => body.items.map((i) => i.nip);

/** Every item of a listing, page by page, checking no page exceeds `limit`. */
async function allPages(path: string, limit: number): Promise<{ nip: string }[]> {
  const items: { nip: string }[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await call('staff', 'GET', `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('too many pages');
}

describe('searching the people of a unit', () => {
  it.each(['rahmat', 'RAHMAT', 'Rahmát', 'hid', 'daulay rah'])(
    'q=%s finds Rahmat, with his supervisor named',
    async (q) => {
      const res = await call('staff', 'GET', `/units/DISDUKCAPIL/employees?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({ nip: who.staff, supervisorNip: who.kasi, supervisorName: nameOf(who.kasi) }),
      ]);
    },
  );

  it('finds by NIP prefix, and only within the unit subtree', async () => {
    const res = await call('staff', 'GET', '/units/DISDUKCAPIL/employees?q=1992');
    expect(nips(res.body).sort()).toEqual(['199204282017032001', '199208112016032002']);
    expect(
      (await call('staff', 'GET', '/units/DUK-IDK/employees?q=1992')).body.items.map((i: { nip: string }) => i.nip),
    ).toEqual(['199204282017032001']);
    expect((await call('staff', 'GET', '/units/DUK-PINDAH/employees?q=rahmat')).body).toEqual({ items: [] });
    // Digits only is a NIP prefix, not the middle of one.
    expect((await call('staff', 'GET', '/units/DISDUKCAPIL/employees?q=2015031003')).body.items).toEqual([]);
  });

  it('pages a search with limit and cursor: every match once, in unit order', async () => {
    const whole = (await call('staff', 'GET', '/units/DISDUKCAPIL/employees?q=s&limit=100')).body.items;
    const expected = demoPeople.filter(
      (p) => (p.unitCode === 'DISDUKCAPIL' || p.unitCode.startsWith('DUK-')) && personMatcher('s')(p),
    );
    expect(whole).toHaveLength(expected.length);
    expect(whole.length).toBeGreaterThan(5);
    const paged = await allPages('/units/DISDUKCAPIL/employees?q=s', 2);
    expect(nips({ items: paged })).toEqual(nips({ items: whole }));
  });

  it('refuses a cursor that is not a search cursor', async () => {
    const plain = await call('staff', 'GET', '/units/DISDUKCAPIL/employees?limit=2');
    const mixed = await call('staff', 'GET', `/units/DISDUKCAPIL/employees?q=s&cursor=${plain.body.nextCursor}`);
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.code).toBe('invalid_cursor');
    const forged = await call('staff', 'GET', '/units/DISDUKCAPIL/employees?q=s&cursor=s999.abc');
    expect(forged.body.error.code).toBe('invalid_cursor');
  });

  it('searches a large unit in batches, each match given once across pages', async () => {
    // 450 people in one OPD of another organisation: more than two batches of the index range.
    const scope = new OrgScope('kota-cari');
    const repo = new EmployeeRepository(scope);
    const ctx = { actor: 'system:test', now: new Date().toISOString() };
    const people = Array.from({ length: 450 }, (_, i) => ({
      nip: `19900101201501${String(1000 + i).padStart(4, '0')}`,
      name: i % 7 === 3 ? `Rahmát Nomor ${i}` : `Pegawai Nomor ${i}`,
      position: 'Staf',
      employmentType: 'PNS' as const,
      unitCode: 'OPD',
      unitPath: '/OPD/',
      supervisorNip: null,
      status: 'active' as const,
    }));
    for (let i = 0; i < people.length; i += 50) {
      await Promise.all(people.slice(i, i + 50).map((p) => repo.create(p, ctx)));
    }
    const expected = people.filter((p) => p.name.startsWith('Rahm')).map((p) => p.nip);
    const matches = (i: Record<string, unknown>) =>
      personMatcher('RAHMAT')({ nip: i.nip as string, name: i.name as string });
    for (const limit of [5, 25]) {
      const found: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await repo.searchUnitMembers('/OPD/', matches, limit, cursor);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        found.push(...page.items.map((i) => i.nip as string));
        cursor = page.nextCursor;
      } while (cursor);
      expect(found).toEqual(expected);
    }
  });
});

describe('names beside NIPs', () => {
  it('names the supervisor of each subordinate, direct and whole tree', async () => {
    const direct = await call('kasi', 'GET', '/employees/me/subordinates');
    expect(direct.body.items.length).toBeGreaterThan(0);
    for (const i of direct.body.items) expect(i.supervisorName).toBe(nameOf(who.kasi));
    const all = await call('kabid', 'GET', '/employees/me/subordinates?scope=all&limit=100');
    expect(all.body.items.some((i: { depth: number }) => i.depth === 2)).toBe(true);
    for (const i of all.body.items) expect(i.supervisorName).toBe(nameOf(i.supervisorNip));
  });

  it("names each supervisor's own supervisor up the chain", async () => {
    const res = await call('staff', 'GET', '/employees/me/supervisors');
    expect(
      res.body.items.map((i: { nip: string; supervisorName: string | null }) => [i.nip, i.supervisorName]),
    ).toEqual([
      [who.kasi, nameOf(who.kabid)],
      [who.kabid, nameOf(who.kadis)],
      [who.kadis, nameOf(who.sekda)],
      [who.sekda, null],
    ]);
  });

  it('names the acting official and the position holder of an acting assignment', async () => {
    const made = await call('adminOpd', 'POST', `/employees/${who.otherKasi}/acting-assignments`, {
      forNip: who.kasi,
      kind: 'PLH',
      startDate: TODAY,
      endDate: TODAY,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const res = await call('adminOpd', 'GET', `/employees/${who.otherKasi}/acting-assignments`);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        actingNip: who.otherKasi,
        actingName: nameOf(who.otherKasi),
        forNip: who.kasi,
        forName: nameOf(who.kasi),
      }),
    ]);
  });
});

const rhk = (id: string, link: Record<string, string>) => ({
  id,
  kind: 'utama',
  title: `Hasil kerja ${id}`,
  ...link,
  iki: [ikiOf(`${id}-a`, 60), ikiOf(`${id}-b`, 40)],
});
const plan = (nip: string) => `/employees/${nip}/plans/${Y}`;

async function submitted(owner: keyof typeof who, link: Record<string, string>, id: string) {
  const made = await call(owner, 'POST', plan('me'), { rhk: [rhk(id, link)] });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const sub = await call(owner, 'POST', `${plan('me')}/submit`, { version: made.body.version });
  expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  return sub.body;
}

/** The approver decides with the version the team list gives, nothing else read. */
async function approvedFromTeamList(owner: keyof typeof who, approver: keyof typeof who) {
  const team = await call(approver, 'GET', `/employees/me/team-plans/${Y}`);
  const entry = team.body.items.find((i: { nip: string }) => i.nip === who[owner]);
  expect(entry).toMatchObject({ state: 'submitted', waitingForMe: true, name: nameOf(who[owner]) });
  const ok = await call(approver, 'POST', `${plan(who[owner])}/approve`, { version: entry.version });
  expect(ok.status, JSON.stringify(ok.body)).toBe(200);
}

describe("the supervisor's plan, and deciding from the team list", () => {
  it('is 404 while the supervisor has no approved plan, and for a head without a supervisor', async () => {
    const none = await call('staff', 'GET', `/employees/me/supervisor-plan/${Y}`);
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('not_found');
    expect((await call('sekda', 'GET', `/employees/me/supervisor-plan/${Y}`)).status).toBe(404);
  });

  it('gives each team entry the version its decision needs, and its supervisor named', async () => {
    const sekda = await submitted('sekda', { unitGoal: 'Pelayanan publik prima' }, 'sekda-1');
    expect((await call('bkpsdm', 'POST', `${plan(who.sekda)}/approve`, { version: sekda.version })).status).toBe(200);
    await submitted('kadis', { parentRhkId: 'sekda-1' }, 'kadis-1');
    await approvedFromTeamList('kadis', 'sekda');
    await submitted('kabid', { parentRhkId: 'kadis-1' }, 'kabid-1');
    await approvedFromTeamList('kabid', 'kadis');
    await submitted('kasi', { parentRhkId: 'kabid-1' }, 'kasi-1');
    await approvedFromTeamList('kasi', 'kabid');

    const team = await call('kasi', 'GET', `/employees/me/team-plans/${Y}`);
    for (const i of team.body.items) expect(i.supervisorName).toBe(nameOf(who.kasi));
    const staff = team.body.items.find((i: { nip: string }) => i.nip === who.staff);
    expect(staff).toMatchObject({ state: 'none' });
    expect(staff.version).toBeUndefined();
  });

  it("lets the subordinate read the supervisor's RHK in force, with today's acting official", async () => {
    for (const nip of ['me', who.staff]) {
      const res = await call('staff', 'GET', `/employees/${nip}/supervisor-plan/${Y}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({
        supervisorNip: who.kasi,
        supervisorName: nameOf(who.kasi),
        year: Y,
        planVersion: 1,
        rhk: [{ id: 'kasi-1', kind: 'utama', title: 'Hasil kerja kasi-1' }],
        // The Plh appointed above decides for the kasi today; the links still go to the kasi's plan.
        actingToday: [
          { nip: who.otherKasi, name: nameOf(who.otherKasi), kind: 'PLH', startDate: TODAY, endDate: TODAY },
        ],
      });
    }
    // Linking to what it returned is what submission accepts.
    const rhkId = (await call('staff', 'GET', `/employees/me/supervisor-plan/${Y}`)).body.rhk[0].id;
    await submitted('staff', { parentRhkId: rhkId }, 'staff-1');
    await approvedFromTeamList('staff', 'kasi');
  });

  it("is the subordinate's own: anyone else reading it through their path is refused", async () => {
    for (const as of ['kasi', 'adminOpd', 'otherStaff'] as const) {
      const res = await call(as, 'GET', `/employees/${who.staff}/supervisor-plan/${Y}`);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });
});

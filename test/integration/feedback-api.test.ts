/** Continuous feedback and performance dialogs through the HTTP API, between an employee and their supervisor. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { yearOf } from '../../shared/domain/time.ts';
import { demoTokens, who } from '../support/demo.ts';
import { approvedPlans, yesterday } from '../support/plans.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
let activityId: string;
const D = yesterday();
const YEAR = yearOf(D);
const call = (as: keyof typeof who, method: string, path: string, body?: unknown) =>
  stack.call(method, path, { token: t[as], body });
const give = (as: keyof typeof who, about: unknown, text = 'Pelayanan rapi; lampirkan foto berkas sebagai bukti.') =>
  call(as, 'POST', `/employees/${who.staff}/feedback`, { about, text });

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  t = await demoTokens(stack.issuer);
  await approvedPlans(stack, YEAR);
  const made = await call('staff', 'POST', '/employees/me/activities', {
    date: D,
    start: '08:00',
    end: '09:00',
    description: 'Perekaman KTP-el',
    rhkId: 'staff-1',
    ikiId: 'staff-1-a',
    outputQuantity: 5,
    outputUnit: 'dokumen',
  });
  expect(made.status).toBe(201);
  activityId = made.body.activity.id;
});
afterAll(() => stack.stop());

describe('feedback', () => {
  it('is given by the direct supervisor on an activity, an RHK, a period, or in general', async () => {
    for (const about of [
      { kind: 'activity', date: D, activityId },
      { kind: 'rhk', year: YEAR, rhkId: 'staff-1' },
      { kind: 'period', periodId: D.slice(0, 7) },
      { kind: 'general' },
    ]) {
      const res = await give('kasi', about);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ nip: who.staff, from: who.kasi, about, replies: [], version: 1 });
    }
  });

  it('refuses anyone else, and references the employee does not have, without writing', async () => {
    for (const as of ['kabid', 'staff', 'otherKasi', 'adminOpd'] as const)
      expect((await give(as, { kind: 'general' })).status, as).toBe(403);
    for (const about of [
      { kind: 'activity', date: D, activityId: 'not-there' },
      { kind: 'rhk', year: YEAR, rhkId: 'kasi-1' },
      { kind: 'period', periodId: '2019-01' },
    ]) {
      const res = await give('kasi', about);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('feedback_target_unknown');
    }
    expect((await call('staff', 'GET', '/employees/me/feedback')).body.items).toHaveLength(4);
  });

  it('reads newest first for the employee and those above, not for colleagues', async () => {
    const list = await call('staff', 'GET', '/employees/me/feedback?limit=2');
    expect(list.body.items.map((f: { about: { kind: string } }) => f.about.kind)).toEqual(['general', 'period']);
    expect(list.body.nextCursor).toBeDefined();
    expect((await call('kabid', 'GET', `/employees/${who.staff}/feedback`)).status).toBe(200);
    expect((await call('otherStaff', 'GET', `/employees/${who.staff}/feedback`)).status).toBe(403);
  });

  it('turns into a dialog: the employee replies, the supervisor answers, the employee acknowledges', async () => {
    const [first] = (await call('staff', 'GET', '/employees/me/feedback')).body.items;
    const reply = await call('staff', 'POST', `/employees/me/feedback/${first.id}/replies`, {
      text: 'Baik, mulai besok saya lampirkan.',
      version: 1,
    });
    expect(reply.body).toMatchObject({
      version: 2,
      replies: [{ by: who.staff, text: 'Baik, mulai besok saya lampirkan.' }],
    });
    const stale = await call('kasi', 'POST', `/employees/${who.staff}/feedback/${first.id}/replies`, {
      text: 'x',
      version: 1,
    });
    expect(stale.status).toBe(409);
    const answer = await call('kasi', 'POST', `/employees/${who.staff}/feedback/${first.id}/replies`, {
      text: 'Terima kasih.',
      version: 2,
    });
    expect(answer.body.replies.map((r: { by: string }) => r.by)).toEqual([who.staff, who.kasi]);
    // Names beside every NIP, so a screen shows the thread without looking anyone up.
    expect(answer.body).toMatchObject({ name: 'Rahmat Hidayat Daulay', fromName: 'Rina Marlina Pohan, S.Sos' });
    expect(answer.body.replies.map((r: { byName: string }) => r.byName)).toEqual([
      'Rahmat Hidayat Daulay',
      'Rina Marlina Pohan, S.Sos',
    ]);
    expect(
      (await call('kabid', 'POST', `/employees/${who.staff}/feedback/${first.id}/replies`, { text: 'x', version: 3 }))
        .status,
    ).toBe(403);
    expect(
      (await call('kasi', 'POST', `/employees/${who.staff}/feedback/${first.id}/acknowledge`, { version: 3 })).status,
    ).toBe(403);
    const ack = await call('staff', 'POST', `/employees/me/feedback/${first.id}/acknowledge`, { version: 3 });
    expect(ack.body.acknowledgedAt).toBeDefined();
    expect((await call('staff', 'POST', '/employees/me/feedback/nope-123/acknowledge', { version: 1 })).status).toBe(
      404,
    );
  });

  it('keeps a thread to 50 replies (one record), then asks for a new feedback or a dialog', async () => {
    const given = await give('kasi', { kind: 'general' }, 'Utas panjang');
    let version = given.body.version;
    for (let i = 0; i < 50; i++)
      version = (
        await call(i % 2 ? 'kasi' : 'staff', 'POST', `/employees/${who.staff}/feedback/${given.body.id}/replies`, {
          text: `Balasan ${i}`,
          version,
        })
      ).body.version;
    const full = await call('staff', 'POST', `/employees/me/feedback/${given.body.id}/replies`, {
      text: 'lagi',
      version,
    });
    expect(full.status).toBe(422);
    expect(full.body.error.code).toBe('feedback_thread_full');
  });
});

describe('performance dialogs', () => {
  it('are recorded by either side, with topics and agreed follow-ups, and read newest first', async () => {
    const mine = await call('staff', 'POST', '/employees/me/dialogs', {
      date: D,
      topics: ['Antrean sore'],
      followUps: [{ text: 'Loket tambahan', owner: 'supervisor', due: D }],
    });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    expect(mine.body).toMatchObject({
      nip: who.staff,
      supervisorNip: who.kasi,
      recordedBy: who.staff,
      topics: ['Antrean sore'],
    });
    const theirs = await call('kasi', 'POST', `/employees/${who.staff}/dialogs`, {
      date: D,
      topics: ['Target Desember'],
    });
    expect(theirs.status).toBe(201);
    expect((await call('kabid', 'POST', `/employees/${who.staff}/dialogs`, { date: D, topics: ['x'] })).status).toBe(
      403,
    );
    expect((await call('staff', 'POST', '/employees/me/dialogs', { date: D, topics: [] })).status).toBe(400);
    const list = await call('staff', 'GET', '/employees/me/dialogs');
    expect(list.body.items.map((d: { recordedBy: string }) => d.recordedBy)).toEqual([who.kasi, who.staff]);
    expect(list.body.items[0]).toMatchObject({
      name: 'Rahmat Hidayat Daulay',
      supervisorName: 'Rina Marlina Pohan, S.Sos',
      recordedByName: 'Rina Marlina Pohan, S.Sos',
    });
  });

  it('leaves every feedback and dialog in the audit trail', async () => {
    const trail = await eventually(async () => {
      const res = await call('auditor', 'GET', `/employees/${who.staff}/audit?limit=100`);
      const entities = new Set((res.body.items ?? []).map((a: { entity: string }) => a.entity));
      return entities.has('Feedback') && entities.has('Dialog') ? entities : undefined;
    });
    expect(trail.has('Feedback')).toBe(true);
  });
});

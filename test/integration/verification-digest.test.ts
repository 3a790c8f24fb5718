/** The daily digest: supervisors hear of entries waiting too long, on working days, once a day. */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { sendVerificationDigest } from '../../shared/app/verification-digest.ts';
import { ActivityRepository } from '../../shared/store/activities.ts';
import { NotificationRepository } from '../../shared/store/notifications.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { who } from '../support/demo.ts';
import { useTables } from '../support/stack.ts';

const scope = new OrgScope('kota-medan');
const ctx = { actor: 'test', now: new Date().toISOString() };
const at = (date: string) => new Date(`${date}T07:00:00+07:00`);
const digests = async (nip: string) =>
  (await new NotificationRepository(scope).list(nip, { unreadOnly: false, limit: 100 })).items.filter(
    (n) => n.type === 'verification_digest',
  );

beforeAll(async () => {
  await useTables();
  await seedDemo();
  // Rahmat's entry of Monday 14 December 2026 waits in Kasi Rina's queue (the demo's 2026 calendar has 24–25 December).
  const activities = new ActivityRepository(scope);
  await activities.apply(
    {
      after: {
        id: activities.newId(),
        nip: who.staff,
        date: '2026-12-14',
        start: '08:00',
        end: '09:00',
        minutes: 60,
        description: 'Perekaman',
        year: 2026,
        periodId: '2026-12',
        rhkId: 'r',
        ikiId: 'k',
        planVersion: 1,
        outputQuantity: 1,
        outputUnit: 'dok',
        evidence: [],
        status: 'pending',
        supervisorNip: who.kasi,
      },
    },
    450,
    ctx,
  );
});

describe('verification digest', () => {
  it('waits the configured days (2), then tells the supervisor once a day with the count and the oldest date', async () => {
    expect(await sendVerificationDigest('kota-medan', at('2026-12-16'))).toBe(0);
    expect(await sendVerificationDigest('kota-medan', at('2026-12-17'))).toBe(1);
    const [n] = await digests(who.kasi);
    expect(n).toMatchObject({ title: 'Aktivitas menunggu verifikasi', link: '/employees/me/verification-queue' });
    expect(n!.body).toBe('1 aktivitas bawahan menunggu verifikasi Anda; yang tertua sejak 2026-12-14.');
    expect(await sendVerificationDigest('kota-medan', at('2026-12-17'))).toBe(0); // a second run that day
    expect(await digests(who.kabid)).toEqual([]); // nothing waits for the Kabid
  });

  it('is quiet on weekends and holidays of the calendar', async () => {
    expect(await sendVerificationDigest('kota-medan', at('2026-12-19'))).toBe(0); // Saturday
    expect(await sendVerificationDigest('kota-medan', at('2026-12-25'))).toBe(0); // Natal
    expect(await sendVerificationDigest('kota-medan', at('2026-12-28'))).toBe(1); // Monday
    expect(await digests(who.kasi)).toHaveLength(2);
  });
});

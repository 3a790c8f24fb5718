import { forEachConcurrently } from '../concurrency.ts';
import { rulesOfPeriod } from '../domain/rules.ts';
import { addDays, wibDate, yearOf } from '../domain/time.ts';
import { ActivityRepository } from '../store/activities.ts';
import { EmployeeRepository } from '../store/employees.ts';
import { HolidayRepository } from '../store/holidays.ts';
import { OrgScope } from '../store/org-scope.ts';
import { organisationIds } from '../store/organisations.ts';
import { UnitRepository } from '../store/units.ts';
import { YearRepository } from '../store/years.ts';
import { deliver } from './notifications.ts';

/**
 * Every organisation's digest (see below); answers how many supervisors were told. One organisation's trouble
 * must not hold back the others: `failed` hears of it, and tomorrow's digest runs again.
 */
export async function sendVerificationDigests(
  now: Date,
  failed: (orgId: string, err: unknown) => void,
): Promise<number> {
  let told = 0;
  for (const orgId of await organisationIds()) {
    try {
      told += await sendVerificationDigest(orgId, now);
    } catch (err) {
      failed(orgId, err);
    }
  }
  return told;
}

/**
 * The daily digest of one organisation: on a working day (Monday–Friday, not a holiday of its calendar), every
 * supervisor whose verification queue holds an entry older than `reminderAfterDays` gets one notification with
 * the count and the oldest date. Its id is the day's, so a second run the same day adds nothing. Returns how many
 * supervisors were told.
 */
export async function sendVerificationDigest(orgId: string, now: Date): Promise<number> {
  const scope = new OrgScope(orgId);
  const today = wibDate(now);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6 || (await new HolidayRepository(scope).dates([yearOf(today)])).has(today))
    return 0;
  const rules = rulesOfPeriod(await new YearRepository(scope).rules(yearOf(today)));
  const cutoff = addDays(today, -rules.reminderAfterDays);
  const employees = new EmployeeRepository(scope);
  const opds = (await new UnitRepository(scope).tree()).filter((u) => u.kind === 'opd');
  const people = (await Promise.all(opds.map((o) => employees.allUnitMembers(o.path))))
    .flat()
    .filter((m) => m.status === 'active');
  const activities = new ActivityRepository(scope);
  let told = 0;
  await forEachConcurrently(people, 8, async (m) => {
    const oldest = (await activities.queue(m.nip as string, 1)).items[0];
    if (!oldest || (oldest.date as string) >= cutoff) return; // waiting longer than the days, not as long
    const waiting = await activities.queueLength(m.nip as string);
    const draft = {
      type: 'verification_digest' as const,
      audience: { role: 'person' as const, nip: m.nip as string },
      title: 'Aktivitas menunggu verifikasi',
      body: `${waiting} aktivitas bawahan menunggu verifikasi Anda; yang tertua sejak ${oldest.date}.`,
      link: '/employees/me/verification-queue',
    };
    told += await deliver(scope, [EmployeeRepository.fromItem(m)], draft, {
      at: `${today}T00:00:00.000Z`,
      id: `digest-${today}`,
    });
  });
  return told;
}

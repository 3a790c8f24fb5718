/**
 * Daily activities: the owner logs, edits and removes entries, the supervisor decides them, and the views of
 * them (a person's days, a period's progress, a verification queue, a team's and a unit's monitoring). Every new
 * or edited entry passes the same rules, assembled once in `admitEntry`.
 */

import { isBkpsdm, reasons } from '../auth/policy.ts';
import type { UserPrincipal } from '../auth/principal.ts';
import { allInOrder } from '../concurrency.ts';
import { type ActivityStatus, isFuture, overlaps, periodIdFor, toMinutes, weekStart } from '../domain/activities.ts';
import { planOf } from '../domain/evaluation.ts';
import { ikiProgress } from '../domain/iki-progress.ts';
import { type Iki, versionInForce } from '../domain/plans.ts';
import { rulesOfPeriod } from '../domain/rules.ts';
import { workingDaysBetween } from '../domain/service-hours.ts';
import { indicatorsOf, realisasiOf } from '../domain/service-indicators.ts';
import { wibDate, yearOf } from '../domain/time.ts';
import { activityDecisionRefused } from '../messages/activities.ts';
import { type Lang, type MessageCode, render } from '../messages/catalogue.ts';
import { DomainError, forbidden, notFound } from '../messages/errors.ts';
import { ActingRepository } from '../store/acting.ts';
import {
  type Activity,
  type ActivityChange,
  type ActivityPosition,
  ActivityRepository,
  activityRef,
  conflictWith,
  type DayTotals,
  dayRef,
  hashOf,
  MAX_CHANGES_AT_ONCE,
  unverified,
} from '../store/activities.ts';
import { type Employee, EmployeeRepository } from '../store/employees.ts';
import { HolidayRepository } from '../store/holidays.ts';
import { type Item, OrgScope, type WriteContext } from '../store/org-scope.ts';
import { PlanRepository } from '../store/plans.ts';
import { ServiceTotalsRepository } from '../store/service-totals.ts';
import { summary } from '../store/summaries.ts';
import { type Period, YearRepository } from '../store/years.ts';
import { decidesFor, monitoredUnit, ownNip, readableEmployee, teamOf } from './access.ts';
import { type UseCaseContext, writeContextOf } from './context.ts';
import { unitActivityRollUp } from './units.ts';

/** What the owner says of an entry (the request body of a create). */
export interface ActivityInput {
  date: string;
  start: string;
  end: string;
  description: string;
  rhkId: string;
  ikiId: string;
  outputQuantity: number;
  outputUnit: string;
  evidence?: string[];
}

type Notice = { code: string; message: string };

const ownActivityNip = (principal: UserPrincipal, nipParam: string): string =>
  ownNip(principal, nipParam, reasons.ownActivitiesOnly);

/** The notice an entry carries when its day's logged minutes pass the daily cap (kept, but not counted). */
function capNotice(date: string, logged: number, cap: number, lang: Lang): Notice | undefined {
  return logged > cap
    ? { code: 'daily_cap_exceeded', message: render('daily_cap_exceeded', lang, { date, logged, cap }) }
    : undefined;
}

/** The WIB date and HH:MM of an instant. */
const wibClock = (now: Date) => ({
  today: wibDate(now),
  time: new Date(now.getTime() + 7 * 3600_000).toISOString().slice(11, 16),
});

export interface DateRules {
  period: Period;
  cap: number;
}

/**
 * The period of a date must be open and, for the employee's own input, before its input deadline (supervisors
 * verify after it, until the period closes). Answers with the daily cap of the rules the period is judged by.
 */
export async function dateRules(
  years: YearRepository,
  date: string,
  now: Date,
  by: 'owner' | 'supervisor' = 'owner',
  field?: string,
): Promise<DateRules> {
  return rulesOn(await years.getWithRules(yearOf(date)), date, now, by, field);
}

/** A refusal naming the request's field it is about (if the request has one), so a form shows it there. */
function refusal(code: MessageCode, params: Record<string, unknown>, field?: string): DomainError {
  return new DomainError(code, params, undefined, field ? [{ field, code, params }] : undefined);
}

/** `dateRules` on a year as read (with its rules), for several dates of one year read once. */
export function rulesOn(
  found: Awaited<ReturnType<YearRepository['getWithRules']>>,
  date: string,
  now: Date,
  by: 'owner' | 'supervisor',
  field?: string,
): DateRules {
  if (!found) throw refusal('year_not_open', { year: yearOf(date) }, field);
  const { year: performanceYear, rules } = found;
  const period = performanceYear.periods.find((p) => p.id === periodIdFor(date, performanceYear.cadence))!;
  if (period.state !== 'open')
    throw refusal('activity_period_closed', { period: period.id, state: period.state }, field);
  if (by === 'owner' && wibClock(now).today > period.inputDeadline)
    throw refusal('activity_past_deadline', { period: period.id, deadline: period.inputDeadline, date }, field);
  return { period, cap: rulesOfPeriod(rules, period).dailyMinuteCap };
}

function checkTimes(a: { date: string; start: string; end: string }, now: Date): number {
  const minutes = toMinutes(a.end) - toMinutes(a.start);
  if (minutes <= 0) throw refusal('activity_time_invalid', { start: a.start, end: a.end }, 'body.end');
  const clock = wibClock(now);
  if (isFuture(a.date, a.end, clock.today, clock.time)) throw refusal('activity_future', a, 'body.end');
  return minutes;
}

/** The IKI must belong to the owner's plan in force on the activity's date; answers with that plan's version. */
async function planVersionFor(
  plans: PlanRepository,
  nip: string,
  a: { date: string; rhkId: string; ikiId: string },
): Promise<number> {
  const plan = versionInForce(await plans.versions(nip, yearOf(a.date)), a.date);
  if (!plan) throw refusal('activity_no_plan', { date: a.date }, 'body.date');
  const found = plan.rhk.find((r) => r.id === a.rhkId)?.iki.some((k) => k.id === a.ikiId);
  if (!found) throw refusal('activity_iki_not_in_plan', { iki: a.ikiId, rhk: a.rhkId, date: a.date }, 'body.ikiId');
  return plan.planVersion;
}

/**
 * Reads the day (its version guards the write) and then its activities, and refuses an overlap with any entry
 * not rejected. Returns the day as read, for the write to condition on.
 */
async function dayWithoutOverlap(
  repo: ActivityRepository,
  nip: string,
  a: { id?: string; date: string; start: string; end: string },
): Promise<DayTotals> {
  const day = await repo.day(nip, a.date);
  const others = (await repo.range(nip, a.date, a.date, true)).filter((o) => o.id !== a.id && o.status !== 'rejected');
  const clash = others.find((o) => overlaps(o, a));
  if (clash) throw refusal('activity_overlap', { ...a, otherStart: clash.start, otherEnd: clash.end }, 'body.start');
  return day;
}

function requireStatus(a: Activity, action: string, allowed: ActivityStatus[]): void {
  if (!allowed.includes(a.status))
    throw new DomainError('activity_state', { status: a.status, action, allowed: allowed.join(', ') }, { current: a });
}

/** What an entry that passed the rules is written with. */
export interface Admitted {
  minutes: number;
  period: Period;
  cap: number;
  planVersion: number;
  /** The day as read: the write conditions on its version. */
  day: DayTotals;
  notice?: Notice;
}

/**
 * The rules a new entry (no `current`) or an edited one must pass: its times, then — read side by side, but a
 * request breaking several always gets the first in this order — the old date (an edit moving an entry to
 * another day must still be allowed to take it from there), the date, the plan, the day without overlap.
 */
export async function admitEntry(
  repos: { years: YearRepository; plans: PlanRepository; activities: ActivityRepository },
  ctx: { now: Date; lang: Lang },
  nip: string,
  next: { id?: string; date: string; start: string; end: string; rhkId: string; ikiId: string },
  current?: Activity,
): Promise<Admitted> {
  const minutes = checkTimes(next, ctx.now);
  const [, { period, cap }, planVersion, day] = await allInOrder([
    current && current.date !== next.date
      ? dateRules(repos.years, current.date, ctx.now, 'owner', 'body.date')
      : Promise.resolve(undefined),
    dateRules(repos.years, next.date, ctx.now, 'owner', 'body.date'),
    planVersionFor(repos.plans, nip, next),
    dayWithoutOverlap(repos.activities, nip, next),
  ]);
  // An edit within its day: the entry's earlier minutes are in the day's logged total already (unless rejected).
  const earlier = current && current.date === next.date && current.status !== 'rejected' ? current.minutes : 0;
  const notice = capNotice(next.date, day.loggedMinutes + minutes - earlier, cap, ctx.lang);
  return { minutes, period, cap, planVersion, day, ...(notice ? { notice } : {}) };
}

const repositoriesOf = (scope: OrgScope, activities: ActivityRepository) => ({
  years: new YearRepository(scope),
  plans: new PlanRepository(scope),
  activities,
});

/** The fields an admitted entry is (re)written with: pending again, in the queue of the owner's supervisor today. */
const pendingFields = (admitted: Admitted, date: string, owner: Employee) => ({
  minutes: admitted.minutes,
  year: yearOf(date),
  periodId: admitted.period.id,
  planVersion: admitted.planVersion,
  status: 'pending' as const,
  supervisorNip: owner.supervisorNip ?? null,
});

const withNotice = (activity: unknown, notice: Notice | undefined) => ({ activity, ...(notice ? { notice } : {}) });

/**
 * The owner logs an entry, pending their supervisor's verification. With an idempotency key a retry answers with
 * the first response (`replayed`), and the same key with another body is refused.
 */
export async function logActivity(
  ctx: UseCaseContext,
  nipParam: string,
  input: ActivityInput,
  key?: string,
): Promise<{ response: unknown; replayed: boolean }> {
  const nip = ownActivityNip(ctx.principal, nipParam);
  const repo = new ActivityRepository(ctx.scope);
  if (key !== undefined && (key.length < 8 || key.length > 200)) {
    throw new DomainError('validation_failed', {}, [{ field: 'header.idempotency-key', message: '8–200 characters' }]);
  }
  const body = { ...input, evidence: input.evidence ?? [] };
  const requestHash = hashOf(JSON.stringify(body));

  const replay = async (): Promise<{ response: unknown; replayed: true } | undefined> => {
    if (!key) return undefined;
    const earlier = await repo.byIdempotencyKey(nip, key, ctx.now);
    if (!earlier) return undefined;
    if (earlier.requestHash !== requestHash) throw new DomainError('idempotency_key_reused');
    return { response: earlier.response, replayed: true };
  };

  try {
    const replayed = await replay();
    if (replayed) return replayed;
    const admitted = await admitEntry(repositoriesOf(ctx.scope, repo), ctx, nip, body);
    const response = (activity: unknown) => withNotice(activity, admitted.notice);
    const activity = await repo.apply(
      {
        after: { ...body, id: repo.newId(), nip, ...pendingFields(admitted, body.date, ctx.actor) },
        ...(key ? { idempotency: { key, requestHash, response } } : {}),
      },
      admitted.cap,
      writeContextOf(ctx),
      new Map([[body.date, admitted.day]]),
    );
    return { response: response(activity), replayed: false };
  } catch (err) {
    // Retries racing each other: the losers meet the winner's entry (an overlap, or a conflict) — answer them
    // with the winner's response.
    const raced = err instanceof DomainError ? await replay() : undefined;
    if (raced) return raced;
    throw err;
  }
}

/** The owner fixes an entry not yet verified, or one that was rejected; it goes back to the queue as pending. */
export async function editActivity(
  ctx: UseCaseContext,
  nipParam: string,
  date: string,
  id: string,
  changes: Partial<ActivityInput> & { version: number },
) {
  const nip = ownActivityNip(ctx.principal, nipParam);
  const repo = new ActivityRepository(ctx.scope);
  const current = await repo.find(nip, id, date);
  if (!current) throw notFound('activity');
  const { version, ...fields } = changes;
  if (version !== current.version) throw conflictWith(current);
  requireStatus(current, 'edit', ['pending', 'rejected']);
  const next = { ...current, ...fields };
  const admitted = await admitEntry(repositoriesOf(ctx.scope, repo), ctx, nip, next, current);
  const updated = await repo.apply(
    {
      before: current,
      after: { ...unverified(next), ...pendingFields(admitted, next.date, ctx.actor) },
      expectedVersion: version,
    },
    admitted.cap,
    writeContextOf(ctx),
    new Map([[next.date, admitted.day]]),
  );
  return withNotice(updated, admitted.notice);
}

/** The owner removes an entry not yet verified, or one that was rejected. */
export async function removeActivity(
  ctx: UseCaseContext,
  nipParam: string,
  date: string,
  id: string,
  version: number | undefined,
): Promise<void> {
  const nip = ownActivityNip(ctx.principal, nipParam);
  const repo = new ActivityRepository(ctx.scope);
  const current = await repo.find(nip, id, date);
  if (!current) throw notFound('activity');
  if (version !== undefined && version !== current.version) throw conflictWith(current);
  requireStatus(current, 'delete', ['pending', 'rejected']);
  const { cap } = await dateRules(new YearRepository(ctx.scope), current.date, ctx.now);
  await repo.apply({ before: current, expectedVersion: version }, cap, writeContextOf(ctx));
}

export interface Decision {
  nip: string;
  date: string;
  id: string;
  version: number;
  decision: 'approve' | 'reject' | 'reopen';
  reason?: string;
}

/** A decision's outcome: the entry as decided, or why it was refused (or failed). */
export type DecisionOutcome = { id: string; activity: Activity | undefined } | { id: string; failure: unknown };

/** The change a decision makes to the entry as read, after its checks. */
function decisionChange(d: Decision, current: Activity | undefined, write: WriteContext): ActivityChange {
  if (!current) throw notFound('activity');
  if (d.version !== current.version) throw conflictWith(current);
  if (d.decision === 'reject' && !d.reason)
    throw new DomainError('validation_failed', {}, [
      { field: 'reason', message: 'A reason is required to reject / alasan wajib diisi' },
    ]);
  requireStatus(current, d.decision, d.decision === 'reopen' ? ['approved'] : ['pending']);
  const status = d.decision === 'approve' ? 'approved' : d.decision === 'reject' ? 'rejected' : 'pending';
  return {
    before: current,
    after: {
      ...unverified(current),
      status,
      ...(status !== 'pending' ? { verifiedBy: write.actor, verifiedAt: write.now } : {}),
      ...(status === 'rejected' ? { rejectReason: d.reason } : {}),
    },
    expectedVersion: d.version,
  };
}

/**
 * The direct supervisor (or the Plt/Plh of the position on the day) approves or rejects pending entries, and may
 * reopen an approved one while its period is still open. Each decision answers for itself: one refused does not
 * hold back the others.
 *
 * Read in batches (the owners; the entries with their days; each year's rules once), then written one
 * transaction per person and day: the day's entries with that day's and period's totals, all or none. A day
 * someone else changed meanwhile (or an entry decided twice in the request) is decided again one by one, each
 * decision on a fresh read, so a race costs a refusal of only the decisions it really hits.
 */
export async function decideOnActivities(ctx: UseCaseContext, decisions: Decision[]): Promise<DecisionOutcome[]> {
  const repo = new ActivityRepository(ctx.scope);
  const yearRepo = new YearRepository(ctx.scope);
  const write = writeContextOf(ctx);
  const yearsRead = new Map<number, ReturnType<YearRepository['getWithRules']>>();
  const rulesFor = async (date: string) => {
    const year = yearOf(date);
    if (!yearsRead.has(year)) yearsRead.set(year, yearRepo.getWithRules(year));
    return rulesOn(await yearsRead.get(year)!, date, ctx.now, 'supervisor');
  };
  for (const d of decisions) void rulesFor(d.date).catch(() => undefined); // read each year while the rest is read

  const [owners, stored] = await Promise.all([
    new EmployeeRepository(ctx.scope).getMany(decisions.map((d) => d.nip)),
    repo.findMany(decisions),
  ]);
  const mayDecide = new Map<string, Promise<boolean>>();
  const mayDecideFor = (nip: string) => {
    if (!mayDecide.has(nip)) {
      const owner = owners.get(nip);
      // The direct supervisor needs no further read; Plt/Plh and BKPSDM are worked out by `decidesFor`.
      mayDecide.set(
        nip,
        !owner
          ? Promise.resolve(false)
          : owner.supervisorNip === ctx.actor.nip
            ? Promise.resolve(true)
            : decidesFor(ctx, owner),
      );
    }
    return mayDecide.get(nip)!;
  };
  const checked = async (d: Decision, current: Activity | undefined) => {
    if (!(await mayDecideFor(d.nip))) throw forbidden(activityDecisionRefused(d.nip, d.date));
    const change = decisionChange(d, current, write);
    return { change, cap: (await rulesFor(current!.date)).cap };
  };

  const outcomes: DecisionOutcome[] = new Array(decisions.length);
  const again: number[] = [];
  // Day groups, per person: a person's days are written one after the other (they share the period's totals).
  const people = new Map<string, Map<string, { i: number; change: ActivityChange; cap: number }[]>>();
  const seen = new Set<string>();
  await Promise.all(
    decisions.map(async (d, i) => {
      try {
        const ref = activityRef(d);
        if (seen.has(ref)) return void again.push(i); // the second decision of one entry sees the first's result
        seen.add(ref);
        const { change, cap } = await checked(d, stored.activities.get(ref));
        const days = people.get(d.nip) ?? new Map();
        people.set(d.nip, days.set(d.date, [...(days.get(d.date) ?? []), { i, change, cap }]));
      } catch (failure) {
        outcomes[i] = { id: d.id, failure };
      }
    }),
  );

  await Promise.all(
    [...people].map(async ([nip, days]) => {
      for (const [date, group] of days) {
        for (let k = 0; k < group.length; k += MAX_CHANGES_AT_ONCE) {
          const part = group.slice(k, k + MAX_CHANGES_AT_ONCE);
          // The day as read in the batch for the first part; a later part (over 48 of one day) reads it anew.
          const readDays = k === 0 ? new Map([[date, stored.days.get(dayRef({ nip, date }))!]]) : undefined;
          try {
            const decided = await repo.applyAll(
              part.map((p) => p.change),
              part[0]!.cap,
              write,
              readDays,
            );
            part.forEach((p, n) => {
              outcomes[p.i] = { id: decisions[p.i]!.id, activity: decided[n] };
            });
          } catch (failure) {
            if (failure instanceof DomainError && failure.code === 'activity_conflict')
              again.push(...part.map((p) => p.i));
            // Every decision answers for itself, a server fault too: the groups before it are already written.
            else for (const p of part) outcomes[p.i] = { id: decisions[p.i]!.id, failure };
          }
        }
      }
    }),
  );

  for (const i of again.sort((a, b) => a - b)) {
    const d = decisions[i]!;
    try {
      const { change, cap } = await checked(d, await repo.find(d.nip, d.id, d.date));
      outcomes[i] = { id: d.id, activity: await repo.apply(change, cap, write) };
    } catch (failure) {
      outcomes[i] = { id: d.id, failure };
    }
  }
  return outcomes;
}

/** Up to about a quarter at once: a day, a week or a period is one key range of the person's partition. */
const MAX_DAYS = 93;
/** A page of entries stays far below Lambda's 6 MB response limit whatever the entries hold. */
const MAX_PAGE_BYTES = 1_000_000;

/** The opaque cursor of a page of a person's entries: where the previous page ended. */
const activityCursor = {
  encode: (a: ActivityPosition) => Buffer.from(JSON.stringify([a.date, a.start, a.id])).toString('base64url'),
  decode(cursor: string, from: string, to: string): ActivityPosition {
    let position: unknown;
    try {
      position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      throw new DomainError('invalid_cursor');
    }
    const [date, start, id] = Array.isArray(position) && position.length === 3 ? position : [];
    const valid =
      typeof date === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(date) &&
      date >= from &&
      date <= to &&
      typeof start === 'string' &&
      /^\d{2}:\d{2}$/.test(start) &&
      typeof id === 'string' &&
      /^[A-Za-z0-9-]{1,64}$/.test(id);
    if (!valid) throw new DomainError('invalid_cursor');
    return { date, start, id };
  },
};

/**
 * A page of a person's entries between two dates, in time order: up to `limit` of them (and no more than
 * MAX_PAGE_BYTES). The first page (no cursor) also carries the range's minutes per day and the daily cap.
 */
export async function activitiesBetween(
  ctx: UseCaseContext,
  nipParam: string,
  query: { from: string; to: string; limit?: number; cursor?: string },
) {
  const { from, to } = query;
  const { target } = await readableEmployee(ctx, nipParam);
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (span < 0 || span >= MAX_DAYS)
    throw new DomainError('invalid_date_range', { startDate: from, endDate: to }, { maxDays: MAX_DAYS });
  const after = query.cursor === undefined ? undefined : activityCursor.decode(query.cursor, from, to);
  const repo = new ActivityRepository(ctx.scope);
  const [page, summary] = await Promise.all([
    repo.rangePage(target.nip, from, to, query.limit ?? 25, after),
    after ? undefined : daysBetween(ctx, repo, target.nip, from, to),
  ]);
  let bytes = 0;
  const items = page.items.filter((a, i) => {
    bytes += Buffer.byteLength(JSON.stringify(a));
    return i === 0 || bytes <= MAX_PAGE_BYTES;
  });
  const more = page.more || items.length < page.items.length;
  return { items, ...(more ? { nextCursor: activityCursor.encode(items.at(-1)!) } : {}), ...summary };
}

/** A range's minutes per day and the daily cap of the rules in force. */
async function daysBetween(ctx: UseCaseContext, repo: ActivityRepository, nip: string, from: string, to: string) {
  const [days, rules] = await Promise.all([
    repo.days(nip, from, to),
    new YearRepository(ctx.scope).rules(yearOf(from)),
  ]);
  return {
    // Counted minutes as the running totals hold them (each day capped when it last changed).
    days: days.map(({ date, loggedMinutes, approvedMinutes, countedMinutes }) => ({
      date,
      loggedMinutes,
      approvedMinutes,
      countedMinutes,
    })),
    dailyMinuteCap: rulesOfPeriod(rules).dailyMinuteCap,
  };
}

/**
 * A plan's progress in a period: the running totals beside the targets of the plan in force at its end. IKI measured
 * from service data take the officer's service indicator named by their `serviceMetric`.
 */
export async function activityTotals(ctx: UseCaseContext, nipParam: string, periodId: string) {
  const { target } = await readableEmployee(ctx, nipParam);
  const years = new YearRepository(ctx.scope);
  const period = await years.findPeriod(periodId);
  const { totals, iki } = await progressOf(ctx.scope, target.nip, period, years.rules(yearOf(period.id)));
  return { ...totals.period, iki };
}

type YearRules = Awaited<ReturnType<YearRepository['rules']>>;

/** How many IKI of a plan are above, meet or are below expectation so far. */
const levelCounts = (iki: { level: 'above' | 'meets' | 'below' }[]) => ({
  iki: iki.length,
  above: iki.filter((k) => k.level === 'above').length,
  meets: iki.filter((k) => k.level === 'meets').length,
  below: iki.filter((k) => k.level === 'below').length,
});

/**
 * A person's progress per IKI of the plan in force at the period's end: realisasi, the period's target, capaian and
 * level, as scoring computes them. Three queries (their totals, plan versions and service totals) and the year's
 * rules (given, so a list reads them once).
 */
async function progressOf(scope: OrgScope, nip: string, period: Period, yearRules: Promise<YearRules>) {
  const [totals, versions, service, rules] = await Promise.all([
    new ActivityRepository(scope).totals(nip, period.id),
    new PlanRepository(scope).versions(nip, yearOf(period.id)),
    new ServiceTotalsRepository(scope).officer(nip, period.id),
    yearRules,
  ]);
  const serviceIndicators = indicatorsOf(service.combined);
  const plan =
    versionInForce(versions, period.end) ??
    versions.findLast((v) => v.state === 'approved' || v.state === 'superseded');
  const byIki = new Map(totals.iki.map((t) => [t.ikiId, t]));
  // What scoring takes as realisasi: the service indicator, or the approved quantity (none without any approval).
  const scored = (k: Iki) =>
    k.source === 'service'
      ? k.serviceMetric
        ? realisasiOf(k.serviceMetric, serviceIndicators)
        : null
      : (byIki.get(k.id)?.approvedQuantity ?? null);
  const progress = ikiProgress(plan?.rhk ?? [], scored, period.kind, rulesOfPeriod(rules, period));
  return {
    totals,
    ikiNames: ikiNamesIn(versions, plan),
    iki: (plan?.rhk ?? []).flatMap((r) =>
      r.iki.map((k) => ({
        rhkId: r.id,
        ikiId: k.id,
        name: k.name,
        target: k.target,
        unit: k.unit,
        source: k.source ?? 'manual',
        // Measured from service data: the officer's indicator in the period (null until there is data).
        realisasi: k.source === 'service' ? scored(k) : (byIki.get(k.id)?.approvedQuantity ?? 0),
        approvedCount: byIki.get(k.id)?.approvedCount ?? 0,
        ...progress.get(k.id)!,
      })),
    ),
  };
}

/**
 * One key range of the verification index: a position's pending entries, oldest first. `as` is the caller's own
 * position (the default), one they hold as Plt/Plh today, or `none` (BKPSDM: entries of people with no supervisor).
 */
export async function verificationQueue(
  ctx: UseCaseContext,
  nipParam: string,
  query: { as?: string; limit?: number; cursor?: string },
) {
  ownNip(ctx.principal, nipParam, reasons.ownQueueOnly);
  const as = query.as ?? ctx.principal.nip;
  if (as === 'none' && !isBkpsdm(ctx.principal)) throw forbidden(reasons.bkpsdmOnly);
  if (
    as !== 'none' &&
    as !== ctx.principal.nip &&
    !(await new ActingRepository(ctx.scope).actingForOn(ctx.principal.nip, wibDate(ctx.now))).has(as)
  ) {
    throw forbidden(reasons.notActing);
  }
  const position = as === 'none' ? null : as;
  const page = await new ActivityRepository(ctx.scope).queue(position, query.limit ?? 25, query.cursor);
  const entries = page.items.map(ActivityRepository.fromItem);
  // The owners and the plan versions the entries were logged against: one batch read each.
  const [owners, indicatorNames] = await Promise.all([
    new EmployeeRepository(ctx.scope).getMany(entries.map((e) => e.nip)),
    indicatorNamesOf(new PlanRepository(ctx.scope), entries),
  ]);
  // Someone who has since moved to another supervisor is no longer this queue's (a stream consumer moves their
  // entries); never show their entries here meanwhile.
  const stillHere = entries.flatMap((e) => {
    const owner = owners.get(e.nip);
    return owner && (owner.supervisorNip ?? null) === position
      ? [{ ...e, name: owner.name, ...indicatorNames(e) }]
      : [];
  });
  return { items: stillHere, nextCursor: page.nextCursor };
}

/**
 * The RHK's and indicator's names of entries, from the plan versions they were logged against (read in one batch,
 * each version once); absent if that version cannot be found.
 */
async function indicatorNamesOf(plans: PlanRepository, entries: Activity[]) {
  const refOf = (e: Activity) => ({ nip: e.nip, year: e.year, planVersion: e.planVersion });
  const keyOf = (r: { nip: string; year: number; planVersion: number }) => `${r.nip}#${r.year}#${r.planVersion}`;
  const refs = new Map(entries.map((e) => [keyOf(refOf(e)), refOf(e)]));
  const found = new Map((await plans.getMany([...refs.values()])).map((p) => [keyOf(p), p]));
  return (e: Activity): { rhkName?: string; ikiName?: string } => {
    const rhk = found.get(keyOf(refOf(e)))?.rhk.find((r) => r.id === e.rhkId);
    const iki = rhk?.iki.find((k) => k.id === e.ikiId);
    return { ...(rhk ? { rhkName: rhk.title } : {}), ...(iki ? { ikiName: iki.name } : {}) };
  };
}

/**
 * One monitoring row: the period's totals, counted minutes per working day so far (Monday–Friday minus the
 * organisation's holidays), realisasi per IKI, and whether anything was logged this week. Three queries of the
 * person's partition.
 */
async function monitoringRow(
  repo: ActivityRepository,
  member: { nip: string; name: string; position: string; unitCode: string },
  period: Period,
  now: Date,
  holidays: ReadonlySet<string>,
) {
  const { today } = wibClock(now);
  const monday = weekStart(today);
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as strings, Math.min would make them NaN
  const last = today < period.end ? today : period.end;
  const [totals, days, week] = await Promise.all([
    repo.totals(member.nip, period.id),
    last >= period.start ? repo.days(member.nip, period.start, last) : Promise.resolve([]),
    repo.days(member.nip, monday, today),
  ]);
  const byDate = new Map(days.map((d) => [d.date, d]));
  return {
    nip: member.nip,
    name: member.name,
    position: member.position,
    unitCode: member.unitCode,
    pending: totals.period.pending,
    approved: totals.period.approved,
    rejected: totals.period.rejected,
    countedMinutes: totals.period.countedMinutes,
    workingDays: workingDaysBetween(period.start, last, holidays).map((date) => {
      const d = byDate.get(date);
      return { date, countedMinutes: d?.countedMinutes ?? 0, loggedMinutes: d?.loggedMinutes ?? 0 };
    }),
    realisasi: totals.iki.map((k) => ({ ikiId: k.ikiId, quantity: k.approvedQuantity, count: k.approvedCount })),
    loggedThisWeek: week.some((d) => d.loggedMinutes > 0),
  };
}

async function monitoringRows(ctx: UseCaseContext, period: Period, members: Item[]) {
  const repo = new ActivityRepository(ctx.scope);
  const holidays = await new HolidayRepository(ctx.scope).dates([yearOf(period.id)]);
  return Promise.all(members.map((m) => monitoringRow(repo, summary(m), period, ctx.now, holidays)));
}

/**
 * The name of each IKI of a person's plan versions of the year: as the plan in force at the period's end (as scoring
 * reads it) names it; an IKI only another version holds (realisasi logged before a revision) as the latest names it.
 */
function ikiNamesIn<V extends { rhk: { iki: Iki[] }[] }>(versions: V[], inForce: V | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const v of inForce ? [...versions, inForce] : versions)
    for (const r of v.rhk) for (const k of r.iki) names.set(k.id, k.name);
  return names;
}

/** A monitoring row's realisasi with each IKI's name (null when no plan version of the year holds it). */
const withIkiNames = <R extends { realisasi: { ikiId: string; quantity: number; count: number }[] }>(
  row: R,
  names: Map<string, string>,
) => ({
  ...row,
  realisasi: row.realisasi.map((r) => ({
    ikiId: r.ikiId,
    ikiName: names.get(r.ikiId) ?? null,
    quantity: r.quantity,
    count: r.count,
  })),
});

const loggedNothingThisWeek = (rows: { nip: string; loggedThisWeek: boolean }[]) =>
  rows.filter((r) => !r.loggedThisWeek).map((r) => r.nip);

/** The monitoring rows of the team a person leads (see `teamOf`), by NIP. */
export async function teamActivity(ctx: UseCaseContext, nipParam: string, periodId: string) {
  const { target, relation } = await readableEmployee(ctx, nipParam);
  const period = await new YearRepository(ctx.scope).findPeriod(periodId);
  const team = await teamOf(ctx, target, relation);
  // The IKI's names cost one more query per person (their plan versions of the year, where the plan in force is
  // found), sent beside the row's own three; a team is a span of control, never an OPD.
  const plans = new PlanRepository(ctx.scope);
  const [plain, versions] = await Promise.all([
    monitoringRows(ctx, period, team),
    Promise.all(team.map((m) => plans.versions(m.nip as string, yearOf(period.id)))),
  ]);
  const rows = plain.map((r, i) => withIkiNames(r, ikiNamesIn(versions[i]!, planOf(versions[i]!, period.end))));
  rows.sort((a, b) => a.nip.localeCompare(b.nip));
  return { periodId: period.id, members: rows, loggedNothingThisWeek: loggedNothingThisWeek(rows) };
}

/**
 * A page of a unit subtree's monitoring rows, by NIP (the cursor is the last NIP of the page before), beside the
 * roll-up of the whole subtree and of each child unit (the same audience as the unit's plans).
 */
export async function unitActivity(
  ctx: UseCaseContext,
  code: string,
  periodId: string,
  query: { limit?: number; cursor?: string },
) {
  if (query.cursor !== undefined && !/^\d{18}$/.test(query.cursor)) throw new DomainError('invalid_cursor');
  const { unit, members } = await monitoredUnit(ctx, code);
  const period = await new YearRepository(ctx.scope).findPeriod(periodId);
  const limit = query.limit ?? 25;
  const after = members
    .filter((m) => query.cursor === undefined || (m.nip as string) > query.cursor)
    .sort((a, b) => (a.nip as string).localeCompare(b.nip as string));
  const page = after.slice(0, limit);
  const yearRules = new YearRepository(ctx.scope).rules(yearOf(period.id));
  const [rows, rollUp, progress] = await Promise.all([
    monitoringRows(ctx, period, page),
    unitActivityRollUp(ctx.scope, unit, members, period.id),
    Promise.all(page.map((m) => progressOf(ctx.scope, m.nip as string, period, yearRules))),
  ]);
  return {
    periodId: period.id,
    // Each row with its IKI's levels so far (capaian against the period's target, as scoring would rate them).
    // The IKI's names come with the plan versions progress already read: no request more.
    members: rows.map((r, i) => ({
      ...withIkiNames(r, progress[i]!.ikiNames),
      progress: levelCounts(progress[i]!.iki),
    })),
    ...(after.length > limit ? { nextCursor: rows.at(-1)!.nip } : {}),
    totals: rollUp.totals,
    children: rollUp.children,
    backlog: rollUp.backlog,
    loggedNothingThisWeek: loggedNothingThisWeek(rows),
  };
}

/**
 * When an employee's supervisor changes (their record's images before and after a change), their pending
 * activities move to the new supervisor's verification queue. Idempotent: an entry already moved, or decided
 * meanwhile, is left as it is. Answers how many moved; undefined when the supervisor did not change.
 */
export async function requeuePendingActivities(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
  now: Date,
): Promise<number | undefined> {
  if (!before || !after || (before.supervisorNip ?? null) === (after.supervisorNip ?? null)) return undefined;
  const supervisorNip = (after.supervisorNip as string | null | undefined) ?? null;
  const repo = new ActivityRepository(new OrgScope(after.orgId as string));
  const write = { actor: 'system:requeue', now: now.toISOString() };
  let moved = 0;
  for (const entry of await repo.pendingOf(after.nip as string)) {
    if (entry.supervisorNip !== supervisorNip && (await repo.requeue(entry, supervisorNip, write))) moved++;
  }
  return moved;
}

import { forEachConcurrently } from '../concurrency.ts';
import { unitsToScoreAgain } from '../domain/evaluation-finalisation.ts';
import { rulesOfPeriod } from '../domain/rules.ts';
import { addDays, wibDate, yearOf } from '../domain/time.ts';
import { EmployeeRepository } from '../store/employees.ts';
import { EvaluationRepository } from '../store/evaluations.ts';
import { type Item, OrgScope, type WriteContext } from '../store/org-scope.ts';
import { organisationIds } from '../store/organisations.ts';
import { ScoringRunRepository } from '../store/scoring.ts';
import { UnitRepository } from '../store/units.ts';
import { type Period, YearRepository } from '../store/years.ts';
import { opdsOf } from './distribution.ts';
import { startQueuedRun } from './scoring.ts';

/** A run still going after this long was killed or lost: a new run takes over (same results, idempotent). */
const STALE_RUN_MS = 6 * 3_600_000;

/**
 * What the daily schedule does for one organisation: each period (month or quarter, and the year) whose input
 * deadline passed more than `scoringDelayDays` ago and is not scored yet is closed, then scored; in a scored
 * period, the units of anyone registered since the run (no evaluation yet, OPD not finalised) are scored again.
 * Returns the periods it started runs for.
 */
export async function scoreDuePeriods(orgId: string, now: Date, ctx: WriteContext): Promise<string[]> {
  const scope = new OrgScope(orgId);
  const years = new YearRepository(scope);
  const runs = new ScoringRunRepository(scope);
  const today = wibDate(now);
  const thisYear = yearOf(today);
  const started: string[] = [];
  for (const year of [thisYear - 1, thisYear]) {
    const found = await years.getWithRules(year);
    if (!found) continue;
    for (let period of found.year.periods) {
      if (period.state === 'scored') {
        if (await scoreNewcomers(scope, period, now, ctx)) started.push(period.id);
        continue;
      }
      if (period.state !== 'open' && period.state !== 'closed') continue;
      const delay = rulesOfPeriod(found.rules, period).scoringDelayDays;
      if (today <= addDays(period.inputDeadline, delay)) continue;
      // The year waits for its months (or quarters).
      if (
        period.kind === 'year' &&
        found.year.periods.some((p) => p.kind !== 'year' && p.state !== 'scored' && p.state !== 'finalised')
      )
        continue;
      const latest = await runs.latestRun(period.id);
      if (latest?.state === 'running' && now.getTime() - Date.parse(latest.startedAt) < STALE_RUN_MS) continue;
      if (period.state === 'open')
        period = await years.updatePeriod(year, period.id, period.version, () => ({ state: 'closed' }), ctx);
      await startQueuedRun(scope, period, null, ctx);
      started.push(period.id);
    }
  }
  return started;
}

/**
 * A scored period: one run for each unit with someone active and not evaluated (registered after the run) outside
 * the finalised OPDs — unless a run is still going. Whether it started any.
 */
async function scoreNewcomers(scope: OrgScope, period: Period, now: Date, ctx: WriteContext): Promise<boolean> {
  const runs = new ScoringRunRepository(scope);
  const latest = await runs.latestRun(period.id);
  if (latest?.state === 'running' && now.getTime() - Date.parse(latest.startedAt) < STALE_RUN_MS) return false;
  const opds = opdsOf(await new UnitRepository(scope).tree());
  const employees = new EmployeeRepository(scope);
  const members: Item[][] = new Array(opds.length);
  await forEachConcurrently(opds, 8, async (o, k) => {
    members[k] = await employees.allUnitMembers(o.path);
  });
  const evaluated = await new EvaluationRepository(scope).evaluatedNips(period.id);
  const units = unitsToScoreAgain(
    period,
    members.flat().map((m) => ({
      nip: m.nip as string,
      unitCode: m.unitCode as string,
      unitPath: m.unitPath as string,
      status: m.status as string,
    })),
    evaluated,
  );
  for (const unitCode of units) await startQueuedRun(scope, period, unitCode, ctx);
  return units.length > 0;
}

/**
 * The daily schedule over every organisation: the periods started, by organisation. One organisation's trouble
 * must not hold back the others (`onFailure` reports it; the next day retries).
 */
export async function scoreDuePeriodsEverywhere(
  now: Date,
  onFailure: (orgId: string, err: unknown) => void,
): Promise<Record<string, string[]>> {
  const ctx = { actor: 'system:schedule', now: now.toISOString() };
  const started: Record<string, string[]> = {};
  for (const orgId of await organisationIds()) {
    try {
      const periods = await scoreDuePeriods(orgId, now, ctx);
      if (periods.length) started[orgId] = periods;
    } catch (err) {
      onFailure(orgId, err);
    }
  }
  return started;
}

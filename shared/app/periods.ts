/** Performance years, their periods and their versioned rules: opened and changed by BKPSDM, read by everyone. */
import { canManagePeriods, reasons } from '../auth/policy.ts';
import { type Cadence, type PeriodRequest, periodChange } from '../domain/periods.ts';
import { type FairnessRuleField, fairnessRuleFields, type Rules, rulesProblems } from '../domain/rules.ts';
import { render } from '../messages/catalogue.ts';
import { DomainError, forbidden, notFound } from '../messages/errors.ts';
import type { OrgScope } from '../store/org-scope.ts';
import { type Period, YearRepository } from '../store/years.ts';
import { type UseCaseContext, writeContextOf } from './context.ts';

const requirePeriodManager = (ctx: UseCaseContext) => {
  if (!canManagePeriods(ctx.principal)) throw forbidden(reasons.bkpsdmOnly);
};

/** Opens a year with its periods and rules version 1 (carried over from the year before, else the defaults). */
export async function openYear(ctx: UseCaseContext, year: number, cadence: Cadence) {
  requirePeriodManager(ctx);
  const opened = await new YearRepository(ctx.scope).open(year, cadence, writeContextOf(ctx));
  return { ...opened.year, rules: opened.rules };
}

export async function getYear(scope: OrgScope, year: number) {
  const found = await new YearRepository(scope).get(year);
  if (!found) throw notFound('year');
  return found;
}

export async function getRules(scope: OrgScope, year: number) {
  const rules = await new YearRepository(scope).rules(year);
  if (!rules) throw notFound('year');
  return rules;
}

/** Changes a period's state or input deadline, decided on the period as stored now (optimistic locking on `version`). */
export async function updatePeriod(
  ctx: UseCaseContext,
  year: number,
  periodId: string,
  { version, ...request }: PeriodRequest & { version: number },
): Promise<Period> {
  requirePeriodManager(ctx);
  const years = new YearRepository(ctx.scope);
  const found = await years.getWithRules(year);
  if (!found) throw notFound('period');
  return years.updatePeriod(
    year,
    periodId,
    version,
    (period) => {
      const decided = periodChange(period, found.year.periods, request, found.rules.current.rulesVersion);
      if ('problem' in decided) throw new DomainError(decided.problem.code, decided.problem.params);
      return decided.change;
    },
    writeContextOf(ctx),
  );
}

export type RulesChange = Omit<Rules, 'scoringDelayDays' | 'reminderAfterDays' | FairnessRuleField> &
  Partial<Pick<Rules, 'scoringDelayDays' | 'reminderAfterDays' | FairnessRuleField>> & {
    expectedRulesVersion: number;
    reason: string;
  };

/** A new rules version, based on the version in force now (optimistic locking on `expectedRulesVersion`). */
export async function updateRules(
  ctx: UseCaseContext,
  year: number,
  { expectedRulesVersion, reason, scoringDelayDays, reminderAfterDays, ...given }: RulesChange,
) {
  requirePeriodManager(ctx);
  const problems = rulesProblems(given);
  if (problems.length > 0) {
    throw new DomainError(
      problems[0]!,
      {},
      problems.map((code) => ({ field: 'body', code, message: render(code, ctx.lang) })),
    );
  }
  const years = new YearRepository(ctx.scope);
  const current = await years.rules(year);
  if (!current) throw notFound('year');
  // Optimistic locking: the change must be based on the version in force now, not an older or imagined one.
  if (expectedRulesVersion !== current.current.rulesVersion) {
    throw new DomainError(
      'version_conflict',
      { current: current.current.rulesVersion, sent: expectedRulesVersion },
      { current: current.current },
    );
  }
  // Fields a client does not send yet keep their value in force.
  const rules = {
    ...given,
    ...(Object.fromEntries(fairnessRuleFields.map((f) => [f, given[f] ?? current.current[f]])) as Pick<
      Rules,
      FairnessRuleField
    >),
    scoringDelayDays: scoringDelayDays ?? current.current.scoringDelayDays,
    reminderAfterDays: reminderAfterDays ?? current.current.reminderAfterDays,
  };
  return years.newRules(year, rules, reason, expectedRulesVersion, writeContextOf(ctx));
}

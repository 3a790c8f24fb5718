import { updatePeriod } from '#shared/api/plans';
import { canManagePeriods, reasons } from '#shared/auth/policy';
import { canMovePeriod, periodTransitions } from '#shared/domain/periods';
import { DomainError, forbidden, notFound } from '#shared/messages/errors';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { YearRepository } from '#shared/store/years';

const ORDER = { open: 0, closed: 1, scored: 2, finalised: 3 } as const;

export const handler = userHandler(updatePeriod, async (req) => {
  if (!canManagePeriods(req.principal)) throw forbidden(reasons.bkpsdmOnly);
  const years = new YearRepository(req.scope);
  const { year, periodId } = req.params;
  const found = await years.getWithRules(year);
  if (!found) throw notFound('period');
  const { year: performanceYear, rules } = found;
  const { version, state, inputDeadline } = req.body;

  const updated = await years.updatePeriod(
    year,
    periodId,
    version,
    (period) => {
      if (period.state === 'finalised') throw new DomainError('period_finalised', { period: period.id });
      if (state !== undefined && state !== period.state) {
        // Finality comes from the finalisation check (distribution curve, reviews), never from a plain state change.
        if (state === 'finalised') throw new DomainError('period_state_by_workflow', { state });
        if (!canMovePeriod(period.state, state)) {
          throw new DomainError('period_transition_invalid', { period: period.id, from: period.state, to: state, allowed: periodTransitions[period.state].join(', ') });
        }
        // The year is scored or finalised only after every one of its periods has got there.
        if (period.kind === 'year' && ORDER[state] >= ORDER.scored) {
          const pending = performanceYear.periods.filter((p) => p.kind !== 'year' && ORDER[p.state] < ORDER[state]).map((p) => p.id);
          if (pending.length > 0) throw new DomainError('year_periods_not_finalised', { year, state, pending: pending.join(', ') });
        }
      }
      if (inputDeadline !== undefined) {
        if (period.state !== 'open' && period.state !== 'closed') throw new DomainError('deadline_locked', { period: period.id, state: period.state });
        if (inputDeadline < period.end) throw new DomainError('deadline_before_period_end', { deadline: inputDeadline, end: period.end });
      }
      const next = state ?? period.state;
      return {
        state: next,
        ...(inputDeadline !== undefined ? { inputDeadline } : {}),
        // Scoring pins the rules version in force; going back to 'closed' releases it for a re-score.
        rulesVersion: next === 'scored' ? (period.rulesVersion ?? rules.current.rulesVersion) : undefined,
      };
    },
    writeContext(req),
  );
  return json(updated);
});

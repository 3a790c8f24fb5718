import { updatePeriod } from '#shared/api/plans';
import { canManagePeriods, reasons } from '#shared/auth/policy';
import { actorId } from '#shared/auth/principal';
import { canMovePeriod, periodTransitions } from '#shared/domain/periods';
import { AppError, forbidden, notFound } from '#shared/http/errors';
import { json, userHandler } from '#shared/http/handler';
import { YearRepository } from '#shared/store/years';

export const handler = userHandler(updatePeriod, async (req) => {
  if (!canManagePeriods(req.principal)) throw forbidden(reasons.bkpsdmOnly);
  const years = new YearRepository(req.scope);
  const year = await years.get(req.params.year);
  const period = year?.periods.find((p) => p.id === req.params.periodId);
  if (!period) throw notFound('period');
  const { version, state, inputDeadline } = req.body;
  if (state !== undefined && state !== period.state && !canMovePeriod(period.state, state)) {
    throw new AppError(422, 'period_transition_invalid', { period: period.id, from: period.state, to: state, allowed: periodTransitions[period.state].join(', ') || '-' });
  }
  if (inputDeadline !== undefined && period.state === 'finalised') {
    throw new AppError(422, 'period_transition_invalid', { period: period.id, from: period.state, to: period.state, allowed: '-' });
  }
  if (inputDeadline !== undefined && inputDeadline < period.end) {
    throw new AppError(422, 'invalid_date_range', { startDate: period.end, endDate: inputDeadline });
  }
  // Scoring pins the rules version in force; going back to 'closed' releases it for a re-score.
  const rulesVersion =
    state === 'scored' && !period.rulesVersion ? (await years.rules(req.params.year))!.current.rulesVersion : state === 'closed' ? undefined : period.rulesVersion;
  const changes = {
    ...(state !== undefined ? { state } : {}),
    ...(inputDeadline !== undefined ? { inputDeadline } : {}),
    rulesVersion,
  };
  const updated = await years.updatePeriod(req.params.year, { ...period, version }, changes, {
    actor: actorId(req.principal),
    now: req.now.toISOString(),
    requestId: req.requestId,
  });
  return json(updated);
});

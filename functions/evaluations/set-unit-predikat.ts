import { setUnitPredikat } from '#shared/api/evaluations';
import { canManagePeriods, reasons } from '#shared/auth/policy';
import { DomainError, forbidden, notFound } from '#shared/messages/errors';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { EvaluationRepository } from '#shared/store/evaluations';
import { ScoringRunRepository } from '#shared/store/scoring';
import { UnitRepository } from '#shared/store/units';
import { YearRepository } from '#shared/store/years';

/** The unit's own predikat, decided by the leadership above it and recorded by BKPSDM (audited with its reason); re-scores the unit. */
export const handler = userHandler(setUnitPredikat, async (req) => {
  if (!canManagePeriods(req.principal)) throw forbidden(reasons.bkpsdmOnly);
  const [unit, period] = await Promise.all([new UnitRepository(req.scope).get(req.params.code), new YearRepository(req.scope).findPeriod(req.params.periodId)]);
  if (!unit) throw notFound('unit');
  if (period.state === 'finalised') throw new DomainError('period_finalised_locked', { period: period.id });
  const ctx = writeContext(req);
  await new EvaluationRepository(req.scope).setUnitPredikat(unit.code, period.id, req.body.predikat, req.body.reason, ctx);
  // The unit's head takes the unit's rating as hasil kerja: once scored, the unit is scored again with it.
  const rescore =
    period.state === 'closed' || period.state === 'scored'
      ? (await new ScoringRunRepository(req.scope).start(period, Number(period.id.slice(0, 4)), unit.code, 'stream', ctx)).run.runId
      : null;
  return json({ unitCode: unit.code, periodId: period.id, predikat: req.body.predikat, rescoringRunId: rescore });
});

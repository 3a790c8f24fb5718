import { finalisePeriod } from '#shared/api/evaluations';
import { canManagePeriods, reasons } from '#shared/auth/policy';
import { DomainError, forbidden, notFound } from '#shared/messages/errors';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { distributionReport } from '#shared/app/distribution';
import { ScoringRunRepository } from '#shared/store/scoring';
import { YearRepository } from '#shared/store/years';

/**
 * Finalises a scored period after the checks: every evaluation has a predikat, each is confirmed by its supervisor
 * (or the recommendations are accepted explicitly), and the distribution curve holds (or its violations are
 * acknowledged with a reason). From then on, evaluations change only through an appeal.
 */
export const handler = userHandler(finalisePeriod, async (req) => {
  if (!canManagePeriods(req.principal)) throw forbidden(reasons.bkpsdmOnly);
  const { year, periodId } = req.params;
  if (!periodId.startsWith(String(year))) throw notFound('period');
  const period = await new YearRepository(req.scope).findPeriod(periodId);
  if (period.state === 'finalised') throw new DomainError('period_finalised', { period: period.id });
  if (period.state !== 'scored') throw new DomainError('period_not_scored', { period: period.id, state: period.state });
  if (period.kind === 'year') {
    // The year is final only after each of its months (or quarters).
    const pending = (await new YearRepository(req.scope).get(year))!.periods.filter((p) => p.kind !== 'year' && p.state !== 'finalised').map((p) => p.id);
    if (pending.length > 0) throw new DomainError('year_periods_not_finalised', { year, state: 'finalised', pending: pending.join(', ') });
  }
  // A run still writing figures would change what is being finalised.
  const latest = await new ScoringRunRepository(req.scope).latestRun(period.id);
  if (latest?.state === 'running') throw new DomainError('scoring_run_in_progress', { runId: latest.runId });
  const { report } = await distributionReport(req.scope, period.id);
  if (report.withoutPredikat.length > 0) throw new DomainError('evaluations_incomplete', { count: report.withoutPredikat.length }, { nips: report.withoutPredikat });
  if (report.unreviewed.length > 0 && !req.body.acceptRecommendations) {
    throw new DomainError('evaluations_unreviewed', { count: report.unreviewed.length }, { nips: report.unreviewed });
  }
  if (report.violations > 0 && !req.body.acknowledgement) throw new DomainError('distribution_unacknowledged', { count: report.violations }, report);
  const ctx = writeContext(req);
  const updated = await new YearRepository(req.scope).updatePeriod(
    year,
    periodId,
    req.body.version,
    (p) => {
      if (p.state === 'finalised') throw new DomainError('period_finalised', { period: p.id });
      return {
        state: 'finalised',
        finalisation: {
          at: ctx.now,
          by: ctx.actor,
          acceptedRecommendations: report.unreviewed.length,
          ...(req.body.acknowledgement ? { acknowledgement: { reason: req.body.acknowledgement.reason, violations: report.violations } } : {}),
        },
      };
    },
    ctx,
  );
  return json({ period: updated, report });
});

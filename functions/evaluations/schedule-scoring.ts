import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { logger, metrics } from '#shared/observability';
import { organisationIds } from '#shared/store/organisations';
import { scoreDuePeriods } from '#shared/app/scheduled-scoring';

/** Daily (Asia/Jakarta): starts scoring every period whose input deadline (and the verification days) has passed. */
export const handler = middy(async () => {
  const now = new Date();
  const ctx = { actor: 'system:schedule', now: now.toISOString() };
  const started: Record<string, string[]> = {};
  for (const orgId of await organisationIds()) {
    try {
      const periods = await scoreDuePeriods(orgId, now, ctx);
      if (periods.length) started[orgId] = periods;
    } catch (err) {
      // One organisation's trouble must not hold back the others; the next day retries.
      logger.error('scheduled scoring failed', { orgId, error: err as Error });
      metrics.addMetric('ScheduledScoringFailed', 'Count', 1);
    }
  }
  logger.info('scheduled scoring', { started });
  return { started };
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));

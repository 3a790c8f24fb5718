import middy from '@middy/core';
import { scoreDuePeriodsEverywhere } from '#shared/app/scheduled-scoring';
import { logger, metrics, observe } from '#shared/observability';

/** Daily (Asia/Jakarta): starts scoring every period whose input deadline (and the verification days) has passed. */
export const handler = middy(async () => {
  const started = await scoreDuePeriodsEverywhere(new Date(), (orgId, err) => {
    logger.error('scheduled scoring failed', { orgId, error: err as Error });
    metrics.addMetric('ScheduledScoringFailed', 'Count', 1);
  });
  logger.info('scheduled scoring', { started });
  return { started };
}).use(observe());

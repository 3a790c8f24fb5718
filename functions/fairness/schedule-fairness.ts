import middy from '@middy/core';
import { computeDuePeriodsEverywhere } from '#shared/app/fairness-runs';
import { logger, metrics, observe } from '#shared/observability';

/** Daily (02:00 WIB): computes the fairness figures of the open period and of the previous one until its deadline. */
export const handler = middy(async () => {
  const started = await computeDuePeriodsEverywhere(new Date(), (orgId, err) => {
    logger.error('scheduled fairness run failed', { orgId, error: err as Error });
    metrics.addMetric('ScheduledFairnessFailed', 'Count', 1);
  });
  logger.info('scheduled fairness runs', { started });
  return { started };
}).use(observe());

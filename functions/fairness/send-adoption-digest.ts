import middy from '@middy/core';
import { sendAdoptionDigests } from '#shared/app/adoption-digest';
import { logger, metrics, observe } from '#shared/observability';

/** Mondays at 07:00 WIB: each head of unit hears of idle members, overdue queues and units below the threshold. */
export const handler = middy(async () => {
  const told = await sendAdoptionDigests(new Date(), (orgId, err) => {
    logger.error('adoption digest failed', { orgId, error: err as Error });
    metrics.addMetric('AdoptionDigestFailed', 'Count', 1);
  });
  metrics.addMetric('AdoptionDigestSent', 'Count', told);
  return { told };
}).use(observe());

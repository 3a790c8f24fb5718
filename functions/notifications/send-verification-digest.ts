import middy from '@middy/core';
import { sendVerificationDigests } from '#shared/app/verification-digest';
import { logger, metrics, observe } from '#shared/observability';

/** Working days at 07:00 WIB: each supervisor hears of entries waiting for verification too long. */
export const handler = middy(async () => {
  const told = await sendVerificationDigests(new Date(), (orgId, err) => {
    logger.error('verification digest failed', { orgId, error: err as Error });
    metrics.addMetric('VerificationDigestFailed', 'Count', 1);
  });
  metrics.addMetric('VerificationDigestSent', 'Count', told);
  return { told };
}).use(observe());

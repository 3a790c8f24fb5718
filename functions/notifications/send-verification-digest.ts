import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { logger, metrics } from '#shared/observability';
import { organisationIds } from '#shared/store/organisations';
import { sendVerificationDigest } from '#shared/app/verification-digest';

/** Working days at 07:00 WIB: each supervisor hears of entries waiting for verification too long. */
export const handler = middy(async () => {
  const now = new Date();
  let told = 0;
  for (const orgId of await organisationIds()) {
    try {
      told += await sendVerificationDigest(orgId, now);
    } catch (err) {
      // One organisation's trouble must not hold back the others; tomorrow's digest runs again.
      logger.error('verification digest failed', { orgId, error: err as Error });
      metrics.addMetric('VerificationDigestFailed', 'Count', 1);
    }
  }
  metrics.addMetric('VerificationDigestSent', 'Count', told);
  return { told };
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));

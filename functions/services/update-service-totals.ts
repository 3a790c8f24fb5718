import { applyServiceChanges } from '#shared/app/service-totals';
import { logger, metrics } from '#shared/observability';
import { batchStreamConsumer } from '#shared/stream-consumer';

/**
 * Service transactions and survey responses → running totals (and follow-ups), each change exactly once, a
 * batch's changes folded per totals record (one write per record per batch), their sequence numbers kept in one
 * set per request's instant (see applyServiceChanges).
 */
export const handler = batchStreamConsumer(async (changes) => {
  const outcome = await applyServiceChanges(changes, new Date());
  metrics.addMetric('ServiceTotalsApplied', 'Count', outcome.applied);
  metrics.addMetric('ServiceTotalsDuplicate', 'Count', outcome.duplicate);
  metrics.addMetric('ServiceTotalsIgnored', 'Count', outcome.ignored);
  for (const err of outcome.errors) logger.error('service totals not applied', err as Error);
  return outcome;
});

import { applyServiceChange } from '#shared/app/service-totals';
import { metrics } from '#shared/observability';
import { streamConsumer } from '#shared/stream-consumer';

const outcomeMetric = {
  applied: 'ServiceTotalsApplied',
  duplicate: 'ServiceTotalsDuplicate',
  ignored: 'ServiceTotalsIgnored',
};

/**
 * Service transactions and survey responses → running totals (and follow-ups), each change exactly once.
 * One at a time: changes of one unit share its totals records (increments commute, so a retried record that
 * lands after a later one still ends in the same totals).
 */
export const handler = streamConsumer(
  async (change) => metrics.addMetric(outcomeMetric[await applyServiceChange(change, new Date())], 'Count', 1),
  { inParallel: false },
);

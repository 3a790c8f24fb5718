import { runDeliveredTask } from '#shared/app/scoring';
import { metrics } from '#shared/observability';
import { queueConsumer } from '#shared/stream-consumer';

/**
 * One unit of a scoring run, as the scoring-tasks queue delivers it (see runDeliveredTask). Tasks of different
 * units are independent: the queue's event source runs several at once.
 */
export const handler = queueConsumer(
  async (task) => {
    const scored = await runDeliveredTask(task as Parameters<typeof runDeliveredTask>[0], new Date());
    metrics.addMetric('EmployeesScored', 'Count', scored);
  },
  { inParallel: true },
);

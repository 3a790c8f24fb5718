import { runDeliveredTask } from '#shared/app/scoring';
import { metrics } from '#shared/observability';
import { streamConsumer } from '#shared/stream-consumer';

/**
 * One unit of a scoring run, as the stream delivers its task record (see runDeliveredTask). Tasks of different
 * units are independent: several at once.
 */
export const handler = streamConsumer(
  async ({ newImage: task }) => {
    if (task?.state !== 'pending') return;
    const scored = await runDeliveredTask(task as unknown as Parameters<typeof runDeliveredTask>[0], new Date());
    metrics.addMetric('EmployeesScored', 'Count', scored);
  },
  { inParallel: true },
);

import { runDeliveredFairnessTask } from '#shared/app/fairness-runs';
import { metrics } from '#shared/observability';
import { queueConsumer } from '#shared/stream-consumer';

/**
 * One OPD of a fairness run, as the fairness-tasks queue delivers it (see runDeliveredFairnessTask). OPDs are
 * independent: the queue's event source runs several at once.
 */
export const handler = queueConsumer(
  async (task) => {
    const people = await runDeliveredFairnessTask(task as Parameters<typeof runDeliveredFairnessTask>[0], new Date());
    metrics.addMetric('FairnessPeopleComputed', 'Count', people);
  },
  { inParallel: true },
);

import { requeuePendingActivities } from '#shared/app/activities';
import { metrics } from '#shared/observability';
import { streamConsumer } from '#shared/stream-consumer';

/** An employee record changed: if their supervisor did, their pending activities follow to the new queue. */
export const handler = streamConsumer(
  async ({ oldImage, newImage }) => {
    const moved = await requeuePendingActivities(oldImage, newImage, new Date());
    if (moved !== undefined) metrics.addMetric('PendingActivitiesRequeued', 'Count', moved);
  },
  { inParallel: true },
);

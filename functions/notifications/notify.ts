import { notifyOfChange } from '#shared/app/notifications';
import { streamConsumer } from '#shared/stream-consumer';

/**
 * One stream record → the notifications its change calls for (see notifyOfChange). One record at a time: a
 * record's notifications are written before the next record's.
 */
export const handler = streamConsumer(
  ({ eventId, approximateAt, oldImage, newImage }) =>
    notifyOfChange({ eventId, approximateAt, before: oldImage, after: newImage }),
  { inParallel: false },
);

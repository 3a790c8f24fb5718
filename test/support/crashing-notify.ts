/** The notify consumer as if its Lambda died mid-batch: the first big batch gets 7 records in, then the process is gone. */
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { handler as notify } from '../../functions/notifications/notify.ts';

let crashed = false;
/** How many times the consumer died (the test checks the crash really happened). */
export const crashes = { count: 0 };

export const handler = async (event: DynamoDBStreamEvent, context: Context) => {
  if (!crashed && event.Records.length > 7) {
    crashed = true;
    crashes.count++;
    await notify({ Records: event.Records.slice(0, 7) }, context);
    throw new Error('killed mid-batch');
  }
  return notify(event, context);
};

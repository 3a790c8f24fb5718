import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { draftsFor } from '#shared/domain/notifications';
import { wibDate } from '#shared/domain/time';
import { logger, metrics } from '#shared/observability';
import { deliver, recipientsOf } from '#shared/store/notifications';
import { OrgScope } from '#shared/store/org-scope';

const processor = new BatchProcessor(EventType.DynamoDBStreams);
const image = (i: Record<string, unknown> | undefined) => (i ? unmarshall(i as Record<string, AttributeValue>) : undefined);

/**
 * One change → the notifications it calls for, to the people concerned as of the event (acting officials
 * included), never to whoever made the change; exactly once per record (see deliver).
 */
async function notify(record: DynamoDBRecord): Promise<void> {
  const before = image(record.dynamodb?.OldImage);
  const after = image(record.dynamodb?.NewImage);
  const subject = after ?? before;
  if (!subject || typeof subject.orgId !== 'string') return;
  const scope = new OrgScope(subject.orgId);
  // When the change was made, to the millisecond (the stream's own time has whole seconds): the same on every
  // delivery of the record, and it keeps the inbox in order.
  const eventAt =
    typeof subject.updatedAt === 'string' ? subject.updatedAt : new Date((record.dynamodb?.ApproximateCreationDateTime ?? Date.now() / 1000) * 1000).toISOString();
  const eventId = record.eventID ?? record.dynamodb?.SequenceNumber ?? '';
  for (const draft of draftsFor(before, after, wibDate(new Date(eventAt)))) {
    const people = (await recipientsOf(scope, draft.audience)).filter((p) => subject.updatedBy !== `nip:${p.nip}`); // never the actor
    const added = await deliver(scope, people, draft, { at: eventAt, id: eventId });
    metrics.addMetric('NotificationAdded', 'Count', added);
  }
}

// One record at a time: a record's notifications are written before the next record's.
export const handler = middy(async (event: DynamoDBStreamEvent, context: Context) => processPartialResponse(event, notify, processor, { context, processInParallel: false }))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));

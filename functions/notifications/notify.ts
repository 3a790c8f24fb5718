import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { notifyOfChange } from '#shared/app/notifications';
import { logger, metrics } from '#shared/observability';

const processor = new BatchProcessor(EventType.DynamoDBStreams);
const image = (i: Record<string, unknown> | undefined) =>
  i ? unmarshall(i as Record<string, AttributeValue>) : undefined;

/** One stream record → the notifications its change calls for (see notifyOfChange). */
const notify = (record: DynamoDBRecord) =>
  notifyOfChange({
    eventId: record.eventID ?? record.dynamodb?.SequenceNumber ?? '',
    approximateAt: new Date((record.dynamodb?.ApproximateCreationDateTime ?? Date.now() / 1000) * 1000),
    before: image(record.dynamodb?.OldImage),
    after: image(record.dynamodb?.NewImage),
  });

// One record at a time: a record's notifications are written before the next record's.
export const handler = middy(async (event: DynamoDBStreamEvent, context: Context) =>
  processPartialResponse(event, notify, processor, { context, processInParallel: false }),
)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));

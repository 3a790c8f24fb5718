import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { requeuePendingActivities } from '#shared/app/activities';
import { logger, metrics } from '#shared/observability';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

const imageOf = (image: unknown) => (image ? unmarshall(image as Record<string, AttributeValue>) : undefined);

/** An employee record changed: if their supervisor did, their pending activities follow to the new queue. */
async function requeue(record: DynamoDBRecord): Promise<void> {
  const moved = await requeuePendingActivities(
    imageOf(record.dynamodb?.OldImage),
    imageOf(record.dynamodb?.NewImage),
    new Date(),
  );
  if (moved !== undefined) metrics.addMetric('PendingActivitiesRequeued', 'Count', moved);
}

export const handler = middy(async (event: DynamoDBStreamEvent, context: Context) =>
  processPartialResponse(event, requeue, processor, { context }),
)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));

import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { runDeliveredTask } from '#shared/app/scoring';
import { logger, metrics } from '#shared/observability';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

/** One unit of a scoring run, as the stream delivers its task record (see runDeliveredTask). */
async function runTask(record: DynamoDBRecord): Promise<void> {
  const image = record.dynamodb?.NewImage
    ? unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>)
    : undefined;
  if (image?.state !== 'pending') return;
  const scored = await runDeliveredTask(image as unknown as Parameters<typeof runDeliveredTask>[0], new Date());
  metrics.addMetric('EmployeesScored', 'Count', scored);
}

// Tasks of different units are independent: several at once.
export const handler = middy(async (event: DynamoDBStreamEvent, context: Context) =>
  processPartialResponse(event, runTask, processor, { context }),
)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));

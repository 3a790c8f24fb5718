import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { applyServiceChange } from '#shared/app/service-totals';
import { logger, metrics } from '#shared/observability';

const processor = new BatchProcessor(EventType.DynamoDBStreams);
const image = (i: Record<string, unknown> | undefined) =>
  i ? unmarshall(i as Record<string, AttributeValue>) : undefined;

/** Service transactions and survey responses → running totals (and follow-ups), each change exactly once. */
async function apply(record: DynamoDBRecord): Promise<void> {
  const outcome = await applyServiceChange(
    {
      sequence: record.dynamodb?.SequenceNumber ?? record.eventID ?? '',
      oldImage: image(record.dynamodb?.OldImage),
      newImage: image(record.dynamodb?.NewImage),
    },
    new Date(),
  );
  metrics.addMetric(
    outcome === 'applied'
      ? 'ServiceTotalsApplied'
      : outcome === 'duplicate'
        ? 'ServiceTotalsDuplicate'
        : 'ServiceTotalsIgnored',
    'Count',
    1,
  );
}

// One at a time: changes of one unit share its totals records (increments commute, so a retried record that
// lands after a later one still ends in the same totals).
export const handler = middy(async (event: DynamoDBStreamEvent, context: Context) =>
  processPartialResponse(event, apply, processor, { context, processInParallel: false }),
)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));

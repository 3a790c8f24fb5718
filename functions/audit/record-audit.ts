import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { recordAuditEntry } from '#shared/app/audit';
import { logger, metrics } from '#shared/observability';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

const image = (i: Record<string, unknown> | undefined) =>
  i ? unmarshall(i as Record<string, AttributeValue>) : undefined;

/** One stream record → one audit entry. A failure fails only this record (partial batch response). */
async function recordChange(record: DynamoDBRecord): Promise<void> {
  const outcome = await recordAuditEntry({
    eventId: record.eventID ?? `${record.dynamodb?.SequenceNumber}`,
    eventName: record.eventName ?? 'MODIFY',
    approximateAt: new Date((record.dynamodb?.ApproximateCreationDateTime ?? Date.now() / 1000) * 1000),
    oldImage: image(record.dynamodb?.OldImage),
    newImage: image(record.dynamodb?.NewImage),
  });
  if (outcome !== 'ignored')
    metrics.addMetric(outcome === 'stored' ? 'AuditEntryStored' : 'AuditEntryDuplicate', 'Count', 1);
}

export const handler = middy(async (event: DynamoDBStreamEvent, context: Context) =>
  processPartialResponse(event, recordChange, processor, { context }),
)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));

import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger, metrics } from '#shared/observability';
import { ActivityRepository } from '#shared/store/activities';
import { OrgScope } from '#shared/store/org-scope';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

/**
 * When an employee's supervisor changes, their pending activities move to the new supervisor's verification
 * queue. Idempotent: an entry already moved, or decided meanwhile, is left as it is.
 */
async function requeue(record: DynamoDBRecord): Promise<void> {
  const before = record.dynamodb?.OldImage ? unmarshall(record.dynamodb.OldImage as Record<string, AttributeValue>) : undefined;
  const after = record.dynamodb?.NewImage ? unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>) : undefined;
  if (!before || !after || (before.supervisorNip ?? null) === (after.supervisorNip ?? null)) return;
  const repo = new ActivityRepository(new OrgScope(after.orgId as string));
  const ctx = { actor: 'system:requeue', now: new Date().toISOString() };
  let moved = 0;
  for (const entry of await repo.pendingOf(after.nip as string)) {
    if (entry.supervisorNip !== (after.supervisorNip ?? null) && (await repo.requeue(entry, (after.supervisorNip as string | null) ?? null, ctx))) moved++;
  }
  metrics.addMetric('PendingActivitiesRequeued', 'Count', moved);
}

export const handler = middy(async (event: DynamoDBStreamEvent, context: Context) => processPartialResponse(event, requeue, processor, { context }))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));

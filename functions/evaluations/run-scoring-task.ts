import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger, metrics } from '#shared/observability';
import { OrgScope } from '#shared/store/org-scope';
import { ScoringRunRepository, type ScoringTask, runScoringTask } from '#shared/store/scoring';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

/**
 * One unit of a scoring run: scores its employees (idempotent: a redelivered or re-run task writes the same
 * figures), marks the task done, and closes the run when it was the last.
 */
async function runTask(record: DynamoDBRecord): Promise<void> {
  const image = record.dynamodb?.NewImage ? unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>) : undefined;
  if (!image || image.state !== 'pending') return;
  const task = image as unknown as ScoringTask & { orgId: string };
  const scope = new OrgScope(task.orgId);
  const ctx = { actor: 'system:scoring', now: new Date().toISOString() };
  const { scored } = await runScoringTask(scope, task, ctx);
  const runs = new ScoringRunRepository(scope);
  await runs.markDone(task, scored, ctx.now);
  await runs.finishIfComplete(task.periodId, task.runId, ctx);
  metrics.addMetric('EmployeesScored', 'Count', scored);
}

// Tasks of different units are independent: several at once.
export const handler = middy(async (event: DynamoDBStreamEvent, context: Context) => processPartialResponse(event, runTask, processor, { context }))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));

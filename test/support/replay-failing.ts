/**
 * Stream consumers that keep failing the records of chosen entities while `failing.on` (the replay test's
 * outage). Which real consumer runs is the Lambda context's function name. `notify` applies the records and then
 * reports them failed (the worst case for duplicates: its effect is already there); `record-audit` and
 * `update-service-totals` report them failed without applying them. Other records go through normally.
 */
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { handler as recordAudit } from '../../functions/audit/record-audit.ts';
import { handler as notify } from '../../functions/notifications/notify.ts';
import { handler as updateServiceTotals } from '../../functions/services/update-service-totals.ts';

type Consumer = (event: DynamoDBStreamEvent, context: Context) => Promise<unknown>;
const consumers: Record<string, Consumer> = {
  notify: notify as Consumer,
  'record-audit': recordAudit as Consumer,
  'update-service-totals': updateServiceTotals as Consumer,
};

export const failing = { on: true, entities: ['Feedback', 'ServiceTransaction'] };

const targeted = (r: DynamoDBRecord) =>
  failing.on && failing.entities.includes(String(r.dynamodb?.NewImage?.entity?.S ?? r.dynamodb?.OldImage?.entity?.S));

export const handler = async (event: DynamoDBStreamEvent, context: Context) => {
  const consumer = consumers[context.functionName];
  if (!consumer) throw new Error(`no consumer ${context.functionName}`);
  const failed = event.Records.filter(targeted);
  const applied = context.functionName === 'notify' ? event.Records : event.Records.filter((r) => !targeted(r));
  const answer = (applied.length ? await consumer({ Records: applied }, context) : undefined) as
    | { batchItemFailures?: { itemIdentifier: string }[] }
    | undefined;
  return {
    batchItemFailures: [
      ...(answer?.batchItemFailures ?? []),
      ...failed.map((r) => ({ itemIdentifier: r.dynamodb!.SequenceNumber! })),
    ],
  };
};

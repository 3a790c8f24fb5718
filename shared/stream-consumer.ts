import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent, SQSEvent, SQSRecord } from 'aws-lambda';
import { observe } from './observability.ts';

type Image = Record<string, unknown>;

/** One DynamoDB stream record as the use cases read it: plain items instead of attribute maps. */
export interface Change {
  /** The stream's id of the record. */
  eventId: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  /** The record's sequence number: unique within the stream, so applying a record twice is detectable. */
  sequence: string;
  /** The stream's own time of the change (whole seconds). */
  approximateAt: Date;
  oldImage?: Image;
  newImage?: Image;
}

const image = (i: Record<string, unknown> | undefined) =>
  i ? (unmarshall(i as Record<string, AttributeValue>) as Image) : undefined;

export function changeOf(record: DynamoDBRecord): Change {
  const stream = record.dynamodb;
  return {
    eventId: record.eventID ?? stream?.SequenceNumber ?? '',
    eventName: record.eventName ?? 'MODIFY',
    sequence: stream?.SequenceNumber ?? record.eventID ?? '',
    approximateAt: new Date((stream?.ApproximateCreationDateTime ?? Date.now() / 1000) * 1000),
    oldImage: image(stream?.OldImage),
    newImage: image(stream?.NewImage),
  };
}

/**
 * The handler of a stream consumer: `apply` runs once per record, and a record that throws fails alone (partial
 * batch response: the stream retries from it). `inParallel: false` when records must take effect in stream order.
 */
export function streamConsumer(apply: (change: Change) => Promise<unknown>, options: { inParallel: boolean }) {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  const applyRecord = (record: DynamoDBRecord) => apply(changeOf(record));
  return middy(async (event: DynamoDBStreamEvent, context: Context) =>
    processPartialResponse(event, applyRecord, processor, { context, processInParallel: options.inParallel }),
  ).use(observe());
}

/**
 * The handler of a stream consumer that takes the batch as a whole (to fold its changes before writing): `apply`
 * returns the sequence numbers it could not apply, reported as partial batch failures (the stream retries from the
 * lowest; Lambda bisects a batch that throws).
 */
export function batchStreamConsumer(apply: (changes: Change[]) => Promise<{ failed: string[] }>) {
  return middy(async (event: DynamoDBStreamEvent) => {
    const { failed } = await apply(event.Records.map(changeOf));
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  }).use(observe());
}

/**
 * The handler of an SQS consumer: `apply` runs once per message body (parsed JSON); a message that throws fails
 * alone (partial batch response: SQS delivers it again after its visibility timeout, then to the dead-letter queue).
 */
export function queueConsumer(apply: (body: unknown) => Promise<unknown>, options: { inParallel: boolean }) {
  const processor = new BatchProcessor(EventType.SQS);
  const applyRecord = (record: SQSRecord) => apply(JSON.parse(record.body));
  return middy(async (event: SQSEvent, context: Context) =>
    processPartialResponse(event, applyRecord, processor, { context, processInParallel: options.inParallel }),
  ).use(observe());
}

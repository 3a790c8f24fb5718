/**
 * The local SQS event source: the queues of the manifest kept in this process. Functions send to them through
 * shared/queues.ts (which finds them on globalThis); each queue's consumer is invoked with SQS-shaped records, at
 * most `maxConcurrency` invocations at once of at most `batchSize` messages, honouring `batchItemFailures`; a
 * message that failed `maxReceiveCount` deliveries goes to the dead-letter sink. Nothing here shares the stream
 * poller's loop: a backlog on the table's stream never delays a queue.
 */
import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';
import type { FunctionDef, QueueName, QueueTrigger } from '../../shared/platform/manifest.ts';
import { LOCAL_QUEUES, type LocalQueues } from '../../shared/queues.ts';
import { invoke } from './lambda.ts';

type QueueFunction = FunctionDef & { trigger: QueueTrigger };

interface Message {
  messageId: string;
  body: string;
  receiveCount: number;
  sentAt: number;
  visibleAt: number;
}

export interface DeadLetter {
  function: string;
  queue: QueueName;
  messageId: string;
  body: string;
  receiveCount: number;
  at: string;
}

export interface QueuePollerOptions {
  functions: QueueFunction[];
  /** The dead-letter queue (an SQS queue on AWS). */
  onDeadLetter?: (message: DeadLetter) => void;
  /** Wait before a failed message is visible again (the visibility timeout on AWS; short locally). */
  retryDelayMs?: number;
  log?: (line: string) => void;
}

export interface QueuePoller {
  /** Messages waiting or in flight, per queue. */
  depth(queue: QueueName): number;
  stop(): Promise<void>;
}

export function startQueuePoller(options: QueuePollerOptions): QueuePoller {
  const retryDelayMs = options.retryDelayMs ?? 200;
  const waiting = new Map<QueueName, Message[]>();
  const inFlight = new Map<QueueName, number>();
  const running = new Set<Promise<void>>();
  const consumers = new Map(options.functions.map((f) => [f.trigger.queue, f]));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const pump = (queue: QueueName) => {
    const fn = consumers.get(queue);
    const list = waiting.get(queue) ?? [];
    if (!fn || stopped) return;
    while ((inFlight.get(queue) ?? 0) < fn.trigger.maxConcurrency) {
      const now = Date.now();
      const batch = list.filter((m) => m.visibleAt <= now).slice(0, fn.trigger.batchSize);
      if (batch.length === 0) break;
      for (const m of batch) list.splice(list.indexOf(m), 1);
      inFlight.set(queue, (inFlight.get(queue) ?? 0) + 1);
      const run = deliver(fn, batch).finally(() => {
        inFlight.set(queue, (inFlight.get(queue) ?? 1) - 1);
        running.delete(run);
        pump(queue);
      });
      running.add(run);
    }
    // Messages waiting out their visibility timeout: look again when the first one shows.
    const next = Math.min(...list.map((m) => m.visibleAt));
    if (Number.isFinite(next) && !timer)
      timer = setTimeout(
        () => {
          timer = undefined;
          for (const q of consumers.keys()) pump(q);
        },
        Math.max(0, next - Date.now()),
      );
  };

  async function deliver(fn: QueueFunction, batch: Message[]): Promise<void> {
    for (const m of batch) m.receiveCount++;
    const records = batch.map(
      (m): SQSRecord => ({
        messageId: m.messageId,
        receiptHandle: `${m.messageId}#${m.receiveCount}`,
        body: m.body,
        attributes: {
          ApproximateReceiveCount: String(m.receiveCount),
          SentTimestamp: String(m.sentAt),
          SenderId: 'local',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: `arn:aws:sqs:local:000000000000:${fn.trigger.queue}`,
        awsRegion: 'ap-southeast-3',
      }),
    );
    let failed: Set<string>;
    try {
      const response = (await invoke(fn, { Records: records })) as SQSBatchResponse | undefined;
      failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (err) {
      options.log?.(`${fn.name} failed the whole batch: ${(err as Error).message}`);
      failed = new Set(batch.map((m) => m.messageId));
    }
    for (const m of batch.filter((b) => failed.has(b.messageId))) {
      if (m.receiveCount >= fn.trigger.maxReceiveCount) {
        options.log?.(
          `${fn.name}: message ${m.messageId} failed ${m.receiveCount} times; moved to the dead-letter queue`,
        );
        options.onDeadLetter?.({
          function: fn.name,
          queue: fn.trigger.queue,
          messageId: m.messageId,
          body: m.body,
          receiveCount: m.receiveCount,
          at: new Date().toISOString(),
        });
      } else {
        m.visibleAt = Date.now() + retryDelayMs;
        waiting.get(fn.trigger.queue)!.push(m);
      }
    }
  }

  const local: LocalQueues = {
    send(queue, bodies) {
      if (stopped) throw new Error(`the local queue ${queue} is stopped`);
      const list = waiting.get(queue) ?? [];
      waiting.set(queue, list);
      const now = Date.now();
      for (const body of bodies)
        list.push({ messageId: randomUUID(), body, receiveCount: 0, sentAt: now, visibleAt: now });
      // Delivered after the sender's own work goes on, as an event source would: never inside its call.
      setImmediate(() => pump(queue));
    },
  };
  (globalThis as { [LOCAL_QUEUES]?: LocalQueues })[LOCAL_QUEUES] = local;

  return {
    depth: (queue) => (waiting.get(queue)?.length ?? 0) + (inFlight.get(queue) ?? 0),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.all(running);
      const g = globalThis as { [LOCAL_QUEUES]?: LocalQueues };
      if (g[LOCAL_QUEUES] === local) delete g[LOCAL_QUEUES];
    },
  };
}

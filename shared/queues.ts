/**
 * Sends messages to a queue of the deployment: SQS on AWS (its URL in the function's environment, see
 * `queueEnvVars`); locally, the in-process queue the local runtime registers (infra/local/queues.ts), which
 * delivers them to the queue's consumer as the SQS event source would.
 */
import { type QueueName, queueEnvVars } from './platform/manifest.ts';

/** What the local runtime puts on globalThis: the queues it polls. */
export interface LocalQueues {
  send(queue: QueueName, bodies: string[]): void;
}
export const LOCAL_QUEUES = Symbol.for('kinerja-asn.local-queues');

type SqsModule = typeof import('@aws-sdk/client-sqs');
let sqs: { client: InstanceType<SqsModule['SQSClient']>; module: SqsModule } | undefined;

/** Sends each body as one message (in calls of ten); throws when SQS refuses any of them. */
export async function sendMessages(queue: QueueName, bodies: unknown[]): Promise<void> {
  if (bodies.length === 0) return;
  const texts = bodies.map((b) => JSON.stringify(b));
  const local = (globalThis as { [LOCAL_QUEUES]?: LocalQueues })[LOCAL_QUEUES];
  if (local) return local.send(queue, texts);
  const url = process.env[queueEnvVars[queue]];
  if (!url)
    throw new Error(`${queueEnvVars[queue]} is not set: the function does not declare that it sends to ${queue}`);
  if (!sqs) {
    // Loaded on first use: only the functions that send pay for the client, and only when they send.
    const module = await import('@aws-sdk/client-sqs');
    sqs = { module, client: new module.SQSClient({}) };
  }
  for (let i = 0; i < texts.length; i += 10) {
    const entries = texts.slice(i, i + 10).map((MessageBody, k) => ({ Id: String(k), MessageBody }));
    const out = await sqs.client.send(new sqs.module.SendMessageBatchCommand({ QueueUrl: url, Entries: entries }));
    if (out.Failed?.length)
      throw new Error(
        `${out.Failed.length} message(s) not sent to ${queue}: ${out.Failed[0]!.Message ?? out.Failed[0]!.Code}`,
      );
  }
}

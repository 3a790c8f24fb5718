/** Runs a manifest function's handler in this process, the way Lambda would call it. */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import type { FunctionDef } from '../../shared/platform/manifest.ts';

const ROOT = resolve(import.meta.dirname, '../..');

type Handler = (event: unknown, context: Context) => Promise<unknown>;
const loaded = new Map<string, Promise<Handler>>();

export function loadHandler(fn: FunctionDef): Promise<Handler> {
  let h = loaded.get(fn.name);
  if (!h) {
    h = import(pathToFileURL(resolve(ROOT, fn.entry)).href).then((m: { handler?: Handler }) => {
      if (typeof m.handler !== 'function') throw new Error(`${fn.entry} does not export a handler`);
      return m.handler;
    });
    loaded.set(fn.name, h);
  }
  return h;
}

export function lambdaContext(fn: FunctionDef, requestId: string = randomUUID()): Context {
  const deadline = Date.now() + (fn.timeoutSeconds ?? 10) * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: fn.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${fn.name}`,
    memoryLimitInMB: String(fn.memoryMb ?? 256),
    awsRequestId: requestId,
    logGroupName: `/local/${fn.name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export async function invoke(fn: FunctionDef, event: unknown, requestId?: string): Promise<unknown> {
  const handler = await loadHandler(fn);
  return handler(event, lambdaContext(fn, requestId));
}

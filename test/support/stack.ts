/**
 * A per-file local stack: own tables on the shared DynamoDB Local, the real gateway (JWT verification),
 * the real stream poller and the handlers, exactly as `npm start` wires them.
 */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createIssuer, type Issuer } from '../../infra/local/issuer.ts';
import { configureEnvironment, startLocalApi } from '../../infra/local/runtime.ts';
import type { FailedBatch } from '../../infra/local/streams.ts';
import type { FunctionDef, TableName } from '../../shared/platform/manifest.ts';

export interface TestStack {
  url: string;
  issuer: Issuer;
  tables: Record<TableName, string>;
  failures: FailedBatch[];
  call(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Headers }>;
  stop(): Promise<void>;
}

export function testTables(): Record<TableName, string> {
  const suffix = randomUUID().slice(0, 8);
  return { main: `t-${suffix}-main`, audit: `t-${suffix}-audit` };
}

/** Only points the process at fresh tables (for tests that call repositories directly). */
export async function useTables(): Promise<Record<TableName, string>> {
  const tables = testTables();
  configureEnvironment(inject('dynamoEndpoint'), tables);
  const { ensureTables } = await import('../../infra/local/dynamodb.ts');
  await ensureTables(inject('dynamoEndpoint'), tables);
  return tables;
}

export async function startTestStack(options: { functions?: FunctionDef[]; pollMs?: number } = {}): Promise<TestStack> {
  const tables = testTables();
  const issuer = await createIssuer();
  const failures: FailedBatch[] = [];
  const api = await startLocalApi({
    endpoint: inject('dynamoEndpoint'),
    tableNames: tables,
    issuer,
    port: 0,
    pollMs: options.pollMs ?? 50,
    onFailure: (b) => failures.push(b),
    functions: options.functions,
  });
  return {
    url: api.url,
    issuer,
    tables,
    failures,
    async call(method, path, opts = {}) {
      const isText = typeof opts.body === 'string';
      const res = await fetch(`${api.url}${path}`, {
        method,
        headers: {
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...(opts.body !== undefined ? { 'content-type': isText ? 'text/csv' : 'application/json' } : {}),
          ...opts.headers,
        },
        ...(opts.body !== undefined ? { body: isText ? (opts.body as string) : JSON.stringify(opts.body) } : {}),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* html or empty */
      }
      return { status: res.status, body, headers: res.headers };
    },
    stop: api.stop,
  };
}

/** Polls until `check` returns a truthy value (for effects that travel through the stream). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

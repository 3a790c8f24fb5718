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
import { responseMismatch } from './openapi-check.ts';

/**
 * Every response is checked against the OpenAPI document (operation, status, schema): a mismatch throws, or
 * with KINERJA_SCHEMA_CHECK=report is only collected in `schemaMismatches` and printed.
 */
const reportOnly = process.env.KINERJA_SCHEMA_CHECK === 'report';

export interface TestStack {
  url: string;
  issuer: Issuer;
  tables: Record<TableName, string>;
  failures: FailedBatch[];
  /** Responses that did not match the document (only filled with KINERJA_SCHEMA_CHECK=report). */
  schemaMismatches: string[];
  call(
    method: string,
    path: string,
    opts?: {
      token?: string;
      body?: unknown;
      headers?: Record<string, string>;
      /** Only for deliberately calling a path no operation documents: the response is not checked. */
      undocumented?: true;
    },
  ): Promise<{ status: number; body: any; headers: Headers }>;
  /** Holds the stream consumers where they are, and lets them go on (the local stream poller's pause). */
  pauseStreams(): void;
  resumeStreams(): void;
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
  const schemaMismatches: string[] = [];
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
    schemaMismatches,
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
      const mismatch = opts.undocumented
        ? undefined
        : responseMismatch(method, path, res.status, res.headers.get('content-type'), body);
      if (mismatch && !reportOnly) throw new Error(`Response differs from the OpenAPI document: ${mismatch}`);
      if (mismatch) {
        schemaMismatches.push(mismatch);
        console.warn(`[schema] ${mismatch}`);
      }
      return { status: res.status, body, headers: res.headers };
    },
    pauseStreams: () => api.streams?.pause(),
    resumeStreams: () => api.streams?.resume(),
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

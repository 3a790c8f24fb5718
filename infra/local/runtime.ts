/**
 * The local stack around a running DynamoDB Local: tables, the HTTP gateway, the stream poller and the
 * scheduler, all from the manifest. `npm start` and the end-to-end tests both use it.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import {
  type FunctionDef,
  httpFunctions,
  functions as manifest,
  queueFunctions,
  scheduledFunctions,
  streamFunctions,
  type TableName,
} from '../../shared/platform/manifest.ts';
import { tableDefs } from '../../shared/platform/tables.ts';
import { ensureTables } from './dynamodb.ts';
import { createGateway, localOrigins } from './gateway.ts';
import type { Issuer } from './issuer.ts';
import { type DeadLetter, startQueuePoller } from './queues.ts';
import { startScheduler } from './scheduler.ts';
import { type FailedBatch, type StreamPoller, startStreamPoller } from './streams.ts';
import { localPages } from './web.ts';

export interface LocalApiOptions {
  endpoint: string;
  tableNames: Record<TableName, string>;
  issuer: Issuer;
  /** 0 picks a free port. */
  port: number;
  pollMs?: number;
  checkpointFile?: string;
  onFailure?: (batch: FailedBatch) => void;
  /** A queue message that kept failing (the queue's dead-letter queue on AWS). */
  onDeadLetter?: (message: DeadLetter) => void;
  log?: (line: string) => void;
  functions?: FunctionDef[];
  /** Key survey links are signed with (npm start keeps one in .data/keys; tests get a fresh one). */
  surveyKey?: Buffer;
  /** Each organisation's key set once rotated (`npm run rotate-survey-key`); without it, only the key above. */
  surveyKeysDir?: string;
  /** Address printed in survey links; defaults to the gateway's own (set PUBLIC_BASE_URL for phones on the LAN). */
  publicBaseUrl?: string;
  /** Requests per second per client address on public routes (the survey); API Gateway route throttling in the cloud. */
  publicRateLimit?: number;
  /** Where notification e-mails are written as .eml files (SES in the cloud). */
  outboxDir?: string;
  /** The built web app served under /app/ (default web/dist). */
  webDir?: string;
  /** Until this settles, /health answers 503 `starting` (npm start: while it seeds the demo). */
  starting?: Promise<unknown>;
}

export interface LocalApi {
  url: string;
  /** The stream poller, when there are stream consumers (tests pause it). */
  streams?: Pick<StreamPoller, 'pause' | 'resume'>;
  /** Origins whose browser scripts may call the API (CORS). */
  allowedOrigins: string[];
  stop(): Promise<void>;
}

/** Points this process's handlers at the local tables, as the stack's environment does on Lambda. */
export function configureEnvironment(endpoint: string, tableNames: Record<TableName, string>): void {
  process.env.DYNAMODB_ENDPOINT = endpoint;
  process.env.AWS_REGION ??= 'ap-southeast-3';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  process.env.POWERTOOLS_SERVICE_NAME ??= 'kinerja-asn';
  process.env.POWERTOOLS_METRICS_NAMESPACE ??= 'KinerjaAsn';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  for (const [table, def] of Object.entries(tableDefs)) process.env[def.envVar] = tableNames[table as TableName];
}

/**
 * KINERJA_ALLOWED_ORIGINS: the local form of the stack's cdk context `allowedOrigins` (comma-separated);
 * unset, the gateway allows its own origin and the web app's Vite dev server.
 */
export function allowedOriginsFrom(setting: string | undefined): string[] | undefined {
  const origins = (setting ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return origins.length ? origins : undefined;
}

export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  configureEnvironment(options.endpoint, options.tableNames);
  await ensureTables(options.endpoint, options.tableNames);
  const fns = options.functions ?? manifest;
  const only = <T extends FunctionDef>(list: T[]) => list.filter((f) => fns.includes(f));

  // What the stack gives Lambda as a secret; locally an environment value of this process.
  process.env.SURVEY_SIGNING_KEY = (options.surveyKey ?? randomBytes(32)).toString('base64');
  if (options.surveyKeysDir) process.env.SURVEY_KEYS_DIR = options.surveyKeysDir;
  if (options.outboxDir) process.env.EMAIL_OUTBOX_DIR = options.outboxDir;
  const server: Server = createGateway({
    issuer: options.issuer,
    functions: only(httpFunctions()),
    log: options.log,
    publicRateLimit: options.publicRateLimit,
    allowedOrigins: allowedOriginsFrom(process.env.KINERJA_ALLOWED_ORIGINS),
    pages: localPages({ issuer: options.issuer, webDir: options.webDir }),
    starting: options.starting,
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as { port: number };
  process.env.PUBLIC_BASE_URL = options.publicBaseUrl ?? `http://localhost:${port}`;
  // Notification e-mails open the web app this gateway serves (or wherever PUBLIC_BASE_URL says it is reached).
  process.env.WEB_APP_URL = `${process.env.PUBLIC_BASE_URL}/app`;
  // The OpenAPI document names the local issuer's token endpoint, as the stack names Cognito's.
  process.env.TOKEN_URL = `http://localhost:${port}/oauth2/token`;

  const streamConsumers = only(streamFunctions());
  const poller = streamConsumers.length
    ? await startStreamPoller({
        endpoint: options.endpoint,
        tableName: options.tableNames.main,
        functions: streamConsumers,
        pollMs: options.pollMs,
        checkpointFile: options.checkpointFile,
        onFailure: options.onFailure,
        log: options.log,
      })
    : undefined;
  // Queues (scoring tasks) have their own poller: nothing on the stream holds them back.
  const queues = startQueuePoller({
    functions: only(queueFunctions()),
    onDeadLetter: options.onDeadLetter,
    log: options.log,
  });
  const scheduler = startScheduler(only(scheduledFunctions()), options.log);

  return {
    url: `http://localhost:${port}`,
    ...(poller ? { streams: poller } : {}),
    allowedOrigins: allowedOriginsFrom(process.env.KINERJA_ALLOWED_ORIGINS) ?? localOrigins(port),
    stop: async () => {
      scheduler.stop();
      await queues.stop();
      await poller?.stop();
      server.closeAllConnections();
      await new Promise((r) => server.close(() => r(undefined)));
    },
  };
}

import middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { AuthMode } from '#shared/platform/manifest';
import { scopeClaim } from '#shared/platform/scopes';
import type { RouteSpec } from '../api/route.ts';
import { storableNumber, unsafeCharacterIn } from '../api/schemas.ts';
import { writeContextOf } from '../app/context.ts';
import {
  type Claims,
  type MachinePrincipal,
  type Principal,
  parseClaims,
  type UserPrincipal,
} from '../auth/principal.ts';
import { type Lang, negotiateLang, registerMessages, render } from '../messages/catalogue.ts';
import { DomainError } from '../messages/errors.ts';
import { httpStatusOf } from '../messages/status.ts';
import {
  invalidEncodingMessage,
  unsafeCharacterMessage,
  unstorableNumberMessage,
  validationMessage,
} from '../messages/validation.ts';
import { logger, metrics, observe } from '../observability.ts';
import { type Employee, EmployeeRepository } from '../store/employees.ts';
import { machineClientOrg } from '../store/machine-clients.ts';
import { OrgScope } from '../store/org-scope.ts';
import { pageStyleSource } from './page-style.ts';

type Schema = z.ZodMiniType;
type Out<S> = S extends Schema ? z.output<S> : never;

export interface HttpRequest<S extends RouteSpec, P extends Principal | undefined = Principal> {
  params: Out<NonNullable<S['params']>>;
  query: Out<NonNullable<S['query']>>;
  body: Out<NonNullable<S['body']>>;
  /** The body as text, for `csv` routes (validated row by row by the use case). */
  rawBody: string;
  principal: P;
  /** Data access confined to the caller's organisation. */
  scope: P extends Principal ? OrgScope : undefined;
  /** The calling person's own employee record: registered and active, or the request was refused. */
  actor: P extends UserPrincipal ? Employee : Employee | undefined;
  lang: Lang;
  requestId: string;
  now: Date;
  headers: Record<string, string | undefined>;
}

export type Reply =
  | { status?: number; json: unknown; headers?: Record<string, string> }
  | { status?: number; html: string; headers?: Record<string, string> }
  /** A file (a workbook, a PDF): sent base64-encoded with isBase64Encoded, as API Gateway passes binary bodies. */
  | { status?: number; binary: Uint8Array; headers: Record<string, string> };

export const json = (body: unknown, status = 200): Reply => ({ status, json: body });

/** Who writes, when, under which request (kept here for handlers; the use cases' own is writeContextOf). */
export const writeContext = writeContextOf;
export const created = (body: unknown): Reply => ({ status: 201, json: body });

/** 201 for a new record; 200 with `idempotent-replay: true` when a retry found the same record already stored. */
export const createdOrReplayed = (body: unknown, replayed: boolean): Reply =>
  replayed ? { status: 200, json: body, headers: { 'idempotent-replay': 'true' } } : created(body);

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;

/**
 * Validates one part of a request (or one item of a batch) in the caller's language; 400 with every issue. What
 * passes is then searched for what no field may hold (see `unstorable`): the schemas of every operation at once.
 */
export function parsePart<S extends Schema | undefined>(schema: S, input: unknown, where: string, lang: Lang): Out<S> {
  if (!schema) return undefined as Out<S>;
  const result = schema.safeParse(input, { error: (issue) => validationMessage(issue, lang) });
  if (!result.success)
    throw new DomainError(
      'validation_failed',
      {},
      result.error.issues.map((i) => ({
        field: [where, ...i.path.map(String)].join('.'),
        code: i.code,
        message: i.message,
      })),
    );
  const problems = unstorable(result.data, [where], lang);
  if (problems.length) throw new DomainError('validation_failed', {}, problems);
  return result.data as Out<S>;
}

/**
 * Values JSON carries that no field may hold: numbers DynamoDB cannot store exactly (beyond 2^53, or nearer zero
 * than 1e-130: they would fail the write as a 500), and text with control or bidirectional-override characters
 * (NUL, RLO…: they hide or reorder what a reader sees) or broken encoding.
 */
function unstorable(value: unknown, path: string[], lang: Lang): { field: string; code: string; message: string }[] {
  const problem = (code: string, message: string) => [{ field: path.join('.'), code, message }];
  if (typeof value === 'number')
    return storableNumber(value) ? [] : problem('unstorable_number', unstorableNumberMessage(value, lang));
  if (typeof value === 'string') {
    const bad = unsafeCharacterIn(value);
    return bad === undefined ? [] : problem('unsafe_character', unsafeCharacterMessage(bad, lang));
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorable(v, [...path, String(i)], lang));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => unstorable(v, [...path, k], lang));
  return [];
}

/** The body's bytes as text; bytes that are not UTF-8 are refused, never replaced with U+FFFD and stored. */
function rawBodyOf(event: Event): string {
  if (!event.body) return '';
  if (!event.isBase64Encoded) return event.body;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(event.body, 'base64'));
  } catch {
    throw new DomainError('validation_failed', {}, [
      {
        field: 'body',
        code: 'invalid_encoding',
        message: invalidEncodingMessage(negotiateLang(event.headers?.['accept-language'])),
      },
    ]);
  }
}

function readBody(spec: RouteSpec, event: Event, lang: Lang): unknown {
  const raw = rawBodyOf(event);
  const contentType = (event.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (spec.bodyType === 'csv') {
    if (contentType && contentType !== 'text/csv' && contentType !== 'text/plain') {
      throw new DomainError('unsupported_media_type', { got: contentType, expected: 'text/csv' });
    }
    // Rows are validated by the use case; what no text may hold is refused here, for the whole file.
    const bad = unsafeCharacterIn(raw);
    if (bad !== undefined)
      throw new DomainError('validation_failed', {}, [
        { field: 'body', code: 'unsafe_character', message: unsafeCharacterMessage(bad, lang) },
      ]);
    return raw;
  }
  if (spec.bodyType === 'form') {
    if (contentType !== 'application/x-www-form-urlencoded') {
      throw new DomainError('unsupported_media_type', {
        got: contentType || '-',
        expected: 'application/x-www-form-urlencoded',
      });
    }
    return parsePart(spec.body, Object.fromEntries(new URLSearchParams(raw)), 'body', lang);
  }
  if (contentType && contentType !== 'application/json') {
    throw new DomainError('unsupported_media_type', { got: contentType, expected: 'application/json' });
  }
  let parsed: unknown;
  try {
    parsed = raw === '' ? undefined : JSON.parse(raw);
  } catch (err) {
    throw new DomainError('invalid_json', { reason: (err as Error).message });
  }
  return parsePart(spec.body, parsed, 'body', lang);
}

/** What a handler lets through; test/unit/manifest.test.ts checks it equals the manifest (and so API Gateway). */
export interface RouteAuth {
  auth: AuthMode;
  scopes?: string[];
}

async function authenticate(trigger: RouteAuth, event: Event): Promise<Principal | undefined> {
  if (trigger.auth === 'public') return undefined;
  // API Gateway (or the local gateway) has verified the token; an absent or foreign shape is still refused here.
  const identity = parseClaims(event.requestContext.authorizer?.jwt?.claims as Claims | undefined);
  if (!identity) throw new DomainError('unauthorized');
  if (identity.kind === 'user') {
    if (trigger.auth === 'machine')
      throw new DomainError('forbidden', {
        reason: { id: 'endpoint ini khusus klien mesin', en: 'this endpoint is for machine clients' },
      });
    return identity;
  }
  if (trigger.auth === 'user')
    throw new DomainError('forbidden', {
      reason: { id: 'endpoint ini khusus pengguna (orang)', en: 'this endpoint is for people, not machine clients' },
    });
  // Exactly this API's resource server: `evil-api/transactions.write` or a bare `transactions.write` grant nothing.
  const required = trigger.scopes ?? [];
  if (required.length > 0 && !required.some((s) => identity.scopes.includes(scopeClaim(s))))
    throw new DomainError('insufficient_scope', { scopes: required.join(', ') });
  const orgId = await machineClientOrg(identity.clientId);
  if (!orgId) throw new DomainError('machine_client_unknown', { clientId: identity.clientId });
  return { ...identity, orgId };
}

/**
 * A valid token is not enough: the person must be registered in the organisation and active. Every right
 * (supervisor, admin of an OPD) is derived from that record, so nothing proceeds without it.
 */
async function registeredActor(scope: OrgScope, principal: UserPrincipal): Promise<Employee> {
  const actor = await new EmployeeRepository(scope).get(principal.nip);
  if (!actor) throw new DomainError('not_registered', { nip: principal.nip });
  if (actor.status !== 'active') throw new DomainError('account_inactive', { nip: principal.nip });
  return actor;
}

function respond(reply: Reply, requestId: string, lang: Lang): APIGatewayProxyStructuredResultV2 {
  const status = reply.status ?? 200;
  // One outcome metric per request: client mistakes and server faults are watched separately.
  metrics.addMetric(status >= 500 ? 'ServerError' : status >= 400 ? 'ClientError' : 'Success', 'Count', 1);
  const headers: Record<string, string> = { 'x-correlation-id': requestId, 'content-language': lang, ...reply.headers };
  if ('binary' in reply) {
    return {
      statusCode: status,
      headers: { 'cache-control': 'no-store', ...headers },
      body: Buffer.from(reply.binary).toString('base64'),
      isBase64Encoded: true,
    };
  }
  if ('html' in reply) {
    return {
      statusCode: reply.status ?? 200,
      headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
      body: reply.html,
    };
  }
  return {
    statusCode: reply.status ?? 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(reply.json),
  };
}

export function errorReply(err: unknown, lang: Lang, requestId: string): Reply {
  if (err instanceof DomainError) {
    const details =
      err.problems?.map((p) => ({ field: p.field, code: p.code, message: render(p.code, lang, p.params) })) ??
      err.details;
    return {
      status: httpStatusOf(err.code),
      json: {
        error: {
          code: err.code,
          message: render(err.code, lang, err.params),
          ...(details !== undefined ? { details } : {}),
        },
      },
    };
  }
  logger.error('unhandled error', err as Error);
  return {
    status: 500,
    json: { error: { code: 'internal', message: render('internal', lang, { correlationId: requestId }) } },
  };
}

/** What a caller may send as `x-correlation-id` to follow its request through our responses, logs and audit. */
const WELL_FORMED_CORRELATION_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's correlation id if well formed, else the platform's request id. */
export const correlationIdOf = (callerId: string | undefined, requestId: string): string =>
  callerId !== undefined && WELL_FORMED_CORRELATION_ID.test(callerId) ? callerId : requestId;

/**
 * Wraps one operation: authenticates, validates path, query and body with the route's zod schemas, runs the
 * use case, and maps every failure to `{ error: { code, message, details } }` in the caller's language.
 */
export function httpHandler<S extends RouteSpec, P extends Principal | undefined = Principal>(
  spec: S,
  run: (req: HttpRequest<S, P>) => Promise<Reply>,
  trigger: RouteAuth,
  options: { errorPage?: ErrorPage } = {},
) {
  if (spec.messages) registerMessages(spec.messages);
  const core = async (event: Event, _context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const requestId = correlationIdOf(
      event.headers?.['x-correlation-id'],
      event.requestContext?.requestId ?? 'unknown',
    );
    logger.setCorrelationId(requestId);
    const lang = negotiateLang(event.headers?.['accept-language']);
    try {
      const principal = await authenticate(trigger, event);
      const scope = principal ? new OrgScope(principal.orgId) : undefined;
      const actor = principal?.kind === 'user' ? await registeredActor(scope!, principal) : undefined;
      const req = {
        params: parsePart(spec.params, event.pathParameters ?? {}, 'path', lang),
        query: parsePart(spec.query, event.queryStringParameters ?? {}, 'query', lang),
        body: spec.body || spec.bodyType === 'csv' ? readBody(spec, event, lang) : undefined,
        rawBody: rawBodyOf(event),
        principal,
        scope,
        actor,
        lang,
        requestId,
        now: new Date(),
        headers: event.headers ?? {},
      } as HttpRequest<S, P>;
      return respond(await run(req), requestId, lang);
    } catch (err) {
      const reply = errorReply(err, lang, requestId);
      if (!options.errorPage || !('json' in reply)) return respond(reply, requestId, lang);
      const { error } = reply.json as { error: { code: string; message: string } };
      return respond(
        { status: reply.status, html: options.errorPage(error, lang), headers: pageHeaders },
        requestId,
        lang,
      );
    }
  };

  const handler = middy(core).use(observe());
  // Declared, not looked up: handlers do not carry the whole manifest; a test holds the two together.
  return Object.assign(handler, { route: { name: spec.name, ...trigger } });
}

/** For routes the manifest marks `user`: the request carries a person. */
export const userHandler = <S extends RouteSpec>(
  spec: S,
  run: (req: HttpRequest<S, UserPrincipal>) => Promise<Reply>,
) => httpHandler<S, UserPrincipal>(spec, run, { auth: 'user' });

/** For routes the manifest marks `public`: no principal, no data scope. Pages for people pass `errorPage`. */
export const publicHandler = <S extends RouteSpec>(
  spec: S,
  run: (req: HttpRequest<S, undefined>) => Promise<Reply>,
  errorPage?: ErrorPage,
) => httpHandler<S, undefined>(spec, run, { auth: 'public' }, errorPage ? { errorPage } : {});

/** Pages for people carry a token in their address: never sent on, framed or cached, and no scripts at all. */
export const pageHeaders = {
  'content-security-policy': `default-src 'none'; style-src ${pageStyleSource}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

/** Renders an error as an HTML page (same code and message as the JSON body would carry). */
export type ErrorPage = (error: { code: string; message: string }, lang: Lang) => string;

/** For routes the manifest marks `machine`: an agency system's client-credentials token with one of `scopes`. */
export const machineHandler = <S extends RouteSpec>(
  spec: S,
  scopes: string[],
  run: (req: HttpRequest<S, MachinePrincipal>) => Promise<Reply>,
) => httpHandler<S, MachinePrincipal>(spec, run, { auth: 'machine', scopes });

/**
 * The local API Gateway: routes from the manifest, JWT verification as the HTTP API's JWT authorizer does it,
 * and API Gateway HTTP API (payload v2) events handed to the very same handlers Lambda runs.
 */
import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { negotiateLang, render } from '../../shared/messages/catalogue.ts';
import { cors } from '../../shared/platform/cors.ts';
import { type FunctionDef, type HttpTrigger, httpFunctions } from '../../shared/platform/manifest.ts';
import { type Issuer, TOKEN_PATH } from './issuer.ts';
import { invoke } from './lambda.ts';

type HttpFunction = FunctionDef & { trigger: HttpTrigger };

interface CompiledRoute {
  fn: HttpFunction;
  pattern: RegExp;
  names: string[];
  params: number;
}

function compile(fn: HttpFunction): CompiledRoute {
  const names: string[] = [];
  const source = fn.trigger.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { fn, pattern: new RegExp(`^${source}$`), names, params: names.length };
}

/** The origins allowed by default: the gateway's own, and the web app's Vite dev server. */
export const localOrigins = (port: number) => [
  `http://localhost:${port}`,
  `http://127.0.0.1:${port}`,
  'http://localhost:5173',
];

const TEXT = /^(application\/(json|x-www-form-urlencoded|xml)|text\/)/;

/** API Gateway HTTP APIs accept payloads up to 10 MB. */
const MAX_BODY = 10 * 1024 * 1024;

const decodeSegment = (s: string): string | undefined => {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
};

/** API Gateway hands JWT claims to the function as strings, arrays flattened to "[a b]". */
const flatten = (claims: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : String(v)]));

export interface GatewayOptions {
  issuer: Issuer;
  functions?: HttpFunction[];
  log?: (line: string) => void;
  /** Requests per second per client address on public routes (burst: twice that); default 20. */
  publicRateLimit?: number;
  /** Origins whose browser scripts may call the API (CORS); default this gateway's own and a Vite dev server's. */
  allowedOrigins?: string[];
  /** Local-only pages answered before the API's routes (the web app, the dev sign-in); true when answered. */
  pages?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** Until this settles, GET /health answers 503 `{ status: 'starting' }` (npm start: while it seeds the demo). */
  starting?: Promise<unknown>;
}

/** Token buckets per client address: the local form of API Gateway's route throttling on public routes. */
function rateLimiter(perSecond: number) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (client: string): boolean => {
    const now = Date.now();
    const b = buckets.get(client) ?? { tokens: perSecond * 2, at: now };
    b.tokens = Math.min(perSecond * 2, b.tokens + ((now - b.at) / 1000) * perSecond);
    b.at = now;
    buckets.set(client, b);
    if (buckets.size > 10_000) buckets.delete(buckets.keys().next().value!);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  };
}

export function createGateway({
  issuer,
  functions = httpFunctions(),
  log,
  publicRateLimit = 20,
  allowedOrigins,
  pages,
  starting,
}: GatewayOptions): Server {
  const allowPublic = rateLimiter(publicRateLimit);
  let ready = !starting;
  void starting?.then(
    () => (ready = true),
    () => undefined,
  );
  // Static segments win over parameters (POST /employees/import before /employees/{nip}).
  const routes = functions.map(compile).sort((a, b) => a.params - b.params);

  const send = (res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer) => {
    res.writeHead(status, headers);
    res.end(body);
  };

  const refuse = (
    res: ServerResponse,
    req: IncomingMessage,
    status: 401 | 404 | 413 | 429,
    code: 'unauthorized' | 'route_not_found' | 'payload_too_large' | 'too_many_requests',
    requestId: string,
  ) => {
    const lang = negotiateLang(req.headers['accept-language']);
    const message = render(code, lang, { method: req.method, path: (req.url ?? '').split('?')[0] });
    send(
      res,
      status,
      {
        'content-type': 'application/json; charset=utf-8',
        'x-correlation-id': requestId,
        ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
      },
      JSON.stringify({ error: { code, message } }),
    );
  };

  const originsAllowed = (): string[] => {
    if (allowedOrigins) return allowedOrigins;
    const { port } = server.address() as AddressInfo;
    return localOrigins(port);
  };

  const server = createServer(async (req, res) => {
    const started = Date.now();
    const requestId = randomUUID();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    res.on('finish', () => log?.(`${method} ${url.pathname} → ${res.statusCode} (${Date.now() - started} ms)`));
    // CORS as API Gateway does it with the stack's corsPreflight: preflights answered by the gateway itself,
    // and every answer to an allowed origin carries its headers; another origin gets none.
    const origin = req.headers.origin;
    if (origin && originsAllowed().includes(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-expose-headers', cors.exposeHeaders.join(','));
      res.setHeader('vary', 'origin');
      if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
        res.setHeader('access-control-allow-methods', cors.allowMethods.join(','));
        res.setHeader('access-control-allow-headers', cors.allowHeaders.join(','));
        res.setHeader('access-control-max-age', String(cors.maxAgeSeconds));
      }
    }
    if (method === 'OPTIONS') return send(res, 204, {}, '');
    if (!ready && method === 'GET' && url.pathname === '/health') {
      return send(
        res,
        503,
        { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1', 'cache-control': 'no-store' },
        JSON.stringify({ status: 'starting', time: new Date().toISOString() }),
      );
    }
    try {
      if (await pages?.(req, res)) return;
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY) return refuse(res, req, 413, 'payload_too_large', requestId);
        chunks.push(chunk as Buffer);
      }
      const raw = Buffer.concat(chunks);
      // Cognito's token endpoint, for the client-credentials flow (the OpenAPI document's tokenUrl locally).
      if (method === 'POST' && url.pathname === TOKEN_PATH) {
        const { status, body } = await issuer.clientCredentials(
          raw.toString('utf8'),
          req.headers['content-type'],
          req.headers.authorization,
        );
        return send(
          res,
          status,
          { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store' },
          JSON.stringify(body),
        );
      }

      let match: { route: CompiledRoute; params: string[] } | undefined;
      for (const route of routes) {
        const values = route.fn.trigger.method === method ? route.pattern.exec(url.pathname) : null;
        const params = values?.slice(1).map(decodeSegment);
        // A segment that is not valid percent-encoding matches no route (API Gateway answers 404 too).
        if (params?.every((p): p is string => p !== undefined)) {
          match = { route, params };
          break;
        }
      }
      if (!match) return refuse(res, req, 404, 'route_not_found', requestId);
      const { fn } = match.route;

      if (fn.trigger.auth === 'public' && !allowPublic(req.socket.remoteAddress ?? ''))
        return refuse(res, req, 429, 'too_many_requests', requestId);
      let claims: Record<string, string> | undefined;
      if (fn.trigger.auth !== 'public') {
        const header = req.headers.authorization ?? '';
        const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
        if (!token) return refuse(res, req, 401, 'unauthorized', requestId);
        try {
          claims = flatten(await issuer.verify(token));
        } catch {
          return refuse(res, req, 401, 'unauthorized', requestId);
        }
      }

      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
      );
      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
      // A text body that is not valid UTF-8 reaches the function as its bytes, base64-encoded: decoding it here would
      // turn the bad bytes into U+FFFD unseen, and the function refuses them instead.
      const isText = raw.length === 0 || (TEXT.test(headers['content-type'] ?? 'application/json') && isUtf8(raw));
      const now = new Date();
      const event = {
        version: '2.0',
        routeKey: `${method} ${fn.trigger.path}`,
        rawPath: url.pathname,
        rawQueryString: url.search.replace(/^\?/, ''),
        headers,
        ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
        ...(match.route.params
          ? { pathParameters: Object.fromEntries(match.route.names.map((n, i) => [n, match.params[i]!])) }
          : {}),
        requestContext: {
          accountId: '000000000000',
          apiId: 'local',
          domainName: headers.host ?? 'localhost',
          domainPrefix: 'localhost',
          http: {
            method,
            path: url.pathname,
            protocol: 'HTTP/1.1',
            sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
            userAgent: headers['user-agent'] ?? '',
          },
          requestId,
          routeKey: `${method} ${fn.trigger.path}`,
          stage: '$default',
          time: now.toISOString(),
          timeEpoch: now.getTime(),
          ...(claims ? { authorizer: { jwt: { claims, scopes: claims.scope ? claims.scope.split(' ') : null } } } : {}),
        },
        ...(raw.length ? { body: isText ? raw.toString('utf8') : raw.toString('base64') } : {}),
        isBase64Encoded: !isText,
      };

      const result = (await invoke(fn, event, requestId)) as APIGatewayProxyStructuredResultV2 | string | undefined;
      if (typeof result === 'string' || result === undefined || !('statusCode' in result)) {
        return send(res, 200, { 'content-type': 'application/json' }, JSON.stringify(result ?? null));
      }
      const body = result.body ? (result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body) : '';
      send(
        res,
        result.statusCode ?? 200,
        Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)])),
        body,
      );
    } catch (err) {
      // A handler that throws is a Lambda error: API Gateway answers 500 with no detail.
      log?.(`handler crashed: ${(err as Error).stack ?? err}`);
      send(res, 500, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Internal Server Error' }));
    }
  });
  return server;
}

/**
 * The HTTP API's CORS rules, in one place: the stack configures API Gateway with them (the origins from cdk
 * context `allowedOrigins`) and the local gateway answers with them (the origins from KINERJA_ALLOWED_ORIGINS).
 * Bearer tokens, not cookies: no credentials.
 */
export const cors = {
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'accept-language', 'x-correlation-id'],
  /** Response headers a browser script may read. */
  exposeHeaders: ['x-correlation-id', 'idempotent-replay', 'content-disposition'],
  maxAgeSeconds: 3600,
} as const;

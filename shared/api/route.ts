import type * as z from 'zod/mini';
import type { Catalogue } from '../messages/catalogue.ts';

type Schema = z.ZodMiniType;

export interface ResponseDoc {
  description: string;
  schema?: Schema;
  contentType?: string;
  example?: unknown;
}

/**
 * What the OpenAPI document says about an operation beyond its schemas. Specs write it as
 * `docs: import.meta.bundled ? undefined : { ... }`: the document is built from source at build time
 * (shared/api/documents.ts), so a deployed bundle drops it (see `bundling.define` in infra/bundling.ts).
 * A top-level schema that only documentation reads is written `import.meta.bundled ? undefined! : z.…` for the
 * same reason: esbuild keeps any top-level call (zod's included), used or not.
 */
export interface RouteDocs {
  tag: string;
  summary: string;
  description?: string;
  bodyExample?: unknown;
  responses: Record<number, ResponseDoc>;
  /** Client errors this operation can answer, besides 401 on protected routes. */
  errors: Array<400 | 403 | 404 | 409 | 410 | 415 | 422>;
}

/**
 * One API operation: the schemas that validate its input at run time are the same ones the OpenAPI
 * document is generated from, so the two cannot drift. Method, path and auth mode live in the manifest.
 */
export interface RouteSpec<
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
> {
  /** The manifest function name; also the OpenAPI operationId. */
  name: string;
  params?: P;
  query?: Q;
  body?: B;
  /** `csv` bodies arrive as text and are validated by the handler row by row; `form` is an HTML form post. */
  bodyType?: 'json' | 'csv' | 'form';
  /** Reads an `Idempotency-Key` header: a retry with the same key stores nothing twice and answers a replay. */
  idempotencyKey?: true;
  /** A retry that finds its record already stored answers 200 with `idempotent-replay: true` instead of 201. */
  replays?: true;
  /** Pages for people (the survey) answer errors as HTML pages too. */
  errorsAs?: 'html';
  /** Messages of the area beyond the common ones (shared/messages/catalogue.ts): what its handler can render. */
  messages?: Catalogue;
  /** Undefined in a deployed bundle only. */
  docs: RouteDocs | undefined;
}

export const route = <P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined>(
  spec: RouteSpec<P, Q, B>,
): RouteSpec<P, Q, B> => spec;

/** The `route` of an area whose operations can answer with these messages besides the common ones. */
export const routeWith = (...catalogues: Catalogue[]) => {
  const messages: Catalogue = Object.assign({}, ...catalogues);
  return <P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined>(
    spec: RouteSpec<P, Q, B>,
  ): RouteSpec<P, Q, B> => ({ ...spec, messages });
};

/**
 * The OpenAPI document. A deployed function does not build it at cold start: it is built once when
 * the function is bundled and shipped beside the bundle (infra/bundling.ts `prebuiltFiles`). Run from source
 * (tests, `npm start`), it is built on first use.
 */
import { readFileSync } from 'node:fs';

type Json = Record<string, unknown>;

/** A file shipped beside the bundle (a deployed function's code is one file, index.mjs). */
const besideBundle = (file: string) => readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');

let built: Promise<Json> | undefined;
const buildNow = () => (built ??= import('./openapi.ts').then((m) => m.buildOpenApi()));

export const openApiFile = 'openapi.json';

export function openApiDocument(): () => Promise<Json> {
  if (!import.meta.bundled) return buildNow;
  const document = Promise.resolve(JSON.parse(besideBundle(openApiFile)) as Json);
  return () => document;
}

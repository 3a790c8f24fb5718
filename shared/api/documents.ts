/**
 * The OpenAPI document and its HTML page. A deployed function does not build them at cold start: they are built
 * once when it is bundled and shipped beside the bundle (infra/bundling.ts `prebuiltFiles`). Run from source
 * (tests, `npm start`), they are built on first use.
 */
import { readFileSync } from 'node:fs';

type Json = Record<string, unknown>;

/** A file shipped beside the bundle (a deployed function's code is one file, index.mjs). */
const besideBundle = (file: string) => readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');

let built: Promise<Json> | undefined;
const buildNow = () => (built ??= import('./openapi.ts').then((m) => m.buildOpenApi()));

export const openApiFile = 'openapi.json';
export const docsPageFile = 'docs.html';

export function openApiDocument(): () => Promise<Json> {
  if (!import.meta.bundled) return buildNow;
  const document = Promise.resolve(JSON.parse(besideBundle(openApiFile)) as Json);
  return () => document;
}

export function docsPage(): () => Promise<string> {
  if (!import.meta.bundled) return async () => (await import('./docs-page.ts')).renderDocsPage(await buildNow());
  const page = Promise.resolve(besideBundle(docsPageFile));
  return () => page;
}

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

/**
 * The token URL of a document built before the deployment is known (at bundle time); never resolves (`.invalid`).
 * Served, it becomes TOKEN_URL: the stack's Cognito token endpoint, or locally the local issuer's.
 */
export const tokenUrlPlaceholder = 'https://token-url.invalid/oauth2/token';

const withTokenUrl = (document: Json, tokenUrl: string | undefined): Json =>
  tokenUrl ? (JSON.parse(JSON.stringify(document).replaceAll(tokenUrlPlaceholder, tokenUrl)) as Json) : document;

/** The document as this deployment serves it (TOKEN_URL read per call: a local stack sets it once it listens). */
export function openApiDocument(): () => Promise<Json> {
  const document = import.meta.bundled
    ? Promise.resolve(JSON.parse(besideBundle(openApiFile)) as Json)
    : Promise.resolve().then(buildNow);
  const served = new Map<string | undefined, Json>();
  return async () => {
    const tokenUrl = process.env.TOKEN_URL;
    if (!served.has(tokenUrl)) served.set(tokenUrl, withTokenUrl(await document, tokenUrl));
    return served.get(tokenUrl)!;
  };
}

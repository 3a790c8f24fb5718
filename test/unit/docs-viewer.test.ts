/** /docs: Swagger UI served by the product, nothing inline, the same from a bundle as from source. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundling, prebuiltFiles } from '../../infra/bundling.ts';
import { buildDocsPage, docsAsset, docsAssetNames, docsPage } from '../../shared/api/docs-page.ts';
import { functions } from '../../shared/platform/manifest.ts';

const version = (html: string, name: string) =>
  new RegExp(`docs/${name.replace('.', '\\.')}\\?v=(\\w+)`).exec(html)?.[1];

describe('the docs page', () => {
  it('references every asset with its version and has no inline script or style', () => {
    const html = buildDocsPage();
    for (const name of docsAssetNames) expect(version(html, name)).toMatch(/^[0-9a-f]{12}$/);
    expect(html).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>|<style|style=/);
  });

  it('is served under a CSP allowing scripts, styles and connections from its own origin only', () => {
    const csp = docsPage().headers['content-security-policy']!;
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('lets the Authorize box reach the token endpoint of the deployment, and nothing else besides its own origin', () => {
    process.env.TOKEN_URL = 'https://kinerja-medan.auth.ap-southeast-3.amazoncognito.com/oauth2/token';
    try {
      const csp = docsPage().headers['content-security-policy']!;
      expect(csp).toContain("connect-src 'self' https://kinerja-medan.auth.ap-southeast-3.amazoncognito.com;");
    } finally {
      delete process.env.TOKEN_URL;
    }
  });

  it('configures Swagger UI: the document, search, deep links, try-it, no remembered tokens, no remote validator', () => {
    const js = docsAsset('docs.js').body;
    expect(js).toContain("new URL('openapi.json', document.baseURI)");
    for (const setting of [
      'filter: true',
      'deepLinking: true',
      'tryItOutEnabled: true',
      'persistAuthorization: false',
      'validatorUrl: null',
    ])
      expect(js).toContain(setting);
  });

  it('lets an asset asked for by its version be cached for good, otherwise for a day', () => {
    const v = version(buildDocsPage(), 'swagger-ui-bundle.js');
    const bundle = docsAsset('swagger-ui-bundle.js', v);
    expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(bundle.headers['content-type']).toBe('text/javascript; charset=utf-8');
    // Lambda answers at most 6 MB.
    expect(Buffer.byteLength(bundle.body)).toBeLessThan(5 * 1024 * 1024);
    expect(bundle.body).not.toContain('sourceMappingURL');
    expect(docsAsset('swagger-ui-bundle.js', 'old').headers['cache-control']).toBe('public, max-age=86400');
  });
});

describe('the deployed /docs/{asset}', () => {
  const event = (asset: string) => ({
    rawPath: `/docs/${asset}`,
    headers: {},
    pathParameters: { asset },
    requestContext: { requestId: 'r-1', http: { method: 'GET', path: `/docs/${asset}` } },
  });
  const context = { functionName: 'f', awsRequestId: 'r-1', getRemainingTimeInMillis: () => 1000 };
  type Handler = (
    e: unknown,
    c: unknown,
  ) => Promise<{ statusCode: number; headers: Record<string, string>; body: string }>;

  it('answers every asset from the files built with its bundle exactly as it does from source', async () => {
    const fn = functions.find((f) => f.name === 'get-docs-asset')!;
    const dir = mkdtempSync(join(tmpdir(), 'get-docs-asset-'));
    const file = join(dir, 'index.mjs');
    await build({
      entryPoints: [resolve(import.meta.dirname, '../..', fn.entry)],
      bundle: true,
      outfile: file,
      logLevel: 'error',
      ...bundling,
      banner: { js: bundling.banner },
    });
    for (const [fileName, make] of Object.entries(prebuiltFiles[fn.name]!)) writeFileSync(join(dir, fileName), make());
    const deployed = (await import(pathToFileURL(file).href)).handler as Handler;
    const fromSource = (await import(`../../${fn.entry}`)).handler as Handler;
    for (const name of docsAssetNames) {
      const [a, b] = [await deployed(event(name), context), await fromSource(event(name), context)];
      expect(a.statusCode).toBe(200);
      expect(a).toEqual(b);
    }
    expect((await deployed(event('package.json'), context)).statusCode).toBe(400);
  }, 60_000);
});

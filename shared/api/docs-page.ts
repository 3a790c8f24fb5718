/**
 * /docs: Swagger UI (the npm package swagger-ui-dist, pinned in package.json) served by the product itself, so it
 * works offline and needs no CDN. The page is plain HTML under a strict CSP (no inline script): the viewer, its
 * styles, our initializer and our style overrides are files under /docs/{asset}, referenced with a content hash so
 * browsers may keep them. A deployed function reads these files beside its bundle (infra/bundling.ts
 * `prebuiltFiles`); run from source, the viewer's come from node_modules and ours from this module.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const docsPageFile = 'docs.html';

/**
 * Our settings for Swagger UI (https://swagger.io/docs/open-source-tools/swagger-ui/usage/configuration/), and
 * two accessibility fixes its markup needs: an operation's summary is a button, so the path inside it must not be
 * a link too (the address still follows the open operation: deepLinking); the servers list needs a name; the
 * curl command, which scrolls, must take the keyboard focus.
 */
const initializer = `// kinerja-asn: starts Swagger UI on this API's OpenAPI document.
const NoLinkInsideSummary = () => ({
  wrapComponents: {
    DeepLink: (Original, system) => (props) =>
      system.React.createElement(Original, { ...props, enabled: props.enabled && !props.path.includes('/') }),
  },
});
window.ui = SwaggerUIBundle({
  url: new URL('openapi.json', document.baseURI).href,
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis],
  plugins: [NoLinkInsideSummary],
  layout: 'BaseLayout',
  deepLinking: true,
  filter: true,
  tryItOutEnabled: true,
  persistAuthorization: false,
  displayRequestDuration: true,
  validatorUrl: null,
});
new MutationObserver(() => {
  const servers = document.getElementById('servers');
  if (servers && !servers.hasAttribute('aria-label')) servers.setAttribute('aria-label', 'Servers');
  // The curl command scrolls sideways: keyboard users must be able to reach it.
  for (const curl of document.querySelectorAll('pre.curl:not([tabindex])')) curl.tabIndex = 0;
}).observe(document.getElementById('swagger-ui'), { childList: true, subtree: true });
`;

/** Swagger UI's colours that fall short of WCAG 2 AA contrast (4.5:1), darkened; test/e2e/docs-page.test.ts runs axe. */
const overrides = `/* kinerja-asn: Swagger UI colours darkened to a contrast of at least 4.5:1 (WCAG 2 AA). */
.swagger-ui .info .title small { background: #5b616b; }
.swagger-ui .info .title small.version-stamp { background: #3f6a00; }
.swagger-ui .info a, .swagger-ui .info .url, .swagger-ui a.nostyle:hover { color: #1f63b8; }
.swagger-ui .btn.authorize { color: #1b7a4c; border-color: #1b7a4c; }
.swagger-ui .btn.authorize svg { fill: #1b7a4c; }
.swagger-ui .opblock.opblock-get .opblock-summary-method { background: #1a5fa8; }
.swagger-ui .opblock.opblock-post .opblock-summary-method { background: #1b7a4c; }
.swagger-ui .opblock.opblock-patch .opblock-summary-method { background: #11705c; }
.swagger-ui .opblock.opblock-put .opblock-summary-method { background: #9a5200; }
.swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #c41f1f; }
.swagger-ui .btn.cancel { color: #c41f1f; border-color: #c41f1f; }
.swagger-ui .btn.execute { background: #1f63b8; border-color: #1f63b8; }
.swagger-ui .parameter__in, .swagger-ui .parameter__type, .swagger-ui .prop-format { color: #595959; }
.swagger-ui .json-schema-2020-12-expand-deep-button { color: #505050; }
.swagger-ui .download-contents { background: #5b616b; }
`;

/** The files /docs/{asset} serves: an allow-list, by name. */
export const docsAssetNames = ['swagger-ui-bundle.js', 'swagger-ui.css', 'docs.js', 'docs.css'] as const;
export type DocsAssetName = (typeof docsAssetNames)[number];

const contentTypes: Record<DocsAssetName, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
  'docs.js': 'text/javascript; charset=utf-8',
  'docs.css': 'text/css; charset=utf-8',
};

// The source maps are not shipped: the browser would only ask for them with its developer tools open.
const withoutSourceMap = (text: string) => text.replace(/\n[/][/*]# sourceMappingURL=\S+?(\*\/)?\s*$/, '\n');

/** An asset's text as it is built: from node_modules or this module. */
export function buildDocsAsset(name: DocsAssetName): string {
  if (name === 'docs.js') return initializer;
  if (name === 'docs.css') return overrides;
  const file = createRequire(import.meta.url).resolve(`swagger-ui-dist/${name}`);
  return withoutSourceMap(readFileSync(file, 'utf8'));
}

const besideBundle = (file: string) => readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
const loaded = new Map<DocsAssetName, string>();
const assetText = (name: DocsAssetName): string => {
  let text = loaded.get(name);
  if (text === undefined) loaded.set(name, (text = import.meta.bundled ? besideBundle(name) : buildDocsAsset(name)));
  return text;
};

const versionOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/**
 * An asset and its headers. Asked for with the version the page names, it may be cached for good
 * (a new version is a new address); asked for otherwise, for a day.
 */
export function docsAsset(name: DocsAssetName, version?: string): { body: string; headers: Record<string, string> } {
  const body = assetText(name);
  return {
    body,
    headers: {
      'content-type': contentTypes[name],
      'cache-control': version === versionOf(body) ? 'public, max-age=31536000, immutable' : 'public, max-age=86400',
      'x-content-type-options': 'nosniff',
    },
  };
}

const asset = (name: DocsAssetName) => `docs/${name}?v=${versionOf(assetText(name))}`;

/** The page: nothing inline, so the CSP can forbid inline script (and inline style elements). */
export function buildDocsPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kinerja-asn API — documentation</title>
<link rel="stylesheet" href="${asset('swagger-ui.css')}">
<link rel="stylesheet" href="${asset('docs.css')}">
<script src="${asset('swagger-ui-bundle.js')}" defer></script>
<script src="${asset('docs.js')}" defer></script>
</head>
<body>
<main id="swagger-ui"></main>
<noscript><p>The interactive documentation needs JavaScript. The machine-readable document: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1).</p></noscript>
</body>
</html>
`;
}

let page: string | undefined;
/** The page and its headers: scripts and connections only to this origin; Swagger UI sets element styles itself. */
export function docsPage(): { html: string; headers: Record<string, string> } {
  page ??= import.meta.bundled ? besideBundle(docsPageFile) : buildDocsPage();
  // The machine-client Authorize box posts to the token endpoint: on AWS, the user pool's domain.
  const tokenOrigin = process.env.TOKEN_URL ? ` ${new URL(process.env.TOKEN_URL).origin}` : '';
  return {
    html: page,
    headers: {
      'content-security-policy': `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'${tokenOrigin}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    },
  };
}

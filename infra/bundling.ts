/**
 * How every function is bundled (esbuild). The CDK stack and `npm run bench` both use these settings, so
 * the benchmark measures what is deployed.
 */
import { buildDocsAsset, buildDocsPage, docsAssetNames, docsPageFile } from '../shared/api/docs-page.ts';
import { openApiFile } from '../shared/api/documents.ts';
import { buildOpenApi } from '../shared/api/openapi.ts';
import { packagedFont, pdfFontFiles, shippedFontName } from '../shared/http/pdf-fonts.ts';
import { functions } from '../shared/platform/manifest.ts';

export const bundling = {
  format: 'esm' as const,
  mainFields: ['module', 'main'],
  // Some CommonJS dependencies call require(); ESM output needs one.
  banner: "import { createRequire } from 'module';const require = createRequire(import.meta.url);",
  minify: true,
  // Node reads an ES module as UTF-8, so messages keep their characters (—, ≥, …) instead of \uXXXX escapes.
  charset: 'utf8' as const,
  target: 'node24',
  platform: 'node' as const,
  // Tells runtime code it runs from a bundle: what only running from source needs (tests, `npm start`) drops out.
  define: { 'import.meta.bundled': 'true' },
};

/**
 * esbuild's log level when the CDK bundles (`cdk synth`): warnings and errors only. Its per-bundle summary (file
 * sizes, "Done in") made ~400 lines of output. Kept apart from `bundling`: the benches and tests that spread it
 * set their own level.
 */
export const synthLogLevel = 'warning' as const;

declare global {
  interface ImportMeta {
    /** true in a deployed bundle (see `bundling.define`), undefined when run from source. */
    bundled?: boolean;
  }
}

/** Files built once at build time and shipped beside a function's bundle, by function name and file name. */
export const prebuiltFiles: Record<string, Record<string, () => string>> = {
  'get-openapi': { [openApiFile]: () => JSON.stringify(buildOpenApi()) },
  'get-docs': { [docsPageFile]: buildDocsPage },
  'get-docs-asset': Object.fromEntries(docsAssetNames.map((name) => [name, () => buildDocsAsset(name)])),
  // The printing functions' embedded fonts (shared/http/pdf-fonts.ts), as base64 text.
  ...Object.fromEntries(
    functions
      .filter((f) => f.prints)
      .map((f) => [
        f.name,
        Object.fromEntries(
          Object.values(pdfFontFiles).map((file) => [
            shippedFontName(file),
            () => packagedFont(file).toString('base64'),
          ]),
        ),
      ]),
  ),
};

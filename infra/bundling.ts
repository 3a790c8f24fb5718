/**
 * How every function is bundled (esbuild). The CDK stack and `npm run bench` both use these settings, so
 * the benchmark measures what is deployed.
 */
export const bundling = {
  format: 'esm' as const,
  mainFields: ['module', 'main'],
  // Some CommonJS dependencies call require(); ESM output needs one.
  banner: "import { createRequire } from 'module';const require = createRequire(import.meta.url);",
  minify: true,
  target: 'node24',
  platform: 'node' as const,
};

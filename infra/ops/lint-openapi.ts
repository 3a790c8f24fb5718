/**
 * `npm run lint:openapi`: writes the generated OpenAPI document to a temporary file and lints it with Redocly CLI
 * (redocly.yaml: the recommended rules); any error or warning fails. Offline: no telemetry, no update check.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildOpenApi } from '../../shared/api/openapi.ts';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'kinerja-openapi-'));
const file = join(dir, 'openapi.json');
writeFileSync(file, JSON.stringify(buildOpenApi(), null, 2));
const result = spawnSync(
  join(root, 'node_modules/.bin/redocly'),
  ['lint', file, '--config', join(root, 'redocly.yaml'), '--max-problems', '200'],
  {
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  },
);
rmSync(dir, { recursive: true, force: true });
// Redocly fails only on errors; a warning fails here too (its summary: "You have 3 warnings.").
const warned = /You have \d+ warnings?/.test(result.stdout + result.stderr);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exit(result.status || (warned ? 1 : 0));

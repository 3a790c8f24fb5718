/** `npm run bootstrap` creates an organisation's first records in a deployed table, and is safe to re-run. */
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { EmployeeRepository } from '../../shared/store/employees.ts';
import { machineClientOrg } from '../../shared/store/machine-clients.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { UnitRepository } from '../../shared/store/units.ts';
import { useTables } from '../support/stack.ts';

const root = resolve(import.meta.dirname, '../..');
let table: string;
beforeAll(async () => {
  table = (await useTables()).main;
});

const args = (nip: string) => [
  '--import',
  'tsx',
  'infra/ops/bootstrap.ts',
  '--table',
  table,
  '--org',
  'kota-pematangsiantar',
  '--name',
  'Pemerintah Kota Pematangsiantar',
  '--admin-nip',
  nip,
  '--admin-name',
  'Admin Pertama',
  '--machine-client',
  'siak-client-1',
  '--machine-name',
  'SIAK',
];
const env = () => ({
  ...process.env,
  DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});

describe('bootstrap', () => {
  it('creates the organisation, the BKPSDM unit, the first admin and the machine client; a re-run changes nothing', async () => {
    const first = execFileSync(process.execPath, args('198705122010012002'), { cwd: root, env: env() }).toString();
    expect(first).toContain('admin 198705122010012002');
    const scope = new OrgScope('kota-pematangsiantar');
    expect(await new UnitRepository(scope).organisation()).toEqual({
      orgId: 'kota-pematangsiantar',
      name: 'Pemerintah Kota Pematangsiantar',
    });
    expect((await new UnitRepository(scope).get('BKPSDM'))!.path).toBe('/BKPSDM/');
    expect((await new EmployeeRepository(scope).get('198705122010012002'))!.version).toBe(1);
    expect(await machineClientOrg('siak-client-1')).toBe('kota-pematangsiantar');

    const again = execFileSync(process.execPath, args('198705122010012002'), { cwd: root, env: env() }).toString();
    expect(again).toContain('(already there)');
    expect((await new EmployeeRepository(scope).get('198705122010012002'))!.version).toBe(1);
  });

  it('refuses an invalid admin NIP with a one-line reason', () => {
    const run = spawnSync(process.execPath, args('198713122010012002'), { cwd: root, env: env() });
    expect(run.status).toBe(1);
    expect(run.stderr.toString().trim()).toMatch(/^kinerja-asn bootstrap: admin NIP 198713122010012002: digits 1–8/);
  });
});

/**
 * `npm run bootstrap -- --table <MainTableName> --org <org-id> --name "<organisation>" --admin-nip <nip>
 *   --admin-name "<name>" [--admin-position "<position>"] [--unit-code BKPSDM] [--unit-name "<name>"]
 *   [--machine-client <clientId> --machine-name "<system name>"]`
 *
 * Creates an organisation's first records in a deployed table (the AWS credentials and region of the shell):
 * the organisation, the BKPSDM unit, the first Admin BKPSDM's employee record, and optionally registers an
 * agency system's machine client. Safe to re-run: identical records are replayed, not duplicated.
 */
import { parseArgs } from 'node:util';
import { checkNip } from '../../shared/domain/nip.ts';
import { unitPath } from '../../shared/domain/units.ts';
import { EmployeeRepository } from '../../shared/store/employees.ts';
import { registerMachineClient } from '../../shared/store/machine-clients.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { UnitRepository } from '../../shared/store/units.ts';

const USAGE = `Usage: npm run bootstrap -- --table <MainTableName> --org <org-id> --name "<organisation>"
         --admin-nip <nip> --admin-name "<name>" [options]

Creates an organisation's first records in a deployed table, with the AWS credentials and region of this shell:
the organisation, its BKPSDM unit, the first Admin BKPSDM, and optionally an agency system's machine client.
Safe to re-run: identical records are replayed, not duplicated.

  --table            the main table's name (the stack's output MainTableName)
  --org              the organisation id, e.g. kota-medan
  --name             the organisation's name, e.g. "Pemerintah Kota Medan"
  --admin-nip        the first Admin BKPSDM's NIP (18 digits)
  --admin-name       their name
  --admin-position   their position (default: Admin BKPSDM)
  --unit-code        the BKPSDM unit's code (default: BKPSDM)
  --unit-name        its name (default: Badan Kepegawaian dan Pengembangan Sumber Daya Manusia)
  --machine-client   an agency system's Cognito app client id, to register to the organisation
  --machine-name     that system's name
  -h, --help         this text`;

async function main(): Promise<void> {
  const { values: v } = parseArgs({
    options: {
      help: { type: 'boolean', short: 'h' },
      table: { type: 'string' },
      org: { type: 'string' },
      name: { type: 'string' },
      'admin-nip': { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-position': { type: 'string', default: 'Admin BKPSDM' },
      'unit-code': { type: 'string', default: 'BKPSDM' },
      'unit-name': { type: 'string', default: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' },
      'machine-client': { type: 'string' },
      'machine-name': { type: 'string' },
    },
  });
  if (v.help) return void console.log(USAGE);
  const missing = ['table', 'org', 'name', 'admin-nip', 'admin-name'].filter((k) => !v[k as keyof typeof v]);
  if (missing.length) throw new Error(`missing --${missing.join(', --')}.\n${USAGE}`);
  const nip = v['admin-nip']!;
  const check = checkNip(nip, 'PNS');
  if (!check.ok) throw new Error(`admin NIP ${nip}: ${check.reason.en}`);

  process.env.MAIN_TABLE = v.table;
  const scope = new OrgScope(v.org!);
  const ctx = { actor: 'system:bootstrap', now: new Date().toISOString() };
  const units = new UnitRepository(scope);
  const code = v['unit-code']!;
  await units.saveOrganisation(v.name!, ctx);
  const { unit } = await units.create(
    { code, name: v['unit-name']!, kind: 'opd', path: unitPath(undefined, code) },
    ctx,
  );
  const { employee, replayed } = await new EmployeeRepository(scope).create(
    {
      nip,
      name: v['admin-name']!,
      position: v['admin-position']!,
      employmentType: 'PNS',
      unitCode: unit.code,
      unitPath: unit.path,
      supervisorNip: null,
      status: 'active',
    },
    ctx,
  );
  console.log(
    `organisation ${v.org} (${v.name}), unit ${unit.code}, admin ${employee.nip}${replayed ? ' (already there)' : ''}`,
  );
  if (v['machine-client']) {
    await registerMachineClient(
      v['machine-client'],
      v.org!,
      v['machine-name'] ?? v['machine-client'],
      'system:bootstrap',
    );
    console.log(`machine client ${v['machine-client']} registered to ${v.org}`);
  }
}

main().catch((err: Error) => {
  console.error(`kinerja-asn bootstrap: ${err.message}`);
  process.exit(1);
});

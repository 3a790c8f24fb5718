/**
 * `npm run token -- <nip|client> [--groups admin_opd,auditor] [--org kota-medan] [--ttl 3600]`
 * Mints a dev token signed by the local issuer (run `npm start` once first). Prints only the token.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEMO_MACHINE_CLIENT, DEMO_ORG } from './demo-data.ts';
import { createIssuer } from './issuer.ts';
import { KEY_FILE, USERS_FILE } from './paths.ts';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { groups: { type: 'string' }, org: { type: 'string' }, ttl: { type: 'string' } },
  });
  const who = positionals[0];
  if (!who) throw new Error('usage: npm run token -- <nip|client> [--groups g1,g2] [--org org-id] [--ttl seconds]');
  if (!existsSync(KEY_FILE)) throw new Error('no local signing key yet: run `npm start` once first.');
  const issuer = await createIssuer(KEY_FILE);
  const ttl = values.ttl ? Number(values.ttl) : undefined;
  if (who === 'client') {
    console.log(await issuer.machineToken(DEMO_MACHINE_CLIENT.clientId, undefined, ttl));
    return;
  }
  if (!/^\d{18}$/.test(who)) throw new Error(`"${who}" is neither an 18-digit NIP nor "client".`);
  const users = existsSync(USERS_FILE)
    ? (JSON.parse(readFileSync(USERS_FILE, 'utf8')) as Record<string, { orgId: string; groups: string[] }>)
    : {};
  const known = users[who];
  if (!known && !values.org)
    console.error(`note: ${who} is not a demo user; minting for organisation ${DEMO_ORG.orgId} with no groups.`);
  const groups = values.groups !== undefined ? values.groups.split(',').filter(Boolean) : (known?.groups ?? []);
  console.log(await issuer.userToken({ orgId: values.org ?? known?.orgId ?? DEMO_ORG.orgId, nip: who, groups }, ttl));
}

main().catch((err: Error) => {
  console.error(`kinerja-asn token: ${err.message}`);
  process.exit(1);
});

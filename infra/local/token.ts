/**
 * `npm run token -- <nip|client> [--groups admin_opd,auditor] [--org kota-medan] [--ttl 3600]`
 * Mints a dev token signed by the local issuer (run `npm start` once first). Prints only the token (`--help`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEMO_MACHINE_CLIENT, DEMO_ORG } from './demo-data.ts';
import { createIssuer } from './issuer.ts';
import { KEY_FILE, USERS_FILE } from './paths.ts';

const USAGE = `Usage: npm run token -- <nip|client> [--groups g1,g2] [--org <org-id>] [--ttl <seconds>]

Mints a token signed by the local issuer (run npm start once first) and prints only the token.
  <nip>      an 18-digit NIP: a person's ID token (a demo person gets their groups)
  client     the demo machine client's access token (all scopes)
  --groups   Cognito groups, comma-separated (admin_bkpsdm, admin_opd, auditor), instead of the demo person's
  --org      the organisation (default: the demo person's, or kota-medan)
  --ttl      lifetime in seconds (default: 12 hours for a person, 1 hour for the client)
  -h, --help this text
While npm start is still starting (seeding the demo), it waits until it is ready.`;

/** How long to wait for a starting `npm start`: a first start seeds the demo in well under a minute. */
const READY_TIMEOUT_MS = 120_000;

/**
 * While `npm start` is still starting (/health answers 503) the demo people and their groups are not written yet:
 * wait until it is ready. Nothing listening is fine: the key on disk is all a token needs.
 */
async function waitUntilReady(base: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (let told = false; ; told = true) {
    const status = await fetch(`${base}/health`).then(
      (r) => r.status,
      () => undefined,
    );
    if (status !== 503) return;
    if (Date.now() > deadline)
      throw new Error(
        `npm start at ${base} is still starting after ${READY_TIMEOUT_MS / 1000} s; try again once it prints its banner.`,
      );
    if (!told) console.error(`waiting for npm start at ${base} to finish starting…`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      groups: { type: 'string' },
      org: { type: 'string' },
      ttl: { type: 'string' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const who = positionals[0];
  if (!who) throw new Error(`say whose token.\n${USAGE}`);
  await waitUntilReady(`http://localhost:${process.env.PORT ?? 3000}`);
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

/**
 * `npm start`: the whole product on one machine. DynamoDB Local (data kept in .data/, or KINERJA_DATA_DIR), the
 * same handlers behind a local API Gateway with JWT verification, the stream poller, the scheduler, and demo data.
 * /health answers 503 `starting` until the demo is seeded and the banner printed, then 200.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { decodeJwt } from 'jose';
import { scheduledFunctions } from '../../shared/platform/manifest.ts';
import { registerOrganisation } from '../../shared/store/organisations.ts';
import { DEMO_MACHINE_CLIENT, DEMO_ORG, demoPeople } from './demo-data.ts';
import { type DynamoLocal, portIsFree, requireJava17, startDynamoDbLocal } from './dynamodb.ts';
import { writeFailedBatch } from './failures.ts';
import { createIssuer, MACHINE_CLIENT_ID, MACHINE_CLIENT_SECRET, TOKEN_PATH } from './issuer.ts';
import { invoke } from './lambda.ts';
import {
  CHECKPOINT_FILE,
  DATA_DIR,
  DYNAMODB_DIR,
  FAILURES_DIR,
  KEY_FILE,
  LOCAL_TABLES,
  OUTBOX_DIR,
  SURVEY_KEY_FILE,
  SURVEY_KEYS_DIR,
  USERS_FILE,
} from './paths.ts';
import { LocalSetupError } from './problems.ts';
import { type LocalApi, startLocalApi } from './runtime.ts';
import { scheduledEvent } from './scheduler.ts';
import { isSeeded, seedDemo } from './seed.ts';
import { WEB_DIST } from './web.ts';

// Node 20 is supported locally; the SDK's notice about its future Node 22 floor would bury the banner.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const port = Number(process.env.PORT ?? 3000);
const dynamoPort = Number(process.env.DYNAMODB_PORT ?? 8100);
const log = (line: string) => console.log(`[local] ${line}`);

async function main(): Promise<void> {
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new LocalSetupError(`PORT=${process.env.PORT} is not a port number.`);
  if (!(await portIsFree(port)))
    throw new LocalSetupError(`Port ${port} is busy. Stop what uses it, or run with another port: PORT=3001 npm start`);
  if (existsSync(DATA_DIR) && !statSync(DATA_DIR).isDirectory())
    throw new LocalSetupError(`${DATA_DIR} is a file, not a folder. Move it away and start again.`);
  if (existsSync(DYNAMODB_DIR) && !statSync(DYNAMODB_DIR).isDirectory()) {
    throw new LocalSetupError(
      `The data folder ${DYNAMODB_DIR} is broken (it is a file). Move it away (rm -rf ${DATA_DIR} starts from scratch) and start again.`,
    );
  }

  requireJava17(); // before the web build, so a missing Java is the one line printed
  buildWebAppIfStale();

  let dynamo: DynamoLocal | undefined;
  let api: LocalApi | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await api?.stop();
    await dynamo?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    dynamo = await startDynamoDbLocal({ port: dynamoPort, dataDir: DYNAMODB_DIR });
    const issuer = await createIssuer(KEY_FILE);
    // Requests are served from here on, but /health says `starting` until the demo people are there.
    let markReady!: () => void;
    const ready = new Promise<void>((r) => (markReady = r));
    try {
      api = await startLocalApi({
        starting: ready,
        endpoint: dynamo.endpoint,
        tableNames: LOCAL_TABLES,
        issuer,
        port,
        checkpointFile: CHECKPOINT_FILE,
        surveyKey: surveyKey(),
        surveyKeysDir: SURVEY_KEYS_DIR,
        outboxDir: OUTBOX_DIR,
        publicBaseUrl: process.env.PUBLIC_BASE_URL,
        onFailure: (batch) => {
          const file = writeFailedBatch(FAILURES_DIR, batch);
          log(`stream records that kept failing were written to ${file} (npm run replay re-drives them)`);
        },
        log,
      });
      // Data seeded by an older version may predate the organisation list that scheduled jobs read.
      if (await isSeeded()) await registerOrganisation(DEMO_ORG.orgId);
      if (!(await isSeeded())) {
        log('first start: seeding the demo organisation (Pemerintah Kota Medan)…');
        await seedDemo({ withWork: true });
      }
      // The daily fairness run (02:00 WIB) also runs at start, for a machine that was off then: the run is named by
      // the day, so a second start on the same day starts nothing. Its tasks go through the local queue.
      const fairness = scheduledFunctions().find((f) => f.name === 'schedule-fairness');
      if (fairness) await invoke(fairness, scheduledEvent(fairness, new Date()));
    } catch (err) {
      if (err instanceof LocalSetupError) throw err;
      throw new LocalSetupError(
        `DynamoDB Local could not serve the data in ${DYNAMODB_DIR} (${(err as Error).message}). If the folder is damaged, move it away (rm -rf ${DATA_DIR} starts from scratch).`,
      );
    }
    writeFileSync(
      USERS_FILE,
      JSON.stringify(
        Object.fromEntries(demoPeople.map((p) => [p.nip, { orgId: DEMO_ORG.orgId, groups: p.groups ?? [] }])),
        null,
        2,
      ),
    );

    const tokens = await Promise.all(
      demoPeople
        .filter((p) => p.demoRole)
        .map(async (p) => ({
          role: p.demoRole!,
          who: `${p.name} (${p.nip})`,
          token: await issuer.userToken({ orgId: DEMO_ORG.orgId, nip: p.nip, groups: p.groups }),
        })),
    );
    const machine = await issuer.machineToken(DEMO_MACHINE_CLIENT.clientId);
    const staff = tokens.find((t) => t.role === 'Pegawai')!;
    console.log(`
kinerja-asn is running locally.

  Web app:    ${api.url}/app/   (sign in as any demo person below)
  API:        ${api.url}
  Docs:       ${api.url}/docs   (OpenAPI: ${api.url}/openapi.json)
  DynamoDB:   ${dynamo.endpoint}  (data in ${DYNAMODB_DIR}; delete ${DATA_DIR} to start from scratch)
  Outbox:     ${OUTBOX_DIR}  (notification e-mails, one .eml file each)

Dev tokens (valid ${lifetimeOf(staff.token)}; more with: npm run token -- <nip>  or  npm run token -- client):
${tokens.map((t) => `  ${t.role.padEnd(26)} ${t.who}\n    ${t.token}`).join('\n')}
  ${'Machine client'.padEnd(26)} ${DEMO_MACHINE_CLIENT.name}
    ${machine}
    valid ${lifetimeOf(machine)}; or fetch one: curl -s -u ${MACHINE_CLIENT_ID}:${MACHINE_CLIENT_SECRET} -d grant_type=client_credentials ${api.url}${TOKEN_PATH}

CORS origins: ${api.allowedOrigins.join(', ')}  (set KINERJA_ALLOWED_ORIGINS to change)

Try it:
  curl -s ${api.url}/me -H "Authorization: Bearer ${staff.token}"

Press Ctrl-C to stop.`);
    markReady();
  } catch (err) {
    await api?.stop().catch(() => undefined);
    await dynamo?.stop().catch(() => undefined);
    throw err;
  }
}

/** How long a token lives, read from the token itself ("12 hours", "1 hour", "90 minutes"). */
function lifetimeOf(token: string): string {
  const { iat = 0, exp = 0 } = decodeJwt(token);
  const seconds = exp - iat;
  if (seconds % 3600 === 0) return seconds === 3600 ? '1 hour' : `${seconds / 3600} hours`;
  return seconds % 60 === 0 ? `${seconds / 60} minutes` : `${seconds} seconds`;
}

/** Builds web/ into web/dist when there is no build yet or a source file is newer than it (about a second). */
function buildWebAppIfStale(): void {
  const web = resolve(import.meta.dirname, '../../web');
  const newest = (path: string): number =>
    statSync(path).isDirectory()
      ? Math.max(0, ...readdirSync(path).map((name) => newest(resolve(path, name))))
      : statSync(path).mtimeMs;
  const built = resolve(WEB_DIST, 'index.html');
  const sources = ['src', 'index.html', 'vite.config.ts'].map((p) => resolve(web, p));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newest))) return;
  log('building the web app (npm run build:web)…');
  try {
    execFileSync('npm', ['run', '--silent', 'build:web'], {
      cwd: resolve(web, '..'),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new LocalSetupError(`The web app did not build (npm run build:web):\n${stderr}`);
  }
}

/** The survey signing key, made once and kept in the data folder so printed links stay valid across restarts. */
function surveyKey(): Buffer {
  if (existsSync(SURVEY_KEY_FILE)) return Buffer.from(readFileSync(SURVEY_KEY_FILE, 'utf8').trim(), 'base64');
  const key = randomBytes(32);
  mkdirSync(dirname(SURVEY_KEY_FILE), { recursive: true });
  writeFileSync(SURVEY_KEY_FILE, key.toString('base64'), { mode: 0o600 });
  return key;
}

main().catch((err: unknown) => {
  const message = err instanceof LocalSetupError ? err.message : `Unexpected failure: ${(err as Error).message}`;
  console.error(`kinerja-asn: ${message}`);
  process.exit(1);
});

/**
 * CDK entry point (`cdk.json` runs `npx tsx infra/app.ts`). Both stacks are built from the manifest;
 * `buildApp` is exported so tests can synthesise with their own function list and without bundling.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, CfnOutput, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type FunctionDef, type HttpTrigger, functions as manifestFunctions } from '../shared/platform/manifest.ts';
import { ApiAreaStack } from './stacks/api-area-stack.ts';
import { TableBackups } from './stacks/backup.ts';
import { checkProductionSignIn } from './stacks/go-live.ts';
import { MonitoringStack, watchApi, watchFunctions, watchTables, watchWorkers } from './stacks/monitoring.ts';
import { StatefulStack } from './stacks/stateful-stack.ts';
import { StatelessStack } from './stacks/stateless-stack.ts';
import { WebApp } from './stacks/web-app.ts';
import { WorkersStack } from './stacks/workers-stack.ts';

/** Jakarta: the data of Indonesian civil servants stays in the country. */
export const DEFAULT_REGION = 'ap-southeast-3';

export interface BuildAppOptions {
  /** Defaults to the manifest. */
  functions?: FunctionDef[];
  /** false skips esbuild (tests): NodejsFunction then only checks that each entry file exists. */
  bundling?: boolean;
  /** Extra context, e.g. allowedOrigins. */
  context?: Record<string, unknown>;
}

export interface KinerjaApp {
  app: App;
  stateful: StatefulStack;
  stateless: StatelessStack;
  /** The web app, in the API's stack (its sign-in client's callback URLs name the distribution). */
  web: WebApp;
  workers: WorkersStack;
  /** The authenticated routes of the larger areas, one stack each. */
  areas: ApiAreaStack[];
  /** The alarm topic and the environment's dashboard (the alarms sit in the stacks of what they watch). */
  monitoring: MonitoringStack;
}

/** Areas (functions/<area>/) whose authenticated routes get their own stack; the rest stay in the API stack. */
const AREA_STACKS: Record<string, string> = {
  periods: 'Plans',
  plans: 'Plans',
  activities: 'Activities',
  services: 'Services',
  evaluations: 'Evaluations',
  feedback: 'Feedback',
  notifications: 'Feedback',
};
const areaStackOf = (f: FunctionDef): string | undefined =>
  f.trigger.kind === 'http' && f.trigger.auth !== 'public' ? AREA_STACKS[f.entry.split('/')[1] ?? ''] : undefined;

/** Feature flags live in cdk.json; loading them here lets tests synthesise exactly what the CLI does. */
function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

export function buildApp(options: BuildAppOptions = {}): KinerjaApp {
  // CLI-provided context (CDK_CONTEXT_JSON) still wins over these values.
  const app = new App({
    context: {
      ...cdkJsonContext(),
      ...options.context,
      ...(options.bundling === false ? { 'aws:cdk:bundling-stacks': [] } : {}),
    },
  });
  // Account may be undefined: synth then works offline, with account-agnostic templates. The region is pinned
  // rather than read from CDK_DEFAULT_REGION: the CLI fills that from the deployer's profile, or with us-east-1
  // when there is none, which would quietly move the data out of Jakarta. Override with `-c region=...`.
  const region = (app.node.tryGetContext('region') as string | undefined) ?? DEFAULT_REGION;
  // -c stage=prod: fails now, before anything is built, when sign-in would not come back to the city's address.
  checkProductionSignIn(app);
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region };

  const stateful = new StatefulStack(app, 'KinerjaAsn-Stateful', {
    env,
    description: 'Kinerja ASN: DynamoDB tables (retained, deletion-protected)',
    terminationProtection: true,
  });
  const all = options.functions ?? manifestFunctions;
  const names = all.map((f) => f.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate) throw new Error(`Function '${duplicate}' is declared twice in the manifest.`);
  const stateless = new StatelessStack(app, 'KinerjaAsn-Stateless', {
    env,
    description: 'Kinerja ASN: HTTP API, Cognito and the functions behind the routes',
    tables: stateful.tables,
    secrets: stateful.secrets,
    functions: all.filter((f) => f.trigger.kind === 'http' && !areaStackOf(f)),
  });
  const web = new WebApp(stateless, 'Web', {
    api: stateless.api,
    auth: stateless.auth,
    content: webContent(options.bundling !== false),
  });
  new CfnOutput(stateless, 'WebAppUrl', { value: `${web.url}/app/` });
  const areaNames = [...new Set(all.map(areaStackOf).filter((a): a is string => !!a))];
  const areas = areaNames.map(
    (area) =>
      new ApiAreaStack(app, `KinerjaAsn-Api-${area}`, {
        env,
        description: `Kinerja ASN: ${area.toLowerCase()} routes and their functions`,
        api: stateless.api,
        authorizerId: stateless.authorizer.authorizerId,
        tables: stateful.tables,
        secrets: stateful.secrets,
        functions: all.filter((f): f is FunctionDef & { trigger: HttpTrigger } => areaStackOf(f) === area),
      }),
  );
  const workers = new WorkersStack(app, 'KinerjaAsn-Workers', {
    env,
    description: 'Kinerja ASN: stream consumers and schedules',
    tables: stateful.tables,
    secrets: stateful.secrets,
    functions: all.filter((f) => f.trigger.kind !== 'http'),
    // Notification e-mails open the app: at a custom domain (-c webAppUrl=https://…/app), else the distribution.
    webAppUrl: (app.node.tryGetContext('webAppUrl') as string | undefined) ?? `${web.url}/app`,
  });

  // Backups beside the tables; alarms in the stack of what they watch, found from the manifest (a new function or
  // consumer gets its alarms without an edit here); then the topic and dashboard, which list those alarms.
  new TableBackups(stateful, 'Backups', { tables: stateful.tables });
  watchTables(stateful, stateful.tables);
  watchApi(stateless, stateless.api);
  for (const stack of [stateless, ...areas, workers]) watchFunctions(stack, stack.functions, all);
  watchWorkers(workers, workers.functions, all);
  const monitoring = new MonitoringStack(app, 'KinerjaAsn-Monitoring', {
    env,
    description: 'Kinerja ASN: alarm topic and dashboard',
    api: stateless.api,
    tables: stateful.tables,
    functionStacks: [stateless, ...areas, workers],
    workers,
  });

  // cdk-nag 3 is a validation plugin: synthesis fails on any unacknowledged AwsSolutions error.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stateful, stateless, web, workers, areas, monitoring };
}

/** web/dist, built by `npm run build:web`; tests that skip bundling get a one-page stand-in. */
function webContent(built: boolean): string {
  if (built) {
    const dist = fileURLToPath(new URL('../web/dist', import.meta.url));
    if (!existsSync(join(dist, 'index.html'))) throw new Error('web/dist is missing: run `npm run build:web` first.');
    return dist;
  }
  const standIn = mkdtempSync(join(tmpdir(), 'kinerja-web-'));
  writeFileSync(join(standIn, 'index.html'), '<!doctype html><title>Kinerja ASN</title>');
  return standIn;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) buildApp().app.synth();

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArnFormat, Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import { type ITable, Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import {
  type Charset,
  type ICommandHooks,
  type LogLevel,
  NodejsFunction,
  OutputFormat,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  type FunctionDef,
  type QueueName,
  queueEnvVars,
  type SecretName,
  type TableName,
} from '../../shared/platform/manifest.ts';
import { tableDefs } from '../../shared/platform/tables.ts';
import { DEFAULT_SURVEY_KEYS_SECRET_PREFIX } from '../../shared/survey-key.ts';
import { bundling, prebuiltFiles, synthLogLevel } from '../bundling.ts';
import { pascalCase } from './helpers.ts';

export const DEFAULT_MEMORY_MB = 256;
export const DEFAULT_TIMEOUT_SECONDS = 10;

export interface ServiceFunctionProps {
  def: FunctionDef;
  /** The tables owned by the stateful stack; only those named in `def.access` are granted. */
  tables: Record<TableName, ITable>;
  /** Repository root: manifest entries and the lock file are relative to it. */
  repoRoot: string;
  /** The deployment's secrets; only those named in `def.secrets` are granted (read). */
  secrets: Record<SecretName, ISecret>;
  /** The public address printed in survey links (a custom domain); without it, the API's own host. */
  publicBaseUrl?: string;
  /** The web app's address (…/app), which notification e-mails link to. */
  webAppUrl?: string;
  /** The log group of the function's area (functions/<area>/), shared by its functions. */
  logGroup: LogGroup;
  /** The client-credentials token endpoint (Cognito's), named by the OpenAPI document get-openapi serves. */
  tokenUrl?: string;
}

/** Builds the files when the function is bundled and copies them into the asset, beside index.mjs. */
function shipBeside(files: Record<string, () => string>): ICommandHooks {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_inputDir, outputDir) => {
      const dir = mkdtempSync(join(tmpdir(), 'kinerja-prebuilt-'));
      return Object.entries(files).map(([name, build]) => {
        writeFileSync(join(dir, name), build());
        return `cp "${join(dir, name)}" "${join(outputDir, name)}"`;
      });
    },
  };
}

/** Environment variable through which a function learns each secret's ARN (never its value). */
export const secretEnvVars: Record<SecretName, string> = { 'survey-signing-key': 'SURVEY_SECRET_ARN' };

/**
 * One manifest entry as a Lambda function, with the defaults set once: ARM64, latest Node runtime, ESM bundle with
 * source maps, its area's log group, active tracing, and IAM limited to exactly the table access the manifest names.
 */
/**
 * A queue's name in the account: fixed, so that a sender in an API stack finds the queue the workers stack owns by
 * its ARN, without a cross-stack export (one deployment per account and region, as the stack names already are).
 */
export const queuePhysicalName = (queue: QueueName): string => `kinerja-asn-${queue}`;

export class ServiceFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    const { def, tables, repoRoot, secrets } = props;

    // Own role instead of the default one: AWSLambdaBasicExecutionRole would allow writing to every log group.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `kinerja-asn ${def.name}`,
    });
    const { logGroup } = props;
    logGroup.grantWrite(this.role);

    const environment: Record<string, string> = {
      POWERTOOLS_SERVICE_NAME: 'kinerja-asn',
      POWERTOOLS_METRICS_NAMESPACE: 'KinerjaAsn',
      NODE_OPTIONS: '--enable-source-maps',
    };
    for (const name of accessedTables(def)) environment[tableDefs[name].envVar] = tables[name].tableName;
    for (const name of def.secrets ?? []) environment[secretEnvVars[name]] = secrets[name].secretArn;
    const signsSurveys = def.secrets?.includes('survey-signing-key');
    if (signsSurveys) environment.SURVEY_KEYS_SECRET_PREFIX = DEFAULT_SURVEY_KEYS_SECRET_PREFIX;
    if (props.publicBaseUrl && (def.secrets?.includes('survey-signing-key') || def.prints))
      environment.PUBLIC_BASE_URL = props.publicBaseUrl;
    if (props.webAppUrl && def.sendsEmail) environment.WEB_APP_URL = props.webAppUrl;
    const emailFrom = scope.node.tryGetContext('emailFrom') as string | undefined;
    if (def.sendsEmail && emailFrom) environment.EMAIL_FROM = emailFrom;
    if ((def.name === 'get-openapi' || def.name === 'get-docs') && props.tokenUrl)
      environment.TOKEN_URL = props.tokenUrl;
    const sendsTo = (def.sends ?? []).map((name) => {
      const arn = Stack.of(this).formatArn({ service: 'sqs', resource: queuePhysicalName(name) });
      const queue = Queue.fromQueueArn(this, `${pascalCase(name)}QueueRef`, arn);
      environment[queueEnvVars[name]] = queue.queueUrl;
      return queue;
    });

    const prebuilt = prebuiltFiles[def.name];
    this.fn = new NodejsFunction(this, 'Handler', {
      description: `kinerja-asn ${def.name} (${def.entry})`,
      entry: join(repoRoot, def.entry),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: def.memoryMb ?? DEFAULT_MEMORY_MB,
      timeout: Duration.seconds(def.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
      role: this.role,
      logGroup,
      tracing: Tracing.ACTIVE,
      environment,
      bundling: {
        format: OutputFormat.ESM,
        mainFields: bundling.mainFields,
        banner: bundling.banner,
        minify: bundling.minify,
        // CDK's Charset values are esbuild's own ('utf8', 'ascii').
        charset: bundling.charset as Charset,
        // CDK's LogLevel values are esbuild's own too.
        logLevel: synthLogLevel as LogLevel,
        sourceMap: true,
        sourcesContent: false,
        target: bundling.target,
        define: bundling.define,
        // Bundle the AWS SDK v3 too, so the deployed code runs the exact versions the tests ran.
        externalModules: [],
        ...(prebuilt ? { commandHooks: shipBeside(prebuilt) } : {}),
      },
    });

    this.grantTableAccess(def, tables);
    for (const name of def.secrets ?? []) secrets[name].grantRead(this.role);
    if (signsSurveys) {
      const stack = Stack.of(this);
      // How cdk-nag spells the ARN in its finding: concrete values, or <AWS::…> for the pseudo parameters.
      const named = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
      // Each organisation's survey key set: its own secret, made by `npm run rotate-survey-key -- --cloud` (read only).
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['secretsmanager:GetSecretValue'],
          resources: [
            Stack.of(this).formatArn({
              service: 'secretsmanager',
              resource: 'secret',
              resourceName: `${DEFAULT_SURVEY_KEYS_SECRET_PREFIX}*`,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          ],
        }),
      );
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:${named(stack.partition, 'Partition')}:secretsmanager:${named(stack.region, 'Region')}:${named(stack.account, 'AccountId')}:secret:${DEFAULT_SURVEY_KEYS_SECRET_PREFIX}*]`,
        reason:
          'One survey key secret per organisation, created when an organisation first rotates its key: the names are known only by their prefix; read-only.',
      });
    }
    for (const queue of sendsTo) queue.grantSendMessages(this.role);
    if (def.sendsEmail && emailFrom) {
      // SES checks the sending identity: the address itself or its domain, nothing else.
      const identity = (name: string) =>
        Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: name });
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [identity(emailFrom), identity(emailFrom.split('@')[1] ?? emailFrom)],
        }),
      );
    }

    const starResources = [
      'xray:PutTraceSegments and xray:PutTelemetryRecords (active tracing) support no resource-level permissions',
    ];
    if (def.trigger.kind === 'stream') {
      starResources.push(
        'dynamodb:ListStreams, added by the DynamoDB event source, cannot be scoped to a table or stream',
      );
    }
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: `${starResources.join('; ')}.`,
    });
  }

  /**
   * main: read | write | readwrite through the CDK grants; audit: read, or PutItem alone (the audit trail is
   * append-only, so no function may update or delete it). Grants go through an imported reference that knows no
   * indexes, so CDK emits the table ARN only, and reads get the named indexes (from tableDefs) instead of index/*.
   */
  private grantTableAccess(def: FunctionDef, tables: Record<TableName, ITable>): void {
    for (const name of accessedTables(def)) {
      const level = def.access[name];
      const ref = Table.fromTableAttributes(this, `${name}TableRef`, { tableArn: tables[name].tableArn });
      const readsIndexes = level === 'read' || level === 'readwrite';
      if (name === 'audit' && level === 'write') ref.grant(this.role, 'dynamodb:PutItem');
      else if (level === 'read') ref.grantReadData(this.role);
      else if (level === 'write') ref.grantWriteData(this.role);
      else if (level === 'readwrite') ref.grantReadWriteData(this.role);
      if (readsIndexes && tableDefs[name].indexes.length > 0) {
        this.role.addToPrincipalPolicy(
          new PolicyStatement({
            // GetItem and friends do not apply to a GSI; only Query and Scan do.
            actions: ['dynamodb:Query', 'dynamodb:Scan'],
            resources: tableDefs[name].indexes.map((index) => `${tables[name].tableArn}/index/${index.name}`),
          }),
        );
      }
    }
  }
}

export const accessedTables = (def: FunctionDef): TableName[] =>
  (Object.keys(tableDefs) as TableName[]).filter((name) => def.access[name] !== undefined);

/**
 * The functions of one stack, with one log group per area (functions/<area>/): a group per function would cost a
 * resource each, and a stack holds at most 500. One year: performance records of civil servants are subject to
 * government audit; log groups are retained on stack deletion by default, which is what an audit trail wants.
 * The JSON logs (shared/observability.ts) name the function in every line.
 */
export function buildFunctions(
  stack: Stack,
  defs: FunctionDef[],
  props: {
    tables: Record<TableName, ITable>;
    secrets: Record<SecretName, ISecret>;
    repoRoot: string;
    tokenUrl?: string;
    webAppUrl?: string;
  },
): Record<string, ServiceFunction> {
  // Survey links carry this address when the API sits behind a custom domain (context publicBaseUrl).
  const publicBaseUrl = stack.node.tryGetContext('publicBaseUrl') as string | undefined;
  const logGroups = new Map<string, LogGroup>();
  const logGroupOf = (def: FunctionDef) => {
    const area = def.entry.split('/')[1] ?? 'other';
    if (!logGroups.has(area))
      logGroups.set(area, new LogGroup(stack, `${pascalCase(area)}Logs`, { retention: RetentionDays.ONE_YEAR }));
    return logGroups.get(area)!;
  };
  return Object.fromEntries(
    defs.map((def) => [
      def.name,
      new ServiceFunction(stack, pascalCase(def.name), { def, ...props, publicBaseUrl, logGroup: logGroupOf(def) }),
    ]),
  );
}

/**
 * Template assertions for both stacks, built from the real manifest with bundling skipped, plus one build with
 * extra fake functions (a schedule and a machine route) for the trigger kinds the manifest does not use yet.
 */
import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { buildApp, type KinerjaApp } from '../../infra/app.ts';
import {
  apiScopes,
  type FunctionDef,
  functions,
  httpFunctions,
  type QueueName,
  queueEnvVars,
  queueFunctions,
  STREAM_RECORD_MAX_AGE_SECONDS,
  streamFunctions,
  type TableName,
} from '../../shared/platform/manifest.ts';
import { tableDefs } from '../../shared/platform/tables.ts';

type Json = Record<string, any>;
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const tableNames = Object.keys(tableDefs) as TableName[];

const testSchedule: FunctionDef = {
  name: 'test-schedule',
  entry: 'functions/system/health.ts',
  trigger: { kind: 'schedule', cron: '0 1 * * ? *', description: 'test: daily at 01:00 WIB' },
  access: { main: 'read' },
};
const testMachine: FunctionDef = {
  name: 'test-machine',
  entry: 'functions/system/health.ts',
  trigger: {
    kind: 'http',
    method: 'POST',
    path: '/test/transactions',
    auth: 'machine',
    scopes: ['transactions.write'],
  },
  access: { main: 'write' },
};

interface Built extends KinerjaApp {
  statefulTemplate: Template;
  /** The API stack and the workers stack read as one template (the assertions do not care which holds a function). */
  statelessTemplate: Template;
  apiTemplate: Template;
  workersTemplate: Template;
}

/** Two templates as one (their logical ids do not collide but for the shared area log groups, alike in both). */
const merged = (a: Json, b: Json): Json => ({
  ...a,
  Resources: { ...a.Resources, ...b.Resources },
  Outputs: { ...a.Outputs, ...b.Outputs },
});

function build(fns: FunctionDef[], context: Record<string, unknown> = {}): Built {
  // As under the CLI, synthesis reports instead of throwing, so nag findings fail the cdk-nag tests below rather
  // than every test in this file.
  const built = buildApp({
    functions: fns,
    bundling: false,
    context: { ...context, '@aws-cdk/core:failSynthOnValidationErrors': false },
  });
  return {
    ...built,
    statefulTemplate: Template.fromStack(built.stateful),
    statelessTemplate: Template.fromJSON(
      [built.workers, ...built.areas].reduce(
        (t, stack) => merged(t, Template.fromStack(stack).toJSON()),
        Template.fromStack(built.stateless).toJSON(),
      ),
    ),
    apiTemplate: Template.fromStack(built.stateless),
    workersTemplate: Template.fromStack(built.workers),
  };
}

const real = build(functions);
const extended = build([...functions, testSchedule, testMachine], {
  allowedOrigins: ['https://kinerja.example.go.id'],
});

/** Logical ID of an L2 construct's CloudFormation resource. */
const logicalId = (construct: IConstruct): string =>
  Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
const fnOf = (b: Built, name: string) =>
  (b.stateless.functions[name] ?? b.workers.functions[name] ?? b.areas.map((a) => a.functions[name]).find(Boolean))!;
const fnId = (b: Built, name: string): string => logicalId(fnOf(b, name).fn);
const roleId = (b: Built, name: string): string => logicalId(fnOf(b, name).role);
const tableId = (b: Built, name: TableName): string => logicalId(b.stateful.tables[name]);

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** All Allow statements of the role's policies. */
function statementsOf(b: Built, name: string): Statement[] {
  const role = roleId(b, name);
  const policies = b.statelessTemplate.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: role }]) },
  });
  return Object.values(policies)
    .flatMap((p: Json) => p.Properties.PolicyDocument.Statement as Statement[])
    .filter((s) => s.Effect === 'Allow');
}

/** Actions the function may perform on a resource whose CloudFormation expression mentions `needle`. */
function actionsOn(statements: Statement[], needle: string): string[] {
  return statements
    .filter((s) => asList(s.Resource).some((r) => JSON.stringify(r).includes(needle)))
    .flatMap((s) => asList(s.Action));
}

const allActions = (statements: Statement[]): string[] => statements.flatMap((s) => asList(s.Action));

function nagFindings(b: Built): { errors: string[]; warnings: string[] } {
  const report = new AwsSolutionsChecks().validateScope(b.app);
  const list = (severity: string) =>
    report.violations
      .filter((v) => v.severity === severity)
      .map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
  return { errors: list('error'), warnings: list('warning') };
}

function acknowledgements(b: Built): { path: string; id: string; reason: string }[] {
  return b.app.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((m) =>
          Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ path: c.node.path, id, reason })),
        ),
    );
}

describe('stateful stack: tables', () => {
  const t = real.statefulTemplate;

  it('has one table per tableDefs entry, keys and GSIs (ALL projection) as declared', () => {
    t.resourceCountIs('AWS::DynamoDB::Table', tableNames.length);
    for (const name of tableNames) {
      const def = tableDefs[name];
      t.hasResource('AWS::DynamoDB::Table', {
        Properties: Match.objectLike({
          KeySchema: [
            { AttributeName: def.partitionKey, KeyType: 'HASH' },
            { AttributeName: def.sortKey, KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: def.indexes.map((index) => ({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          })),
        }),
      });
    }
  });

  it('expires idempotency markers of the main table by TTL (and nothing in the append-only audit table)', () => {
    const tables = Object.values(t.findResources('AWS::DynamoDB::Table')) as Json[];
    const withTtl = tables.filter((table) => table.Properties.TimeToLiveSpecification);
    expect(withTtl).toHaveLength(1);
    expect(withTtl[0]!.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    expect(withTtl[0]!.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });

  it('every table: on-demand, PITR, deletion protection, SSE, retained on delete and replace', () => {
    const tables = t.findResources('AWS::DynamoDB::Table');
    for (const table of Object.values(tables) as Json[]) {
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.UpdateReplacePolicy).toBe('Retain');
      expect(table.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
      });
    }
  });

  it('main streams NEW_AND_OLD_IMAGES; audit has no stream', () => {
    const props = (name: TableName) => (t.toJSON().Resources[tableId(real, name)] as Json).Properties;
    expect(props('main').StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(props('audit').StreamSpecification).toBeUndefined();
    for (const name of tableNames) {
      expect(props(name).StreamSpecification !== undefined).toBe(tableDefs[name].stream);
    }
  });
});

describe('stateless stack: functions', () => {
  const t = real.statelessTemplate;

  it("one Lambda per manifest function (and nothing else), nodejs24.x on arm64 with tracing and its area's log group", () => {
    // Plus the CDK bucket deployment's own function that copies the web app (infra/stacks/web-app.ts).
    t.resourceCountIs('AWS::Lambda::Function', functions.length + 1);
    for (const def of functions) {
      const fn = t.toJSON().Resources[fnId(real, def.name)] as Json;
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: def.memoryMb ?? 256,
        Timeout: def.timeoutSeconds ?? 10,
        TracingConfig: { Mode: 'Active' },
      });
      const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref as string;
      expect(t.toJSON().Resources[logGroupId]).toMatchObject({
        Type: 'AWS::Logs::LogGroup',
        Properties: { RetentionInDays: 365 },
      });
      // Functions of one area (functions/<area>/) share a group; areas never do.
      expect(logGroupId, def.name).toMatch(
        new RegExp(`^${def.entry.split('/')[1]!.replace(/^./, (c) => c.toUpperCase())}Logs`),
      );
    }
    // CloudFormation allows 500 resources per stack: HTTP functions (about seven resources each) in the API stack,
    // stream consumers and schedules in the workers stack. See README, known limits.
    expect(Object.keys(real.apiTemplate.toJSON().Resources).length).toBeLessThan(400);
    for (const area of real.areas)
      expect(Object.keys(Template.fromStack(area).toJSON().Resources).length, area.stackName).toBeLessThan(300);
    expect(Object.keys(real.workersTemplate.toJSON().Resources).length).toBeLessThan(200);
    expect(real.workersTemplate.findResources('AWS::Lambda::Function')).not.toEqual({});
    expect(real.apiTemplate.findResources('AWS::Lambda::EventSourceMapping')).toEqual({});
  });

  it('environment names exactly the tables a function accesses', () => {
    for (const def of functions) {
      const vars = (t.toJSON().Resources[fnId(real, def.name)] as Json).Properties.Environment.Variables as Json;
      expect(vars).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'kinerja-asn',
        POWERTOOLS_METRICS_NAMESPACE: 'KinerjaAsn',
        NODE_OPTIONS: '--enable-source-maps',
      });
      for (const name of tableNames) {
        expect(Object.hasOwn(vars, tableDefs[name].envVar), `${def.name} ${tableDefs[name].envVar}`).toBe(
          def.access[name] !== undefined,
        );
      }
    }
  });
});

describe('secrets', () => {
  it('the survey signing key is generated by Secrets Manager, retained, and readable only by the functions naming it', () => {
    const secrets = real.statefulTemplate.findResources('AWS::SecretsManager::Secret');
    expect(Object.values(secrets)).toHaveLength(1);
    const [secretId, secret] = Object.entries(secrets)[0] as [string, Json];
    expect(secret.Properties.GenerateSecretString.PasswordLength).toBeGreaterThanOrEqual(32);
    expect(secret.DeletionPolicy).toBe('Retain');
    for (const def of functions) {
      const vars = (real.statelessTemplate.toJSON().Resources[fnId(real, def.name)] as Json).Properties.Environment
        .Variables as Json;
      const reads = allActions(statementsOf(real, def.name)).includes('secretsmanager:GetSecretValue');
      const named = (def.secrets ?? []).includes('survey-signing-key');
      expect(reads, def.name).toBe(named);
      expect(Object.hasOwn(vars, 'SURVEY_SECRET_ARN'), def.name).toBe(named);
      if (named) expect(JSON.stringify(vars.SURVEY_SECRET_ARN)).toContain(secretId);
      // Each organisation's own key set (npm run rotate-survey-key -- --cloud): read-only, by name prefix.
      expect(vars.SURVEY_KEYS_SECRET_PREFIX, def.name).toBe(named ? 'kinerja-asn/survey-keys/' : undefined);
      expect(actionsOn(statementsOf(real, def.name), ':secret:kinerja-asn/survey-keys/*'), def.name).toEqual(
        named ? ['secretsmanager:GetSecretValue'] : [],
      );
    }
    expect(
      functions
        .filter((f) => f.secrets?.length)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['get-survey-page', 'push-transactions', 'submit-survey']);
  });
});

describe('e-mail', () => {
  it('with -c emailFrom, the functions that send e-mail get the sender and ses:SendEmail on that identity only', () => {
    const withSes = build(functions, { emailFrom: 'kinerja@pemkomedan.go.id' });
    for (const def of functions) {
      const vars = (withSes.statelessTemplate.toJSON().Resources[fnId(withSes, def.name)] as Json).Properties
        .Environment.Variables as Json;
      const sends = allActions(statementsOf(withSes, def.name)).includes('ses:SendEmail');
      expect(sends, def.name).toBe(!!def.sendsEmail);
      expect(vars.EMAIL_FROM, def.name).toBe(def.sendsEmail ? 'kinerja@pemkomedan.go.id' : undefined);
    }
    const ses = statementsOf(withSes, 'notify').find((st) => asList(st.Action).includes('ses:SendEmail'))!;
    expect(JSON.stringify(ses.Resource)).toContain('identity/kinerja@pemkomedan.go.id');
    expect(JSON.stringify(ses.Resource)).toContain('identity/pemkomedan.go.id');
    // Without a sender nobody may send.
    for (const def of functions) expect(allActions(statementsOf(real, def.name))).not.toContain('ses:SendEmail');
  });
});

describe('stateless stack: least privilege', () => {
  const auditTable = tableId(real, 'audit');
  const mainTable = tableId(real, 'main');

  it('the audit writer may only PutItem on the audit table', () => {
    const writers = functions.filter((f) => f.access.audit === 'write');
    expect(writers.map((f) => f.name)).toContain('record-audit');
    for (const def of writers) {
      const onAudit = actionsOn(statementsOf(real, def.name), auditTable);
      expect(onAudit).toEqual(['dynamodb:PutItem']);
    }
  });

  it('no function may update or delete the audit log', () => {
    for (const def of functions) {
      const onAudit = actionsOn(statementsOf(real, def.name), auditTable);
      for (const forbidden of ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:*']) {
        expect(onAudit, def.name).not.toContain(forbidden);
      }
    }
  });

  it('health (and every function without table access) has no table permissions at all', () => {
    expect(allActions(statementsOf(real, 'health')).filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
    for (const def of functions.filter((f) => Object.keys(f.access).length === 0 && f.trigger.kind !== 'stream')) {
      expect(
        allActions(statementsOf(real, def.name)).filter((a) => a.startsWith('dynamodb:')),
        def.name,
      ).toEqual([]);
    }
  });

  it('read-only functions have no write action anywhere', () => {
    const readOnly = functions.filter(
      (f) => Object.keys(f.access).length > 0 && Object.values(f.access).every((a) => a === 'read'),
    );
    expect(readOnly.map((f) => f.name)).toContain('get-me');
    for (const def of readOnly) {
      const actions = allActions(statementsOf(real, def.name));
      expect(actions, def.name).toContain('dynamodb:Query');
      for (const write of WRITE_ACTIONS) expect(actions, def.name).not.toContain(write);
    }
  });

  it('a function only touches the tables it names (a stream consumer may also read the stream it consumes)', () => {
    const streamRead = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'];
    for (const def of functions) {
      const statements = statementsOf(real, def.name);
      for (const [name, id] of [
        ['main', mainTable],
        ['audit', auditTable],
      ] as const) {
        if (def.access[name] !== undefined) continue;
        const consumesStream = def.trigger.kind === 'stream' && def.trigger.table === name;
        expect(actionsOn(statements, id).sort(), `${def.name} on ${name}`).toEqual(consumesStream ? streamRead : []);
      }
    }
  });

  it('grants name the indexes from tableDefs instead of index/*', () => {
    const policies = JSON.stringify(real.statelessTemplate.findResources('AWS::IAM::Policy'));
    expect(policies).not.toContain('index/*');
    const getMe = statementsOf(real, 'get-me');
    for (const index of tableDefs.main.indexes) {
      const onIndex = getMe
        .filter((s) => JSON.stringify(s.Resource).includes(`/index/${index.name}`))
        .flatMap((s) => asList(s.Action));
      expect(onIndex.sort()).toEqual(['dynamodb:Query', 'dynamodb:Scan']);
    }
  });

  it('no role carries an AWS managed policy', () => {
    const roles = Object.values(real.statelessTemplate.findResources('AWS::IAM::Role')) as Json[];
    for (const role of roles) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });
});

describe('stateless stack: HTTP API', () => {
  const t = real.statelessTemplate;
  const resources = t.toJSON().Resources as Record<string, Json>;

  it('one route per http function, wired to its function, with the auth the manifest names', () => {
    const routes = Object.values(t.findResources('AWS::ApiGatewayV2::Route')) as Json[];
    expect(routes).toHaveLength(httpFunctions().length);
    const authorizerId = Object.keys(t.findResources('AWS::ApiGatewayV2::Authorizer'))[0];
    for (const def of httpFunctions()) {
      const { method, path, auth } = def.trigger;
      const route = routes.find((r) => r.Properties.RouteKey === `${method} ${path}`);
      expect(route, `${method} ${path}`).toBeDefined();
      const props = route!.Properties as Json;
      const integrationId = (props.Target['Fn::Join'][1] as Json[])[1]!.Ref as string;
      expect(resources[integrationId]!.Properties.IntegrationUri).toEqual({
        'Fn::GetAtt': [fnId(real, def.name), 'Arn'],
      });
      if (auth === 'public') {
        expect(props.AuthorizationType).toBe('NONE');
        expect(props.AuthorizerId).toBeUndefined();
      } else {
        expect(props.AuthorizationType).toBe('JWT');
        // The API stack's one authorizer: by Ref there, imported by the area stacks.
        expect(JSON.stringify(props.AuthorizerId)).toMatch(new RegExp(`"Ref":"${authorizerId}"|CognitoJwtAuthorizer`));
      }
      if (auth === 'machine')
        expect(props.AuthorizationScopes).toEqual(def.trigger.scopes!.map((s) => `kinerja-api/${s}`));
      else expect(props.AuthorizationScopes).toBeUndefined();
    }
  });

  it('machine routes require their resource-server scopes', () => {
    extended.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'POST /test/transactions',
      AuthorizationType: 'JWT',
      AuthorizationScopes: ['kinerja-api/transactions.write'],
    });
  });

  it('the push requires kinerja-api/transactions.write at the authorizer; directory routes also admit ID tokens', () => {
    const routes = Object.values(t.findResources('AWS::ApiGatewayV2::Route')) as Json[];
    const propsOf = (name: string) => {
      const { method, path } = httpFunctions().find((f) => f.name === name)!.trigger;
      return routes.find((r) => r.Properties.RouteKey === `${method} ${path}`)!.Properties as Json;
    };
    expect(propsOf('push-transactions').AuthorizationScopes).toEqual(['kinerja-api/transactions.write']);
    // People's ID tokens carry no `scope` claim, so authorizer scopes would shut them out: a machine's
    // `directory.read` is checked exactly by the handler (test/integration/api-auth.test.ts).
    for (const name of ['list-units', 'list-unit-employees', 'list-service-types']) {
      expect(httpFunctions().find((f) => f.name === name)!.trigger).toMatchObject({
        auth: 'any',
        scopes: ['directory.read'],
      });
      expect(propsOf(name)).toMatchObject({ AuthorizationType: 'JWT' });
      expect(propsOf(name).AuthorizationScopes).toBeUndefined();
    }
  });

  it('JWT authorizer trusts the user pool issuer and both app clients', () => {
    const poolId = logicalId(real.stateless.auth.userPool);
    t.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [
          { Ref: logicalId(real.stateless.auth.webClient) },
          { Ref: logicalId(real.stateless.auth.machineClient) },
        ],
        Issuer: {
          'Fn::Join': ['', ['https://cognito-idp.ap-southeast-3.', { Ref: 'AWS::URLSuffix' }, '/', { Ref: poolId }]],
        },
      },
    });
  });

  it('default stage throttles and writes JSON access logs', () => {
    const stages = Object.values(t.findResources('AWS::ApiGatewayV2::Stage')) as Json[];
    expect(stages).toHaveLength(1);
    const stage = stages[0]!.Properties as Json;
    expect(stage.StageName).toBe('$default');
    expect(stage.AutoDeploy).toBe(true);
    expect(stage.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(stage.DefaultRouteSettings.ThrottlingBurstLimit).toBeGreaterThan(0);
    const logGroupId = stage.AccessLogSettings.DestinationArn['Fn::GetAtt'][0] as string;
    expect(resources[logGroupId]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 365 } });
    const format = JSON.parse(stage.AccessLogSettings.Format as string) as Json;
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      routeKey: '$context.routeKey',
      status: '$context.status',
      latency: '$context.responseLatency',
      integrationErrorMessage: '$context.integrationErrorMessage',
    });
  });

  it('public routes (the citizen survey) have their own, lower throttle', () => {
    const stage = (Object.values(t.findResources('AWS::ApiGatewayV2::Stage'))[0] as Json).Properties as Json;
    const publicRoutes = httpFunctions().filter((f) => f.trigger.auth === 'public');
    expect(publicRoutes.map((f) => f.name)).toEqual(expect.arrayContaining(['get-survey-page', 'submit-survey']));
    expect(Object.keys(stage.RouteSettings).sort()).toEqual(
      publicRoutes.map((f) => `${f.trigger.method} ${f.trigger.path}`).sort(),
    );
    // The stage waits for those routes (else CloudFormation cannot find the route keys it throttles).
    const stageResource = Object.values(t.findResources('AWS::ApiGatewayV2::Stage'))[0] as Json;
    const routeIds = Object.entries(t.findResources('AWS::ApiGatewayV2::Route'))
      .filter(([, r]) => Object.hasOwn(stage.RouteSettings, (r as Json).Properties.RouteKey))
      .map(([id]) => id);
    expect(routeIds).toHaveLength(publicRoutes.length);
    expect(stageResource.DependsOn).toEqual(expect.arrayContaining(routeIds));
    for (const settings of Object.values(stage.RouteSettings) as Json[]) {
      expect(settings.ThrottlingRateLimit).toBeGreaterThan(0);
      expect(settings.ThrottlingRateLimit).toBeLessThan(stage.DefaultRouteSettings.ThrottlingRateLimit);
    }
  });

  it('CORS only when allowedOrigins is given', () => {
    expect(
      (Object.values(t.findResources('AWS::ApiGatewayV2::Api'))[0] as Json).Properties.CorsConfiguration,
    ).toBeUndefined();
    extended.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: ['https://kinerja.example.go.id'],
        AllowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        AllowHeaders: ['authorization', 'content-type', 'idempotency-key', 'accept-language', 'x-correlation-id'],
        ExposeHeaders: ['x-correlation-id', 'idempotent-replay', 'content-disposition'],
        AllowCredentials: false,
        MaxAge: 3600,
      },
    });
  });

  it('outputs the API URL, user pool, clients, token endpoint', () => {
    for (const name of [
      'ApiUrl',
      'UserPoolId',
      'IssuerUrl',
      'WebClientId',
      'MachineClientId',
      'AuthDomain',
      'TokenEndpoint',
    ]) {
      t.hasOutput(name, {});
    }
    for (const name of ['MainTableName', 'AuditTableName']) real.statefulTemplate.hasOutput(name, {});
  });
});

describe('stateless stack: Cognito', () => {
  const t = real.statelessTemplate;

  it('admin-provisioned pool: email sign-in, strong passwords, optional TOTP, org and nip attributes', () => {
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'org', AttributeDataType: 'String', Mutable: false }),
        Match.objectLike({ Name: 'nip', AttributeDataType: 'String' }),
      ]),
    });
  });

  it('groups, resource server scopes from the manifest, web and machine clients', () => {
    for (const group of ['admin_bkpsdm', 'admin_opd', 'auditor']) {
      t.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
    }
    t.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'kinerja-api',
      Scopes: Object.entries(apiScopes).map(([ScopeName, ScopeDescription]) => ({ ScopeName, ScopeDescription })),
    });
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'web',
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      // org and nip are authorisation claims: users must not be able to rewrite them.
      WriteAttributes: ['name'],
    });
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'machine',
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: Object.keys(apiScopes).map((scope) => ({
        'Fn::Join': ['', [{ Ref: Match.anyValue() }, `/${scope}`]],
      })),
    });
    t.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });
});

describe('stateless stack: stream consumers', () => {
  it('each stream function has a filtered, bisecting, partial-failure mapping with an encrypted SQS on-failure queue', () => {
    const t = real.statelessTemplate;
    expect(streamFunctions().length).toBeGreaterThan(0);
    t.resourceCountIs('AWS::Lambda::EventSourceMapping', streamFunctions().length + queueFunctions().length);
    for (const def of streamFunctions()) {
      const mapping = Object.values(
        t.findResources('AWS::Lambda::EventSourceMapping', {
          Properties: { FunctionName: { Ref: fnId(real, def.name) } },
        }),
      )[0] as Json;
      expect(mapping).toBeDefined();
      const props = mapping.Properties as Json;
      expect(props).toMatchObject({
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: def.trigger.batchSize,
        MaximumRetryAttempts: def.trigger.maxRetries,
        MaximumRecordAgeInSeconds: def.trigger.maxRecordAgeSeconds ?? STREAM_RECORD_MAX_AGE_SECONDS,
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        FilterCriteria: { Filters: def.trigger.filters.map((f) => ({ Pattern: JSON.stringify(f) })) },
      });
      // Bounded: no consumer retries for ever or holds its shard until the stream's 24 h retention.
      expect(props.MaximumRetryAttempts, def.name).toBeGreaterThanOrEqual(1);
      expect(props.MaximumRetryAttempts, def.name).toBeLessThanOrEqual(20);
      expect(props.MaximumRecordAgeInSeconds, def.name).toBeGreaterThanOrEqual(60);
      expect(props.MaximumRecordAgeInSeconds, def.name).toBeLessThan(24 * 3600);
      expect(JSON.stringify(props.EventSourceArn)).toContain(tableId(real, def.trigger.table));
      const queueId = props.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0] as string;
      expect(t.toJSON().Resources[queueId]).toMatchObject({
        Type: 'AWS::SQS::Queue',
        Properties: { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 },
      });
      t.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queueId }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });
});

describe('workers stack: queues', () => {
  it('scoring tasks have their own encrypted queue, a DLQ and an event source with its own concurrency', () => {
    const t = real.workersTemplate;
    const consumers = queueFunctions();
    expect(consumers.map((f) => f.name)).toEqual(['run-scoring-task', 'run-fairness-task']);
    for (const def of consumers) {
      const timeout = def.timeoutSeconds ?? 10;
      const queues = t.findResources('AWS::SQS::Queue', {
        Properties: { QueueName: `kinerja-asn-${def.trigger.queue}` },
      });
      const [queueId, queue] = Object.entries(queues)[0] as [string, Json];
      expect(queue.Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        VisibilityTimeout: 6 * timeout,
        RedrivePolicy: { maxReceiveCount: def.trigger.maxReceiveCount },
      });
      const dlq = def.name.replace(/(^|-)([a-z])/g, (_, _d, c: string) => c.toUpperCase());
      expect(queue.Properties.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0]).toMatch(new RegExp(`^${dlq}Dlq`));
      t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: fnId(real, def.name) },
        EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
        BatchSize: def.trigger.batchSize,
        ScalingConfig: { MaximumConcurrency: def.trigger.maxConcurrency },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    }
  });

  it('only the functions that declare a queue may send to it, and know its URL', () => {
    const senders = (queue: QueueName) =>
      functions
        .filter((f) => f.sends?.includes(queue))
        .map((f) => f.name)
        .sort();
    expect(senders('scoring-tasks')).toEqual([
      'run-scoring-task',
      'schedule-scoring',
      'set-unit-predikat',
      'start-scoring-run',
    ]);
    expect(senders('fairness-tasks')).toEqual(['schedule-fairness', 'start-fairness-run']);
    const t = real.statelessTemplate.toJSON();
    for (const queue of ['scoring-tasks', 'fairness-tasks'] as const) {
      for (const def of functions) {
        const statements = Object.values(t.Resources as Record<string, Json>)
          .filter((r) => r.Type === 'AWS::IAM::Policy')
          .filter((r) => JSON.stringify(r.Properties.Roles).includes(roleId(real, def.name)))
          .flatMap((r) => r.Properties.PolicyDocument.Statement as Json[]);
        // (A stream consumer's role may also send to its own on-failure queue: that is the event source's grant.)
        const sends = statements.some(
          (st) =>
            JSON.stringify(st.Action).includes('sqs:SendMessage') &&
            JSON.stringify(st.Resource).includes(`kinerja-asn-${queue}`),
        );
        expect(sends, `${def.name} → ${queue}`).toBe(senders(queue).includes(def.name));
        const env = (t.Resources[fnId(real, def.name)] as Json).Properties.Environment?.Variables ?? {};
        expect(queueEnvVars[queue] in env, `${def.name} → ${queue}`).toBe(senders(queue).includes(def.name));
      }
    }
  });
});

describe('stateless stack: schedules', () => {
  it('a scheduled function gets an EventBridge Scheduler schedule in Asia/Jakarta with retries and a DLQ', () => {
    const t = extended.statelessTemplate;
    // The manifest's own schedule: the daily scoring.
    expect(
      Object.keys(real.statelessTemplate.findResources('AWS::Scheduler::Schedule'))
        .map((id) => id.replace(/Schedule[0-9A-F]{8}$/, ''))
        .sort(),
    ).toEqual(['ScheduleFairness', 'ScheduleScoring', 'SendAdoptionDigest', 'SendVerificationDigest']);
    const queues = t.findResources('AWS::SQS::Queue');
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 1 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Jakarta',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [fnId(extended, 'test-schedule'), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TestScheduleDlq'), 'Arn'] } },
      }),
    });
    expect(Object.keys(queues).some((id) => id.startsWith('TestScheduleDlq'))).toBe(true);
  });
});

describe('cdk-nag AwsSolutions', () => {
  for (const [label, b] of [
    ['manifest', real],
    ['manifest + schedule + machine route', extended],
  ] as const) {
    it(`${label}: no unacknowledged errors or warnings`, () => {
      const findings = nagFindings(b);
      expect(findings.errors).toEqual([]);
      expect(findings.warnings).toEqual([]);
      for (const stack of [b.stateful, b.stateless]) {
        expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
        expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
      }
    });
  }

  it('every acknowledgement is a known AwsSolutions rule with a concrete reason', () => {
    const acks = acknowledgements(real);
    for (const ack of acks) {
      expect(ack.id, ack.path).toMatch(/AwsSolutions-/);
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThan(40);
    }
    // Widening the acknowledged set is a review decision: update this list on purpose.
    const ids = [...new Set(acks.map((a) => a.id.replace(/^[\w-]+::(?=AwsSolutions-)/, '')))].sort();
    // A schedule's role may invoke the versions of its own function (checked in the next test).
    const scheduled = functions
      .filter((f) => f.trigger.kind === 'schedule')
      .map((f) => `AwsSolutions-IAM5[Resource::<${fnId(real, f.name)}.Arn>:*]`);
    // The web app's (CloudFront, its bucket, the CDK bucket deployment) are checked in web.test.ts.
    const isWeb = (a: { path: string }) => a.path.includes('/Web/') || a.path.includes('CDKBucketDeployment');
    const notWeb = new Set(acks.filter((a) => !isWeb(a)).map((a) => a.id.replace(/^[\w-]+::(?=AwsSolutions-)/, '')));
    expect(ids.filter((id) => !scheduled.includes(id) && notWeb.has(id))).toEqual([
      'AwsSolutions-APIG4',
      'AwsSolutions-COG2',
      'AwsSolutions-COG8',
      // AWS Backup's service-role policy on the backup selections' role (infra/stacks/backup.ts).
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      'AwsSolutions-IAM5[Resource::*]',
      // Each organisation's survey key secret, by name prefix, read-only (infra/stacks/service-function.ts).
      'AwsSolutions-IAM5[Resource::arn:aws:secretsmanager:ap-southeast-3:<AWS::AccountId>:secret:kinerja-asn/survey-keys/*]',
      'AwsSolutions-SMG4',
      // The alarm topic: CloudWatch cannot publish under the AWS managed SNS key (infra/stacks/monitoring.ts).
      'AwsSolutions-SNS2',
      'AwsSolutions-SQS3',
    ]);
    expect(ids.filter((id) => scheduled.includes(id)).sort()).toEqual([...scheduled].sort());
    // APIG4 (no authorizer) only on the public routes.
    const apig4 = acks.filter((a) => a.id.endsWith('AwsSolutions-APIG4'));
    expect(apig4).toHaveLength(httpFunctions().filter((f) => f.trigger.auth === 'public').length);
  });

  it("a schedule's role acknowledges the version wildcard of its own function only", () => {
    const extra = acknowledgements(extended).filter((a) => !acknowledgements(real).some((r) => r.id === a.id));
    expect(extra.map((a) => a.id.replace(/^[\w-]+::(?=AwsSolutions-)/, ''))).toEqual([
      `AwsSolutions-IAM5[Resource::<${fnId(extended, 'test-schedule')}.Arn>:*]`,
    ]);
  });
});

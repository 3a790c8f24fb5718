import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, Stack, type StackProps, TimeZone, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { type CfnStage, CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type CfnFunction, FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { FunctionDef, HttpTrigger, ScheduleTrigger, SecretName, StreamTrigger, TableName } from '../manifest.ts';
import { Auth, scopeString } from './auth.ts';
import { contextList, contextNumber, pascalCase } from './helpers.ts';
import { ServiceFunction } from './service-function.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Default throttling of every route on the stage (requests/s and burst); context apiRateLimit / apiBurstLimit. */
const DEFAULT_RATE_LIMIT = 50;
const DEFAULT_BURST_LIMIT = 100;
/** Public routes (the citizen survey) get their own, lower limit; context publicRateLimit / publicBurstLimit. */
const DEFAULT_PUBLIC_RATE_LIMIT = 20;
const DEFAULT_PUBLIC_BURST_LIMIT = 40;

export interface StatelessStackProps extends StackProps {
  /** Tables from the stateful stack; the stream consumers need their stream ARNs. */
  tables: Record<TableName, ITable>;
  /** Secrets from the stateful stack, granted to the functions that name them. */
  secrets: Record<SecretName, ISecret>;
  /** Normally the manifest; tests pass their own list. */
  functions: FunctionDef[];
}

/** Everything that can be redeployed at will: functions, their triggers, the API and the identity layer. */
export class StatelessStack extends Stack {
  readonly auth: Auth;
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly functions: Record<string, ServiceFunction> = {};

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { tables } = props;

    const names = props.functions.map((f) => f.name);
    const duplicate = names.find((name, i) => names.indexOf(name) !== i);
    if (duplicate) throw new Error(`Function '${duplicate}' is declared twice in the manifest.`);

    this.auth = new Auth(this, 'Auth');
    const authorizer = new HttpJwtAuthorizer('CognitoJwt', this.auth.issuerUrl, {
      jwtAudience: [this.auth.webClient.userPoolClientId, this.auth.machineClient.userPoolClientId],
    });

    const httpDefs = props.functions.filter((f): f is FunctionDef & { trigger: HttpTrigger } => f.trigger.kind === 'http');
    const allowOrigins = contextList(this, 'allowedOrigins');
    const methods = [...new Set(httpDefs.map((f) => f.trigger.method))];
    this.api = new HttpApi(this, 'Api', {
      apiName: 'kinerja-asn',
      description: 'Kinerja ASN API',
      // The stage below is created explicitly so that it can carry throttling and access logs.
      createDefaultStage: false,
      ...(allowOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins,
              allowMethods: [...methods.map((m) => CorsHttpMethod[m]), CorsHttpMethod.OPTIONS],
              allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
              // Bearer tokens, not cookies.
              allowCredentials: false,
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_YEAR });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      autoDeploy: true,
      throttle: {
        rateLimit: contextNumber(this, 'apiRateLimit', DEFAULT_RATE_LIMIT),
        burstLimit: contextNumber(this, 'apiBurstLimit', DEFAULT_BURST_LIMIT),
      },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationErrorMessage: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            responseLength: '$context.responseLength',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });

    // Route-level throttling for public routes: nobody without a token can use up the whole stage's budget.
    const publicRoutes = httpDefs.filter((f) => f.trigger.auth === 'public');
    (this.stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      publicRoutes.map((f) => [
        `${f.trigger.method} ${f.trigger.path}`,
        // A JSON property: CloudFormation's own (capitalised) names.
        { ThrottlingRateLimit: contextNumber(this, 'publicRateLimit', DEFAULT_PUBLIC_RATE_LIMIT), ThrottlingBurstLimit: contextNumber(this, 'publicBurstLimit', DEFAULT_PUBLIC_BURST_LIMIT) },
      ]),
    );

    // Survey links carry this address when the API sits behind a custom domain (context publicBaseUrl).
    const publicBaseUrl = this.node.tryGetContext('publicBaseUrl') as string | undefined;
    // One log group per area (functions/<area>/): a group per function would cost a resource each, and a stack
    // holds at most 500. One year: performance records of civil servants are subject to government audit; log
    // groups are retained on stack deletion by default, which is what an audit trail wants. Powertools logs name
    // the function in every line.
    const logGroups = new Map<string, LogGroup>();
    const logGroupOf = (def: FunctionDef) => {
      const area = def.entry.split('/')[1] ?? 'other';
      if (!logGroups.has(area)) logGroups.set(area, new LogGroup(this, `${pascalCase(area)}Logs`, { retention: RetentionDays.ONE_YEAR }));
      return logGroups.get(area)!;
    };
    for (const def of props.functions) {
      const fn = new ServiceFunction(this, pascalCase(def.name), { def, tables, secrets: props.secrets, publicBaseUrl, logGroup: logGroupOf(def), repoRoot: REPO_ROOT });
      this.functions[def.name] = fn;
      const trigger = def.trigger;
      if (trigger.kind === 'http') this.addRoute(def, trigger, fn, authorizer);
      else if (trigger.kind === 'stream') this.addStreamSource(def, trigger, fn, tables);
      else this.addSchedule(def, trigger, fn);
    }

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'IssuerUrl', { value: this.auth.issuerUrl });
    new CfnOutput(this, 'WebClientId', { value: this.auth.webClient.userPoolClientId });
    new CfnOutput(this, 'MachineClientId', { value: this.auth.machineClient.userPoolClientId });
    new CfnOutput(this, 'AuthDomain', { value: this.auth.domain.baseUrl() });
    new CfnOutput(this, 'TokenEndpoint', { value: `${this.auth.domain.baseUrl()}/oauth2/token` });
  }

  private addRoute(def: FunctionDef, trigger: HttpTrigger, fn: ServiceFunction, authorizer: HttpJwtAuthorizer): void {
    const integration = new HttpLambdaIntegration(`${pascalCase(def.name)}Integration`, fn.fn);
    const base = { path: trigger.path, methods: [HttpMethod[trigger.method]], integration };
    if (trigger.auth === 'public') {
      for (const route of this.api.addRoutes(base)) {
        // The stage's route settings name this route: CloudFormation must create the route first.
        this.stage.node.addDependency(route);
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${trigger.method} ${trigger.path} is public by design (manifest auth 'public': health check, API documentation, or the citizen survey whose signed link is its authorisation); throttled per route.`,
        });
      }
      return;
    }
    // user and any: ID tokens carry no scopes, so the handler checks groups; machine: the scope is enforced here.
    const scopes = trigger.auth === 'machine' ? (trigger.scopes ?? []).map(scopeString) : [];
    if (trigger.auth === 'machine' && scopes.length === 0) {
      throw new Error(`Machine route '${def.name}' must name at least one scope.`);
    }
    this.api.addRoutes({ ...base, authorizer, ...(scopes.length > 0 ? { authorizationScopes: scopes } : {}) });
  }

  private addStreamSource(def: FunctionDef, trigger: StreamTrigger, fn: ServiceFunction, tables: Record<TableName, ITable>): void {
    const onFailure = this.deadLetterQueue(`${pascalCase(def.name)}Dlq`, `stream batches that ${def.name} failed after retries`);
    fn.fn.addEventSource(
      new DynamoEventSource(tables[trigger.table], {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: trigger.batchSize,
        retryAttempts: trigger.maxRetries,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        filters: trigger.filters.map((pattern) => FilterCriteria.filter(pattern)),
        onFailure: new SqsDlq(onFailure),
      }),
    );
  }

  private addSchedule(def: FunctionDef, trigger: ScheduleTrigger, fn: ServiceFunction): void {
    const deadLetterQueue = this.deadLetterQueue(`${pascalCase(def.name)}Dlq`, `invocations of ${def.name} that failed after retries`);
    // A role per schedule, rather than the stack-wide role LambdaInvoke would share between all targets.
    const role = new Role(this, `${pascalCase(def.name)}SchedulerRole`, {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
      description: `kinerja-asn schedule ${def.name}`,
    });
    new Schedule(this, `${pascalCase(def.name)}Schedule`, {
      description: trigger.description,
      // The manifest gives the six-field body; Scheduler evaluates it in Jakarta time, as the local clock does.
      schedule: ScheduleExpression.expression(`cron(${trigger.cron})`, TimeZone.ASIA_JAKARTA),
      // Scheduler's defaults (185 retries over 24 h, no DLQ) would hide a broken scoring job for a day.
      target: new LambdaInvoke(fn.fn, { role, retryAttempts: 3, maxEventAge: Duration.hours(1), deadLetterQueue }),
    });
    const fnLogicalId = this.getLogicalId(fn.fn.node.defaultChild as CfnFunction);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${fnLogicalId}.Arn>:*]`,
      reason: `grantInvoke also covers the versions and aliases (arn:*) of ${def.name}; the role can invoke that one function only.`,
    });
  }

  private deadLetterQueue(id: string, holds: string): Queue {
    const queue = new Queue(this, id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is itself a dead-letter destination (it holds ${holds}); a DLQ of a DLQ would only move the problem.`,
    });
    return queue;
  }
}

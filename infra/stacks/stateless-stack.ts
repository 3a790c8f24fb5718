import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  ApiMapping,
  type CfnStage,
  CorsHttpMethod,
  DomainName,
  HttpApi,
  HttpAuthorizer,
  HttpAuthorizerType,
  HttpStage,
  LogGroupLogDestination,
  SecurityPolicy,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { cors } from '../../shared/platform/cors.ts';
import type { FunctionDef, HttpTrigger, SecretName, TableName } from '../../shared/platform/manifest.ts';
import { Auth } from './auth.ts';
import { customDomain } from './go-live.ts';
import { contextList, contextNumber } from './helpers.ts';
import { addRoute, SharedJwtAuthorizer } from './routes.ts';
import { buildFunctions, type ServiceFunction } from './service-function.ts';

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

/** Everything behind the API that can be redeployed at will: the identity layer, the HTTP API and its functions. */
export class StatelessStack extends Stack {
  readonly auth: Auth;
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly authorizer: HttpAuthorizer;
  readonly functions: Record<string, ServiceFunction> = {};

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { tables } = props;

    this.auth = new Auth(this, 'Auth');

    const httpDefs = props.functions.filter(
      (f): f is FunctionDef & { trigger: HttpTrigger } => f.trigger.kind === 'http',
    );
    const allowOrigins = contextList(this, 'allowedOrigins');
    this.api = new HttpApi(this, 'Api', {
      apiName: 'kinerja-asn',
      description: 'Kinerja ASN API',
      // The stage below is created explicitly so that it can carry throttling and access logs.
      createDefaultStage: false,
      ...(allowOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins,
              allowMethods: cors.allowMethods.map((m) => CorsHttpMethod[m]),
              allowHeaders: [...cors.allowHeaders],
              exposeHeaders: [...cors.exposeHeaders],
              // Bearer tokens, not cookies.
              allowCredentials: false,
              maxAge: Duration.seconds(cors.maxAgeSeconds),
            },
          }
        : {}),
    });

    // One JWT authorizer, owned here; routes of the area stacks use it by id.
    this.authorizer = new HttpAuthorizer(this, 'CognitoJwtAuthorizer', {
      httpApi: this.api,
      type: HttpAuthorizerType.JWT,
      identitySource: ['$request.header.Authorization'],
      jwtIssuer: this.auth.issuerUrl,
      jwtAudience: [this.auth.webClient.userPoolClientId, this.auth.machineClient.userPoolClientId],
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

    // -c apiDomainName with -c apiCertificateArn (a certificate in the API's region): agency systems call the API
    // at the city's own address, which outlives any rebuild of the API.
    const domain = customDomain(this, 'api', this.region);
    if (domain) {
      const domainName = new DomainName(this, 'ApiDomain', {
        domainName: domain.name,
        certificate: Certificate.fromCertificateArn(this, 'ApiCertificate', domain.certificateArn),
        securityPolicy: SecurityPolicy.TLS_1_2,
      });
      new ApiMapping(this, 'ApiDomainMapping', { api: this.api, domainName, stage: this.stage });
      new CfnOutput(this, 'ApiDomainTarget', {
        description: `DNS: ${domain.name} CNAME (or alias) to this name`,
        value: domainName.regionalDomainName,
      });
    }

    // Route-level throttling for public routes: nobody without a token can use up the whole stage's budget.
    const publicRoutes = httpDefs.filter((f) => f.trigger.auth === 'public');
    (this.stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      publicRoutes.map((f) => [
        `${f.trigger.method} ${f.trigger.path}`,
        // A JSON property: CloudFormation's own (capitalised) names.
        {
          ThrottlingRateLimit: contextNumber(this, 'publicRateLimit', DEFAULT_PUBLIC_RATE_LIMIT),
          ThrottlingBurstLimit: contextNumber(this, 'publicBurstLimit', DEFAULT_PUBLIC_BURST_LIMIT),
        },
      ]),
    );

    const nonHttp = props.functions.filter((f) => f.trigger.kind !== 'http');
    if (nonHttp.length)
      throw new Error(
        `The API stack takes HTTP functions only; ${nonHttp.map((f) => f.name).join(', ')} belong to the workers stack.`,
      );
    Object.assign(
      this.functions,
      buildFunctions(this, props.functions, {
        tables,
        secrets: props.secrets,
        repoRoot: REPO_ROOT,
        tokenUrl: `${this.auth.domain.baseUrl()}/oauth2/token`,
      }),
    );
    const authorizer = new SharedJwtAuthorizer(this.authorizer.authorizerId);
    for (const def of httpDefs) {
      const route = addRoute(this, this.api, def, this.functions[def.name]!, authorizer);
      // The stage's route settings name the public routes: CloudFormation must create them first.
      if (def.trigger.auth === 'public') this.stage.node.addDependency(route);
    }

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'IssuerUrl', { value: this.auth.issuerUrl });
    new CfnOutput(this, 'WebClientId', { value: this.auth.webClient.userPoolClientId });
    new CfnOutput(this, 'MachineClientId', { value: this.auth.machineClient.userPoolClientId });
    new CfnOutput(this, 'AuthDomain', { value: this.auth.domain.baseUrl() });
    new CfnOutput(this, 'TokenEndpoint', { value: `${this.auth.domain.baseUrl()}/oauth2/token` });
  }
}

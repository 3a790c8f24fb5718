/**
 * The web app in the cloud: web/dist in a private S3 bucket behind CloudFront (origin access control), and the
 * HTTP API behind the same distribution, so the app calls its API on its own origin as it does locally
 * (`connect-src 'self'`, no CORS). `/app/*` serves the app with an SPA fallback, everything else goes to the API.
 * The app reads its settings from /app/config.json, written here at deploy time, never built into the bundle.
 *
 * It lives in the API's stack: the web client's callback URLs name the distribution, the distribution names the
 * API and the Cognito domain; in one stack that is no cycle, across two stacks it would be.
 */
import { CfnOutput, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { CfnUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { Auth } from './auth.ts';
import { customDomain } from './go-live.ts';
import { contextList } from './helpers.ts';

export interface WebAppProps {
  api: HttpApi;
  auth: Auth;
  /** The built app (web/dist). */
  content: string;
}

/**
 * Viewer request: `/` goes to the app; under /app/, a path that names no file (no dot in its last segment) is one
 * of the app's routes and gets index.html.
 */
const ROUTER = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/' || uri === '/app') {
    return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '/app/' } } };
  }
  if (uri.startsWith('/app/') && uri.lastIndexOf('.') < uri.lastIndexOf('/')) request.uri = '/app/index.html';
  return request;
}`;

/**
 * Which built files go where (CDK's glob excludes, tested in test/infra/web.test.ts): hashed files under assets/
 * are immutable; every other file keeps its name from build to build (index.html, the service worker sw.js and
 * registerSW.js, manifest.webmanifest, icons) and must be revalidated. config.json is written here, not copied.
 */
export const HASHED_ONLY = ['*', '!assets', '!assets/*'];
export const FIXED_NAMES = ['assets', 'config.json'];

export class WebApp extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** https://<distribution domain>: the app at /app/, the API beside it. */
  readonly url: string;
  /** What /app/config.json says (tokens resolved at deploy time). */
  readonly config: { apiUrl: string; auth: Record<string, string> };

  constructor(scope: Construct, id: string, props: WebAppProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { auth } = props;

    this.bucket = new Bucket(this, 'Content', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: false,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Holds only the public build of the web app, written by the deployment; every read goes through CloudFront, and the API behind it keeps its own access logs.',
    });

    const router = new CloudFrontFunction(this, 'Router', {
      code: FunctionCode.fromInline(ROUTER),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'kinerja-asn: / to /app/, SPA fallback under /app/',
    });
    const onViewerRequest = [{ function: router, eventType: FunctionEventType.VIEWER_REQUEST }];

    const cognitoHosts = `${auth.domain.baseUrl()} https://cognito-idp.${stack.region}.${stack.urlSuffix}`;
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'kinerja-asn web app: CSP, HSTS, nosniff, no framing',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            `connect-src 'self' ${cognitoHosts}`,
            "img-src 'self' data:",
            "font-src 'self'",
            "manifest-src 'self'",
            "worker-src 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            `form-action 'self' ${auth.domain.baseUrl()}`,
            "object-src 'none'",
          ].join('; '),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });

    const content = S3BucketOrigin.withOriginAccessControl(this.bucket);
    // Files with fixed names (index.html, config.json, sw.js, the manifest) say no-cache (set on the objects
    // below); CloudFront then revalidates each time, and a new build reaches phones at their next visit.
    const revalidate = new CachePolicy(this, 'Revalidate', {
      comment: 'kinerja-asn web app: honour the objects Cache-Control (no-cache pages)',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.days(365),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const api = new HttpOrigin(`${props.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`);
    // -c webDomainName with -c webCertificateArn (CloudFront reads certificates from us-east-1 only).
    const domain = customDomain(this, 'web', 'us-east-1');
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'kinerja-asn: web app (/app/*) and API',
      ...(domain
        ? {
            domainNames: [domain.name],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', domain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultBehavior: {
        origin: api,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        functionAssociations: onViewerRequest,
      },
      additionalBehaviors: {
        '/app/assets/*': {
          origin: content,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: headers,
        },
        '/app/*': {
          origin: content,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: revalidate,
          responseHeadersPolicy: headers,
          functionAssociations: onViewerRequest,
        },
      },
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: civil servants travel and work abroad (study, assignments); access is controlled by sign-in, not by country.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF yet: the API behind it throttles per route and authorises every call with Cognito JWTs; a web ACL is planned with the custom domain.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'The API stage writes an access log of every API call; the static app files carry no personal data, so their request logs are not kept.',
      },
    );
    if (!domain)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'The default *.cloudfront.net certificate fixes the minimum TLS policy; with -c webDomainName the distribution takes the agency certificate with TLSv1.2_2021.',
      });
    this.url = `https://${domain?.name ?? this.distribution.distributionDomainName}`;
    if (domain)
      new CfnOutput(stack, 'WebDomainTarget', {
        description: `DNS: ${domain.name} CNAME (or alias) to this name`,
        value: this.distribution.distributionDomainName,
      });

    // Sign-in comes back to the app on this distribution, unless deploy context names other addresses.
    const callbackUrls = contextList(this, 'webCallbackUrls');
    const logoutUrls = contextList(this, 'webLogoutUrls');
    const redirectUri = callbackUrls[0] ?? `${this.url}/app/auth/callback`;
    const postLogoutRedirectUri = logoutUrls[0] ?? `${this.url}/app/`;
    const client = auth.webClient.node.defaultChild as CfnUserPoolClient;
    if (callbackUrls.length === 0) client.callbackUrLs = [redirectUri];
    if (logoutUrls.length === 0) client.logoutUrLs = [postLogoutRedirectUri];

    // The deployment's own role: inline log permissions instead of the AWS managed basic execution policy.
    const role = new Role(this, 'DeployRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [`arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:/aws/lambda/*`],
      }),
    );
    const config = (this.config = {
      apiUrl: this.url,
      auth: {
        kind: 'cognito',
        authority: auth.issuerUrl,
        clientId: auth.webClient.userPoolClientId,
        domain: auth.domain.baseUrl(),
        redirectUri,
        postLogoutRedirectUri,
        scope: 'openid email profile',
      },
    });
    // Hashed assets first (kept across deploys for pages still open), then the files that name them.
    const assets = new BucketDeployment(this, 'Assets', {
      sources: [Source.asset(props.content, { exclude: HASHED_ONLY })],
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'app/',
      prune: false,
      role,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
    });
    const pages = new BucketDeployment(this, 'Pages', {
      sources: [Source.asset(props.content, { exclude: FIXED_NAMES }), Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'app/',
      prune: false,
      role,
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/app/*'],
    });
    pages.node.addDependency(assets);
    // The deployment's function is CDK's own (one per stack, its runtime chosen by CDK).
    const deployFunction = stack.node.findAll().find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (deployFunction)
      Validations.of(deployFunction).acknowledge({
        id: 'AwsSolutions-L1',
        reason:
          'The CDK bucket deployment function runs only at deploy time, on the Python runtime aws-cdk-lib pins for it; it moves with aws-cdk-lib upgrades.',
      });
    // cdk-nag names each wildcard separately; all of them are the bucket deployment's own grants.
    const reason =
      'The CDK bucket deployment copies the build from the CDK asset bucket into this bucket (object and action wildcards of those two buckets, as its grants are written) invalidates the distribution (CloudFront invalidation actions take no narrower resource than *), and logs to its own log group.';
    Validations.of(role).acknowledge(
      ...[
        // cloudfront:CreateInvalidation and GetInvalidation, which take no resource narrower than *.
        'Resource::*',
        'Action::s3:GetBucket*',
        'Action::s3:GetObject*',
        'Action::s3:List*',
        'Action::s3:Abort*',
        'Action::s3:DeleteObject*',
        `Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as CfnBucket)}.Arn>/*`,
        `Resource::arn:aws:logs:${stack.region}:<AWS::AccountId>:log-group:/aws/lambda/*`,
        `Resource::arn:aws:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${stack.region}/*`,
      ].map((finding) => ({ id: `AwsSolutions-IAM5[${finding}]`, reason })),
    );
  }
}

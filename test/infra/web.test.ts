/**
 * The web app's cloud side, synthesised from the real manifest with bundling skipped (web/dist replaced by a
 * one-page stand-in): private bucket, CloudFront with OAC, the router function, headers, cache rules, config.json.
 */
import { resolve } from 'node:path';
import { IgnoreStrategy, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { FIXED_NAMES, HASHED_ONLY } from '../../infra/stacks/web-app.ts';

type Json = Record<string, any>;

function build(context: Record<string, unknown> = {}) {
  const built = buildApp({
    bundling: false,
    context: { ...context, '@aws-cdk/core:failSynthOnValidationErrors': false },
  });
  return { ...built, template: Template.fromStack(built.stateless) };
}

const { app, template, web, stateless } = build();
const only = (type: string): Json => {
  const found = Object.values(template.findResources(type)) as Json[];
  expect(found, type).toHaveLength(1);
  return found[0]!;
};

describe('web app: bucket and distribution', () => {
  it('keeps the content in a private, encrypted, SSL-only bucket read through origin access control', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
    const policy = JSON.stringify(only('AWS::S3::BucketPolicy'));
    expect(policy).toContain('aws:SecureTransport');
    expect(policy).toContain('cloudfront.amazonaws.com');
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
  });

  it('serves /app/* from the bucket with the router, and everything else from the API, uncached', () => {
    const config = only('AWS::CloudFront::Distribution').Properties.DistributionConfig;
    const byPath = Object.fromEntries(config.CacheBehaviors.map((b: Json) => [b.PathPattern, b]));
    expect(Object.keys(byPath).sort()).toEqual(['/app/*', '/app/assets/*']);
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.DefaultCacheBehavior.AllowedMethods).toContain('POST');
    // CachingDisabled for the API; CachingOptimized for hashed assets.
    expect(config.DefaultCacheBehavior.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(byPath['/app/assets/*'].CachePolicyId).toBe('658327ea-f89d-4fab-a63d-7e88639e58f6');
    expect(byPath['/app/*'].FunctionAssociations).toHaveLength(1);
    expect(JSON.stringify(config.Origins)).toContain('execute-api');
  });

  it('routes / to /app/ and app routes to index.html, files untouched', () => {
    const code: string = only('AWS::CloudFront::Function').Properties.FunctionCode;
    const handler = new Function(`${code}; return handler;`)() as (e: Json) => Json;
    const run = (uri: string) => handler({ request: { uri } });
    expect(run('/')).toMatchObject({ statusCode: 302, headers: { location: { value: '/app/' } } });
    expect(run('/app/aktivitas').uri).toBe('/app/index.html');
    expect(run('/app/auth/callback').uri).toBe('/app/index.html');
    expect(run('/app/assets/index-abc.js').uri).toBe('/app/assets/index-abc.js');
    expect(run('/app/config.json').uri).toBe('/app/config.json');
    expect(run('/employees/me').uri).toBe('/employees/me');
  });

  it('sends a strict CSP, HSTS, nosniff, DENY framing and a referrer policy', () => {
    const security = only('AWS::CloudFront::ResponseHeadersPolicy').Properties.ResponseHeadersPolicyConfig
      .SecurityHeadersConfig;
    const csp = JSON.stringify(security.ContentSecurityPolicy.ContentSecurityPolicy);
    for (const directive of [
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self' ",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
      "manifest-src 'self'",
      "worker-src 'self'",
    ])
      expect(csp).toContain(directive);
    expect(csp).toContain('cognito-idp.');
    expect(security.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31536000);
    expect(security.ContentTypeOptions.Override).toBe(true);
    expect(security.FrameOptions.FrameOption).toBe('DENY');
    expect(security.ReferrerPolicy.ReferrerPolicy).toBe('strict-origin-when-cross-origin');
  });

  it('deploys assets immutable and index.html with a runtime config.json, no-cache', () => {
    const deployments = Object.values(template.findResources('Custom::CDKBucketDeployment')) as Json[];
    expect(deployments).toHaveLength(2);
    const pages = deployments.find((d) => d.Properties.DistributionId);
    const assets = deployments.find((d) => !d.Properties.DistributionId);
    expect(assets!.Properties.SystemMetadata['cache-control']).toContain('immutable');
    expect(pages!.Properties.SystemMetadata['cache-control']).toBe('no-cache');
    expect(pages!.Properties.DestinationBucketKeyPrefix).toBe('app/');
    const config = stateless.resolve(web.config);
    expect(config).toMatchObject({ auth: { kind: 'cognito', scope: 'openid email profile' } });
    expect(JSON.stringify(config.apiUrl)).toContain('DomainName');
    expect(JSON.stringify(config.auth.redirectUri)).toContain('/app/auth/callback');
    for (const key of ['authority', 'clientId', 'domain', 'postLogoutRedirectUri'])
      expect(config.auth[key]).toBeDefined();
  });

  it.each([
    ['assets/index-abc123.js', 'immutable'],
    ['assets/index-abc123.css', 'immutable'],
    ['index.html', 'no-cache'],
    ['sw.js', 'no-cache'],
    ['registerSW.js', 'no-cache'],
    ['manifest.webmanifest', 'no-cache'],
    ['icon-192.png', 'no-cache'],
    ['config.json', 'written at deploy'],
  ])('deploys %s %s', (file, expected) => {
    // The deployments' own excludes, read by CDK's own matcher: copied when neither the file nor a folder above
    // it is excluded (an excluded folder is not entered).
    const root = resolve('/dist');
    const parts = file.split('/');
    const paths = parts.map((_, i) => resolve(root, ...parts.slice(0, i + 1)));
    const copiedBy = (exclude: string[]) => paths.every((p) => !IgnoreStrategy.glob(root, exclude).ignores(p));
    const where = [copiedBy(HASHED_ONLY) && 'immutable', copiedBy(FIXED_NAMES) && 'no-cache'].filter(Boolean);
    expect(where).toEqual(expected === 'written at deploy' ? [] : [expected]);
  });
});

describe('web app: sign-in client', () => {
  it('calls back to the distribution unless webCallbackUrls names other addresses', () => {
    const client = (t: Template) =>
      (Object.values(t.findResources('AWS::Cognito::UserPoolClient')) as Json[]).find(
        (c) => c.Properties.ClientName === 'web',
      )!.Properties;
    expect(JSON.stringify(client(template).CallbackURLs)).toContain('/app/auth/callback');
    expect(JSON.stringify(client(template).CallbackURLs)).toContain('DomainName');
    const custom = build({ webCallbackUrls: 'https://kinerja.example.go.id/app/auth/callback' });
    expect(client(custom.template).CallbackURLs).toEqual(['https://kinerja.example.go.id/app/auth/callback']);
  });

  it('outputs the web app address', () => {
    template.hasOutput('WebAppUrl', Match.anyValue());
  });
});

describe('web app: cdk-nag', () => {
  it('has no unacknowledged findings, and every acknowledgement gives a reason', () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    const web = report.violations.filter((v) =>
      v.violatingResources.some((r) => (r.constructPath ?? '').includes('/Web/')),
    );
    expect(web.map((v) => v.ruleName)).toEqual([]);
    const acks = app.node
      .findAll()
      .filter((c) => c.node.path.includes('/Web/'))
      .flatMap((c) =>
        c.node.metadata
          .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
          .flatMap((m) => Object.values(m.data as Record<string, string>)),
      );
    expect(acks.length).toBeGreaterThan(0);
    for (const reason of acks) expect(reason.length).toBeGreaterThan(40);
  });
});

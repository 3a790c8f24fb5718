/**
 * Sign-in go-live (issue 17, item 6): Cognito mails through SES from a verified identity with Indonesian texts,
 * a production synth refuses to run without the city's sign-in addresses, and the optional custom domains of
 * the API and the web app with their certificates. Each option: present when its context is given, absent
 * otherwise, and a clear failure when it is half given or wrong.
 */
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { authMessages } from '../../infra/stacks/auth-messages.ts';

type Json = Record<string, any>;

const API_CERT = 'arn:aws:acm:ap-southeast-3:123456789012:certificate/1111aaaa-2222-bbbb-3333-cccc4444dddd';
const WEB_CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/5555eeee-6666-ffff-7777-000088889999';
const PROD = {
  stage: 'prod',
  webCallbackUrls: 'https://kinerja.pemkomedan.go.id/app/auth/callback',
  webLogoutUrls: 'https://kinerja.pemkomedan.go.id/app/',
};

function build(context: Record<string, unknown> = {}) {
  const built = buildApp({
    bundling: false,
    context: { ...context, '@aws-cdk/core:failSynthOnValidationErrors': false },
  });
  return { ...built, template: Template.fromStack(built.stateless) };
}
const one = (t: Template, type: string): Json => {
  const found = Object.values(t.findResources(type)) as Json[];
  expect(found, type).toHaveLength(1);
  return found[0]!.Properties;
};
const pool = (t: Template) => one(t, 'AWS::Cognito::UserPool');
const webClient = (t: Template) =>
  (Object.values(t.findResources('AWS::Cognito::UserPoolClient')) as Json[]).find(
    (c) => c.Properties.ClientName === 'web',
  )!.Properties;

const plain = build();

describe('Cognito e-mail', () => {
  it('without a sender: Cognito’s own mail (no SES configuration), still with the Indonesian texts', () => {
    const p = pool(plain.template);
    expect(p.EmailConfiguration?.EmailSendingAccount ?? 'COGNITO_DEFAULT').toBe('COGNITO_DEFAULT');
    expect(p.EmailConfiguration?.SourceArn).toBeUndefined();
    expect(p.VerificationMessageTemplate).toMatchObject({
      DefaultEmailOption: 'CONFIRM_WITH_CODE',
      EmailSubject: 'Kode verifikasi Kinerja ASN',
    });
    expect(p.AdminCreateUserConfig.InviteMessageTemplate.EmailSubject).toBe('Akun Kinerja ASN Anda');
  });

  it('invitation names the user and the temporary password; verification (and password reset) the code, in Indonesian', () => {
    const p = pool(plain.template);
    const invite = p.AdminCreateUserConfig.InviteMessageTemplate.EmailMessage as string;
    expect(invite).toContain('{username}');
    expect(invite).toContain('{####}');
    expect(invite).toMatch(/Kata sandi sementara/);
    expect(invite).toMatch(/Masuk melalui aplikasi Kinerja ASN/);
    const verify = p.VerificationMessageTemplate.EmailMessage as string;
    expect(verify).toContain('{####}');
    // Cognito sends this same template with the forgot-password code: the text says so.
    expect(verify).toMatch(/mengatur ulang kata sandi/);
    for (const text of [invite, verify]) expect(text).not.toMatch(/\b(your|password is|verification code)\b/i);
    expect(p.AdminCreateUserConfig.InviteMessageTemplate.SMSMessage).toMatch(/^Akun Kinerja ASN/);
  });

  it('the invitation links the web app when -c webAppUrl names it', () => {
    const { emailBody } = authMessages({ appUrl: 'https://kinerja.pemkomedan.go.id/app' }).invitation;
    expect(emailBody).toContain('<a href="https://kinerja.pemkomedan.go.id/app">');
    const withUrl = build({ webAppUrl: 'https://kinerja.pemkomedan.go.id/app' });
    expect(pool(withUrl.template).AdminCreateUserConfig.InviteMessageTemplate.EmailMessage).toContain(
      'https://kinerja.pemkomedan.go.id/app',
    );
  });

  it('with -c emailFrom: SES from that verified address, with a sender name', () => {
    const p = pool(build({ emailFrom: 'noreply@pemkomedan.go.id' }).template);
    expect(p.EmailConfiguration).toEqual({
      EmailSendingAccount: 'DEVELOPER',
      From: 'Kinerja ASN <noreply@pemkomedan.go.id>',
      SourceArn: {
        'Fn::Join': [
          '',
          ['arn:aws:ses:ap-southeast-3:', { Ref: 'AWS::AccountId' }, ':identity/noreply@pemkomedan.go.id'],
        ],
      },
    });
  });

  it('-c cognitoEmailFrom wins over emailFrom; -c sesVerifiedDomain names the domain identity', () => {
    const p = pool(
      build({
        emailFrom: 'notifikasi@pemkomedan.go.id',
        cognitoEmailFrom: 'akun@pemkomedan.go.id',
        sesVerifiedDomain: 'pemkomedan.go.id',
        cognitoReplyTo: 'bkpsdm@pemkomedan.go.id',
      }).template,
    );
    expect(p.EmailConfiguration.From).toBe('Kinerja ASN <akun@pemkomedan.go.id>');
    expect(p.EmailConfiguration.ReplyToEmailAddress).toBe('bkpsdm@pemkomedan.go.id');
    expect(JSON.stringify(p.EmailConfiguration.SourceArn)).toContain(':identity/pemkomedan.go.id');
  });
});

describe('production stage', () => {
  it('fails without -c webCallbackUrls, naming the flag', () => {
    expect(() => build({ stage: 'prod' })).toThrow(
      /Stage 'prod' needs -c webCallbackUrls=https:\/\/<web app domain>\/app\/auth\/callback/,
    );
    expect(() => build({ stage: 'production', webLogoutUrls: PROD.webLogoutUrls })).toThrow(/webCallbackUrls/);
  });

  it('fails with a plain-http or localhost address', () => {
    expect(() => build({ ...PROD, webCallbackUrls: 'http://localhost:5173/auth/callback' })).toThrow(
      /https sign-in addresses only, got: http:\/\/localhost:5173\/auth\/callback/,
    );
  });

  it('builds with the city’s addresses, which the web client then names', () => {
    const t = build(PROD).template;
    expect(webClient(t).CallbackURLs).toEqual([PROD.webCallbackUrls]);
    expect(webClient(t).LogoutURLs).toEqual([PROD.webLogoutUrls]);
  });

  it('a development synth (no stage) keeps its defaults', () => {
    expect(JSON.stringify(webClient(plain.template).CallbackURLs)).toContain('/app/auth/callback');
  });

  it('warns when production has no SES sender (Cognito’s own is capped at 50 a day)', () => {
    const built = build(PROD);
    const warnings = Annotations.fromStack(built.stateless).findWarning('*', Match.stringLikeRegexp('50 e-mails'));
    expect(warnings).toHaveLength(1);
    const withSes = build({ ...PROD, emailFrom: 'noreply@pemkomedan.go.id' });
    expect(Annotations.fromStack(withSes.stateless).findWarning('*', Match.stringLikeRegexp('50 e-mails'))).toEqual([]);
  });
});

describe('custom domain of the API', () => {
  it('absent unless -c apiDomainName is given', () => {
    plain.template.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
    plain.template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 0);
    expect(Object.keys(plain.template.findOutputs('ApiDomainTarget'))).toEqual([]);
  });

  it('a regional domain with the certificate from context, TLS 1.2, mapped to the stage', () => {
    const built = build({ apiDomainName: 'API.kinerja.pemkomedan.go.id', apiCertificateArn: API_CERT });
    const t = built.template;
    const domain = one(t, 'AWS::ApiGatewayV2::DomainName');
    expect(domain).toEqual({
      DomainName: 'api.kinerja.pemkomedan.go.id',
      DomainNameConfigurations: [{ CertificateArn: API_CERT, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }],
    });
    const mapping = one(t, 'AWS::ApiGatewayV2::ApiMapping');
    expect(mapping.ApiId).toEqual({
      Ref: built.stateless.getLogicalId(built.stateless.api.node.defaultChild as never),
    });
    expect(mapping.Stage).toBe('$default');
    // The stage must exist before the mapping names it.
    const [mappingResource] = Object.values(t.findResources('AWS::ApiGatewayV2::ApiMapping')) as Json[];
    expect(mappingResource!.DependsOn).toEqual(
      expect.arrayContaining([built.stateless.getLogicalId(built.stateless.stage.node.defaultChild as never)]),
    );
    t.hasOutput('ApiDomainTarget', {
      Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiDomain'), 'RegionalDomainName'] },
    });
  });

  it.each([
    [{ apiDomainName: 'api.kinerja.pemkomedan.go.id' }, /-c apiDomainName and -c apiCertificateArn go together/],
    [{ apiCertificateArn: API_CERT }, /go together/],
    [{ apiDomainName: 'https://api.kinerja.pemkomedan.go.id', apiCertificateArn: API_CERT }, /must be a host name/],
    [
      { apiDomainName: 'api.kinerja.pemkomedan.go.id', apiCertificateArn: 'not-an-arn' },
      /must be an ACM certificate ARN/,
    ],
    [
      { apiDomainName: 'api.kinerja.pemkomedan.go.id', apiCertificateArn: WEB_CERT },
      /names a certificate in us-east-1; the API takes certificates from ap-southeast-3 only/,
    ],
  ])('fails clearly for %j', (context, message) => {
    expect(() => build(context)).toThrow(message);
  });
});

describe('custom domain of the web app', () => {
  const distribution = (t: Template) => one(t, 'AWS::CloudFront::Distribution').DistributionConfig;

  it('absent unless -c webDomainName is given: the *.cloudfront.net address', () => {
    const config = distribution(plain.template);
    expect(config.Aliases).toBeUndefined();
    expect(config.ViewerCertificate).toBeUndefined();
    expect(Object.keys(plain.template.findOutputs('WebDomainTarget'))).toEqual([]);
  });

  it('the alternate domain with the us-east-1 certificate, TLSv1.2_2021, SNI; the app and sign-in use it', () => {
    const built = build({ webDomainName: 'kinerja.pemkomedan.go.id', webCertificateArn: WEB_CERT });
    const config = distribution(built.template);
    expect(config.Aliases).toEqual(['kinerja.pemkomedan.go.id']);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: WEB_CERT,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    expect(built.web.url).toBe('https://kinerja.pemkomedan.go.id');
    expect(built.web.config.auth.redirectUri).toBe('https://kinerja.pemkomedan.go.id/app/auth/callback');
    expect(webClient(built.template).CallbackURLs).toEqual(['https://kinerja.pemkomedan.go.id/app/auth/callback']);
    built.template.hasOutput('WebDomainTarget', {
      Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^WebDistribution'), 'DomainName'] },
    });
  });

  it.each([
    [{ webDomainName: 'kinerja.pemkomedan.go.id' }, /-c webDomainName and -c webCertificateArn go together/],
    [
      { webDomainName: 'kinerja.pemkomedan.go.id', webCertificateArn: API_CERT },
      /names a certificate in ap-southeast-3; CloudFront takes certificates from us-east-1 only/,
    ],
  ])('fails clearly for %j', (context, message) => {
    expect(() => build(context)).toThrow(message);
  });
});

describe('cdk-nag with every go-live option', () => {
  it('no findings in the API stack (CFR4 met by the certificate, not acknowledged)', () => {
    const built = build({
      ...PROD,
      emailFrom: 'noreply@pemkomedan.go.id',
      apiDomainName: 'api.kinerja.pemkomedan.go.id',
      apiCertificateArn: API_CERT,
      webDomainName: 'kinerja.pemkomedan.go.id',
      webCertificateArn: WEB_CERT,
    });
    const report = new AwsSolutionsChecks().validateScope(built.app);
    const mine = report.violations.filter((v) =>
      v.violatingResources.some((r) => (r.constructPath ?? '').startsWith('KinerjaAsn-Stateless/')),
    );
    expect(mine.map((v) => v.ruleName)).toEqual([]);
    const acks = JSON.stringify(built.web.distribution.node.metadata);
    expect(acks).not.toContain('AwsSolutions-CFR4');
  });
});

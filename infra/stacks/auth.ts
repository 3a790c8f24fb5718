import { Annotations, Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolEmail,
  type UserPoolResourceServer,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { groups } from '../../shared/auth/principal.ts';
import { apiScopes, resourceServerId, scopeClaim } from '../../shared/platform/manifest.ts';
import { authMessages } from './auth-messages.ts';
import { isProduction } from './go-live.ts';
import { contextList, contextString } from './helpers.ts';

/** The resource server's identifier, the one the handlers check scopes against (shared/platform/manifest.ts). */
export const RESOURCE_SERVER_ID = resourceServerId;

/** The access-token scope string a machine route requires, e.g. `kinerja-api/transactions.write`. */
export const scopeString = (scope: string): string => {
  if (!Object.hasOwn(apiScopes, scope)) {
    throw new Error(`Unknown API scope '${scope}': declare it in apiScopes (shared/platform/manifest.ts).`);
  }
  return scopeClaim(scope);
};

/**
 * People sign in to the web app (authorization code + PKCE; the API reads their ID token, which carries
 * custom:org, custom:nip and cognito:groups). Agency systems use client credentials with resource-server scopes.
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;
  readonly resourceServer: UserPoolResourceServer;
  readonly webClient: UserPoolClient;
  readonly machineClient: UserPoolClient;
  /** JWT issuer of both token kinds. */
  readonly issuerUrl: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);

    // Cognito's own sender is capped at 50 e-mails a day: a city inviting its staff needs SES. The notifications'
    // sender (-c emailFrom) serves unless -c cognitoEmailFrom names another verified address.
    const fromEmail = contextString(this, 'cognitoEmailFrom') ?? contextString(this, 'emailFrom');
    if (!fromEmail && isProduction(this))
      Annotations.of(this).addWarningV2(
        'kinerja:cognitoEmail',
        'Production without -c emailFrom (or -c cognitoEmailFrom): Cognito sends from its default address, at most 50 e-mails a day.',
      );
    const messages = authMessages({ appUrl: contextString(this, 'webAppUrl') });

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: 'kinerja-asn',
      // Accounts are provisioned by BKPSDM/OPD admins from the personnel register, never by the public.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: {
        // The organisation is the tenant boundary every handler filters on; an account never changes tenant.
        org: new StringAttribute({ minLen: 1, maxLen: 64, mutable: false }),
        // NIP: 18 digits. Mutable so an admin can fix a typo; the web client may not write it (see writeAttributes).
        nip: new StringAttribute({ minLen: 18, maxLen: 18, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: FeaturePlan.ESSENTIALS,
      ...(fromEmail
        ? {
            email: UserPoolEmail.withSES({
              fromEmail,
              fromName: contextString(this, 'cognitoEmailFromName') ?? 'Kinerja ASN',
              replyTo: contextString(this, 'cognitoReplyTo'),
              // The identity SES verified: the address itself unless a verified domain is named.
              sesVerifiedDomain: contextString(this, 'sesVerifiedDomain'),
              // Only if SES is set up in another region than the pool.
              sesRegion: contextString(this, 'sesRegion'),
            }),
          }
        : {}),
      userInvitation: messages.invitation,
      // Also the text of the forgot-password code (see auth-messages.ts).
      userVerification: { ...messages.verification, emailStyle: VerificationEmailStyle.CODE },
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional (TOTP offered to every user) because ASN will sign in through the agency SSO later, which enforces its own second factor; forcing Cognito MFA now would lock out staff without smartphones.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'Essentials plan: the Plus plan (threat protection, formerly COG3 advanced security) is priced per MAU for thousands of ASN; compensated by no self sign-up, admin-provisioned accounts, a 12-character password policy with history and optional TOTP.',
      },
    );

    for (const [precedence, groupName] of groups.entries()) {
      this.userPool.addGroup(`Group${precedence}`, { groupName, precedence });
    }

    const domainPrefix = contextString(this, 'cognitoDomainPrefix') ?? `kinerja-asn-${stack.account}`;
    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix } });

    const scopes = Object.entries(apiScopes).map(
      ([scopeName, scopeDescription]) => new ResourceServerScope({ scopeName, scopeDescription }),
    );
    this.resourceServer = this.userPool.addResourceServer('ApiResourceServer', {
      identifier: RESOURCE_SERVER_ID,
      userPoolResourceServerName: RESOURCE_SERVER_ID,
      scopes,
    });

    const callbackUrls = contextList(this, 'webCallbackUrls');
    const logoutUrls = contextList(this, 'webLogoutUrls');
    // Public client (no secret): a browser cannot keep one. Cognito enforces PKCE whenever the client sends a
    // code_challenge, and the web app always does.
    this.webClient = this.userPool.addClient('WebClient', {
      userPoolClientName: 'web',
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: callbackUrls.length > 0 ? callbackUrls : ['http://localhost:5173/auth/callback'],
        logoutUrls: logoutUrls.length > 0 ? logoutUrls : ['http://localhost:5173/'],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('org', 'nip'),
      // Users may edit their display name only: org and nip are authorisation claims.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
    });

    this.machineClient = this.userPool.addClient('MachineClient', {
      userPoolClientName: 'machine',
      generateSecret: true,
      // Leaves only refresh-token auth (CDK adds it): no person signs in through this client.
      authFlows: { userSrp: false },
      oAuth: {
        flows: { clientCredentials: true },
        scopes: scopes.map((s) => OAuthScope.resourceServer(this.resourceServer, s)),
      },
      accessTokenValidity: Duration.hours(1),
      enableTokenRevocation: true,
    });

    // userPoolProviderUrl has no scheme; the JWT `iss` claim does.
    this.issuerUrl = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;
  }
}

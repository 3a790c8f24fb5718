/**
 * Go-live settings read from deploy context, checked before anything is built: the stage (`-c stage=prod`), the
 * custom domains of the API and the web app with their certificates. A production synth without the sign-in
 * addresses fails here, with the flag to add, instead of deploying a pool that sends people to localhost.
 */
import { Token } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { contextList, contextString } from './helpers.ts';

/** `-c stage=…`; `dev` when not given. Only `prod`/`production` changes anything: the checks below. */
export function stageOf(scope: Construct): string {
  return contextString(scope, 'stage') ?? 'dev';
}

export const isProduction = (scope: Construct): boolean => ['prod', 'production'].includes(stageOf(scope));

/** Throws when a production stage lacks what sign-in needs (the app's own addresses, over https). */
export function checkProductionSignIn(scope: Construct): void {
  if (!isProduction(scope)) return;
  const callbackUrls = contextList(scope, 'webCallbackUrls');
  if (callbackUrls.length === 0)
    throw new Error(
      `Stage '${stageOf(scope)}' needs -c webCallbackUrls=https://<web app domain>/app/auth/callback ` +
        '(and -c webLogoutUrls=https://<web app domain>/app/): production sign-in must come back to the ' +
        "city's own address, not to a development default.",
    );
  const plain = [...callbackUrls, ...contextList(scope, 'webLogoutUrls')].filter((url) => !/^https:\/\//.test(url));
  if (plain.length > 0)
    throw new Error(`Stage '${stageOf(scope)}' takes https sign-in addresses only, got: ${plain.join(', ')}.`);
}

export interface CustomDomain {
  /** e.g. api.kinerja.pemkomedan.go.id (no scheme, no path). */
  name: string;
  certificateArn: string;
}

const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const ACM_ARN = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[A-Za-z0-9-]+$/;

/**
 * `-c <prefix>DomainName` with `-c <prefix>CertificateArn`: both or neither. The certificate must live where the
 * service reads it: CloudFront only takes certificates from us-east-1, a regional API its own region.
 */
export function customDomain(
  scope: Construct,
  prefix: 'api' | 'web',
  certificateRegion: string,
): CustomDomain | undefined {
  const nameKey = `${prefix}DomainName`;
  const arnKey = `${prefix}CertificateArn`;
  const name = contextString(scope, nameKey);
  const certificateArn = contextString(scope, arnKey);
  if (!name && !certificateArn) return undefined;
  if (!name || !certificateArn) throw new Error(`-c ${nameKey} and -c ${arnKey} go together: give both (or neither).`);
  if (!HOST.test(name))
    throw new Error(
      `-c ${nameKey} must be a host name such as kinerja.pemkomedan.go.id (no https://, no path), got '${name}'.`,
    );
  const region = ACM_ARN.exec(certificateArn)?.[1];
  if (!region) throw new Error(`-c ${arnKey} must be an ACM certificate ARN, got '${certificateArn}'.`);
  if (!Token.isUnresolved(certificateRegion) && region !== certificateRegion)
    throw new Error(
      `-c ${arnKey} names a certificate in ${region}; ${prefix === 'web' ? 'CloudFront' : 'the API'} takes ` +
        `certificates from ${certificateRegion} only.`,
    );
  return { name: name.toLowerCase(), certificateArn };
}

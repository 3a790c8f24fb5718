/**
 * Notification e-mails link to the web app: the functions that send e-mail learn its address (WEB_APP_URL), the
 * CloudFront distribution's /app unless `-c webAppUrl` names a custom domain; the others do not get it.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { functions as manifest } from '../../shared/platform/manifest.ts';

type Json = Record<string, any>;

function envOf(context: Record<string, unknown>) {
  const built = buildApp({
    bundling: false,
    context: { ...context, '@aws-cdk/core:failSynthOnValidationErrors': false },
  });
  const workers = Template.fromStack(built.workers).toJSON().Resources as Json;
  const vars = (name: string) => {
    const fn = built.workers.functions[name]!.fn;
    const id = built.workers.getLogicalId(fn.node.defaultChild as never);
    return workers[id].Properties.Environment.Variables as Json;
  };
  return { built, vars };
}

describe('the web app address in notification e-mails', () => {
  it('is the distribution’s /app by default, given only to the functions that send e-mail', () => {
    const { built, vars } = envOf({});
    const senders = manifest.filter((f) => f.sendsEmail).map((f) => f.name);
    expect(senders.length).toBeGreaterThan(0);
    for (const name of Object.keys(built.workers.functions))
      expect(Object.hasOwn(vars(name), 'WEB_APP_URL'), name).toBe(senders.includes(name));
    // The distribution's domain, exported by the stateless stack, with the app's path after it.
    const [, [scheme, domain, path]] = vars('notify').WEB_APP_URL['Fn::Join'];
    expect([scheme, path]).toEqual(['https://', '/app']);
    expect(domain['Fn::ImportValue']).toMatch(/^KinerjaAsn-Stateless:.*WebDistribution.*DomainName/);
  });

  it('names a custom domain when -c webAppUrl says so', () => {
    const { vars } = envOf({ webAppUrl: 'https://kinerja.pemkomedan.go.id/app' });
    expect(vars('notify').WEB_APP_URL).toBe('https://kinerja.pemkomedan.go.id/app');
  });
});

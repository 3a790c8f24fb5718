import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emailChannel, openUrlOf } from '../../shared/store/email.ts';
import { appRouteOf, openRequestOf } from '../../web/src/pages/inbox/links.ts';

const draft = {
  type: 'feedback_given' as const,
  audience: { role: 'person' as const, nip: '1' },
  title: 'Umpan balik dari atasan',
  body: 'Bagus.',
  link: '/employees/1/feedback',
};

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.EMAIL_FROM;
  delete process.env.EMAIL_OUTBOX_DIR;
  delete process.env.WEB_APP_URL;
});

describe('emailChannel', () => {
  it('sends through Amazon SES from the configured sender (SES has no local form: its SDK is stubbed)', async () => {
    process.env.EMAIL_FROM = 'kinerja@pemkomedan.go.id';
    process.env.WEB_APP_URL = 'https://kinerja.pemkomedan.go.id/app';
    const send = vi.spyOn(SESv2Client.prototype, 'send').mockResolvedValue({} as never);
    await emailChannel()!({ name: 'Rina', email: 'rina@pemkomedan.go.id' }, draft, 'n-1');
    expect(send).toHaveBeenCalledTimes(1);
    expect((send.mock.calls[0]![0] as { input: unknown }).input).toEqual({
      FromEmailAddress: 'kinerja@pemkomedan.go.id',
      Destination: { ToAddresses: ['rina@pemkomedan.go.id'] },
      Content: {
        Simple: {
          Subject: { Data: '[Kinerja ASN] Umpan balik dari atasan', Charset: 'UTF-8' },
          Body: {
            Text: {
              Data: 'Bagus.\r\n\r\nBuka: https://kinerja.pemkomedan.go.id/app/kotak-masuk?buka=%2Femployees%2F1%2Ffeedback&id=n-1\r\n',
              Charset: 'UTF-8',
            },
          },
        },
      },
    });
  });

  it('prefers the local outbox (one .eml per e-mail), and sends nothing when neither is configured', async () => {
    expect(emailChannel()).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    process.env.EMAIL_OUTBOX_DIR = dir;
    process.env.EMAIL_FROM = 'kinerja@pemkomedan.go.id';
    const send = vi.spyOn(SESv2Client.prototype, 'send');
    await emailChannel()!({ name: 'Rina', email: 'rina@pemkomedan.go.id' }, draft, 'n-2');
    expect(send).not.toHaveBeenCalled();
    expect(readdirSync(dir)).toEqual(['n-2-rina@pemkomedan.go.id.eml']);
    expect(readFileSync(join(dir, 'n-2-rina@pemkomedan.go.id.eml'), 'utf8')).toContain(
      `To: =?UTF-8?B?${Buffer.from('Rina').toString('base64')}?= <rina@pemkomedan.go.id>`,
    );
  });

  it('without a web app to open, says what happened and links nowhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    process.env.EMAIL_OUTBOX_DIR = dir;
    await emailChannel()!({ name: 'Rina', email: 'rina@pemkomedan.go.id' }, draft, 'n-3');
    const mail = readFileSync(join(dir, 'n-3-rina@pemkomedan.go.id.eml'), 'utf8');
    expect(mail.endsWith('\r\n\r\nBagus.\r\n')).toBe(true);
  });
});

describe('the address a notification e-mail opens', () => {
  it.each([
    ['https://kinerja.pemkomedan.go.id/app', '/employees/1/feedback', '/umpan-balik?pegawai=1'],
    ['http://localhost:3000/app/', '/employees/me/plans/2026', '/skp'],
    ['http://localhost:3000/app', '/employees/2/activities?from=2026-11-27&to=2026-11-27', '/tim'],
  ])('under %s, %s reaches the inbox, which opens %s', (appUrl, link, route) => {
    const url = new URL(openUrlOf(appUrl, link, '20261127094000123-a1B2c3D4e5F6g7H8'));
    expect(url.pathname).toBe(`${new URL(appUrl).pathname.replace(/\/$/, '')}/kotak-masuk`);
    // What the web app reads back from that address: the same link and id, and the page it leads to.
    expect(openRequestOf(url.search)).toEqual({ link, id: '20261127094000123-a1B2c3D4e5F6g7H8' });
    expect(appRouteOf(link, undefined)).toBe(route);
  });
});

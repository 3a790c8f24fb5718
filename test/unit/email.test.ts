import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emailChannel } from '../../shared/store/email.ts';

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
});

describe('emailChannel', () => {
  it('sends through Amazon SES from the configured sender (SES has no local form: its SDK is stubbed)', async () => {
    process.env.EMAIL_FROM = 'kinerja@pemkomedan.go.id';
    process.env.PUBLIC_BASE_URL = 'https://kinerja.pemkomedan.go.id';
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
              Data: 'Bagus.\r\n\r\nBuka: https://kinerja.pemkomedan.go.id/employees/1/feedback\r\n',
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
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { NotificationDraft } from '../domain/notifications.ts';

export type SendEmail = (to: { name: string; email: string }, draft: NotificationDraft, id: string) => Promise<void>;

const subjectOf = (d: NotificationDraft) => `[Kinerja ASN] ${d.title}`;

/**
 * The web app's address that opens a notification: its inbox with the API link and the notification's id, so the
 * app marks it read and shows the page it is about (after sign-in when needed; web/src/pages/inbox/links.ts).
 * `appUrl` is the app's own address (WEB_APP_URL: the distribution's /app, or the local runtime's).
 */
export function openUrlOf(appUrl: string, link: string, id: string): string {
  return `${appUrl.replace(/\/$/, '')}/kotak-masuk?${new URLSearchParams({ buka: link, id })}`;
}

const textOf = (d: NotificationDraft, id: string) => {
  const appUrl = process.env.WEB_APP_URL;
  // Without an app to open (a deployment that has none), the e-mail says what happened and no more.
  return appUrl ? `${d.body}\r\n\r\nBuka: ${openUrlOf(appUrl, d.link, id)}\r\n` : `${d.body}\r\n`;
};

/** Locally: one .eml file per e-mail in the outbox folder `npm start` names (EMAIL_OUTBOX_DIR). */
const outbox =
  (dir: string): SendEmail =>
  async (to, draft, id) => {
    mkdirSync(dir, { recursive: true });
    const subject = `=?UTF-8?B?${Buffer.from(subjectOf(draft)).toString('base64')}?=`;
    const name = `=?UTF-8?B?${Buffer.from(to.name).toString('base64')}?=`;
    const headers = [
      `From: Kinerja ASN <no-reply@kinerja.local>`,
      `To: ${name} <${to.email}>`,
      `Subject: ${subject}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
    ];
    writeFileSync(
      join(dir, `${id}-${to.email.replace(/[^A-Za-z0-9.@_-]/g, '_')}.eml`),
      [...headers, '', textOf(draft, id)].join('\r\n'),
    );
  };

/** On AWS: Amazon SES (v2), from the verified identity EMAIL_FROM. */
const ses =
  (from: string): SendEmail =>
  async (to, draft, id) => {
    await new SESv2Client({}).send(
      new SendEmailCommand({
        FromEmailAddress: from,
        // The bare address: names with commas (academic titles) or non-ASCII letters would break the header.
        Destination: { ToAddresses: [to.email] },
        Content: {
          Simple: {
            Subject: { Data: subjectOf(draft), Charset: 'UTF-8' },
            Body: { Text: { Data: textOf(draft, id), Charset: 'UTF-8' } },
          },
        },
      }),
    );
  };

/** How e-mail goes out here: the local outbox, SES when configured, or not at all (the inbox still has it). */
export function emailChannel(): SendEmail | undefined {
  if (process.env.EMAIL_OUTBOX_DIR) return outbox(process.env.EMAIL_OUTBOX_DIR);
  if (process.env.EMAIL_FROM) return ses(process.env.EMAIL_FROM);
  return undefined;
}

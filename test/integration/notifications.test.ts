/**
 * Notifications through the real stream: the notify consumer turns changes into inbox entries for the people
 * concerned (acting officials included, nobody else), writes e-mails to the outbox, and stays exactly-once when a
 * batch is delivered again; a poison record fails alone.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as notify } from '../../functions/notifications/notify.ts';
import { seedDemo } from '../../infra/local/seed.ts';
import { notifyingEntities } from '../../shared/domain/notifications.ts';
import { yearOf } from '../../shared/domain/time.ts';
import { functions } from '../../shared/platform/manifest.ts';
import { demoTokens, tokenFor, who } from '../support/demo.ts';
import { approvedPlans, yesterday } from '../support/plans.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
const outbox = mkdtempSync(join(tmpdir(), 'kinerja-outbox-'));
const D = yesterday();
const YEAR = yearOf(D);
const call = (as: keyof typeof who | string, method: string, path: string, body?: unknown) =>
  stack.call(method, path, { token: as in t ? t[as as keyof typeof who] : as, body });
const inbox = async (as: keyof typeof who, query = '') => (await call(as, 'GET', `/me/notifications${query}`)).body;
type Note = { id: string; type: string; body: string; link: string; read: boolean };
/** Waits until `as` has a notification of `type` (whose body mentions `mentioning`, when given). */
const waitFor = (as: keyof typeof who, type: string, mentioning?: string) =>
  eventually(async () => {
    const items = ((await inbox(as, '?limit=100')).items as Note[]).filter(
      (n) => n.type === type && (!mentioning || n.body.includes(mentioning)),
    );
    return items.length > 0 ? (items as [Note, ...Note[]]) : undefined;
  });

beforeAll(async () => {
  process.env.EMAIL_OUTBOX_DIR = outbox;
  stack = await startTestStack();
  await seedDemo();
  t = await demoTokens(stack.issuer);
  // Kasi Rina has an e-mail address: her notifications also go out as e-mail.
  const kasi = (await call('bkpsdm', 'GET', `/employees/${who.kasi}`)).body;
  expect(
    (
      await call('bkpsdm', 'PATCH', `/employees/${who.kasi}`, {
        email: 'rina.pohan@pemkomedan.go.id',
        version: kasi.version,
      })
    ).status,
  ).toBe(200);
  await approvedPlans(stack, YEAR);
});
afterAll(() => stack.stop());

describe('notifications from the stream', () => {
  it('tells the supervisor of a submitted plan and the owner of its approval, no one else', async () => {
    const submitted = await waitFor('kasi', 'plan_submitted');
    expect(submitted[0]).toMatchObject({
      nip: who.kasi,
      title: 'SKP menunggu persetujuan',
      link: `/employees/${who.staff}/plans/${YEAR}`,
      read: false,
    });
    // The owner by name, not by NIP.
    expect(submitted[0].body).toBe(`SKP ${YEAR} milik Rahmat Hidayat Daulay diajukan dan menunggu keputusan Anda.`);
    const approved = await waitFor('staff', 'plan_approved');
    expect(approved[0].link).toBe(`/employees/${who.staff}/plans/${YEAR}`);
    // The kasi approved Rahmat's plan: she is not told about her own act; another seksi head hears nothing of it.
    expect(
      ((await inbox('kasi', '?limit=100')).items as Note[]).some(
        (n) => n.type === 'plan_approved' && n.link.includes(who.staff),
      ),
    ).toBe(false);
    const other = (await inbox('otherKasi', '?limit=100')).items;
    expect(other.every((n: { body: string; link: string }) => !n.link.includes(who.staff))).toBe(true);
  });

  it('tells the owner of a rejected activity, with the reason', async () => {
    const made = await call('staff', 'POST', '/employees/me/activities', {
      date: D,
      start: '13:00',
      end: '14:00',
      description: 'Rekap',
      rhkId: 'staff-1',
      ikiId: 'staff-1-a',
      outputQuantity: 1,
      outputUnit: 'dokumen',
    });
    const rejected = await call('kasi', 'POST', '/activities/decisions', {
      decisions: [
        {
          nip: who.staff,
          date: D,
          id: made.body.activity.id,
          version: made.body.activity.version,
          decision: 'reject',
          reason: 'Bukti dukung belum dilampirkan',
        },
      ],
    });
    expect(rejected.status).toBe(200);
    const [n] = await waitFor('staff', 'activity_rejected');
    expect(n.body).toContain('Bukti dukung belum dilampirkan');
    expect(n.link).toContain(D);
  });

  it('carries feedback and replies to the other side, and writes e-mails to the outbox', async () => {
    const given = await call('kasi', 'POST', `/employees/${who.staff}/feedback`, {
      about: { kind: 'general' },
      text: 'Antrean sore ditangani dengan baik.',
    });
    expect(given.status).toBe(201);
    const [n] = await waitFor('staff', 'feedback_given');
    expect(n.body).toBe('Antrean sore ditangani dengan baik.');
    await call('staff', 'POST', `/employees/me/feedback/${given.body.id}/replies`, {
      text: 'Terima kasih, Bu.',
      version: 1,
    });
    const [reply] = await waitFor('kasi', 'feedback_replied');
    expect(reply.body).toBe('Rahmat Hidayat Daulay: Terima kasih, Bu.');
    // Rina has an e-mail address: each of her notifications is also one .eml in the outbox.
    const files = await eventually(async () =>
      existsSync(outbox) && readdirSync(outbox).length > 0 ? readdirSync(outbox) : undefined,
    );
    const mail = readFileSync(join(outbox, files[0]!), 'utf8');
    // The name MIME-encoded (its comma and title would otherwise break the header).
    expect(mail).toContain(
      `To: =?UTF-8?B?${Buffer.from('Rina Marlina Pohan, S.Sos').toString('base64')}?= <rina.pohan@pemkomedan.go.id>`,
    );
    expect(mail).toMatch(/Subject: =\?UTF-8\?B\?/);
    // Only Rina has an address: every e-mail is hers, one per notification of hers. An e-mail is sent after its
    // notification is stored, so the outbox is read again until it has caught up with her inbox.
    const hers = (await inbox('kasi', '?limit=100')).items.length;
    const all = await eventually(async () => (readdirSync(outbox).length >= hers ? readdirSync(outbox) : undefined));
    expect(all.every((f) => f.endsWith('rina.pohan@pemkomedan.go.id.eml'))).toBe(true);
    expect(all).toHaveLength(hers);
  });
});

describe('a refused e-mail', () => {
  it('still leaves the notification in the inbox and fails nothing', async () => {
    const broken = join(outbox, 'not-a-folder');
    writeFileSync(broken, 'x');
    process.env.EMAIL_OUTBOX_DIR = broken; // the outbox cannot be written: every send fails
    try {
      const given = await call('kasi', 'POST', `/employees/${who.staff}/feedback`, {
        about: { kind: 'general' },
        text: 'Catatan saat pos surel bermasalah',
      });
      await call('staff', 'POST', `/employees/me/feedback/${given.body.id}/replies`, {
        text: 'Balasan tanpa surel',
        version: 1,
      });
      const [reply] = await waitFor('kasi', 'feedback_replied', 'Balasan tanpa surel');
      expect(reply.read).toBe(false);
      expect(stack.failures).toEqual([]);
    } finally {
      process.env.EMAIL_OUTBOX_DIR = outbox;
    }
  });
});

describe('the inbox', () => {
  it("lists newest first with the unread count, marks read by id or all, and is its owner's only", async () => {
    const before = await inbox('staff');
    expect(before.unreadCount).toBeGreaterThanOrEqual(3);
    const times = before.items.map((n: { id: string }) => n.id);
    expect([...times].sort().reverse()).toEqual(times);
    const first = before.items[0];
    const one = await call('staff', 'POST', '/me/notifications/read', { ids: [first.id] });
    expect(one.body).toEqual({ marked: 1, unreadCount: before.unreadCount - 1 });
    expect((await call('staff', 'POST', '/me/notifications/read', { ids: [first.id] })).body.marked).toBe(0);
    expect((await inbox('staff', '?unread=true&limit=100')).items.map((n: { id: string }) => n.id)).not.toContain(
      first.id,
    );
    expect((await call('staff', 'POST', '/me/notifications/read', {})).status).toBe(400);
    // Someone else's id changes nothing of theirs.
    const kasiItem = (await inbox('kasi')).items[0];
    expect((await call('staff', 'POST', '/me/notifications/read', { ids: [kasiItem.id] })).body.marked).toBe(0);
    expect((await inbox('kasi')).items[0].read).toBe(false);
    const all = await call('staff', 'POST', '/me/notifications/read', { all: true });
    expect(all.body.unreadCount).toBe(0);
    expect(all.body.marked).toBe(before.unreadCount - 1);
  });
});

describe('exactly once', () => {
  const record = (eventID: string, orgId: string, nip: string, text: string): DynamoDBRecord => ({
    eventID,
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      SequenceNumber: eventID,
      NewImage: marshall({
        pk: `ORG#${orgId}#EMP#${nip}`,
        sk: `FEEDBACK#${eventID}`,
        orgId,
        entity: 'Feedback',
        nip,
        from: who.kasi,
        text,
        replies: [],
        updatedBy: `nip:${who.kasi}`,
      }) as never,
    },
  });
  const context = { awsRequestId: 'test', functionName: 'notify', getRemainingTimeInMillis: () => 30_000 } as never;

  it('adds nothing when a batch is delivered again after a crash, and fails only a poison record', async () => {
    const count = async () => (await inbox('staff', '?limit=100')).items.length;
    const start = await count();
    const batch = [
      record('redelivered-1', 'kota-medan', who.staff, 'Satu'),
      record('poison', 'NOT A VALID ORG', who.staff, 'x'),
      record('redelivered-2', 'kota-medan', who.staff, 'Dua'),
    ];
    const first = (await notify({ Records: batch }, context)) as { batchItemFailures: { itemIdentifier: string }[] };
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: 'poison' }]);
    expect(await count()).toBe(start + 2);
    // The consumer died before checkpointing: the whole batch comes again.
    const again = (await notify({ Records: batch }, context)) as { batchItemFailures: { itemIdentifier: string }[] };
    expect(again.batchItemFailures).toEqual([{ itemIdentifier: 'poison' }]);
    expect(await count()).toBe(start + 2);
  });

  it('filters the stream on exactly the entities that can notify', () => {
    const consumer = functions.find((f) => f.name === 'notify')!;
    expect(consumer.trigger).toMatchObject({
      kind: 'stream',
      filters: [{ dynamodb: { NewImage: { entity: { S: [...notifyingEntities] } } } }],
    });
  });
});

describe('who hears what', () => {
  it('reaches the acting official of a supervisor on the day', async () => {
    // Kabid Hendra is Plt for Kasi Rina today: a plan submitted to Rina also reaches him.
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const plt = await call('bkpsdm', 'POST', `/employees/${who.kabid}/acting-assignments`, {
      forNip: who.kasi,
      kind: 'PLT',
      startDate: today,
      endDate: today,
    });
    expect(plt.status, JSON.stringify(plt.body)).toBe(201);
    const nurhayati = await tokenFor(stack.issuer, '199204282017032001');
    const made = await stack.call('POST', `/employees/me/plans/${YEAR}`, {
      token: nurhayati,
      body: {
        rhk: [
          {
            id: 'n-1',
            kind: 'utama',
            title: 'Perekaman',
            parentRhkId: 'kasi-1',
            iki: [
              {
                id: 'n-1-a',
                name: 'Perekaman',
                aspect: 'kuantitas',
                target: { kind: 'single', value: 10 },
                unit: 'dok',
                direction: 'higher',
                weight: 100,
              },
            ],
          },
        ],
      },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(
      (
        await stack.call('POST', `/employees/me/plans/${YEAR}/submit`, {
          token: nurhayati,
          body: { version: made.body.version },
        })
      ).status,
    ).toBe(200);
    const [toKasi, toPlt] = await Promise.all([
      waitFor('kasi', 'plan_submitted', 'Nurhayati Batubara'),
      waitFor('kabid', 'plan_submitted', 'Nurhayati Batubara'),
    ]);
    expect([toKasi.length, toPlt.length]).toEqual([1, 1]);
    expect(
      (await inbox('otherKasi', '?limit=100')).items.some((n: { body: string }) =>
        n.body.includes('Nurhayati Batubara'),
      ),
    ).toBe(false);
  });
});

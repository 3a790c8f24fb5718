/**
 * The inbox in the web app, through the real local stack (gateway, handlers, the notify stream consumer writing
 * the inbox and the e-mail outbox, DynamoDB Local) on a 360 px phone: the unread badge in the menu (asked again
 * when the page comes back into view), newest first a page at a time, one marked read, then all; and the link of a
 * notification e-mail opened by someone not signed in: sign-in, then straight to the page it is about.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsPhone, webAppUnderTest } from '../support/browser.ts';

const KASI = { nip: '198203152006041002', name: 'Rina Marlina Pohan, S.Sos', email: 'rina.pohan@pemkomedan.go.id' };
const ADMIN_OPD = '199105132015032002';
const OPERATOR = { nip: '199204282017032001', name: 'Nurhayati Batubara' };
// The notify consumer runs in this process: its e-mails land here (the Kepala Seksi is given an address below).
const outbox = mkdtempSync(join(tmpdir(), 'kinerja-web-inbox-outbox-'));
process.env.EMAIL_OUTBOX_DIR = outbox;
const web = webAppUnderTest();

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Menu utama' });
const inboxLink = (page: Page, unread: number) =>
  nav(page).getByRole(
    'link',
    unread ? { name: `Kotak masuk, ${unread} belum dibaca` } : { name: 'Kotak masuk', exact: true },
  );

/** The outbox's e-mail whose text has `words`. */
const mailWith = (words: string) =>
  readdirSync(outbox)
    .map((f) => readFileSync(join(outbox, f), 'utf8'))
    .find((m) => m.includes(words));

async function unreadCount(token: string): Promise<number> {
  return (await web.stack.call('GET', '/me/notifications?unread=true&limit=1', { token })).body.unreadCount;
}

/** Signs in on the dev sign-in screen by NIP (the screen the app shows at any address until then). */
async function signInByNip(page: Page, nip: string) {
  await expect.poll(() => h1(page).textContent()).toBe('Masuk');
  await page.getByLabel('NIP', { exact: true }).fill(nip);
  await page.getByRole('button', { name: 'Masuk', exact: true }).tap();
  await nav(page).waitFor();
}

describe('the inbox in a browser', () => {
  it('shows the unread count, pages newest first, and marks one then all read', async () => {
    const rina = await web.devToken(KASI.nip);
    const nurhayati = await web.devToken(OPERATOR.nip);
    const give = async (n: number) => {
      const res = await web.stack.call('POST', `/employees/${OPERATOR.nip}/feedback`, {
        token: rina,
        body: { about: { kind: 'general' }, text: `Umpan balik ke-${n}` },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    };
    // Nothing yet: the inbox and the feedback page say so, and no badge.
    const page = await web.context.newPage();
    await page.goto(`${web.stack.url}/app/`);
    await signInByNip(page, OPERATOR.nip);
    await inboxLink(page, 0).tap();
    await page.getByText('Belum ada notifikasi.').waitFor();
    await expectAccessible(page, 'inbox, empty');
    await expectFitsPhone(page);
    await nav(page).getByRole('link', { name: 'Umpan balik' }).tap();
    await page.getByText('Belum ada umpan balik untuk Anda.').waitFor();
    await page.getByText('Belum ada dialog kinerja yang dicatat.').waitFor();
    expect(await page.getByRole('region', { name: 'Tim Anda' }).count()).toBe(0);
    await expectAccessible(page, 'feedback page, empty');
    await expectFitsPhone(page);

    // 22 while the app is open: the badge is asked again when the page comes back into view.
    for (let n = 1; n <= 22; n++) await give(n);
    await expect.poll(() => unreadCount(nurhayati), { timeout: 10_000 }).toBe(22);
    await page.evaluate("document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))");
    await inboxLink(page, 22).waitFor();
    await expectAccessible(page, 'feedback page with 22 unread');
    await expectFitsPhone(page);

    // Newest first, 20 at a time.
    await inboxLink(page, 22).tap();
    await expect.poll(() => h1(page).textContent()).toBe('Kotak masuk');
    const items = page.locator('ul.inbox > li');
    await expect.poll(() => items.count()).toBe(20);
    expect(await items.first().textContent()).toContain('Umpan balik ke-22');
    await page.getByText('22 notifikasi belum dibaca.').waitFor();
    await expectAccessible(page, 'inbox, first page');
    await expectFitsPhone(page);
    await page.getByRole('button', { name: 'Muat notifikasi lainnya' }).tap();
    await expect.poll(() => items.count()).toBe(22);
    expect(await items.last().textContent()).toContain('Umpan balik ke-1');
    expect(await page.getByRole('button', { name: 'Muat notifikasi lainnya' }).count()).toBe(0);
    expect(await page.getByText('Belum dibaca', { exact: true }).count()).toBe(22);

    // One read: it loses its mark, the count and the badge follow, the focus lands on the outcome.
    await items.first().getByRole('button', { name: 'Tandai sudah dibaca' }).tap();
    const status = page.getByRole('status').first();
    await expect.poll(() => status.textContent()).toBe('Notifikasi ditandai sudah dibaca.');
    await expect
      .poll(() => page.evaluate<boolean>("document.activeElement?.matches('p.status-line') ?? false"))
      .toBe(true);
    await inboxLink(page, 21).waitFor();
    await expect.poll(() => page.getByText('Belum dibaca', { exact: true }).count()).toBe(21);
    expect(await items.first().textContent()).not.toContain('Belum dibaca');
    expect(await items.first().getByRole('button').count()).toBe(0);
    await expectAccessible(page, 'inbox, one read');

    // All read: no badge, no mark left, and the API agrees.
    await page.getByRole('button', { name: 'Tandai semua sudah dibaca' }).tap();
    // Marking 21 read is one request with a write each: give it time on a busy machine.
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('Semua notifikasi sudah ditandai dibaca.');
    await inboxLink(page, 0).waitFor();
    await expect.poll(() => page.getByText('Belum dibaca', { exact: true }).count()).toBe(0);
    await page.getByText('Tidak ada notifikasi yang belum dibaca.').waitFor();
    expect(await unreadCount(nurhayati)).toBe(0);
    await expectAccessible(page, 'inbox, all read');
    await expectFitsPhone(page);
    await page.close();
  });

  it('opens the page an e-mail links to, after sign-in, and marks that notification read', async () => {
    const rina = await web.devToken(KASI.nip);
    const nurhayati = await web.devToken(OPERATOR.nip);
    // The demo people have no e-mail address: the OPD's admin gives the Kepala Seksi one.
    const admin = await web.devToken(ADMIN_OPD);
    const record = await web.stack.call('GET', `/employees/${KASI.nip}`, { token: admin });
    const changed = await web.stack.call('PATCH', `/employees/${KASI.nip}`, {
      token: admin,
      body: { version: record.body.version, email: KASI.email },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const given = await web.stack.call('POST', `/employees/${OPERATOR.nip}/feedback`, {
      token: rina,
      body: { about: { kind: 'general' }, text: 'Perekaman sidik jari sudah rapi.' },
    });
    const reply = await web.stack.call('POST', `/employees/me/feedback/${given.body.id}/replies`, {
      token: nurhayati,
      body: { text: 'Terima kasih, Bu. Akan saya pertahankan.', version: 1 },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);

    // The reply's e-mail to the Kepala Seksi, and the address in it.
    await expect.poll(() => mailWith('Terima kasih, Bu.'), { timeout: 10_000 }).toBeDefined();
    const mail = mailWith('Terima kasih, Bu.')!;
    const address = /^Buka: (\S+)$/m.exec(mail)?.[1];
    expect(address).toMatch(new RegExp(`^${web.stack.url}/app/kotak-masuk\\?buka=`));
    expect(await unreadCount(rina)).toBe(1);

    // Opened in a tab with nobody signed in: the sign-in screen, then the feedback page with her Pegawai picked.
    const page = await web.context.newPage();
    await page.goto(address!);
    await signInByNip(page, KASI.nip);
    await expect.poll(() => h1(page).textContent()).toBe('Umpan balik');
    const url = new URL(page.url());
    expect(url.pathname + url.search).toBe(`/app/umpan-balik?pegawai=${OPERATOR.nip}`);
    expect(await page.getByLabel('Anggota tim').inputValue()).toBe(OPERATOR.nip);
    await page
      .getByRole('region', { name: `Umpan balik untuk ${OPERATOR.name}` })
      .getByText('Terima kasih, Bu. Akan saya pertahankan.')
      .waitFor();
    await expect.poll(() => unreadCount(rina)).toBe(0);
    await inboxLink(page, 0).waitFor();
    await expectAccessible(page, 'feedback page opened from an e-mail');
    await expectFitsPhone(page);
    await page.close();
  });
});

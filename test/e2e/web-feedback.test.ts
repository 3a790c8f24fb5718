/**
 * Feedback between a supervisor and her Pegawai in the web app, through the real local stack (gateway, handlers, the
 * notify stream consumer, DynamoDB Local) on a 360 px phone: the Kepala Seksi picks him by name, gives feedback on an
 * RHK of his plan and records a performance dialog; he sees the unread badge, follows the notification from his
 * inbox to the feedback page and replies; her inbox takes her to his thread with the reply, him already picked.
 * Each person in their own tab (the dev token lives in the tab's sessionStorage). axe finds nothing on the way.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsPhone, webAppUnderTest } from '../support/browser.ts';

const PEGAWAI = { nip: '199001152015031003', name: 'Rahmat Hidayat Daulay', position: 'Pengelola Data Kependudukan' };
const KASI = { nip: '198203152006041002', name: 'Rina Marlina Pohan, S.Sos' };
// Approved plans down to the Pegawai: his RHK can be picked by title.
const web = webAppUnderTest({ withWork: true });

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Menu utama' });
const path = (page: Page) => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};

/** Waits until the notify consumer has put a notification of `type` in the person's inbox; answers the count. */
async function unreadOnceNotified(token: string, type: string): Promise<number> {
  let count = 0;
  await expect
    .poll(
      async () => {
        const inbox = await web.stack.call('GET', '/me/notifications?unread=true&limit=100', { token });
        count = inbox.body.unreadCount;
        return inbox.body.items.some((n: { type: string }) => n.type === type);
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return count;
}

/** A tab signed in as `nip` through the dev sign-in page, on the home page. */
async function signedIn(nip: string): Promise<Page> {
  const page = await web.context.newPage();
  await page.goto(`${web.stack.url}/app/`);
  await page.getByRole('button', { name: new RegExp(nip) }).tap();
  await nav(page).waitFor();
  return page;
}

describe('feedback in a browser', () => {
  it('goes from the Kepala Seksi to her Pegawai and back, each led there by the inbox', async () => {
    const rina = await signedIn(KASI.nip);
    await nav(rina).getByRole('link', { name: 'Umpan balik' }).tap();
    await expect.poll(() => h1(rina).textContent()).toBe('Umpan balik');
    expect(path(rina)).toBe('/app/umpan-balik');
    await rina.getByLabel('Anggota tim').selectOption({ label: `${PEGAWAI.name} — ${PEGAWAI.position}` });

    // Sent empty: the API's message sits under the field it names.
    const give = rina.getByRole('region', { name: `Beri umpan balik kepada ${PEGAWAI.name}` });
    await give.getByRole('button', { name: 'Kirim umpan balik' }).tap();
    const text = give.getByLabel('Umpan balik');
    await expect.poll(() => text.getAttribute('aria-invalid')).toBe('true');
    expect(await give.locator('.field-error').textContent()).toBe('Kolom ini tidak boleh kosong.');
    await expectAccessible(rina, 'feedback form with an error');
    await expectFitsPhone(rina);

    // About an RHK of his plan, picked by its title.
    const about = give.getByLabel('Tentang');
    const rhkOption = about.getByRole('option', { name: /^RHK: / }).first();
    await rhkOption.waitFor({ state: 'attached' });
    const rhkTitle = (await rhkOption.textContent())!.slice('RHK: '.length);
    await about.selectOption({ label: `RHK: ${rhkTitle}` });
    await text.fill('Rekaman KTP-el rapi; tambahkan foto berkas sebagai bukti.');
    await give.getByRole('button', { name: 'Kirim umpan balik' }).tap();
    await expect
      .poll(() => give.getByRole('status').textContent())
      .toBe(`Umpan balik terkirim kepada ${PEGAWAI.name}.`);
    const his = rina.getByRole('region', { name: `Umpan balik untuk ${PEGAWAI.name}` });
    const given = his.getByRole('article', { name: `Dari ${KASI.name}` });
    await given.waitFor();
    await given.getByText(`RHK ${rhkTitle}`, { exact: false }).waitFor();
    expect(await given.textContent()).toContain('Rekaman KTP-el rapi; tambahkan foto berkas sebagai bukti.');

    // A performance dialog: topics one per line, a follow-up owned by the supervisor.
    const dialog = rina.getByRole('region', { name: `Catat dialog kinerja dengan ${PEGAWAI.name}` });
    await dialog.getByRole('button', { name: 'Simpan dialog' }).tap();
    await expect.poll(() => dialog.getByLabel('Topik yang dibahas').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Topik yang dibahas').fill('Antrean KTP-el sore hari\nFoto berkas sebagai bukti');
    await dialog.getByRole('button', { name: 'Tambah tindak lanjut' }).tap();
    const followUp = dialog.getByRole('group', { name: 'Tindak lanjut 1' });
    await followUp.getByLabel('Apa yang dilakukan').fill('Buka loket tambahan pukul 15.00–17.00');
    await followUp.getByLabel('Oleh').selectOption({ label: 'Atasan' });
    await followUp.getByLabel('Batas waktu (opsional)').fill('2026-12-05');
    await expectAccessible(rina, 'dialog form with a follow-up');
    await expectFitsPhone(rina);
    await dialog.getByRole('button', { name: 'Simpan dialog' }).tap();
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toBe(`Dialog kinerja dengan ${PEGAWAI.name} tersimpan.`);
    const dialogs = rina.getByRole('region', { name: `Dialog kinerja ${PEGAWAI.name}` });
    await dialogs.getByRole('article').first().waitFor();
    expect(await dialogs.getByRole('listitem').allTextContents()).toEqual([
      'Antrean KTP-el sore hari',
      'Foto berkas sebagai bukti',
      'Buka loket tambahan pukul 15.00–17.00 (Atasan, paling lambat 5 Des 2026)',
    ]);
    await expectAccessible(rina, 'feedback page with a thread and a dialog');

    // Rahmat: the badge names the count; the inbox marks it unread; its link leads to the feedback page.
    expect(await unreadOnceNotified(await web.devToken(PEGAWAI.nip), 'feedback_given')).toBe(1);
    const rahmat = await signedIn(PEGAWAI.nip);
    const inboxLink = nav(rahmat).getByRole('link', { name: 'Kotak masuk, 1 belum dibaca' });
    await inboxLink.waitFor();
    await expectAccessible(rahmat, 'home with the unread badge');
    await expectFitsPhone(rahmat);
    await inboxLink.tap();
    await expect.poll(() => h1(rahmat).textContent()).toBe('Kotak masuk');
    const notice = rahmat.getByRole('listitem').filter({ hasText: 'Umpan balik dari atasan' });
    expect(await notice.textContent()).toContain('Belum dibaca');
    expect(await notice.textContent()).toContain('Rekaman KTP-el rapi');
    await expectAccessible(rahmat, 'inbox with an unread notification');
    await expectFitsPhone(rahmat);
    await notice.getByRole('link', { name: 'Umpan balik dari atasan' }).tap();
    await expect.poll(() => h1(rahmat).textContent()).toBe('Umpan balik');
    expect(path(rahmat)).toBe('/app/umpan-balik');
    // Opened, so read: the badge is gone.
    await nav(rahmat).getByRole('link', { name: 'Kotak masuk', exact: true }).waitFor();

    const mine = rahmat.getByRole('region', { name: 'Umpan balik untuk Anda' });
    const thread = mine.getByRole('article', { name: `Dari ${KASI.name}` });
    await thread.waitFor();
    await thread.getByText(`RHK ${rhkTitle}`, { exact: false }).waitFor();
    await thread.getByLabel('Balasan Anda').fill('Baik, mulai besok foto berkas saya lampirkan.');
    await thread.getByRole('button', { name: 'Kirim balasan' }).tap();
    await expect.poll(() => thread.getByRole('status').textContent()).toBe('Balasan terkirim.');
    const replies = thread.getByRole('list', { name: 'Balasan' });
    await replies.waitFor();
    expect(await replies.textContent()).toContain(PEGAWAI.name);
    expect(await replies.textContent()).toContain('Baik, mulai besok foto berkas saya lampirkan.');
    await thread.getByRole('button', { name: 'Tandai sudah dipahami' }).tap();
    await thread.getByText('Sudah Anda tandai dipahami').waitFor();
    // The button is gone: the focus is on the line that says it is done, not lost to the page's start.
    await expect
      .poll(() => rahmat.evaluate<string | undefined>('document.activeElement?.textContent'))
      .toBe('Sudah Anda tandai dipahami');
    // The dialog she recorded is his to read too.
    const hisDialogs = rahmat.getByRole('region', { name: 'Dialog kinerja Anda' });
    await hisDialogs.getByText('Antrean KTP-el sore hari').waitFor();
    await expectAccessible(rahmat, 'feedback page after a reply');
    await expectFitsPhone(rahmat);

    // Rina: the reply's notification leads to his thread, him already picked.
    expect(await unreadOnceNotified(await web.devToken(KASI.nip), 'feedback_replied')).toBe(1);
    await rina.reload();
    await nav(rina).getByRole('link', { name: 'Kotak masuk, 1 belum dibaca' }).tap();
    await expect.poll(() => h1(rina).textContent()).toBe('Kotak masuk');
    await rina.getByRole('link', { name: 'Balasan umpan balik' }).tap();
    await expect.poll(() => h1(rina).textContent()).toBe('Umpan balik');
    expect(path(rina)).toBe(`/app/umpan-balik?pegawai=${PEGAWAI.nip}`);
    expect(await rina.getByLabel('Anggota tim').inputValue()).toBe(PEGAWAI.nip);
    await rina
      .getByRole('region', { name: `Umpan balik untuk ${PEGAWAI.name}` })
      .getByText('Baik, mulai besok foto berkas saya lampirkan.')
      .waitFor();
    await expectAccessible(rina, 'feedback page opened from a reply');

    // Opened, so read: no badge, and the inbox shows it read.
    await nav(rina).getByRole('link', { name: 'Kotak masuk', exact: true }).tap();
    await expect.poll(() => h1(rina).textContent()).toBe('Kotak masuk');
    await rina.getByText('Tidak ada notifikasi yang belum dibaca.').waitFor();
    expect(await rina.getByText('Belum dibaca', { exact: true }).count()).toBe(0);
    await expectAccessible(rina, 'inbox, none unread');
    await expectFitsPhone(rina);

    // She answers from elsewhere while his page shows the thread as it was: his reply is refused (409), the page
    // offers a reload and keeps what he typed; sent again, it goes.
    const [feedback] = (
      await web.stack.call('GET', `/employees/${PEGAWAI.nip}/feedback`, { token: await web.devToken(KASI.nip) })
    ).body.items;
    const answered = await web.stack.call('POST', `/employees/${PEGAWAI.nip}/feedback/${feedback.id}/replies`, {
      token: await web.devToken(KASI.nip),
      body: { text: 'Bagus, terima kasih.', version: feedback.version },
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    await thread.getByLabel('Balasan Anda').fill('Siap, Bu.');
    await thread.getByRole('button', { name: 'Kirim balasan' }).tap();
    const conflict = thread.getByRole('alert');
    await expect.poll(() => conflict.textContent()).toContain('Percakapan ini berubah sejak Anda membukanya.');
    await expectAccessible(rahmat, 'reply refused after a change elsewhere');
    await expectFitsPhone(rahmat);
    await conflict.getByRole('button', { name: 'Muat ulang' }).tap();
    await replies.getByText('Bagus, terima kasih.').waitFor();
    expect(await thread.getByLabel('Balasan Anda').inputValue()).toBe('Siap, Bu.');
    await thread.getByRole('button', { name: 'Kirim balasan' }).tap();
    await expect.poll(() => thread.getByRole('status').textContent()).toBe('Balasan terkirim.');
    await replies.getByText('Siap, Bu.').waitFor();
    expect(await thread.getByRole('alert').count()).toBe(0);
    await rahmat.close();
    await rina.close();
  }, 120_000); // a long journey over two phones: well over 30 s while the whole suite runs
});

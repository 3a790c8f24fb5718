/**
 * The home page as a home for today, through the real local stack on a 360 px phone: the Pegawai sees his day and
 * week as the API counts them (a rejected entry with its reason) and the way to log; his Kepala Seksi sees how
 * much waits in her verification queue and for her approval, and the way to Tim; someone with no SKP yet is sent
 * to write it. Every expected number is read from the API first; axe finds nothing on the way.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFitsPhone, webAppUnderTest } from '../support/browser.ts';
import { tokenFor, who } from '../support/demo.ts';

// Approved plans down to the Pegawai, and entries of his waiting in the Kepala Seksi's queue.
const web = webAppUnderTest({ withWork: true });

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const wibNow = () => new Date(Date.now() + 7 * 3_600_000).toISOString();
const todayWib = () => wibNow().slice(0, 10);
const mondayOf = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
};
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const dateText = (date: string) =>
  new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

async function signIn(nip: string): Promise<Page> {
  const page = await web.context.newPage();
  await page.goto(`${web.stack.url}/app/`);
  await page.getByLabel('NIP', { exact: true }).fill(nip);
  await page.getByRole('button', { name: 'Masuk', exact: true }).tap();
  await expect.poll(() => h1(page).textContent()).toMatch(/^Selamat datang, \S/);
  return page;
}

async function ok(method: string, path: string, token: string, body?: unknown) {
  const res = await web.stack.call(method, path, { token, ...(body ? { body } : {}) });
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

/** Every page of a listing, as the API hands them out. */
async function all<T>(path: string, token: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await ok('GET', `${path}${sep}limit=100${cursor ? `&cursor=${cursor}` : ''}`, token);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

interface Entry {
  id: string;
  date: string;
  minutes: number;
  status: 'pending' | 'approved' | 'rejected';
  version: number;
  rejectReason?: string;
}

/** Logs the last half hour before now (WIB) of today against the first IKI of his plan in force. */
async function logToday(token: string, description: string): Promise<Entry> {
  const plan = await ok('GET', `/employees/me/plans/${todayWib().slice(0, 4)}`, token);
  const rhk = plan.inForce.rhk[0];
  const [h, m] = wibNow().slice(11, 16).split(':').map(Number) as [number, number];
  const end = Math.max(h * 60 + m, 1);
  const body = await ok('POST', '/employees/me/activities', token, {
    date: todayWib(),
    start: hhmm(Math.max(end - 30, 0)),
    end: hhmm(end),
    description,
    rhkId: rhk.id,
    ikiId: rhk.iki[0].id,
    outputQuantity: 1,
    outputUnit: rhk.iki[0].unit,
  });
  return body.activity;
}

describe('the home page in a browser', () => {
  it("shows the Pegawai his day and week as the API counts them, a rejection's reason, and the way to log", async () => {
    const staff = await tokenFor(web.stack.issuer, who.staff);
    const kasi = await tokenFor(web.stack.issuer, who.kasi);
    // Today: one entry logged, and his Kepala Seksi rejects it with a reason.
    const entry = await logToday(staff, 'Perekaman KTP-el pemohon lansia');
    const reason = 'Jumlah pemohon tidak sesuai buku register';
    const decided = await ok('POST', '/activities/decisions', kasi, {
      decisions: [
        { nip: who.staff, date: entry.date, id: entry.id, version: entry.version, decision: 'reject', reason },
      ],
    });
    expect(decided.results[0].status).toBe(200);

    const week = await all<Entry>(`/employees/me/activities?from=${mondayOf(todayWib())}&to=${todayWib()}`, staff);
    const todays = week.filter((e) => e.date === todayWib());
    const minutes = todays.reduce((sum, e) => sum + e.minutes, 0);
    const count = (status: Entry['status']) => String(week.filter((e) => e.status === status).length);

    const page = await signIn(who.staff);
    const mine = page.getByRole('region', { name: 'Aktivitas Anda' });
    await mine.locator('.log-totals').waitFor();
    expect(await mine.getByText(/^Tercatat hari ini/).textContent()).toBe(
      `Tercatat hari ini: ${todays.length} aktivitas, ${Math.floor(minutes / 60)} jam ${minutes % 60} menit.`,
    );
    const tile = (label: string) => mine.locator('.log-totals div').filter({ hasText: label }).locator('dd');
    expect(await tile('Menunggu verifikasi').textContent()).toBe(count('pending'));
    expect(await tile('Disetujui').textContent()).toBe(count('approved'));
    expect(await tile('Ditolak').textContent()).toBe(count('rejected'));
    // The rejected entry is listed with the reason the API stored.
    const stored = week.find((e) => e.id === entry.id)!;
    expect(stored.rejectReason).toBe(reason);
    const rejected = mine.getByRole('listitem').filter({ hasText: 'Perekaman KTP-el pemohon lansia' });
    expect(await rejected.getByText(`Alasan penolakan: ${reason}`).count()).toBe(1);
    expect(await mine.getByRole('link', { name: 'Perbaiki di halaman Aktivitas' }).getAttribute('href')).toBe(
      '/app/aktivitas',
    );
    // His plan is approved: no reminder to write it.
    expect(await page.getByRole('link', { name: /SKP \d{4}/ }).count()).toBe(0);
    // Not a supervisor: no team section.
    expect(await page.getByRole('region', { name: 'Tim Anda' }).count()).toBe(0);
    await page.getByRole('region', { name: 'Capaian periode berjalan' }).getByRole('listitem').first().waitFor();
    await expectAccessible(page, 'employee home');
    await expectFitsPhone(page);

    await page.getByRole('link', { name: 'Catat aktivitas', exact: true }).tap();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/app/aktivitas');
    await page.getByRole('heading', { name: 'Catat aktivitas' }).waitFor();
    await page.close();
  });

  it('shows the Kepala Seksi what waits in her queue and for her approval, and opens Tim', async () => {
    const kasi = await tokenFor(web.stack.issuer, who.kasi);
    const queue = await all<Entry>('/employees/me/verification-queue', kasi);
    expect(queue.length).toBeGreaterThan(0);
    const oldest = queue.map((e) => e.date).sort()[0]!;
    const plans = await ok('GET', `/employees/me/team-plans/${todayWib().slice(0, 4)}`, kasi);
    const plansWaiting = plans.items.filter((m: { waitingForMe: boolean }) => m.waitingForMe).length;

    const page = await signIn(who.kasi);
    const team = page.getByRole('region', { name: 'Tim Anda' });
    await expect
      .poll(() => team.getByText(/menunggu verifikasi Anda/).textContent())
      .toBe(`${queue.length} aktivitas menunggu verifikasi Anda. Yang terlama dari ${dateText(oldest)}.`);
    await expect
      .poll(() => team.getByText(/SKP .*menunggu persetujuan Anda/).textContent())
      .toBe(
        plansWaiting > 0
          ? `${plansWaiting} SKP menunggu persetujuan Anda.`
          : 'Tidak ada SKP yang menunggu persetujuan Anda.',
      );
    await page.getByRole('region', { name: 'Aktivitas Anda' }).locator('.log-totals').waitFor();
    await expectAccessible(page, 'supervisor home');
    await expectFitsPhone(page);

    await team.getByRole('link', { name: 'Buka halaman Tim' }).tap();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/app/tim');
    await expect.poll(() => h1(page).textContent()).toBe('Tim');
    await page.close();
  });

  it('sends someone with no SKP for the year to write it, and shows her unread notifications', async () => {
    const token = await tokenFor(web.stack.issuer, who.otherStaff);
    const year = todayWib().slice(0, 4);
    const plan = await web.stack.call('GET', `/employees/me/plans/${year}`, { token });
    expect(plan.status).toBe(404);
    const unread = (await ok('GET', '/me/notifications?unread=true&limit=1', token)).unreadCount as number;

    const page = await signIn(who.otherStaff);
    const write = page.getByRole('link', { name: `Susun SKP ${year}` });
    await write.waitFor();
    expect(await write.getAttribute('href')).toBe('/app/skp');
    expect(
      await page
        .getByText(unread > 0 ? `${unread} notifikasi belum dibaca` : 'Tidak ada notifikasi yang belum dibaca.')
        .count(),
    ).toBe(1);
    await expectAccessible(page, 'home with the SKP reminder');
    await expectFitsPhone(page);
    await write.tap();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/app/skp');
    await page.close();
  });
});

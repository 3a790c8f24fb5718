/** Approved plans down the demo hierarchy, so activities have a plan in force to be logged against. */
import { expect } from 'vitest';
import { wibDate } from '../../shared/domain/time.ts';
import { tokenFor, who } from './demo.ts';
import type { TestStack } from './stack.ts';

export const ikiOf = (id: string, weight: number, over: Record<string, unknown> = {}) => ({
  id,
  name: `Indikator ${id}`,
  aspect: 'kuantitas',
  target: { kind: 'single', value: 100 },
  unit: 'dokumen',
  direction: 'higher',
  weight,
  source: 'activities',
  ...over,
});

const rhk = (id: string, link: Record<string, string>) => ({
  id,
  kind: 'utama',
  title: `Hasil kerja ${id}`,
  ...link,
  iki: [ikiOf(`${id}-a`, 60), ikiOf(`${id}-b`, 40)],
});

/** Yesterday in WIB: always in the past, and its period still before its input deadline (day 5 of the next month). */
export const yesterday = () => wibDate(new Date(Date.now() - 86_400_000));

export async function approvedPlans(stack: TestStack, year: number): Promise<void> {
  const bkpsdm = await tokenFor(stack.issuer, who.bkpsdm);
  const opened = await stack.call('POST', '/years', { token: bkpsdm, body: { year, cadence: 'monthly' } });
  expect([201, 409]).toContain(opened.status);
  const chain: [owner: string, approver: string, link: Record<string, string>, id: string][] = [
    // The Sekda has no superior in the system: BKPSDM records the Wali Kota's decision.
    [who.sekda, who.bkpsdm, { unitGoal: 'Pelayanan publik prima' }, 'sekda-1'],
    [who.kadis, who.sekda, { parentRhkId: 'sekda-1' }, 'kadis-1'],
    [who.kabid, who.kadis, { parentRhkId: 'kadis-1' }, 'kabid-1'],
    [who.kasi, who.kabid, { parentRhkId: 'kabid-1' }, 'kasi-1'],
    [who.staff, who.kasi, { parentRhkId: 'kasi-1' }, 'staff-1'],
    [who.otherKasi, who.kabid, { parentRhkId: 'kabid-1' }, 'pindah-1'],
    [who.otherStaff, who.otherKasi, { parentRhkId: 'pindah-1' }, 'other-1'],
  ];
  for (const [owner, approver, link, id] of chain) {
    const token = await tokenFor(stack.issuer, owner);
    const made = await stack.call('POST', `/employees/me/plans/${year}`, { token, body: { rhk: [rhk(id, link)] } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const sub = await stack.call('POST', `/employees/me/plans/${year}/submit`, {
      token,
      body: { version: made.body.version },
    });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    const ok = await stack.call('POST', `/employees/${owner}/plans/${year}/approve`, {
      token: await tokenFor(stack.issuer, approver),
      body: { version: sub.body.version },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  }
}

import { describe, expect, it } from 'vitest';
import { appRouteOf, openPathOf, openRequestOf } from '../../web/src/pages/inbox/links.ts';

const ME = '199001152015031003';
const MEMBER = '199507202020121002';

describe('the app page a notification opens', () => {
  it.each([
    // [API link (as shared/domain/notifications.ts writes them), app route]
    [`/employees/${ME}/plans/2026`, '/skp'],
    ['/employees/me/plans/2026', '/skp'],
    [`/employees/${MEMBER}/plans/2026`, '/tim'],
    [`/employees/${ME}/activities?from=2026-11-27&to=2026-11-27`, '/aktivitas'],
    [`/employees/${MEMBER}/activities?from=2026-11-27&to=2026-11-27`, '/tim'],
    ['/employees/me/verification-queue', '/tim'],
    [`/employees/${ME}/feedback`, '/umpan-balik'],
    [`/employees/${ME}/dialogs`, '/umpan-balik'],
    [`/employees/${MEMBER}/feedback`, `/umpan-balik?pegawai=${MEMBER}`],
    [`/employees/${ME}/evaluations/2026-11`, '/penilaian'],
    [`/employees/${MEMBER}/evaluations/2026-Q4`, '/penilaian'],
    ['/employees/me/evaluations/2026-11', '/penilaian'],
    ['/employees/me/team-evaluations/2026-11', '/penilaian'],
    // The weekly adoption digest to a head of unit; a person's signals (own, or someone else's for a superior).
    ['/units/DUK-IDK/adoption/2026-11', '/keadilan?unit=DUK-IDK&periode=2026-11'],
    ['/employees/me/signals/2026-11', '/sinyal?periode=2026-11'],
    [`/employees/${MEMBER}/signals/2026-11`, `/sinyal?pegawai=${MEMBER}&periode=2026-11`],
    [`/employees/${ME}/signals`, '/sinyal'],
    // No page in the app yet, or not a link the API writes: the inbox shows it without a link.
    ['/units/1.2.3/survey-follow-ups', undefined],
    [`/employees/${ME}`, undefined],
    [`/employees/${ME}/audit`, undefined],
    ['', undefined],
    ['https://evil.example/employees/me/feedback', undefined],
  ])('%s → %s', (link, route) => {
    expect(appRouteOf(link, ME)).toBe(route);
  });

  it('treats every NIP as someone else’s before the viewer is known', () => {
    expect(appRouteOf(`/employees/${ME}/feedback`, undefined)).toBe(`/umpan-balik?pegawai=${ME}`);
    expect(appRouteOf('/employees/me/feedback', undefined)).toBe('/umpan-balik');
  });
});

describe('the inbox address that opens a notification', () => {
  it.each([
    ['/employees/me/plans/2026', '20261127094000123-a1B2c3D4e5F6g7H8'],
    ['/employees/1/activities?from=2026-11-27&to=2026-11-27', undefined],
  ])('carries %s (and id %s) there and back', (link, id) => {
    const path = openPathOf(link, id);
    expect(path.startsWith('/kotak-masuk?buka=')).toBe(true);
    expect(openRequestOf(path.slice(path.indexOf('?')))).toEqual(id ? { link, id } : { link });
  });

  it('asks nothing of an inbox opened plainly', () => {
    expect(openRequestOf('')).toBeUndefined();
    expect(openRequestOf('?id=1')).toBeUndefined();
  });
});

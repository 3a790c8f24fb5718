import { describe, expect, it } from 'vitest';
import { appPathOf, returnPathOf } from '../../web/src/auth/return-to.ts';

describe('sign-in returns to the page opened', () => {
  it.each([
    [
      { pathname: '/app/kotak-masuk', search: '?buka=%2Femployees%2Fme%2Ffeedback&id=1' },
      '/kotak-masuk?buka=%2Femployees%2Fme%2Ffeedback&id=1',
    ],
    [{ pathname: '/app/', search: '' }, '/'],
    [{ pathname: '/app', search: '' }, '/'],
    [{ pathname: '/elsewhere', search: '?x=1' }, '/?x=1'],
  ])('%o is the app path %s', (location, path) => {
    expect(appPathOf(location, '/app/')).toBe(path);
  });

  it.each([
    [{ returnTo: '/umpan-balik?pegawai=199001152015031003' }, '/umpan-balik?pegawai=199001152015031003'],
    [{ returnTo: '/' }, '/'],
    // Nothing carried, or not an app path: home.
    [undefined, '/'],
    [null, '/'],
    [{}, '/'],
    [{ returnTo: 42 }, '/'],
    [{ returnTo: 'https://evil.example/' }, '/'],
    [{ returnTo: '//evil.example/' }, '/'],
    [{ returnTo: '/\\evil.example/' }, '/'],
    // The callback again would run a used code a second time.
    [{ returnTo: '/auth/callback?code=x' }, '/'],
  ])('state %o goes to %s', (state, path) => {
    expect(returnPathOf(state)).toBe(path);
  });
});

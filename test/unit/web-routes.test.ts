/** The web app's addresses and the API's paths never meet: the app lives under /app/, the dev sign-in under /dev/. */
import { describe, expect, it } from 'vitest';
import { APP_BASE, DEV_BASE } from '../../infra/local/web.ts';
import { httpFunctions } from '../../shared/platform/manifest.ts';

describe('web app routes', () => {
  it('share no prefix with any API path', () => {
    for (const fn of httpFunctions()) {
      const path = fn.trigger.path;
      expect(path, fn.name).not.toBe('/');
      for (const base of [APP_BASE, DEV_BASE]) {
        expect(`${path}/`.startsWith(base), `${fn.name} ${path}`).toBe(false);
      }
    }
  });
});

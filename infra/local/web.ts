/**
 * What the local gateway serves besides the API: the web app (web/dist under /app/, as CloudFront does in the
 * cloud), its runtime config.json, and the dev sign-in (/dev/people, /dev/token) that stands in for Cognito's
 * hosted UI. Local only: nothing here is in the manifest, the OpenAPI document or the CDK app.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { negotiateLang, render } from '../../shared/messages/catalogue.ts';
import { DEMO_ORG, demoPeople } from './demo-data.ts';
import type { Issuer } from './issuer.ts';

/** KINERJA_WEB_DIST lets a second build (a bench, a colleague's branch) be served without touching web/dist. */
export const WEB_DIST = process.env.KINERJA_WEB_DIST ?? resolve(import.meta.dirname, '../../web/dist');
/** The app's own address space; no API path starts with it (test/unit/web-routes.test.ts checks). */
export const APP_BASE = '/app/';
/** The local-only dev sign-in; no API path starts with it either. */
export const DEV_BASE = '/dev/';

/** The same policy CloudFront's response headers policy sends, with the API on the same origin. */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "font-src 'self'; manifest-src 'self'; worker-src 'self'; frame-ancestors 'none'; base-uri 'none'; " +
  "form-action 'self'; object-src 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'content-security-policy': APP_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export interface LocalPagesOptions {
  issuer: Issuer;
  /** The built app; defaults to web/dist. */
  webDir?: string;
}

/** Answers the local-only paths; returns false for everything else (the API's routes). */
export function localPages({ issuer, webDir = WEB_DIST }: LocalPagesOptions) {
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  const serveApp = (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (path === '/app/config.json') {
      const origin = `http://${req.headers.host ?? 'localhost'}`;
      return json(res, 200, { apiUrl: origin, auth: { kind: 'dev' } });
    }
    const index = resolve(webDir, 'index.html');
    if (!existsSync(index)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      return res.end('The web app is not built yet: run `npm run build:web` (npm start does it for you).\n');
    }
    let file = '';
    try {
      file = resolve(webDir, decodeURIComponent(path.slice(APP_BASE.length)));
    } catch {
      /* not valid percent-encoding: no file, the app's index */
    }
    const isFile = file.startsWith(webDir + sep) && existsSync(file) && statSync(file).isFile();
    // SPA fallback: a path under /app/ that is no file is one of the app's routes.
    const served = isFile ? file : index;
    // Hashed names are cached for good; the rest keep their names across builds (index.html, sw.js, the manifest):
    // never cached, so a new build's service worker is found at the next visit.
    const hashed = served.startsWith(resolve(webDir, 'assets') + sep);
    res.writeHead(200, {
      'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-store',
      ...SECURITY_HEADERS,
    });
    res.end(readFileSync(served));
  };

  const people = () =>
    demoPeople
      .filter((p) => p.demoRole)
      .map((p) => ({ nip: p.nip, name: p.name, role: p.demoRole!, position: p.position }));

  const mintToken = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let nip: unknown;
    try {
      nip = (JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { nip?: unknown }).nip;
    } catch {
      nip = undefined;
    }
    const lang = negotiateLang(req.headers['accept-language']);
    if (typeof nip !== 'string' || !/^\d{18}$/.test(nip)) {
      return json(res, 400, {
        error: {
          code: 'validation_failed',
          message: render('validation_failed', lang),
          details: [
            {
              field: 'body.nip',
              code: 'invalid_format',
              message: lang === 'en' ? 'A NIP is 18 digits.' : 'NIP terdiri dari 18 angka.',
            },
          ],
        },
      });
    }
    // As `npm run token -- <nip>`: a demo person's groups, anyone else in the demo organisation with none.
    const groups = demoPeople.find((p) => p.nip === nip)?.groups ?? [];
    json(res, 200, { token: await issuer.userToken({ orgId: DEMO_ORG.orgId, nip, groups }) });
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    if (path === '/' && method === 'GET') {
      res.writeHead(302, { location: APP_BASE, 'cache-control': 'no-store' });
      res.end();
      return true;
    }
    if (path === '/app') {
      res.writeHead(301, { location: APP_BASE });
      res.end();
      return true;
    }
    if (path.startsWith(APP_BASE) && (method === 'GET' || method === 'HEAD')) {
      serveApp(req, res, path);
      return true;
    }
    if (path === '/dev/people' && method === 'GET') {
      json(res, 200, { people: people() });
      return true;
    }
    if (path === '/dev/token' && method === 'POST') {
      await mintToken(req, res);
      return true;
    }
    return false;
  };
}

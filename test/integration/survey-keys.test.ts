/**
 * Survey keys per organisation, through the real local gateway: a rotation keeps links already printed working
 * (until a second rotation drops their key), new links carry the new key id, and a correctly signed link counts
 * only when it names a real transaction of its organisation, unit and service type.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { localKeyStore, rotateSurveyKey } from '../../infra/ops/survey-keys.ts';
import { legacyKeySet, parseKeySet } from '../../shared/domain/survey-keys.ts';
import { type SurveyLink, signSurveyLink } from '../../shared/domain/survey-token.ts';
import { wibMonth } from '../../shared/domain/time.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { demoTokens, type who } from '../support/demo.ts';
import { recentService } from '../support/services.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
const scope = new OrgScope('kota-medan');
const dir = mkdtempSync(join(tmpdir(), 'survey-keys-'));
const keysDir = join(dir, 'survey');
const legacyFile = join(dir, 'survey-signing-key');
const store = () => localKeyStore(keysDir, legacyFile);
const allFour = { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 };
let seq = 0;

beforeAll(async () => {
  stack = await startTestStack();
  // The stack's key of before rotation, where `npm start` keeps it; the key sets beside it, as npm start does.
  writeFileSync(legacyFile, process.env.SURVEY_SIGNING_KEY!);
  process.env.SURVEY_KEYS_DIR = keysDir;
  await seedDemo();
  t = await demoTokens(stack.issuer);
}, 60_000);
afterAll(() => stack.stop());

/** Pushes completed transactions of DUK-IDK / ktp-el and answers their survey URLs. */
async function push(n: number): Promise<string[]> {
  const recent = await recentService();
  const res = await stack.call('POST', '/service-transactions', {
    token: await stack.issuer.machineToken(),
    body: {
      transactions: Array.from({ length: n }, () => ({
        externalId: `SIAK-KEY-${++seq}`,
        unitCode: 'DUK-IDK',
        serviceType: 'ktp-el',
        officers: ['199001152015031003'],
        ...recent,
      })),
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.results.map((r: { surveyUrl: string }) => r.surveyUrl);
}
const tokenOf = (url: string) => url.split('/s/')[1]!;
/** What a token names (its payload is readable; only its signature is secret). */
const linkOf = (url: string): SurveyLink => {
  const parts = tokenOf(url).split('.');
  const [orgId, unitCode, serviceType, linkId, exp] = Buffer.from(parts.at(-2)!, 'base64url')
    .toString('utf8')
    .split('|') as [string, string, string, string, string];
  return { orgId, unitCode, serviceType, linkId, expiresAt: parseInt(exp, 36) };
};
const post = (url: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(Object.entries(allFour).map(([k, v]): [string, string] => [k, String(v)])).toString(),
  });
const respondents = async () => {
  const res = await stack.call('GET', `/units/DUK-IDK/service-indicators/${wibMonth(new Date())}`, { token: t.kasi });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.unit.survey.respondents as number;
};
const storedResponse = (linkId: string) => scope.get('main', scope.key('SURVEY', linkId), 'RESPONSE', true);
const newestKey = () => parseKeySet(readFileSync(join(keysDir, 'kota-medan.json'), 'utf8')).keys[0]!;

let printed: string[]; // before any rotation: no key id
let afterFirst: string[]; // signed with key 1

describe('rotation', () => {
  it('links printed before a rotation still open and submit once after it; new links carry the new key id', async () => {
    printed = await push(3);
    for (const url of printed) expect(tokenOf(url)).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);

    const r = await rotateSurveyKey(store(), 'kota-medan');
    expect([r.added, r.kept, r.dropped]).toEqual(['1', ['0'], []]);

    expect((await fetch(printed[0]!)).status).toBe(200);
    expect((await post(printed[0]!)).status).toBe(200);
    expect((await post(printed[0]!)).status).toBe(409);

    afterFirst = await push(2);
    for (const url of afterFirst) expect(tokenOf(url)).toMatch(/^1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect((await fetch(afterFirst[0]!)).status).toBe(200);
    expect((await post(afterFirst[0]!)).status).toBe(200);
    await eventually(async () => ((await respondents()) === 2 ? true : undefined));
  });

  it('a transaction pushed again after the rotation names the same link, now signed with the new key', async () => {
    const recent = await recentService();
    const again = await stack.call('POST', '/service-transactions', {
      token: await stack.issuer.machineToken(),
      body: {
        transactions: [
          {
            externalId: 'SIAK-KEY-3',
            unitCode: 'DUK-IDK',
            serviceType: 'ktp-el',
            officers: ['199001152015031003'],
            ...recent,
          },
        ],
      },
    });
    expect(again.status).toBe(200);
    const url = again.body.results[0].surveyUrl as string;
    expect(tokenOf(url)).toMatch(/^1\./);
    expect(linkOf(url).linkId).toBe(linkOf(printed[2]!).linkId);
    expect((await fetch(printed[2]!)).status).toBe(200);
    await eventually(async () => ((await respondents()) === 2 ? true : undefined));
  });

  it('a second rotation drops the key of before: its links are refused, key 1 links still open', async () => {
    const r = await rotateSurveyKey(store(), 'kota-medan');
    expect([r.added, r.kept, r.dropped]).toEqual(['2', ['1'], ['0']]);
    const old = await fetch(printed[1]!);
    expect(old.status).toBe(400);
    expect(await old.text()).toContain('<title>Tautan tidak sah</title>');
    expect((await post(printed[1]!)).status).toBe(400);
    expect(await storedResponse(linkOf(printed[1]!).linkId)).toBeUndefined();
    expect((await fetch(afterFirst[1]!)).status).toBe(200);
    const [newest] = await push(1);
    expect(tokenOf(newest!)).toMatch(/^2\./);
    expect((await fetch(newest!)).status).toBe(200);
  });

  it('npm run rotate-survey-key prints what it did and keeps at most two keys', async () => {
    const data = mkdtempSync(join(tmpdir(), 'rotate-cli-'));
    const run = () =>
      promisify(execFile)('npx', ['tsx', 'infra/ops/rotate-survey-key.ts', '--org', 'kota-medan'], {
        cwd: resolve(import.meta.dirname, '../..'),
        env: { ...process.env, KINERJA_DATA_DIR: data },
      });
    const first = await run();
    expect(first.stdout).toContain('kota-medan: new survey key 1 signs every new link');
    expect(first.stdout).toContain('Key 0 stays valid');
    const second = await run();
    expect(second.stdout).toContain('new survey key 2');
    expect(second.stdout).toContain('Dropped key 0');
    const set = parseKeySet(readFileSync(join(data, 'keys/survey/kota-medan.json'), 'utf8'));
    expect(set.keys.map((k) => k.kid)).toEqual(['2', '1']);
    // The link key is the key of before rotation that npm start keeps, so transactions keep their link ids.
    const legacy = Buffer.from(readFileSync(join(data, 'keys/survey-signing-key'), 'utf8'), 'base64');
    expect(set.linkKey.equals(legacy)).toBe(true);
  }, 60_000);
});

describe('a signed link counts only when it names a real transaction of its organisation, unit and service type', () => {
  it.each<[label: string, forge: (real: SurveyLink) => { link: SurveyLink; key?: 'legacy' }]>([
    ['no transaction at all', (real) => ({ link: { ...real, linkId: 'AAAAAAAAAAAAAAAAAAAAAA' } })],
    ['another unit', (real) => ({ link: { ...real, unitCode: 'DUK-PIAK-KTP' } })],
    ['another service type', (real) => ({ link: { ...real, serviceType: 'akta-kelahiran' } })],
    // Another organisation: its key set is the key of before rotation (it never rotated), so the signature holds.
    ['another organisation', (real) => ({ link: { ...real, orgId: 'kota-binjai' }, key: 'legacy' })],
  ])('forged but signed, %s: a clear page, nothing stored, nothing counted', async (_label, forge) => {
    // Stable here: every earlier accepted response was waited for until counted.
    const before = await respondents();
    const [url] = await push(1);
    const { link, key } = forge(linkOf(url!));
    const signer =
      key === 'legacy' ? legacyKeySet(Buffer.from(process.env.SURVEY_SIGNING_KEY!, 'base64')).keys[0]! : newestKey();
    const forged = `${url!.split('/s/')[0]}/s/${signSurveyLink(link, signer)}`;

    const page = await fetch(forged);
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(html).toContain('<title>Tautan tidak dikenal</title>');
    expect(html).toContain('Tidak ada yang disimpan');
    const sent = await post(forged);
    expect(sent.status).toBe(404);
    expect(await storedResponse(link.linkId)).toBeUndefined();
    const other = new OrgScope('kota-binjai');
    expect(await other.get('main', other.key('SURVEY', link.linkId), 'RESPONSE', true)).toBeUndefined();

    // The genuine link still works, and only its response is counted.
    expect((await post(url!)).status).toBe(200);
    await eventually(async () => ((await respondents()) === before + 1 ? true : undefined));
    expect(await respondents()).toBe(before + 1);
  });
});

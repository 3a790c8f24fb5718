/**
 * Values JSON can carry but no field may hold, refused with 400 and a sentence naming the field, through the real
 * local gateway: numbers DynamoDB cannot store exactly, text with control or bidirectional-override characters,
 * and request bodies that are not UTF-8.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { demoTokens, who } from '../support/demo.ts';
import { approvedPlans, ikiOf, yesterday } from '../support/plans.ts';
import { startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
const D = yesterday();
const YEAR = Number(D.slice(0, 4));

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  t = await demoTokens(stack.issuer);
  await approvedPlans(stack, YEAR);
});
afterAll(() => stack.stop());

let slot = 0;
/** A valid entry of a fresh ten-minute slot, with `over` changed. */
const entry = (over: Record<string, unknown>) => {
  const m = 6 * 60 + 10 * slot++;
  const clock = (x: number) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
  return {
    date: D,
    start: clock(m),
    end: clock(m + 10),
    description: 'Uji nilai',
    rhkId: 'staff-1',
    ikiId: 'staff-1-a',
    outputQuantity: 1,
    outputUnit: 'dokumen',
    ...over,
  };
};
const log = (body: unknown, lang = 'id') =>
  stack.call('POST', '/employees/me/activities', { token: t.staff, body, headers: { 'accept-language': lang } });
const problemOf = (res: { status: number; body: any }) => {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error.code).toBe('validation_failed');
  return res.body.error.details[0] as { field: string; code: string; message: string };
};

describe('numbers DynamoDB cannot store', () => {
  it.each([
    ['nearer zero than 1e-130', 1e-131],
    ['the smallest double', 5e-324],
  ])('refuses an output quantity %s with a sentence, not a 500', async (_name, outputQuantity) => {
    const problem = problemOf(await log(entry({ outputQuantity }), 'en'));
    expect(problem).toMatchObject({ field: 'body.outputQuantity', code: 'unstorable_number' });
    expect(problem.message).toBe(
      `The number ${outputQuantity} cannot be stored exactly: send 0, or a number between 1e-130 and 9007199254740991 (2^53 − 1) in size.`,
    );
  });

  it('keeps the numbers it can store: 0, 1e-130 and fractions', async () => {
    for (const outputQuantity of [0, 1e-130, 0.25]) {
      const res = await log(entry({ outputQuantity }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.activity.outputQuantity).toBe(outputQuantity);
    }
  });

  it.each([
    ['a target above 2^53', { kind: 'single', value: 2 ** 53 + 2 }, 'body.rhk.0.iki.0.target.value'],
    ['a range bound of 1e300', { kind: 'range', lo: 1, hi: 1e300 }, 'body.rhk.0.iki.0.target.hi'],
  ])('refuses a plan with %s in Bahasa Indonesia', async (_name, target, field) => {
    const res = await stack.call('POST', `/employees/me/plans/${YEAR}`, {
      token: t.staff,
      body: {
        rhk: [
          {
            id: 'besar-1',
            kind: 'utama',
            title: 'Target besar',
            parentRhkId: 'kasi-1',
            iki: [ikiOf('besar-1-a', 100, { target })],
          },
        ],
      },
    });
    const problem = problemOf(res);
    expect(problem).toMatchObject({ field, code: 'unstorable_number' });
    expect(problem.message).toMatch(/^Angka .* tidak bisa disimpan dengan tepat/);
  });
});

describe('text no field may hold', () => {
  it.each([
    ['NUL', 'Rapat\u0000koordinasi', 'U+0000'],
    ['a right-to-left override', 'Laporan \u202Efdp.exe', 'U+202E'],
    ['a first-strong isolate', 'Laporan \u2068x\u2069', 'U+2068'],
    ['a lone surrogate', 'Rapat \ud800', 'U+D800'],
    ['a replacement character (bytes a decoder could not read)', 'Rapat \uFFFD', 'U+FFFD'],
  ])('refuses a description with %s', async (_name, description, codePoint) => {
    const problem = problemOf(await log(entry({ description }), 'en'));
    expect(problem).toMatchObject({ field: 'body.description', code: 'unsafe_character' });
    expect(problem.message).toContain(codePoint);
  });

  it('refuses a name with a right-to-left override, and keeps one with accents and line-free Unicode', async () => {
    const me = (await stack.call('GET', `/employees/${who.staff}`, { token: t.bkpsdm })).body;
    const bad = await stack.call('PATCH', `/employees/${who.staff}`, {
      token: t.bkpsdm,
      body: { version: me.version, name: 'Rahmat \u202EtamhaR' },
    });
    expect(problemOf(bad)).toMatchObject({ field: 'body.name', code: 'unsafe_character' });
    const good = await stack.call('PATCH', `/employees/${who.staff}`, {
      token: t.bkpsdm,
      body: { version: me.version, name: 'Rahmat Hidayat Daulay, S.Kom — Ünïcödé 😀' },
    });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body.name).toBe('Rahmat Hidayat Daulay, S.Kom — Ünïcödé 😀');
  });

  it('keeps tabs and line breaks in free text', async () => {
    const res = await log(entry({ description: 'Baris satu\nBaris dua\tdengan tab' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });
});

describe('request bodies that are not UTF-8', () => {
  const send = (bytes: Buffer) =>
    fetch(`${stack.url}/employees/me/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.staff}`, 'content-type': 'application/json', 'accept-language': 'en' },
      body: bytes,
    });

  it('refuses them with 400 instead of storing U+FFFD in their place', async () => {
    const json = JSON.stringify(entry({ description: 'Rapat XX' }));
    const bytes = Buffer.from(json, 'utf8');
    const at = bytes.indexOf('XX');
    bytes[at] = 0xc3; // a lead byte followed by ASCII: not UTF-8
    bytes[at + 1] = 0x28;
    const res = await send(bytes);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { field: string; message: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details[0]).toMatchObject({
      field: 'body',
      message: 'The request body is not valid UTF-8 text: save or send it as UTF-8 and try again.',
    });
    // Nothing was stored for that slot.
    const day = (await stack.call('GET', `/employees/me/activities?from=${D}&to=${D}`, { token: t.staff })).body;
    expect(day.items.some((a: { description: string }) => a.description.startsWith('Rapat'))).toBe(false);
  });

  it('takes the same body sent as UTF-8', async () => {
    const res = await send(Buffer.from(JSON.stringify(entry({ description: 'Rapat Ünïcödé' })), 'utf8'));
    expect(res.status).toBe(201);
  });
});

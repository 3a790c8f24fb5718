/** The response check every integration call goes through (test/support/stack.ts). */
import { describe, expect, it } from 'vitest';
import { responseMismatch } from '../support/openapi-check.ts';

const json = 'application/json; charset=utf-8';

describe('responses measured against the OpenAPI document', () => {
  it('names the operation, status and ajv errors of a body that differs', () => {
    const mismatch = responseMismatch('GET', '/units?limit=2', 200, json, { items: [] });
    expect(mismatch).toMatch(/^list-units \(GET \/units\) → 200: body does not match/);
    expect(mismatch).toContain("must have required property 'units'");
  });

  it('refuses a status the operation does not document', () => {
    expect(responseMismatch('GET', '/units', 418, json, {})).toBe(
      'list-units (GET /units) → 418: status not documented',
    );
  });

  it('accepts the documented Error of 429, and the gateway 404 on a path no operation serves', () => {
    const error = { error: { code: 'too_many_requests', message: 'x' } };
    expect(responseMismatch('GET', '/units', 429, json, error)).toBeUndefined();
    expect(
      responseMismatch('GET', '/nowhere', 404, json, { error: { code: 'route_not_found', message: 'x' } }),
    ).toBeUndefined();
    expect(responseMismatch('GET', '/nowhere', 200, json, {})).toMatch(/no documented operation/);
  });
});

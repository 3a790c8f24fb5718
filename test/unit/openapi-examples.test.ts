/**
 * Every example in the OpenAPI document fits its own schema: request and response examples (media types),
 * parameter examples, and the `examples` of any schema. A failure names the spec file of the operation.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeErrors, schemaChecker } from '../support/openapi-check.ts';

const checker = schemaChecker();

interface Example {
  where: string;
  schema: string[];
  value: unknown;
}

const isObject = (x: unknown): x is Record<string, any> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `examples` inside a schema (each checked against that very schema), recursively. */
function schemaExamples(schema: unknown, pointer: string[], where: string, out: Example[]) {
  if (Array.isArray(schema))
    for (const [i, s] of schema.entries()) schemaExamples(s, [...pointer, String(i)], where, out);
  if (!isObject(schema)) return;
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'examples' && Array.isArray(value))
      for (const example of value) out.push({ where, schema: pointer, value: example });
    else schemaExamples(value, [...pointer, key], where, out);
  }
}

function examplesOf(doc: Record<string, any>): Example[] {
  const out: Example[] = [];
  const media = (content: Record<string, any> | undefined, pointer: string[], where: string) => {
    for (const [type, m] of Object.entries(content ?? {}))
      if (m.example !== undefined && m.schema)
        out.push({ where: `${where} ${type}`, schema: [...pointer, type, 'schema'], value: m.example });
  };
  for (const [path, ops] of Object.entries<Record<string, any>>(doc.paths))
    for (const [method, op] of Object.entries<Record<string, any>>(ops)) {
      const base = ['paths', path, method];
      const where = `${op.operationId}`;
      media(op.requestBody?.content, [...base, 'requestBody', 'content'], `${where} request body`);
      for (const [status, response] of Object.entries<Record<string, any>>(op.responses))
        media(response.content, [...base, 'responses', status, 'content'], `${where} → ${status}`);
      (op.parameters as Record<string, any>[]).forEach((p, i) => {
        if (p.example !== undefined)
          out.push({
            where: `${where} parameter ${p.name}`,
            schema: [...base, 'parameters', String(i), 'schema'],
            value: p.example,
          });
      });
      schemaExamples(op.parameters, [...base, 'parameters'], `${where} parameters`, out);
      schemaExamples(op.requestBody, [...base, 'requestBody'], `${where} request body`, out);
      schemaExamples(op.responses, [...base, 'responses'], `${where} responses`, out);
    }
  schemaExamples(doc.components, ['components'], 'components', out);
  return out;
}

/** Which spec file declares an operation: the report says where to fix an example. */
const specFiles = new Map<string, string>();
const apiDir = new URL('../../shared/api/', import.meta.url);
for (const file of readdirSync(apiDir).filter((f) => f.endsWith('.ts')))
  for (const value of Object.values(await import(new URL(file, apiDir).href)))
    if (isObject(value) && typeof value.name === 'string' && 'responses' in value)
      specFiles.set(value.name, `shared/api/${file}`);
const fileOf = (where: string) => specFiles.get(where.split(' ')[0]!) ?? 'shared/api/openapi.ts';

describe('examples in the OpenAPI document', () => {
  const examples = examplesOf(checker.document);

  it('finds the examples it checks', () => {
    expect(examples.length).toBeGreaterThan(20);
    expect(examples.some((e) => e.where === 'create-employee request body application/json')).toBe(true);
  });

  it('each fits its schema', () => {
    const failures = examples.flatMap((e) => {
      const errors = checker.check(e.schema, e.value);
      return errors.length
        ? [`${fileOf(e.where)}: ${e.where} (at ${e.schema.join(' › ')}):\n${describeErrors(errors)}`]
        : [];
    });
    expect(failures, `examples that do not fit their schema:\n\n${failures.join('\n\n')}`).toEqual([]);
  });
});

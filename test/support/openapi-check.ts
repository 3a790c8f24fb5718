/**
 * Checks values against the schemas of the OpenAPI document itself (ajv, JSON Schema 2020-12, formats), so the
 * tests hold the code to what the document promises: responses in test/support/stack.ts, examples in the unit tests.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildOpenApi } from '../../shared/api/openapi.ts';
import { httpFunctions } from '../../shared/platform/manifest.ts';

type Json = Record<string, any>;

const documentId = 'urn:kinerja:openapi';

export interface SchemaChecker {
  document: Json;
  /** ajv errors of `value` against the schema at `pointer` (a JSON pointer into the document), or [] when it fits. */
  check(pointer: string[], value: unknown): ErrorObject[];
}

export function schemaChecker(document: Json = buildOpenApi()): SchemaChecker {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(document, documentId);
  const compiled = new Map<string, ValidateFunction>();
  return {
    document,
    check(pointer, value) {
      const ref = `${documentId}#/${pointer.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
      let validate = compiled.get(ref);
      if (!validate) compiled.set(ref, (validate = ajv.compile({ $ref: ref })));
      return validate(value) ? [] : (validate.errors ?? []);
    },
  };
}

export const describeErrors = (errors: ErrorObject[]) =>
  errors
    .slice(0, 10)
    .map((e) => `  ${e.instancePath || '(root)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)
    .join('\n');

const routes = httpFunctions()
  .map((fn) => {
    const { method, path } = fn.trigger;
    const names = path.match(/\{[^}]+\}/g) ?? [];
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return { name: fn.name, method, path, pattern, params: names.length };
  })
  // Literal segments win over parameters, as in the gateway.
  .sort((a, b) => a.params - b.params);

let shared: SchemaChecker | undefined;

/**
 * What is wrong with a response, measured against the documented operation (method + path template) and status;
 * undefined when it is as documented. A path no operation serves must answer the gateway's 404 Error.
 */
export function responseMismatch(
  method: string,
  url: string,
  status: number,
  contentType: string | null,
  body: unknown,
): string | undefined {
  const checker = (shared ??= schemaChecker());
  const path = url.split('?')[0]!;
  const route = routes.find((r) => r.method === method.toUpperCase() && r.pattern.test(path));
  const isJson = /^application\/json\b/.test(contentType ?? '');
  if (!route) {
    if (status !== 404) return `${method} ${path}: no documented operation, yet answered ${status}`;
    const errors = isJson ? checker.check(['components', 'schemas', 'Error'], body) : [];
    return errors.length || !isJson
      ? `${method} ${path} → 404 (route_not_found) is not the Error schema:\n${describeErrors(errors)}`
      : undefined;
  }
  const label = `${route.name} (${route.method} ${route.path}) → ${status}`;
  const response = checker.document.paths[route.path]?.[route.method.toLowerCase()]?.responses?.[String(status)];
  if (!response) return `${label}: status not documented`;
  if (!isJson) return undefined;
  if (!response.content?.['application/json'])
    return `${label}: answered JSON, documented ${Object.keys(response.content ?? {}).join(', ') || 'no body'}`;
  const errors = checker.check(
    [
      'paths',
      route.path,
      route.method.toLowerCase(),
      'responses',
      String(status),
      'content',
      'application/json',
      'schema',
    ],
    body,
  );
  return errors.length ? `${label}: body does not match the documented schema:\n${describeErrors(errors)}` : undefined;
}

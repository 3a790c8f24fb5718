import type { Problem } from '../domain/employee-rules.ts';
import { AppError } from './errors.ts';
import { type Lang, render } from './messages.ts';

/** Rule problems → one 422 naming the first, with every problem localised in details. */
export function problemsError(problems: Problem[], lang: Lang): AppError {
  const first = problems[0]!;
  return new AppError(
    422,
    first.code,
    first.params,
    problems.map((p) => ({ field: p.field, code: p.code, message: render(p.code, lang, p.params) })),
  );
}

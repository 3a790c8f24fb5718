/**
 * Failures a person can act on, with no idea of HTTP: a stable code, the params its message needs, and details.
 * The edge (shared/http) chooses the status from the code (./status.ts) and renders the message in the caller's
 * language (./catalogue.ts). Domain rules, use cases and repositories throw these.
 */
import type { MessageCode } from './catalogue.ts';

/** A rule problem about one field: rendered into `details` at the edge, in the caller's language. */
export interface FieldProblem {
  field: string;
  code: MessageCode;
  params?: Record<string, unknown>;
}

export class DomainError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: Record<string, unknown> = {},
    readonly details?: unknown,
    /** Field problems, each rendered as `{ field, code, message }` in `details`. */
    readonly problems?: FieldProblem[],
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export type Bilingual = { id: string; en: string };

export type Noun =
  | 'employee'
  | 'unit'
  | 'organisation'
  | 'plan'
  | 'year'
  | 'period'
  | 'activity'
  | 'service_type'
  | 'transaction'
  | 'follow_up'
  | 'evaluation'
  | 'scoring_run'
  | 'feedback'
  | 'fairness_run'
  | 'signal';

export const notFound = (what: Noun) => new DomainError('not_found', { what });
export const forbidden = (reason: Bilingual) => new DomainError('forbidden', { reason });

/** Rule problems → one error naming the first, with every problem in details. */
export function problemsError(problems: FieldProblem[]): DomainError {
  const first = problems[0]!;
  return new DomainError(first.code, first.params ?? {}, undefined, problems);
}

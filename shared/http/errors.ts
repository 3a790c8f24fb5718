import type { MessageCode } from './messages.ts';

/** A client-facing failure: status, stable machine code, params for the localised message, optional details. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422,
    readonly code: MessageCode,
    readonly params: Record<string, unknown> = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export type Bilingual = { id: string; en: string };

export const notFound = (what: 'employee' | 'unit' | 'organisation' | 'plan' | 'year' | 'period' | 'activity' | 'service_type' | 'transaction' | 'follow_up' | 'evaluation' | 'scoring_run' | 'feedback') => new AppError(404, 'not_found', { what });
export const forbidden = (reason: Bilingual) => new AppError(403, 'forbidden', { reason });

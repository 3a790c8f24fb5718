import type { MessageCode } from './messages.ts';

/** A client-facing failure: status, stable machine code, params for the localised message, optional details. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 415 | 422 | 429 | 500,
    readonly code: MessageCode,
    readonly params: Record<string, unknown> = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export type Bilingual = { id: string; en: string };

export const notFound = (what: 'employee' | 'unit' | 'organisation') => new AppError(404, 'not_found', { what });
export const forbidden = (reason: Bilingual) => new AppError(403, 'forbidden', { reason });
export const unprocessable = (code: MessageCode, params: Record<string, unknown> = {}, details?: unknown) =>
  new AppError(422, code, params, details);

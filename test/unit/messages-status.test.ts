import { describe, expect, it } from 'vitest';
import type { MessageCode } from '../../shared/messages/catalogue.ts';
import { type HttpStatus, httpStatusOf } from '../../shared/messages/status.ts';

const statuses: [code: MessageCode, status: HttpStatus][] = [
  ['validation_failed', 400],
  ['invalid_json', 400],
  ['survey_link_invalid', 400],
  ['unauthorized', 401],
  ['forbidden', 403],
  ['not_registered', 403],
  ['insufficient_scope', 403],
  ['not_found', 404],
  ['route_not_found', 404],
  ['survey_link_unknown', 404],
  ['version_conflict', 409],
  ['plan_state', 409],
  ['survey_already_answered', 409],
  ['survey_link_expired', 410],
  ['payload_too_large', 413],
  ['unsupported_media_type', 415],
  // Business rules: not listed, 422 by default.
  ['activity_future', 422],
  ['unit_not_found', 422],
  ['idempotency_key_reused', 422],
  ['year_periods_not_finalised', 422],
  ['too_many_requests', 429],
  ['internal', 500],
];

describe('httpStatusOf', () => {
  it.each(statuses)('%s → %i', (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });
});

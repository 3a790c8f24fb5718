/**
 * The HTTP status of each error code: the one place where a domain failure meets HTTP, read only by the edge
 * (shared/http) and the local gateway. A broken business rule, 422, is the default: those codes are not listed.
 */
import type { MessageCode } from './catalogue.ts';

export type HttpStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500;

const statuses: Partial<Record<MessageCode, HttpStatus>> = {
  // 400
  invalid_cursor: 400,
  invalid_json: 400,
  survey_link_invalid: 400,
  validation_failed: 400,
  // 401
  unauthorized: 401,
  // 403
  account_inactive: 403,
  forbidden: 403,
  insufficient_scope: 403,
  machine_client_unknown: 403,
  not_registered: 403,
  // 404
  fairness_not_computed: 404,
  not_found: 404,
  print_unknown: 404,
  survey_link_unknown: 404,
  route_not_found: 404,
  signal_unknown: 404,
  // 409
  acting_overlap: 409,
  activity_conflict: 409,
  activity_state: 409,
  already_exists: 409,
  appeal_exists: 409,
  appeal_not_final: 409,
  appeal_not_open: 409,
  follow_up_resolved: 409,
  hierarchy_changed: 409,
  import_conflict: 409,
  import_incomplete: 409,
  opd_finalised: 409,
  period_finalised_locked: 409,
  period_not_scored: 409,
  plan_exists: 409,
  plan_period_locked: 409,
  plan_state: 409,
  scoring_period_state: 409,
  scoring_run_in_progress: 409,
  service_period_locked: 409,
  service_type_exists: 409,
  survey_already_answered: 409,
  transaction_conflict: 409,
  version_conflict: 409,
  year_exists: 409,
  // 410
  survey_link_expired: 410,
  // 413
  payload_too_large: 413,
  // 415
  unsupported_media_type: 415,
  // 429
  too_many_requests: 429,
  // 500
  internal: 500,
};

export const httpStatusOf = (code: MessageCode): HttpStatus => statuses[code] ?? 422;

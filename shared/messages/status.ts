/**
 * The HTTP status of each error code: the one place where a domain failure meets HTTP, read only by the edge
 * (shared/http) and the local gateway. A code not listed is a broken business rule: 422.
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
  not_found: 404,
  route_not_found: 404,
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
  // 422
  acting_for_self: 422,
  activity_future: 422,
  activity_iki_not_in_plan: 422,
  activity_no_plan: 422,
  activity_overlap: 422,
  activity_past_deadline: 422,
  activity_period_closed: 422,
  activity_time_invalid: 422,
  appeal_revision_missing: 422,
  appeal_window_closed: 422,
  behaviour_missing: 422,
  completion_before_receipt: 422,
  copy_source_missing: 422,
  deadline_before_period_end: 422,
  deadline_locked: 422,
  distribution_unacknowledged: 422,
  duplicate_in_batch: 422,
  evaluations_incomplete: 422,
  evaluations_unreviewed: 422,
  feedback_target_unknown: 422,
  feedback_thread_full: 422,
  holidays_invalid: 422,
  idempotency_key_reused: 422,
  import_invalid: 422,
  import_too_large: 422,
  invalid_date_range: 422,
  override_reason_required: 422,
  period_finalised: 422,
  period_state_by_workflow: 422,
  period_transition_invalid: 422,
  service_hours_invalid: 422,
  service_hours_missing: 422,
  service_period_unavailable: 422,
  supervisor_not_found: 422,
  supervisor_plan_not_approved: 422,
  transaction_in_future: 422,
  transaction_span_too_long: 422,
  unit_not_found: 422,
  unknown_officer: 422,
  unknown_service_type: 422,
  unknown_unit: 422,
  year_not_open: 422,
  year_periods_not_finalised: 422,
  // 429
  too_many_requests: 429,
  // 500
  internal: 500,
};

export const httpStatusOf = (code: MessageCode): HttpStatus => statuses[code] ?? 422;

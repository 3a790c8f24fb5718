/**
 * What a use case is given: who asks, in which organisation, when, and in which language answers are wanted.
 * The HTTP edge builds it from a verified request; the local scripts and stream consumers build their own.
 */
import { actorId, type Principal, type UserPrincipal } from '../auth/principal.ts';
import type { Lang } from '../messages/catalogue.ts';
import type { Employee } from '../store/employees.ts';
import type { OrgScope, WriteContext } from '../store/org-scope.ts';

/** A use case started by a person: their token's principal and their own, registered and active, record. */
export interface UseCaseContext {
  scope: OrgScope;
  principal: UserPrincipal;
  actor: Employee;
  now: Date;
  lang: Lang;
  requestId: string;
}

/** Who writes, when, under which request: what every write stamps for the audit trail. */
export const writeContextOf = (ctx: {
  principal: Principal;
  now: Date;
  requestId: string;
}): WriteContext & { requestId: string } => ({
  actor: actorId(ctx.principal),
  now: ctx.now.toISOString(),
  requestId: ctx.requestId,
});

/** A page of a list: `limit` (1–100, default 25) and the `nextCursor` of the previous page. */
export interface PageRequest {
  limit?: number;
  cursor?: string;
}

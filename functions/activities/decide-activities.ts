import { decideActivities } from '#shared/api/activities';
import { type AccessContext, decidesFor } from '#shared/app/access';
import { reasons } from '#shared/auth/policy';
import { DomainError, forbidden, notFound } from '#shared/messages/errors';
import { errorReply, json, userHandler, writeContext } from '#shared/http/handler';
import { type Activity, ActivityRepository, unverified } from '#shared/store/activities';
import { dateRules, requireStatus } from '#shared/app/activities';
import { EmployeeRepository } from '#shared/store/employees';
import { YearRepository } from '#shared/store/years';

type Decision = { nip: string; date: string; id: string; version: number; decision: 'approve' | 'reject' | 'reopen'; reason?: string };

/**
 * The direct supervisor (or the Plt/Plh of the position on the day) approves or rejects pending entries, and may
 * reopen an approved one while its period is still open. Each decision is its own transaction, moving the
 * running totals with it; one refused decision does not hold back the others.
 */
export const handler = userHandler(decideActivities, async (req) => {
  const repo = new ActivityRepository(req.scope);
  const years = new YearRepository(req.scope);
  const employees = new EmployeeRepository(req.scope);
  const mayDecide = new Map<string, Promise<boolean>>();
  const mayDecideFor = (nip: string) => {
    if (!mayDecide.has(nip)) {
      mayDecide.set(
        nip,
        employees.get(nip).then(async (owner) => !!owner && (await decidesFor(req as AccessContext, owner))),
      );
    }
    return mayDecide.get(nip)!;
  };

  const decide = async (d: Decision): Promise<Activity | undefined> => {
    if (!(await mayDecideFor(d.nip))) throw forbidden(reasons.notDirectSupervisor);
    const current = await repo.find(d.nip, d.id, d.date);
    if (!current) throw notFound('activity');
    if (d.decision === 'reject' && !d.reason) throw new DomainError('validation_failed', {}, [{ field: 'reason', message: 'A reason is required to reject / alasan wajib diisi' }]);
    requireStatus(current, d.decision, d.decision === 'reopen' ? ['approved'] : ['pending']);
    const { cap } = await dateRules(years, current.date, req.now, 'supervisor');
    const ctx = writeContext(req);
    const fields = unverified(current);
    const status = d.decision === 'approve' ? 'approved' : d.decision === 'reject' ? 'rejected' : 'pending';
    return repo.apply(
      {
        before: current,
        after: {
          ...fields,
          status,
          ...(status !== 'pending' ? { verifiedBy: ctx.actor, verifiedAt: ctx.now } : {}),
          ...(status === 'rejected' ? { rejectReason: d.reason } : {}),
        },
        expectedVersion: d.version,
      },
      cap,
      ctx,
    );
  };

  const results = [];
  for (const d of req.body.decisions) {
    try {
      results.push({ id: d.id, status: 200, activity: await decide(d) });
    } catch (err) {
      // Every decision answers for itself, a server fault too: the ones before it are already written.
      const reply = errorReply(err, req.lang, req.requestId);
      results.push({ id: d.id, status: reply.status ?? 500, error: (reply as { json: { error: { code: string; message: string } } }).json.error });
    }
  }
  return json({ results });
});

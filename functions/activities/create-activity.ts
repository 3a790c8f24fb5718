import { createActivity } from '#shared/api/activities';
import { DomainError } from '#shared/messages/errors';
import { type Reply, userHandler, writeContext } from '#shared/http/handler';
import { ActivityRepository, hashOf } from '#shared/store/activities';
import { capNotice, checkTimes, dateRules, dayWithoutOverlap, ownActivityNip, planVersionFor } from '#shared/app/activities';
import { PlanRepository } from '#shared/store/plans';
import { YearRepository } from '#shared/store/years';
import { allInOrder } from '#shared/concurrency';

export const handler = userHandler(createActivity, async (req) => {
  const nip = ownActivityNip(req.principal, req.params.nip);
  const repo = new ActivityRepository(req.scope);
  const key = req.headers['idempotency-key'];
  if (key !== undefined && (key.length < 8 || key.length > 200)) {
    throw new DomainError('validation_failed', {}, [{ field: 'header.idempotency-key', message: '8–200 characters' }]);
  }
  const body = { ...req.body, evidence: req.body.evidence ?? [] };
  const requestHash = hashOf(JSON.stringify(body));

  // A retry with the same key answers with the first response; the same key with another body is refused.
  const replay = async (): Promise<Reply | undefined> => {
    if (!key) return undefined;
    const earlier = await repo.byIdempotencyKey(nip, key, req.now);
    if (!earlier) return undefined;
    if (earlier.requestHash !== requestHash) throw new DomainError('idempotency_key_reused');
    return { status: 200, json: earlier.response, headers: { 'idempotent-replay': 'true' } };
  };

  try {
    const replayed = await replay();
    if (replayed) return replayed;
    const minutes = checkTimes(body, req.now);
    // The rule reads are independent: one round trip's wait for all of them; a request breaking several rules
    // always gets the first in this order (the date, the plan, the day).
    const [{ period, cap }, planVersion, day] = await allInOrder([
      dateRules(new YearRepository(req.scope), body.date, req.now),
      planVersionFor(new PlanRepository(req.scope), nip, body),
      dayWithoutOverlap(repo, nip, body),
    ]);
    const logged = day.loggedMinutes + minutes;
    const notice = capNotice(body.date, logged, cap, req.lang);
    const response = (activity: unknown) => ({ activity, ...(notice ? { notice } : {}) });
    const activity = await repo.apply(
      {
        after: {
          ...body,
          id: repo.newId(),
          nip,
          minutes,
          year: Number(body.date.slice(0, 4)),
          periodId: period.id,
          planVersion,
          status: 'pending',
          supervisorNip: req.actor.supervisorNip ?? null,
        },
        ...(key ? { idempotency: { key, requestHash, response } } : {}),
      },
      cap,
      writeContext(req),
      new Map([[body.date, day]]),
    );
    return { status: 201, json: response(activity) };
  } catch (err) {
    // Retries racing each other: the losers meet the winner's entry (an overlap, or a conflict) — answer them
    // with the winner's response.
    const raced = err instanceof DomainError ? await replay() : undefined;
    if (raced) return raced;
    throw err;
  }
});

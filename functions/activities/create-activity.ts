import { createActivity } from '#shared/api/activities';
import { AppError } from '#shared/http/errors';
import { type Reply, userHandler, writeContext } from '#shared/http/handler';
import { render } from '#shared/http/messages';
import { type Activity, ActivityRepository, hashOf } from '#shared/store/activities';
import { checkTimes, dateRules, dayWithoutOverlap, ownActivityNip, planVersionFor } from '#shared/store/activity-context';
import { PlanRepository } from '#shared/store/plans';
import { YearRepository } from '#shared/store/years';

export const handler = userHandler(createActivity, async (req) => {
  const nip = ownActivityNip(req.principal, req.params.nip);
  const repo = new ActivityRepository(req.scope);
  const key = req.headers['idempotency-key'];
  if (key !== undefined && (key.length < 8 || key.length > 200)) throw new AppError(400, 'validation_failed', {}, [{ field: 'header.idempotency-key', message: '8–200 characters' }]);
  const requestHash = hashOf(JSON.stringify(req.body));

  // A retry with the same key answers with what the first request made; the same key with another body is refused.
  const replay = async (): Promise<Reply | undefined> => {
    if (!key) return undefined;
    const earlier = await repo.byIdempotencyKey(nip, key);
    if (!earlier) return undefined;
    if (earlier.requestHash !== requestHash) throw new AppError(422, 'idempotency_key_reused');
    return { status: 200, json: { activity: earlier.activity }, headers: { 'idempotent-replay': 'true' } };
  };
  const replayed = await replay();
  if (replayed) return replayed;

  const minutes = checkTimes(req.body, req.now);
  // The rule reads are independent: one round trip's wait for all of them.
  const [{ period, cap }, planVersion, day] = await Promise.all([
    dateRules(new YearRepository(req.scope), req.body.date, req.now),
    planVersionFor(new PlanRepository(req.scope), nip, req.body),
    dayWithoutOverlap(repo, nip, req.body),
  ]);

  let activity: Activity | undefined;
  try {
    activity = await repo.apply(
      {
        after: {
          ...req.body,
          id: repo.newId(),
          nip,
          minutes,
          year: Number(req.body.date.slice(0, 4)),
          periodId: period.id,
          planVersion,
          evidence: req.body.evidence ?? [],
          status: 'pending',
          supervisorNip: req.actor.supervisorNip ?? null,
        },
        ...(key ? { idempotency: { key, requestHash } } : {}),
      },
      cap,
      writeContext(req),
      new Map([[req.body.date, day]]),
    );
  } catch (err) {
    // Two retries racing: the loser finds the winner's result under the same key.
    const raced = err instanceof AppError && err.code === 'activity_conflict' ? await replay() : undefined;
    if (raced) return raced;
    throw err;
  }
  const logged = day.loggedMinutes + minutes;
  const notice = logged > cap ? { code: 'daily_cap_exceeded', message: render('daily_cap_exceeded', req.lang, { date: req.body.date, logged, cap }) } : undefined;
  return { status: 201, json: { activity, ...(notice ? { notice } : {}) } };
});

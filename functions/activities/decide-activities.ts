import { decideActivities } from '#shared/api/activities';
import { decideOnActivities } from '#shared/app/activities';
import { errorReply, json, userHandler } from '#shared/http/handler';

/** Each decision answers for itself, a refusal or a server fault in its own result. */
export const handler = userHandler(decideActivities, async (req) => {
  const outcomes = await decideOnActivities(req, req.body.decisions);
  const results = outcomes.map((o) => {
    if (!('failure' in o)) return { id: o.id, status: 200, activity: o.activity };
    const reply = errorReply(o.failure, req.lang, req.requestId);
    // The whole error, details too: a stale version's 409 carries the entry as it is now in `details.current`.
    return { id: o.id, status: reply.status ?? 500, error: (reply as { json: { error: unknown } }).json.error };
  });
  return json({ results });
});

import { getUnitRewards } from '#shared/api/evaluations';
import { rewardsCsv, unitRewards } from '#shared/app/evaluations';
import { json, userHandler } from '#shared/http/handler';

/** The reward list of a unit subtree: people with a predikat, in the documented order. As JSON, or as CSV. */
export const handler = userHandler(getUnitRewards, async (req) => {
  const rewards = await unitRewards(req, req.params.code, req.params.periodId);
  if (req.query.format !== 'csv') return json(rewards);
  const { filename, text } = rewardsCsv(rewards);
  return {
    status: 200,
    html: text,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  };
});

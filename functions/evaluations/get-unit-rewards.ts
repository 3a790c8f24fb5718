import { getUnitRewards } from '#shared/api/evaluations';
import { rewardsCsv, unitRewards, unitRewardsPage } from '#shared/app/evaluations';
import { json, userHandler } from '#shared/http/handler';

/** The reward list of a unit subtree: people with a predikat, in the documented order. As JSON pages, or whole as CSV. */
export const handler = userHandler(getUnitRewards, async (req) => {
  const { code, periodId } = req.params;
  if (req.query.format !== 'csv') return json(await unitRewardsPage(req, code, periodId, req.query));
  const { filename, text } = rewardsCsv(await unitRewards(req, code, periodId));
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

import { getRules } from '#shared/api/plans';
import * as periods from '#shared/app/periods';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(getRules, async ({ scope, params }) =>
  json(await periods.getRules(scope, params.year)),
);

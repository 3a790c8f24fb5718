import { getYear } from '#shared/api/plans';
import * as periods from '#shared/app/periods';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(getYear, async ({ scope, params }) =>
  json(await periods.getYear(scope, params.year)),
);

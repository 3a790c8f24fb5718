import { getSupervisorPlan } from '#shared/api/plans';
import * as plans from '#shared/app/plans';
import { json, userHandler } from '#shared/http/handler';

/** The caller's direct supervisor's plan in force, for linking RHK to it. */
export const handler = userHandler(getSupervisorPlan, async (req) =>
  json(await plans.supervisorPlan(req, req.params.nip, req.params.year)),
);

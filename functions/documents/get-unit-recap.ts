import { getUnitRecap } from '#shared/api/recap';
import { unitRecapWorkbook } from '#shared/app/recap';
import { userHandler } from '#shared/http/handler';

/** The recap workbook of a unit subtree and period: one sheet per subject, the figures of the JSON operations. */
export const handler = userHandler(getUnitRecap, async (req) => {
  const { filename, file, contentType } = await unitRecapWorkbook(req, req.params.code, req.params.periodId);
  return {
    binary: file,
    headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${filename}"` },
  };
});

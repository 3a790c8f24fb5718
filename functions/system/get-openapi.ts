import { openApiDocument } from '#shared/api/documents';
import { getOpenapi } from '#shared/api/system';
import { json, publicHandler } from '#shared/http/handler';

const document = openApiDocument();

export const handler = publicHandler(getOpenapi, async () => json(await document()));

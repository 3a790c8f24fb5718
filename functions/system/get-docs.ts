import { renderDocsPage } from '#shared/api/docs-page';
import { buildOpenApi } from '#shared/api/openapi';
import { getDocs } from '#shared/api/system';
import { publicHandler } from '#shared/http/handler';

const page = renderDocsPage(buildOpenApi());

export const handler = publicHandler(getDocs, async () => ({ html: page }));

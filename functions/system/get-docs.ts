import { docsPage } from '#shared/api/docs-page';
import { getDocs } from '#shared/api/system';
import { publicHandler } from '#shared/http/handler';

export const handler = publicHandler(getDocs, async () => docsPage());

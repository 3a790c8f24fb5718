import { docsPage } from '#shared/api/documents';
import { getDocs } from '#shared/api/system';
import { publicHandler } from '#shared/http/handler';

const page = docsPage();

export const handler = publicHandler(getDocs, async () => ({ html: await page() }));

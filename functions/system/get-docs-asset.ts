import { docsAsset } from '#shared/api/docs-page';
import { getDocsAsset } from '#shared/api/system';
import { publicHandler } from '#shared/http/handler';

// Script and style ride in the text reply; their own content-type replaces text/html.
export const handler = publicHandler(getDocsAsset, async ({ params, query }) => {
  const { body, headers } = docsAsset(params.asset, query.v);
  return { html: body, headers };
});

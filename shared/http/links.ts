/**
 * Public links the API hands out (survey links printed on receipts). PUBLIC_BASE_URL names the address citizens
 * reach (a custom domain, or `npm start`'s local address); without it, the host the request came in on.
 */
export function publicBaseUrl(headers: Record<string, string | undefined>): string {
  const configured = process.env.PUBLIC_BASE_URL;
  if (configured) return configured.replace(/\/$/, '');
  return `https://${headers.host ?? 'localhost'}`;
}

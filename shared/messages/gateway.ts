/** Answered in front of the functions: by API Gateway on AWS, by the local gateway (infra/local/gateway.ts) here. */
import type { Catalogue } from './catalogue.ts';

export const gatewayMessages = {
  route_not_found: {
    id: 'Alamat {method} {path} tidak dikenal. Lihat /docs untuk daftar endpoint.',
    en: 'Unknown endpoint {method} {path}. See /docs for the list of endpoints.',
  },
  payload_too_large: {
    id: 'Isi permintaan terlalu besar (batas 10 MB). Pecah menjadi beberapa permintaan.',
    en: 'The request body is too large (limit 10 MB). Split it into several requests.',
  },
  too_many_requests: {
    id: 'Terlalu banyak permintaan dalam waktu singkat. Tunggu sebentar lalu coba lagi.',
    en: 'Too many requests in a short time. Wait a moment and try again.',
  },
} as const satisfies Catalogue;

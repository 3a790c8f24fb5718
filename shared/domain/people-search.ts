/**
 * Finding people by what a person types: a NIP prefix (digits only), or the start of words of the name,
 * whatever the case and accents ("rahmat", "RAHMAT" and "Rahmát" all find Rahmat Hidayat).
 */

/** Lower case, accents dropped, words split on anything that is not a letter or digit. */
export const searchWords = (text: string): string[] =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);

/**
 * What `q` finds: digits only → people whose NIP starts with them; otherwise people whose name has, for every
 * word of `q`, a word starting with it ("hid rah" finds Rahmat Hidayat).
 */
export function personMatcher(q: string): (person: { nip: string; name: string }) => boolean {
  const trimmed = q.trim();
  if (/^\d+$/.test(trimmed)) return (p) => p.nip.startsWith(trimmed);
  const wanted = searchWords(trimmed);
  return (p) => {
    const words = searchWords(p.name);
    return wanted.every((w) => words.some((n) => n.startsWith(w)));
  };
}

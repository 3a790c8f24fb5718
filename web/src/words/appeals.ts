/** The appeals pages' words: Bahasa Indonesia first; English must have every key (the type says so). */
export const id = {
  'nav.appeals': 'Keberatan',
} as const;

export const en: Record<keyof typeof id, string> = {
  'nav.appeals': 'Appeals',
};

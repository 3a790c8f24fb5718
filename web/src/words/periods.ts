/** The periods pages' words: Bahasa Indonesia first; English must have every key (the type says so). */
export const id = {
  'nav.periods': 'Periode & penilaian',
} as const;

export const en: Record<keyof typeof id, string> = {
  'nav.periods': 'Periods & scoring',
};

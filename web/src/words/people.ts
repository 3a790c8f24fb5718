/** The people pages' words: Bahasa Indonesia first; English must have every key (the type says so). */
export const id = {
  'nav.people': 'Pegawai & unit',
} as const;

export const en: Record<keyof typeof id, string> = {
  'nav.people': 'People & units',
};

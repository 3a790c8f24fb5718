/** The dashboard pages' words: Bahasa Indonesia first; English must have every key (the type says so). */
export const id = {
  'nav.dashboard': 'Dasbor',
} as const;

export const en: Record<keyof typeof id, string> = {
  'nav.dashboard': 'Dashboard',
};

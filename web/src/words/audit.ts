/** The audit pages' words: Bahasa Indonesia first; English must have every key (the type says so). */
export const id = {
  'nav.audit': 'Jejak audit',
} as const;

export const en: Record<keyof typeof id, string> = {
  'nav.audit': 'Audit trail',
};

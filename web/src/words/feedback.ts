/** The feedback pages' words: Bahasa Indonesia first; English must have every key (the type says so). */
export const id = {} as const;

export const en: Record<keyof typeof id, string> = {};

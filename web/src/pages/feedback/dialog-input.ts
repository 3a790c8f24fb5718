/** A performance dialog as typed in the form, and the body the API takes from it (pure: no React, no client). */
/** What POST /employees/{nip}/dialogs takes. */
export interface DialogInput {
  date: string;
  topics: string[];
  followUps: { text: string; owner: 'employee' | 'supervisor'; due?: string }[];
  notes?: string;
}

export type FollowUpRow = { key: number; text: string; owner: 'employee' | 'supervisor'; due: string };

/** The body to send: topics one per line (blank lines dropped), an empty due date left out. Checking is the API's. */
export function dialogInputOf(v: {
  date: string;
  topics: string;
  followUps: FollowUpRow[];
  notes: string;
}): DialogInput {
  return {
    date: v.date,
    topics: v.topics
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    followUps: v.followUps.map(({ text, owner, due }) => ({ text, owner, ...(due ? { due } : {}) })),
    ...(v.notes.trim() ? { notes: v.notes } : {}),
  };
}

/** The period totals' words (per IKI: period target, capaian): Bahasa Indonesia first; English must have every key. */
export const id = {
  'totals.yearly': 'Target tahunan {target} {unit}; periode ini memikul {months}/12 darinya.',
  'totals.capaian': 'Capaian sejauh ini {capaian}% · {level}',
  'totals.noCapaian': 'Capaian belum dapat dihitung (dihitung 0) · {level}',
  'totals.level.above': 'Di atas ekspektasi',
  'totals.level.meets': 'Sesuai ekspektasi',
  'totals.level.below': 'Di bawah ekspektasi',
} as const;

export const en: Record<keyof typeof id, string> = {
  'totals.yearly': 'Yearly target {target} {unit}; this period carries {months}/12 of it.',
  'totals.capaian': 'Achievement so far {capaian}% · {level}',
  'totals.noCapaian': 'Achievement cannot be computed yet (counted as 0) · {level}',
  'totals.level.above': 'Above expectation',
  'totals.level.meets': 'Meets expectation',
  'totals.level.below': 'Below expectation',
};

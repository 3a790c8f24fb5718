/**
 * The explanation of an evaluation: every number with its inputs and formula, in Bahasa Indonesia, so an employee
 * can check it and contest it. Pure: it shows what the evaluation holds under the rules it was scored with.
 */
import { type Evaluation, outcomeOf } from './evaluation.ts';
import type { Rules } from './rules.ts';
import {
  berakhlakNames,
  capaianFormula,
  predikatNames,
  ratingNames,
  recommendPerilaku,
  round2,
  shownHasilKerja,
} from './scoring.ts';

const fmt = (x: number | null | undefined) =>
  x === null || x === undefined ? '-' : Number.isInteger(x) ? String(x) : round2(x).toFixed(2);
const levelText = { above: 'di atas ekspektasi', meets: 'sesuai ekspektasi', below: 'di bawah ekspektasi' } as const;

export function explanationOf(
  e: Evaluation,
  periodState: string,
  rules: Pick<Rules, 'capaianCap' | 'aboveThreshold' | 'meetsThreshold'>,
) {
  // Figures half-up to two decimals, as every figure the API shows.
  const hk = e.hasilKerja && shownHasilKerja(e.hasilKerja);
  const outcome = outcomeOf(e);
  const perilaku = e.behaviour ? recommendPerilaku(e.behaviour.values) : null;
  return {
    nip: e.nip,
    periodId: e.periodId,
    periodState,
    inputs: {
      planVersion: e.planVersion ?? null,
      rulesVersion: e.rulesVersion,
      rules: {
        capaianCap: rules.capaianCap,
        aboveThreshold: rules.aboveThreshold,
        meetsThreshold: rules.meetsThreshold,
      },
      computedAt: e.computedAt,
      runId: e.runId,
      inputsHash: e.inputsHash,
    },
    indicators: (hk?.indicators ?? []).map((i) => ({
      rhkId: i.rhkId,
      ikiId: i.ikiId,
      name: i.name,
      kind: i.kind,
      target: i.target,
      months: i.months ?? 12,
      direction: i.direction,
      weight: i.weight,
      realisasi: i.realisasi,
      realisasiSource: hk?.sources[i.ikiId] ?? null,
      capaian: i.capaian,
      cappedCapaian: i.cappedCapaian,
      level: i.level,
      text:
        `${capaianFormula(i.target, i.direction, i.realisasi, i.months ?? 12)} = ${fmt(i.capaian)}; dibatasi ${rules.capaianCap} → ${fmt(i.cappedCapaian)}; ` +
        `${levelText[i.level]} (di atas bila ≥ ${rules.aboveThreshold}, sesuai bila ≥ ${rules.meetsThreshold}).`,
    })),
    nilaiKinerja: {
      value: hk?.nilaiKinerja ?? 0,
      rounded: hk?.nilaiKinerjaRounded ?? 0,
      text: hk?.indicators.length
        ? `nilai kinerja = Σ(capaian dibatasi × bobot) / Σ bobot = (${hk.indicators.map((i) => `${fmt(i.cappedCapaian)} × ${i.weight}`).join(' + ')}) / ${hk.indicators.reduce((s, i) => s + i.weight, 0)} = ${fmt(hk.nilaiKinerjaRounded)}`
        : 'Tidak ada SKP yang disetujui untuk periode ini: tidak ada indikator untuk dinilai.',
    },
    hasilKerja: {
      recommended: e.recommendedHasilKerja,
      text: e.head?.unitPredikat
        ? `Pimpinan unit: hasil kerja mengikuti predikat unit "${e.head.unitPredikat}" (istimewa → Di Atas, baik → Sesuai, lainnya → Di Bawah).`
        : e.planVersion === null
          ? 'Tanpa SKP yang disetujui: Di Bawah Ekspektasi.'
          : `Di Atas bila paling sedikit separuh IKI utama di atas ekspektasi dan tidak ada yang di bawah; Di Bawah bila lebih dari separuh IKI utama di bawah; selain itu Sesuai. Hasil: ${ratingNames[e.recommendedHasilKerja!]}.`,
    },
    perilaku: {
      values: e.behaviour
        ? Object.fromEntries(
            Object.entries(e.behaviour.values).map(([v, r]) => [
              berakhlakNames[v as keyof typeof berakhlakNames],
              ratingNames[r],
            ]),
          )
        : null,
      recommended: perilaku,
      text: perilaku
        ? `Aturan mayoritas yang sama atas tujuh nilai BerAKHLAK: ${ratingNames[perilaku]}.`
        : 'Atasan belum mengisi penilaian perilaku.',
    },
    predikat: {
      ...outcome,
      text:
        outcome.hasilKerja && outcome.perilaku && outcome.predikat
          ? `Matriks PermenPANRB 6/2022: hasil kerja ${ratingNames[outcome.hasilKerja]} × perilaku ${ratingNames[outcome.perilaku]} = ${predikatNames[outcome.predikat]} ` +
            `(${outcome.source === 'appeal' ? 'hasil keberatan' : outcome.source === 'review' ? 'dikonfirmasi atasan' : 'rekomendasi sistem'}).`
          : 'Predikat menunggu penilaian perilaku.',
    },
    review: e.review ?? null,
    appeal: e.appeal ?? null,
  };
}

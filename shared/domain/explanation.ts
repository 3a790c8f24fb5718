/**
 * The explanation of an evaluation: every number with its inputs and formula, in Bahasa Indonesia, so an employee
 * can check it and contest it. Pure: it shows what the evaluation holds under the rules it was scored with.
 */
import { wibTime } from '../messages/catalogue.ts';
import { type Decision, type Evaluation, outcomeOf } from './evaluation.ts';
import type { Rules } from './rules.ts';
import {
  berakhlakNames,
  capaianFormula,
  predikatNames,
  type Rating,
  ratingNames,
  recommendPerilaku,
  round2,
  shownHasilKerja,
} from './scoring.ts';

const fmt = (x: number | null | undefined) =>
  x === null || x === undefined ? '-' : Number.isInteger(x) ? String(x) : round2(x).toFixed(2);
const levelText = { above: 'di atas ekspektasi', meets: 'sesuai ekspektasi', below: 'di bawah ekspektasi' } as const;

/** Names of the people who decided, by NIP (the use case reads them); a NIP not found is shown as the NIP. */
export type DeciderNames = ReadonlyMap<string, string>;

/** Who acted, as a person reads it: "Rina Marlina Pohan (NIP 1982…)", or the actor id of a system. */
function personOf(actor: string, names: DeciderNames): string {
  if (!actor.startsWith('nip:')) return actor;
  const nip = actor.slice(4);
  const name = names.get(nip);
  return name ? `${name} (NIP ${nip})` : `NIP ${nip}`;
}

const parts = [
  ['hasilKerja', 'hasil kerja'],
  ['perilaku', 'perilaku'],
] as const;
type Ratings = { hasilKerja: Rating | null; perilaku: Rating | null };

/** What a decision changed against the ratings before it, each with its reason: empty when it changed nothing. */
const changesOf = (before: Ratings, after: Pick<Decision, 'hasilKerja' | 'perilaku' | 'reasons'>) =>
  parts
    .filter(([key]) => before[key] !== after[key])
    .map(([key, label]) => {
      const was = before[key];
      const reason = after.reasons[key];
      return `${label} dari ${was ? ratingNames[was] : '-'} menjadi ${ratingNames[after[key]]}${reason ? ` dengan alasan "${reason}"` : ''}`;
    });

/**
 * Where the figures in force come from, in words: the system's recommendation; the supervisor's review, saying
 * who confirmed or changed what, when (WIB) and why; or the appeal's revision, the same way.
 */
function sourceText(e: Evaluation, recommended: Ratings, names: DeciderNames): string {
  const outcome = outcomeOf(e);
  const review = e.review;
  if (outcome.source === 'review' && review) {
    const changes = changesOf(recommended, review);
    const who = `${personOf(review.by, names)} pada ${wibTime(review.at)}`;
    return changes.length === 0
      ? `dikonfirmasi atasan ${who}, sama dengan rekomendasi sistem`
      : `diubah atasan ${who}: ${changes.join('; ')}`;
  }
  const decision = e.appeal?.decision;
  if (outcome.source === 'appeal' && decision?.revised) {
    const before = review && outcome.reviewCurrent ? review : recommended;
    const changes = changesOf(before, { ...decision.revised, reasons: {} });
    return (
      `direvisi atas keberatan oleh ${personOf(decision.by, names)} pada ${wibTime(decision.at)}` +
      `${changes.length ? `: ${changes.join('; ')}` : ''}; alasan: "${decision.reason}"`
    );
  }
  return 'rekomendasi sistem';
}

export function explanationOf(
  e: Evaluation,
  periodState: string,
  rules: Pick<Rules, 'capaianCap' | 'aboveThreshold' | 'meetsThreshold'>,
  names: DeciderNames = new Map(),
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
            `(${sourceText(e, { hasilKerja: e.recommendedHasilKerja ?? null, perilaku }, names)}).`
          : 'Predikat menunggu penilaian perilaku.',
    },
    review: e.review ?? null,
    appeal: e.appeal ?? null,
  };
}

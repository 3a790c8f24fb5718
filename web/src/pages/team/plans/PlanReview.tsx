/**
 * One submitted plan under review: what it changes against the version in force (or that it is the first), in
 * words, naming the supervisor's own RHK each one serves; the whole plan on demand; approve, or return with a
 * note (the API's message next to the note). A 409 (the plan changed meanwhile) offers a reload to look again.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, unwrap } from '../../../api/client';
import { useApi } from '../../../api/hooks';
import { FormError } from '../../../components/forms';
import { type Translate, useI18n } from '../../../i18n';
import { TextAreaField } from '../../activities/fields';
import { type Iki, type PlanVersion, usePlan } from '../../skp/data';
import { PlanVersionView } from '../../skp/PlanVersionView';
import { targetText } from '../../skp/words';
import { type PlanChange, planChanges } from './diff';
import type { TeamPlanEntry } from './PlanApprovals';

export function PlanReview({
  member,
  year,
  onDecided,
}: {
  member: TeamPlanEntry;
  year: number;
  onDecided: (message: string) => void;
}) {
  const { t, lang } = useI18n();
  const api = useApi();
  const queries = useQueryClient();
  const plan = useQuery({
    queryKey: ['team-plan', member.nip, year, lang],
    queryFn: () => unwrap(api.GET('/employees/{nip}/plans/{year}', { params: { path: { nip: member.nip, year } } })),
  });
  // The supervisor's own plan names the RHK the member's RHK serve.
  const own = usePlan(year);
  const ownTitles = new Map(
    [...(own.data?.latest.rhk ?? []), ...(own.data?.inForce?.rhk ?? [])].map((r) => [r.id, r.title]),
  );
  const [note, setNote] = useState('');
  const path = { params: { path: { nip: member.nip, year } } };
  const done = () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: ['team-plans'] }),
      queries.invalidateQueries({ queryKey: ['team-plan', member.nip] }),
    ]);
  const approve = useMutation({
    mutationFn: (version: number) =>
      unwrap(api.POST('/employees/{nip}/plans/{year}/approve', { ...path, body: { version } })),
    onSuccess: done,
  });
  const giveBack = useMutation({
    mutationFn: (body: { version: number; note: string }) =>
      unwrap(api.POST('/employees/{nip}/plans/{year}/return', { ...path, body })),
    onSuccess: done,
  });

  if (plan.isError) return <FormError error={plan.error} />;
  if (!plan.data) return <p>{t('loading')}</p>;
  const { latest, inForce } = plan.data;
  const busy = approve.isPending || giveBack.isPending;
  const error = approve.error ?? giveBack.error;
  const noteError = giveBack.error instanceof ApiError ? giveBack.error.fieldErrors().note : undefined;
  const conflict = error instanceof ApiError && error.status === 409;
  const reload = async () => {
    await Promise.all([plan.refetch(), queries.invalidateQueries({ queryKey: ['team-plans'] })]);
    approve.reset();
    giveBack.reset();
  };
  const returnPlan = (e: FormEvent) => {
    e.preventDefault();
    approve.reset();
    giveBack.mutate(
      { version: latest.version, note },
      { onSuccess: () => onDecided(t('team.plans.returned', { name: member.name })) },
    );
  };
  const approvePlan = () => {
    giveBack.reset();
    approve.mutate(latest.version, { onSuccess: () => onDecided(t('team.plans.approved', { name: member.name })) });
  };
  const titleId = `plan-review-${member.nip}`;

  return (
    <section className="plan-review" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('team.plans.review', { name: member.name, year, version: latest.planVersion })}</h4>
      {latest.reason && <p>{t('team.plans.reason', { reason: latest.reason })}</p>}
      <Changes latest={latest} inForce={inForce} ownTitles={ownTitles} />
      <p className="skp-total">{t('team.plans.total', { total: totalWeight(latest) })}</p>
      <details className="plan-full">
        <summary>{t('team.plans.full')}</summary>
        <PlanVersionView plan={latest} inForce={false} parentTitles={ownTitles} />
      </details>
      {/* The API names the plan's own problems (body.rhk…), which no field here shows: list them all. */}
      {error !== null && !noteError && <FormError error={error} source="query" />}
      {conflict && (
        <div className="note">
          <p>{t('team.plans.conflict')}</p>
          <button type="button" onClick={() => void reload()}>
            {t('team.plans.reload')}
          </button>
        </div>
      )}
      <div className="log-actions">
        <button type="button" className="primary" disabled={busy} onClick={approvePlan}>
          {approve.isPending ? t('team.plans.working') : t('team.plans.approve')}
        </button>
      </div>
      <form onSubmit={returnPlan} noValidate className="plan-return">
        <TextAreaField
          label={t('team.plans.note', { name: member.name })}
          name="note"
          hint={t('team.plans.noteHint')}
          rows={3}
          error={noteError}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          {giveBack.isPending ? t('team.plans.working') : t('team.plans.return')}
        </button>
      </form>
    </section>
  );
}

const totalWeight = (plan: PlanVersion) =>
  Math.round(plan.rhk.flatMap((r) => r.iki).reduce((sum, k) => sum + k.weight, 0) * 1000) / 1000;

function Changes({
  latest,
  inForce,
  ownTitles,
}: {
  latest: PlanVersion;
  inForce: PlanVersion | undefined;
  ownTitles: ReadonlyMap<string, string>;
}) {
  const { t, locale } = useI18n();
  const changes = planChanges(inForce?.rhk ?? [], latest.rhk);
  const say = sentences(t, locale, ownTitles);
  return (
    <>
      <p>{inForce ? t('team.plans.compared', { version: inForce.planVersion }) : t('team.plans.first')}</p>
      {changes.length === 0 ? (
        <p>{t('team.plans.noChanges')}</p>
      ) : (
        <ul className="plan-changes">
          {keyed(changes.flatMap(say)).map(({ key, line }) => (
            <li key={key}>{line}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Lines with keys that stay theirs (a line repeated gets its occurrence number). */
function keyed(lines: string[]): { key: string; line: string }[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const n = (seen.get(line) ?? 0) + 1;
    seen.set(line, n);
    return { key: `${n}:${line}`, line };
  });
}

/** Each change in words; an added RHK brings its IKI, one line each. */
function sentences(t: Translate, locale: string, ownTitles: ReadonlyMap<string, string>) {
  const parent = (id: string | null) =>
    id ? (ownTitles.get(id) ?? t('team.plans.yourRhk')) : t('team.plans.diff.nothing');
  const kind = (k: 'utama' | 'tambahan') => t(k === 'utama' ? 'skp.kind.utama' : 'skp.kind.tambahan');
  const target = (k: Iki) => `${targetText(k.target, locale)} ${k.unit}`;
  const added = (rhk: string, k: Iki) =>
    t('team.plans.diff.ikiAdded', {
      rhk,
      name: k.name,
      target: targetText(k.target, locale),
      unit: k.unit,
      weight: k.weight.toLocaleString(locale),
    });
  const source = (s: Iki['source']) => t(`skp.edit.source.${s ?? 'manual'}`);
  return (c: PlanChange): string[] => {
    switch (c.kind) {
      case 'rhkAdded':
        return [
          c.rhk.parentRhkId
            ? t('team.plans.diff.rhkAddedParent', {
                kind: kind(c.rhk.kind),
                title: c.rhk.title,
                parent: parent(c.rhk.parentRhkId),
              })
            : t('team.plans.diff.rhkAdded', { kind: kind(c.rhk.kind), title: c.rhk.title }),
          ...c.rhk.iki.map((k) => added(c.rhk.title, k)),
        ];
      case 'rhkRemoved':
        return [t('team.plans.diff.rhkRemoved', { title: c.rhk.title })];
      case 'rhkTitle':
        return [t('team.plans.diff.rhkTitle', c)];
      case 'rhkKind':
        return [t('team.plans.diff.rhkKind', { title: c.title, before: kind(c.before), after: kind(c.after) })];
      case 'rhkParent':
        return [t('team.plans.diff.rhkParent', { title: c.title, before: parent(c.before), after: parent(c.after) })];
      case 'rhkUnitGoal':
        return [
          t('team.plans.diff.rhkUnitGoal', {
            title: c.title,
            before: c.before ?? t('team.plans.diff.nothing'),
            after: c.after ?? t('team.plans.diff.nothing'),
          }),
        ];
      case 'ikiAdded':
        return [added(c.rhk, c.iki)];
      case 'ikiRemoved':
        return [t('team.plans.diff.ikiRemoved', { rhk: c.rhk, name: c.iki.name })];
      case 'ikiName':
        return [t('team.plans.diff.ikiName', c)];
      case 'ikiTarget':
        return [t('team.plans.diff.ikiTarget', { name: c.name, before: target(c.before), after: target(c.after) })];
      case 'ikiWeight':
        return [
          t('team.plans.diff.ikiWeight', {
            name: c.name,
            before: c.before.toLocaleString(locale),
            after: c.after.toLocaleString(locale),
          }),
        ];
      case 'ikiAspect':
        return [
          t('team.plans.diff.ikiChanged', {
            name: c.name,
            before: t(`skp.aspect.${c.before}`),
            after: t(`skp.aspect.${c.after}`),
          }),
        ];
      case 'ikiDirection':
        return [
          t('team.plans.diff.ikiChanged', {
            name: c.name,
            before: t(`skp.direction.${c.before}`),
            after: t(`skp.direction.${c.after}`),
          }),
        ];
      case 'ikiSource':
        return [t('team.plans.diff.ikiChanged', { name: c.name, before: source(c.before), after: source(c.after) })];
    }
  };
}

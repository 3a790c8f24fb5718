/**
 * Umpan balik: everyone reads the feedback addressed to them and replies, and reads their performance dialogs.
 * Supervisors also pick a team member by name to give feedback, record a dialog and follow the conversations;
 * `?pegawai=<NIP>` (a notification's link) opens with that member picked, the team part first.
 */
import { useState } from 'react';
import { useSearch } from 'wouter';
import { useMe } from '../api/hooks';
import { FormError } from '../components/forms';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n';
import { SelectField } from './activities/fields';
import { DialogForm } from './feedback/DialogForm';
import { DialogList } from './feedback/DialogList';
import { useTeam } from './feedback/data';
import { GiveFeedbackForm } from './feedback/GiveFeedbackForm';
import { ThreadList } from './feedback/ThreadList';

export function Feedback() {
  const { t } = useI18n();
  const me = useMe();
  const asked = new URLSearchParams(useSearch()).get('pegawai') ?? '';
  const supervisor = (me.data?.directSubordinates ?? 0) > 0;
  const mine = (
    <>
      <section aria-labelledby="feedback-mine">
        <h2 id="feedback-mine">{t('feedback.mineTitle')}</h2>
        <ThreadList nip="me" none={t('feedback.mineNone')} />
      </section>
      <section aria-labelledby="dialogs-mine">
        <h2 id="dialogs-mine">{t('feedback.myDialogsTitle')}</h2>
        <DialogList nip="me" />
      </section>
    </>
  );
  return (
    <>
      <PageTitle>{t('nav.feedback')}</PageTitle>
      {supervisor && asked ? (
        <>
          <Team initial={asked} />
          {mine}
        </>
      ) : (
        <>
          {mine}
          {supervisor && <Team initial="" />}
        </>
      )}
    </>
  );
}

function Team({ initial }: { initial: string }) {
  const { t } = useI18n();
  const team = useTeam(true);
  const [nip, setNip] = useState(initial);
  const member = team.data?.find((m) => m.nip === nip);
  return (
    <>
      <section aria-labelledby="feedback-team">
        <h2 id="feedback-team">{t('feedback.teamTitle')}</h2>
        {team.isPending ? (
          <p role="status">{t('loading')}</p>
        ) : !team.data ? (
          <FormError error={team.error} />
        ) : team.data.length === 0 ? (
          <p>{t('feedback.noTeam')}</p>
        ) : (
          <SelectField
            label={t('feedback.member')}
            name="member"
            hint={t('feedback.memberHint')}
            value={member ? nip : ''}
            onChange={(e) => setNip(e.target.value)}
          >
            <option value="">{t('feedback.choose')}</option>
            {team.data.map((m) => (
              <option key={m.nip} value={m.nip}>
                {m.name} — {m.position}
              </option>
            ))}
          </SelectField>
        )}
      </section>
      {member && (
        // Keyed by the member: each one's forms start empty.
        <div key={member.nip}>
          <section aria-labelledby="feedback-give">
            <h2 id="feedback-give">{t('feedback.giveTitle', { name: member.name })}</h2>
            <GiveFeedbackForm member={member} />
          </section>
          <section aria-labelledby="feedback-theirs">
            <h2 id="feedback-theirs">{t('feedback.threadsOf', { name: member.name })}</h2>
            <ThreadList nip={member.nip} none={t('feedback.theirsNone', { name: member.name })} />
          </section>
          <section aria-labelledby="dialog-record">
            <h2 id="dialog-record">{t('feedback.dialogTitle', { name: member.name })}</h2>
            <DialogForm member={member} />
          </section>
          <section aria-labelledby="dialogs-theirs">
            <h2 id="dialogs-theirs">{t('feedback.dialogsOf', { name: member.name })}</h2>
            <DialogList nip={member.nip} />
          </section>
        </div>
      )}
    </>
  );
}

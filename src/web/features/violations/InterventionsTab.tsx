import { useDisclosure } from '@mantine/hooks';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useVocabLabel } from '../../components/VocabPicker';
import { violationsApi, type Event } from './api';
import { knownIn } from './eventPeople';
import { InterventionModal } from './InterventionModal';
import { usePartialDates, usePersonName } from './labels';
import { PartRows } from './PartRows';

/** Who intervened for the victims, how, and what came of it. */
export function InterventionsTab({ event }: { event: Event }): ReactElement {
  const { t } = useTranslation('violations');
  const name = usePersonName();
  const dates = usePartialDates();
  const type = useVocabLabel('esf_types_of_intervention');
  const response = useVocabLabel('esf_types_of_responses');
  const impact = useVocabLabel('esf_impact_on_the_situation');
  const status = useVocabLabel('esf_intervention_status');
  const [open, dialog] = useDisclosure(false);
  const rows = event.interventions.map((i) => {
    const title = i.party ? name(i.party) : t('intervention.unnamed');
    return {
      id: i.id,
      title,
      lines: [
        [t('intervention.type'), i.type ? type(i.type) : null],
        [t('intervention.victim'), i.victim ? name(i.victim) : null],
        [t('intervention.date'), dates.date(i.intervenedOn)],
        [t('intervention.response'), i.response ? response(i.response) : null],
        [t('intervention.impact'), i.impact ? impact(i.impact) : null],
        [t('intervention.status'), i.status ? status(i.status) : null],
        [t('fields.remarks'), i.remarks],
      ] as [string, string | null][],
      removeLabel: t('intervention.remove', { name: title }),
    };
  });
  return (
    <>
      <PartRows
        eventId={event.id}
        canEdit={event.canEdit}
        rows={rows}
        addLabel={t('intervention.add')}
        emptyTitle={t('intervention.empty')}
        emptyHint={t('intervention.emptyHint')}
        onAdd={dialog.open}
        remove={violationsApi.deleteIntervention}
        removeTitle={t('intervention.removeTitle')}
        removeText={t('intervention.removeText')}
        testId="intervention"
      />
      {event.canEdit && (
        <InterventionModal
          eventId={event.id}
          victims={knownIn(event, 'victim')}
          known={knownIn(event, 'intervening_party')}
          opened={open}
          onClose={dialog.close}
        />
      )}
    </>
  );
}

import { useDisclosure } from '@mantine/hooks';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useVocabLabel } from '../../components/VocabPicker';
import { violationsApi, type Event } from './api';
import { eventPeople } from './eventPeople';
import { InformationModal } from './InformationModal';
import { usePartialDates, usePersonName } from './labels';
import { PartRows } from './PartRows';

/** Where the information came from: each source with its connection and reliability. */
export function SourcesTab({ event }: { event: Event }): ReactElement {
  const { t } = useTranslation('violations');
  const name = usePersonName();
  const dates = usePartialDates();
  const reliability = useVocabLabel('esf_reliability');
  const connection = useVocabLabel('esf_source_connection_to_information');
  const material = useVocabLabel('esf_types_of_source_material');
  const language = useVocabLabel('local_languages');
  const [open, dialog] = useDisclosure(false);
  // Anyone already in the event may be the one who told us (often the victim).
  const known = eventPeople(event)
    .filter((p) => p.person.name)
    .map((p) => ({ id: p.person.id, name: p.person.name ?? '' }));
  const rows = event.information.map((i) => ({
    id: i.id,
    title: i.source ? name(i.source) : t('source.unnamed'),
    lines: [
      [t('fields.reliability'), i.reliability ? reliability(i.reliability) : null],
      [t('fields.connection'), i.connection ? connection(i.connection) : null],
      [t('fields.materialType'), i.materialType ? material(i.materialType) : null],
      [t('fields.language'), i.language ? language(i.language) : null],
      [t('fields.receivedOn'), dates.date(i.receivedOn)],
      [t('fields.remarks'), i.remarks],
    ] as [string, string | null][],
    removeLabel: t('source.remove', { name: i.source ? name(i.source) : t('source.unnamed') }),
  }));
  return (
    <>
      <PartRows
        eventId={event.id}
        canEdit={event.canEdit}
        rows={rows}
        addLabel={t('source.add')}
        emptyTitle={t('source.empty')}
        emptyHint={t('source.emptyHint')}
        onAdd={dialog.open}
        remove={violationsApi.deleteInformation}
        removeTitle={t('source.removeTitle')}
        removeText={t('source.removeText')}
        testId="source"
      />
      {event.canEdit && (
        <InformationModal eventId={event.id} known={known} opened={open} onClose={dialog.close} />
      )}
    </>
  );
}

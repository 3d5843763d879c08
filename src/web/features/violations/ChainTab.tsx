import { useDisclosure } from '@mantine/hooks';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useVocabLabel } from '../../components/VocabPicker';
import { AnchorLink } from '../people/AnchorLink';
import { violationsApi, type Event } from './api';
import { ChainModal } from './ChainModal';
import { PartRows } from './PartRows';

/** How this event connects to others: what led to it and what followed. */
export function ChainTab({ event }: { event: Event }): ReactElement {
  const { t } = useTranslation('violations');
  const type = useVocabLabel('esf_types_of_chain_of_events');
  const [open, dialog] = useDisclosure(false);
  const rows = event.chain.map((c) => ({
    id: c.id,
    title: (
      <AnchorLink to="/violations/$id" params={{ id: c.eventId }} data-testid="chain-link">
        {`${c.eventNumber} · ${c.eventTitle}`}
      </AnchorLink>
    ),
    lines: [
      [t('chain.type'), type(c.type)],
      [t('chain.direction'), t(`chain.${c.direction}`)],
    ] as [string, string][],
    removeLabel: t('chain.remove', { number: c.eventNumber }),
  }));
  return (
    <>
      <PartRows
        eventId={event.id}
        canEdit={event.canEdit}
        rows={rows}
        addLabel={t('chain.add')}
        emptyTitle={t('chain.empty')}
        emptyHint={t('chain.emptyHint')}
        onAdd={dialog.open}
        remove={violationsApi.deleteChain}
        removeTitle={t('chain.removeTitle')}
        removeText={t('chain.removeText')}
        testId="chain"
      />
      {event.canEdit && <ChainModal eventId={event.id} opened={open} onClose={dialog.close} />}
    </>
  );
}

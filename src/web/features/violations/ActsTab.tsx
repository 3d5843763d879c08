import { Button, Card, EmptyState, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { Icon } from '../../components/icons';
import { violationsApi, type Act, type Event, type Involvement } from './api';
import { ActCard } from './ActCard';
import { ActModal } from './ActModal';
import { knownIn } from './eventPeople';
import { InvolvementModal } from './InvolvementModal';
import { LinkCaseModal } from './LinkCaseModal';
import { can, useMe } from '../auth/queries';
import { usePersonName } from './labels';
import { useInvalidateEvent } from './queries';

type Dialog =
  | { kind: 'add' }
  | { kind: 'edit'; act: Act }
  | { kind: 'delete'; act: Act }
  | { kind: 'perpetrator'; act: Act }
  | { kind: 'unlink'; inv: Involvement }
  | { kind: 'case'; act: Act }
  | null;

/** The acts of the event (one victim and one type of act each), with who did them. */
export function ActsTab({ event }: { event: Event }): ReactElement {
  const { t } = useTranslation('violations');
  const name = usePersonName();
  const invalidate = useInvalidateEvent(event.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { data: me } = useMe();
  const canLinkCases = can(me, 'cases.write');
  const remove = useMutation({
    mutationFn: async (d: Dialog) => {
      if (d?.kind === 'delete') return violationsApi.deleteAct(d.act.id);
      if (d?.kind === 'unlink') await violationsApi.deleteInvolvement(d.inv.id);
      return undefined;
    },
    onSuccess: async (fresh) => {
      setDialog(null);
      await invalidate(fresh);
    },
  });
  const closeConfirm = () => {
    setDialog(null);
    remove.reset();
  };

  return (
    <Stack>
      {event.canEdit && (
        <Group>
          <Button
            leftSection={<Icon name="plus" size={16} />}
            onClick={() => setDialog({ kind: 'add' })}
            data-testid="add-act"
          >
            {t('act.add')}
          </Button>
        </Group>
      )}
      {event.acts.length === 0 ? (
        <Card withBorder radius="md" padding="md">
          <EmptyState title={t('act.empty')} description={event.canEdit ? t('act.emptyHint') : undefined} />
        </Card>
      ) : (
        <Stack gap="sm" data-testid="acts">
          {event.acts.map((a) => (
            <ActCard
              key={a.id}
              act={a}
              canEdit={event.canEdit}
              onEdit={() => setDialog({ kind: 'edit', act: a })}
              onDelete={() => setDialog({ kind: 'delete', act: a })}
              onAddPerpetrator={() => setDialog({ kind: 'perpetrator', act: a })}
              onRemoveInvolvement={(inv) => setDialog({ kind: 'unlink', inv })}
              onLinkCase={canLinkCases ? () => setDialog({ kind: 'case', act: a }) : undefined}
            />
          ))}
        </Stack>
      )}
      {event.canEdit && (
        <ActModal event={event} opened={dialog?.kind === 'add'} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'edit' && (
        <ActModal key={dialog.act.id} event={event} act={dialog.act} opened onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'case' && (
        <LinkCaseModal eventId={event.id} act={dialog.act} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'perpetrator' && (
        <InvolvementModal
          eventId={event.id}
          act={dialog.act}
          known={knownIn(event, 'perpetrator')}
          opened
          onClose={() => setDialog(null)}
        />
      )}
      <ConfirmModal
        opened={dialog?.kind === 'delete' || dialog?.kind === 'unlink'}
        onClose={closeConfirm}
        title={dialog?.kind === 'unlink' ? t('involvement.removeTitle') : t('act.deleteTitle')}
        confirmLabel={dialog?.kind === 'unlink' ? t('involvement.removeConfirm') : t('act.deleteConfirm')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(dialog)}
      >
        <Text>
          {dialog?.kind === 'unlink'
            ? t('involvement.removeText', { name: name(dialog.inv.perpetrator) })
            : dialog?.kind === 'delete'
              ? t('act.deleteText')
              : ''}
        </Text>
      </ConfirmModal>
    </Stack>
  );
}

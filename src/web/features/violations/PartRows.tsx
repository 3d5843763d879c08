import { Button, Card, CloseButton, EmptyState, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { Icon } from '../../components/icons';
import { useInvalidateEvent } from './queries';

export interface PartRow {
  id: string;
  title: ReactNode;
  /** label → value; empty values are left out. */
  lines: [string, string | null | undefined][];
  removeLabel: string;
}

/**
 * A list of an event's parts (sources, interventions, links to other events) as cards, with "add" and
 * a confirmed "remove" for members who may edit.
 */
export function PartRows({
  eventId,
  canEdit,
  rows,
  addLabel,
  emptyTitle,
  emptyHint,
  onAdd,
  remove,
  removeTitle,
  removeText,
  testId,
}: {
  eventId: string;
  canEdit: boolean;
  rows: PartRow[];
  addLabel: string;
  emptyTitle: string;
  emptyHint: string;
  onAdd: () => void;
  remove: (id: string) => Promise<unknown>;
  removeTitle: string;
  removeText: string;
  testId: string;
}): ReactElement {
  const { t } = useTranslation('violations');
  const invalidate = useInvalidateEvent(eventId);
  const [removing, setRemoving] = useState<string | null>(null);
  const del = useMutation({
    mutationFn: remove,
    onSuccess: async () => {
      setRemoving(null);
      await invalidate();
    },
  });
  return (
    <Stack>
      {canEdit && (
        <Group>
          <Button leftSection={<Icon name="plus" size={16} />} onClick={onAdd} data-testid={`add-${testId}`}>
            {addLabel}
          </Button>
        </Group>
      )}
      {rows.length === 0 ? (
        <Card withBorder radius="md" padding="md">
          <EmptyState title={emptyTitle} description={canEdit ? emptyHint : undefined} />
        </Card>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {rows.map((r) => (
            <Card key={r.id} withBorder radius="md" padding="sm" component="li" data-testid={testId}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Stack gap={4} miw={0}>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {r.title}
                  </Text>
                  {r.lines
                    .filter(([, v]) => v)
                    .map(([label, v]) => (
                      <Text
                        key={label}
                        size="sm"
                        style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
                      >
                        <Text span c="dimmed" fz="inherit">
                          {label}:{' '}
                        </Text>
                        {v}
                      </Text>
                    ))}
                </Stack>
                {canEdit && <CloseButton onClick={() => setRemoving(r.id)} aria-label={r.removeLabel} />}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <ConfirmModal
        opened={removing !== null}
        onClose={() => {
          setRemoving(null);
          del.reset();
        }}
        title={removeTitle}
        confirmLabel={t('form.remove')}
        danger
        loading={del.isPending}
        error={del.error}
        onConfirm={() => removing && del.mutate(removing)}
      >
        {removeText}
      </ConfirmModal>
    </Stack>
  );
}

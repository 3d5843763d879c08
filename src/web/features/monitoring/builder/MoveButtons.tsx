import { ActionIcon, Group } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';

/** Up / down / remove for one item of a list (keyboard reachable, labelled for screen readers). */
export function MoveButtons({
  index,
  count,
  onMove,
  onRemove,
  removeLabel,
  testId,
}: {
  index: number;
  count: number;
  onMove: (dir: -1 | 1) => void;
  onRemove: () => void;
  removeLabel: string;
  testId: string;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    <Group gap={2} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        aria-label={t('builder.moveUp')}
        disabled={index === 0}
        onClick={() => onMove(-1)}
        data-testid={`${testId}-up`}
      >
        <span style={{ display: 'inline-flex', transform: 'rotate(180deg)' }}>
          <Icon name="chevron" size={16} />
        </span>
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        aria-label={t('builder.moveDown')}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
        data-testid={`${testId}-down`}
      >
        <Icon name="chevron" size={16} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={removeLabel}
        onClick={onRemove}
        data-testid={`${testId}-remove`}
      >
        <Icon name="trash" size={16} />
      </ActionIcon>
    </Group>
  );
}

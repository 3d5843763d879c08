import { ActionIcon, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';
import { useFormat } from '../../../intl/format';
import { formatSize } from '../../documents/size';
import { DESCRIPTION_MAX, descriptionLength, isTooLong, type UploadRow } from './uploadRules';

/** The textarea of a row, so that a refused batch can move focus to the first description to fix. */
export const rowInputId = (key: string): string => `evidence-description-${key}`;

/** The translated "too long" message for one description, naming its file when there is one. */
export function useTooLongMessage(): (text: string, name?: string) => string | undefined {
  const { t } = useTranslation('vstats');
  const fmt = useFormat();
  return (text, name) => {
    if (!isTooLong(text)) return undefined;
    const vars = {
      count: DESCRIPTION_MAX,
      max: fmt.number(DESCRIPTION_MAX),
      length: fmt.number(descriptionLength(text)),
    };
    return name === undefined
      ? t('evidence.sharedTooLong', vars)
      : t('evidence.descriptionTooLong', { ...vars, name });
  };
}

function Row({
  row,
  disabled,
  onChange,
  onRemove,
}: {
  row: UploadRow;
  disabled: boolean;
  onChange: (description: string) => void;
  onRemove: () => void;
}): ReactElement {
  const { t } = useTranslation('vstats');
  const fmt = useFormat();
  const tooLong = useTooLongMessage();
  const { name, size } = row.file;
  return (
    <Paper component="li" withBorder radius="sm" p="xs" data-testid="evidence-row" data-name={name}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="evidence-row-name">
              {name}
            </Text>
            <Text size="xs" c="dimmed">
              {formatSize(t, fmt.number, size)}
            </Text>
          </Stack>
          <ActionIcon
            variant="subtle"
            color="red.8"
            onClick={onRemove}
            disabled={disabled}
            aria-label={t('evidence.removeFile', { name })}
            data-testid="evidence-row-remove"
          >
            <Icon name="trash" size={16} />
          </ActionIcon>
        </Group>
        {/* No maxLength: a pasted text would be cut silently; the error below says what to shorten. */}
        <Textarea
          id={rowInputId(row.key)}
          label={t('evidence.description')}
          aria-label={t('evidence.descriptionFor', { name })}
          value={row.description}
          onChange={(e) => onChange(e.currentTarget.value)}
          error={tooLong(row.description, name)}
          disabled={disabled}
          autosize
          minRows={2}
          maxRows={6}
          data-testid="evidence-row-description"
        />
      </Stack>
    </Paper>
  );
}

/** The chosen files, each with its own description, before they are sent. */
export function UploadRows({
  rows,
  disabled,
  onChange,
  onRemove,
}: {
  rows: UploadRow[];
  disabled: boolean;
  onChange: (key: string, description: string) => void;
  onRemove: (key: string) => void;
}): ReactElement {
  const { t } = useTranslation('vstats');
  return (
    <Stack
      gap="xs"
      component="ul"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      aria-label={t('evidence.chosenLabel')}
      data-testid="evidence-rows"
    >
      {rows.map((row) => (
        <Row
          key={row.key}
          row={row}
          disabled={disabled}
          onChange={(d) => onChange(row.key, d)}
          onRemove={() => onRemove(row.key)}
        />
      ))}
    </Stack>
  );
}

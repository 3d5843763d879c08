import { ActionIcon, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';

/** The SHA-256 fingerprint, shortened on screen, copied whole. */
export function Sha({ value }: { value: string }): ReactElement {
  const { t } = useTranslation('documents');
  const short = `${value.slice(0, 12)}…${value.slice(-4)}`;
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="xs" c="dimmed">
        {t('sha.label')}
      </Text>
      <Code title={value} data-testid="sha256" data-sha256={value}>
        {short}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('sha.copied') : t('sha.copy')} withArrow>
            <ActionIcon variant="subtle" size="sm" onClick={copy} aria-label={t('sha.copy')}>
              <Icon name={copied ? 'check' : 'copy'} size={14} />
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

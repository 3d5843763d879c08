import { ActionIcon, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';

/**
 * The whole SHA-256 fingerprint: a documenter reads it out or pastes it into a report so a court or
 * UN body can check the file later, so it is never shortened. It wraps on a phone.
 */
export function ShaFull({ value }: { value: string }): ReactElement {
  const { t } = useTranslation('vstats');
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="xs" c="dimmed" style={{ flexShrink: 0 }} pt={2}>
        {t('evidence.sha')}
      </Text>
      <Code
        data-testid="evidence-sha256"
        data-sha256={value}
        style={{ overflowWrap: 'anywhere', wordBreak: 'break-all', minWidth: 0 }}
      >
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('evidence.copied') : t('evidence.copySha')} withArrow>
            <ActionIcon
              variant="subtle"
              size="sm"
              onClick={copy}
              aria-label={t('evidence.copySha')}
              style={{ flexShrink: 0 }}
            >
              <Icon name={copied ? 'check' : 'copy'} size={14} />
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

import { Alert, Button, Code, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { WARNING_STYLES } from './warning';
import { CopyText } from './CopyText';
import { Icon } from './icons';

function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Shows freshly issued recovery codes exactly once, with copy and download-as-text. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  const text = `${t('recovery.fileHeader')}\n\n${codes.join('\n')}\n`;
  return (
    <Stack>
      <Alert color="yellow" variant="light" styles={WARNING_STYLES} title={t('recovery.title')}>
        {t('recovery.warning')}
      </Alert>
      <SimpleGrid
        cols={{ base: 1, xs: 2 }}
        spacing="xs"
        data-testid="recovery-codes"
        aria-label={t('recovery.listLabel')}
        role="list"
      >
        {codes.map((c) => (
          <Code key={c} role="listitem" fz="md" ta="center" py={6}>
            {c}
          </Code>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('recovery.usage')}
      </Text>
      <Group>
        <CopyText value={codes.join('\n')} />
        <Button
          variant="default"
          leftSection={<Icon name="download" size={16} />}
          onClick={() => download('ukuk-recovery-codes.txt', text)}
        >
          {t('recovery.download')}
        </Button>
      </Group>
      <Button onClick={onDone} size="md" data-testid="recovery-saved">
        {t('recovery.saved')}
      </Button>
    </Stack>
  );
}

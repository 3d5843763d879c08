import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormProgress as Counts } from './progress';

/**
 * The line above the save button: how many questions are answered, and a button to the next open one
 * (a required one first). An election-day checklist runs to some thirty questions on a small screen;
 * the observer should not have to scroll it all to find the one they skipped.
 */
export function FormProgress({ p }: { p: Counts }): ReactElement | null {
  const { t } = useTranslation('field');
  if (p.total < 2) return null;
  const go = () => {
    const box = document.querySelector<HTMLElement>(`[data-question="${CSS.escape(p.next ?? '')}"]`);
    if (!box) return;
    box.scrollIntoView({ block: 'center', behavior: 'smooth' });
    box.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select, button')?.focus({
      preventScroll: true,
    });
  };
  return (
    <Stack gap={4} mb={8} data-testid="field-progress">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500} data-testid="field-progress-text">
          {t('form.progress', { answered: p.answered, total: p.total })}
          {p.requiredOpen > 0 && ` · ${t('form.required_open', { count: p.requiredOpen })}`}
        </Text>
        {p.next && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={go}
            style={{ flex: 'none' }}
            title={t('form.next_open_label')}
            data-testid="field-next-open"
          >
            {t('form.next_open')}
            <span aria-hidden>&nbsp;↓</span>
          </Button>
        )}
      </Group>
      <Progress value={(p.answered * 100) / p.total} size="sm" aria-hidden />
    </Stack>
  );
}

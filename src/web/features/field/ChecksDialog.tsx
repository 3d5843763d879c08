import { Button, List, Modal, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Answers that do not add up with earlier ones (the form's checking comparisons): the observer either
 * goes back to correct them or confirms that this is what they saw. A confirmed report is sent as it
 * is and waits in the "to verify" queue; nothing is refused, since a count that does not add up may
 * be the very thing observed.
 */
export function ChecksDialog(props: {
  opened: boolean;
  lines: string[];
  onBack: () => void;
  onConfirm: () => void;
}): ReactElement {
  const { t } = useTranslation('field');
  return (
    <Modal
      opened={props.opened}
      onClose={props.onBack}
      title={t('checks.title')}
      centered
      zIndex={300}
      data-testid="field-checks"
    >
      <Stack gap="md">
        <List size="md" spacing={4}>
          {props.lines.map((l) => (
            <List.Item key={l}>{l}</List.Item>
          ))}
        </List>
        <Text size="md">{t('checks.explain')}</Text>
        <Button size="lg" onClick={props.onConfirm} data-testid="field-checks-confirm">
          {t('checks.confirm')}
        </Button>
        <Button size="lg" variant="default" onClick={props.onBack} data-testid="field-checks-back">
          {t('checks.back')}
        </Button>
      </Stack>
    </Modal>
  );
}

/** Leaving a report with answers that are not saved: they would be lost, so the observer is asked. */
export function LeaveDialog(props: {
  opened: boolean;
  onStay: () => void;
  onLeave: () => void;
}): ReactElement {
  const { t } = useTranslation('field');
  return (
    <Modal opened={props.opened} onClose={props.onStay} title={t('leave.title')} centered zIndex={300}>
      <Stack gap="md">
        <Text size="md">{t('leave.body')}</Text>
        <Button size="lg" onClick={props.onStay} data-testid="field-leave-stay">
          {t('leave.stay')}
        </Button>
        <Button size="lg" variant="default" color="red" onClick={props.onLeave} data-testid="field-leave-go">
          {t('leave.go')}
        </Button>
      </Stack>
    </Modal>
  );
}

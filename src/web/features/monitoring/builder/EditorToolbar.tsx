import { Badge, Button, Group } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';

/** Saved or not, and the form's actions: export, save the draft, publish. */
export function EditorToolbar({
  dirty,
  canExport,
  canPublish,
  exporting,
  saving,
  onExport,
  onSave,
  onPublish,
}: {
  dirty: boolean;
  /** An existing form (a new one has nothing to export or publish yet). */
  canExport: boolean;
  canPublish: boolean;
  exporting: boolean;
  saving: boolean;
  onExport: () => void;
  onSave: () => void;
  onPublish: () => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    <Group justify="space-between" mb="sm" gap="xs">
      <Group gap="xs">
        {dirty ? (
          <Badge color="orange" variant="light" tt="none">
            {t('builder.unsaved')}
          </Badge>
        ) : (
          <Badge color="green" variant="light" tt="none">
            {t('builder.allSaved')}
          </Badge>
        )}
      </Group>
      <Group gap="xs">
        {canExport && (
          <Button
            variant="default"
            onClick={onExport}
            loading={exporting}
            leftSection={<Icon name="download" size={16} />}
          >
            {t('forms.export')}
          </Button>
        )}
        <Button
          variant="default"
          onClick={onSave}
          loading={saving}
          disabled={!dirty}
          data-testid="save-draft"
        >
          {t('builder.saveDraft')}
        </Button>
        {canExport && (
          <Button onClick={onPublish} disabled={!canPublish} data-testid="publish">
            {t('builder.publish')}
          </Button>
        )}
      </Group>
    </Group>
  );
}

import { Button, Checkbox, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../components/AppModal';
import { useVocabLabels } from '../../cases/queries';
import { submissionsApi } from '../api';
import { MonErrorAlert } from '../MonErrorAlert';

/**
 * "Create a legal case" from a report: the lawyer's first two decisions, asked before the case exists —
 * what kind of case it is (a torture allegation filed as "administrative" by default was the wrong
 * file), and whether only its team may see it, on by default: an incident report names the people
 * it happened to.
 */
export function CaseDialog({ id, onClose }: { id: string; onClose: () => void }): ReactElement {
  const { t } = useTranslation('monitoring');
  const navigate = useNavigate();
  const types = useVocabLabels('case_type');
  const [type, setType] = useState<string | null>(null);
  const [restricted, setRestricted] = useState(true);
  const make = useMutation({
    mutationFn: () => submissionsApi.toCase(id, { type: type!, restricted }),
    onSuccess: (r) => void navigate({ to: '/cases/$id', params: { id: r.caseId } }),
  });
  return (
    <AppModal opened onClose={onClose} title={t('review.caseDialog.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (type) make.mutate();
        }}
      >
        <Stack>
          <Select
            label={t('fields.type', { ns: 'cases' })}
            required
            data={types.terms
              .filter((x) => x.active)
              .map((x) => ({ value: x.code, label: types.label(x.code) }))}
            value={type}
            onChange={setType}
            comboboxProps={{ withinPortal: true }}
            data-testid="case-type"
          />
          <Checkbox
            label={t('restricted.label', { ns: 'cases' })}
            description={t('restricted.hint', { ns: 'cases' })}
            checked={restricted}
            onChange={(e) => setRestricted(e.currentTarget.checked)}
            data-testid="case-restricted"
          />
          <Text size="sm" c="dimmed">
            {t('review.caseDialog.hint')}
          </Text>
          <MonErrorAlert error={make.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel', { ns: 'ui' })}
            </Button>
            <Button type="submit" disabled={!type} loading={make.isPending} data-testid="case-make">
              {t('review.makeCase')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

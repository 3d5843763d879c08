import { Button, EmptyState, FileButton, Group, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { FORM_LIMITS } from '../../../core/forms/limits';
import type { FormKind, L10n } from '../../../core/forms/types';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { usePhone } from '../../components/usePhone';
import { PageLoader } from '../../components/PageLoader';
import { i18n } from '../../i18n';
import { formsApi, type FormExport, type FormSummary } from './api';
import { FormsList } from './FormsList';
import { DefinitionIssuesAlert, isDefinitionInvalid } from './builder/issues';
import { LANGS } from './l10n';
import { MonErrorAlert } from './MonErrorAlert';
import { MonitoringNav } from './MonitoringNav';
import { monitoringKeys, useForms, useInvalidate } from './queries';

/**
 * Reads a chosen file as an exported form; a file that is not one (or of another format version) is
 * refused before any request. Only the export's own keys are sent: the server refuses any other.
 */
async function readExport(file: File): Promise<FormExport | null> {
  if (file.size > 2_000_000) return null;
  try {
    const body = JSON.parse(await file.text()) as Partial<FormExport> | null;
    const ok = body?.format === 'ukuk-form' && body.formatVersion === 1;
    return ok && body.definition && typeof body.definition === 'object'
      ? { format: 'ukuk-form', formatVersion: 1, definition: body.definition }
      : null;
  } catch {
    return null;
  }
}

/**
 * Re-importing an export would list two forms with the same title: a title already in the list gets
 * "(imported)" in each of its languages, unless that would make it longer than a title may be.
 */
function markImported(body: FormExport, forms: readonly FormSummary[]): FormExport {
  const title = body.definition.title as Partial<L10n> | undefined;
  const same = (a: Partial<L10n>, b: L10n) => LANGS.some((l) => !!a[l]?.trim() && a[l] === b[l]);
  if (!title || typeof title !== 'object' || !forms.some((f) => same(title, f.title))) return body;
  const marked = { ...title };
  for (const l of LANGS) {
    const text = title[l];
    if (typeof text !== 'string' || !text.trim()) continue;
    const next = `${text} ${i18n.getFixedT(l, 'monitoring')('forms.importedSuffix')}`;
    if (next.length <= FORM_LIMITS.label) marked[l] = next;
  }
  return { ...body, definition: { ...body.definition, title: marked as L10n } };
}

/** Form templates and custom forms: open in the builder, import and export as JSON, archive. */
export function FormsPage(): ReactElement {
  const { t } = useTranslation('monitoring');
  const phone = usePhone();
  const navigate = useNavigate();
  const invalidate = useInvalidate();
  const [archived, setArchived] = useState(false);
  const forms = useForms(archived);
  const [kind, setKind] = useState<'all' | FormKind>('all');
  const [badFile, setBadFile] = useState(false);
  const importer = useMutation({
    mutationFn: formsApi.importOne,
    onSuccess: async (r) => {
      await invalidate(monitoringKeys.forms);
      void navigate({ to: '/monitoring/forms/$id', params: { id: r.id } });
    },
  });
  const items = (forms.data?.items ?? []).filter(
    (f) => f.archived === archived && (kind === 'all' || f.kind === kind),
  );
  return (
    <>
      <MonitoringNav current="forms" />
      <PageHeader
        title={t('forms.title')}
        description={t('forms.description')}
        actions={
          <Group gap="xs">
            <FileButton
              accept="application/json,.json"
              onChange={async (file) => {
                // A new choice replaces the last one's message, whichever kind it was.
                setBadFile(false);
                importer.reset();
                if (!file) return;
                const body = await readExport(file);
                if (body) importer.mutate(markImported(body, forms.data?.items ?? []));
                else setBadFile(true);
              }}
            >
              {(props) => (
                <Button variant="default" {...props} loading={importer.isPending} data-testid="import-form">
                  {t('forms.import')}
                </Button>
              )}
            </FileButton>
            <Button
              onClick={() => void navigate({ to: '/monitoring/forms/$id', params: { id: 'new' } })}
              leftSection={<Icon name="plus" size={16} />}
              data-testid="new-form"
            >
              {t('forms.new')}
            </Button>
          </Group>
        }
      />
      <Stack>
        {badFile && (
          <Text c="red.8" role="alert">
            {t('forms.badFile')}
          </Text>
        )}
        {/* A refused definition is listed by place; the server's own line would show a raw path. */}
        {isDefinitionInvalid(importer.error) && <DefinitionIssuesAlert error={importer.error} />}
        <MonErrorAlert error={(isDefinitionInvalid(importer.error) ? null : importer.error) ?? forms.error} />
        <Group gap="md">
          {/* Stacked on a phone: side by side the three labels are wider than 375 px in Kyrgyz, and a
              sideways scroll cut the last one to «Ок…». */}
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v)}
            orientation={phone ? 'vertical' : 'horizontal'}
            fullWidth={phone}
            w={phone ? '100%' : undefined}
            data={[
              { value: 'all', label: t('forms.allKinds') },
              { value: 'checklist', label: t('forms:kind.checklist') },
              { value: 'incident', label: t('forms:kind.incident') },
            ]}
            aria-label={t('builder.kind')}
          />
          <Switch
            label={t('forms.showArchived')}
            checked={archived}
            onChange={(e) => setArchived(e.currentTarget.checked)}
            data-testid="show-archived"
          />
        </Group>
        {forms.isPending && <PageLoader />}
        {forms.data && items.length === 0 && (
          <EmptyState p="lg" title={t(archived ? 'forms.emptyArchived' : 'forms.empty')} />
        )}
        {items.length > 0 && <FormsList items={items} />}
      </Stack>
    </>
  );
}

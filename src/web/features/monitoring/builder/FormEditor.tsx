import { Alert, Box, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../../../core/forms/types';
import { ApiError, type ErrorDetail } from '../../../api/client';
import { Icon } from '../../../components/icons';
import { saveFile } from '../../../components/saveFile';
import type { Locale } from '../../../i18n';
import { formsApi } from '../api';
import { useLocale } from '../l10n';
import { MonErrorAlert } from '../MonErrorAlert';
import { monitoringKeys, useInvalidate } from '../queries';
import { fillKeys, layoutOf, move, newSection, replaceAt } from './definition';
import { FoldAllButtons, FoldProvider, useFolding } from './collapse';
import { EditorToolbar } from './EditorToolbar';
import { FormMetaCard } from './FormMetaCard';
import { isDefinitionInvalid, useIssues } from './issues';
import { PreviewPane } from './PreviewPane';
import { PublishDialog } from './PublishDialog';
import { RemoveProvider, useRemoval } from './removal';
import { SectionEditor } from './SectionEditor';

/** The editor of one form (or a new one) beside its preview; on a phone, one or the other. */
export function FormEditor({
  formId,
  initial,
  versions,
  notice,
  setNotice,
  hasDraft,
  template,
}: {
  formId: string | null;
  initial: FormDefinition;
  versions: ReactElement | null;
  /** Kept by the page: the editor remounts when a save or publish opens another version. */
  notice: string | null;
  setNotice: (n: string | null) => void;
  /** A saved draft waits to be published; without it (and no change) there is nothing to publish. */
  hasDraft?: boolean;
  /** The newer-template notice, told whether unsaved edits would be lost by loading it. */
  template?: (dirty: boolean) => ReactNode;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const navigate = useNavigate();
  const invalidate = useInvalidate();
  const phone = useMediaQuery('(max-width: 62em)', false, { getInitialValueInEffect: false });
  const [def, setDefRaw] = useState(initial);
  const [dirty, setDirty] = useState(formId === null);
  const [details, setDetails] = useState<readonly ErrorDetail[]>([]);
  const [confirm, setConfirm] = useState(false);
  const [view, setView] = useState<'edit' | 'preview'>('edit');
  const [previewLang, setPreviewLang] = useState<Locale>(lng);
  const issues = useIssues(details, def);
  const folding = useFolding(initial);
  const setDef = (d: FormDefinition) => {
    const next = fillKeys(d);
    folding.prune(next);
    // The server's issues name positions: once questions move, appear or go, they would point at
    // the wrong ones, so they are dropped until the next save.
    if (layoutOf(next) !== layoutOf(def)) setDetails([]);
    setDefRaw(next);
    setDirty(true);
    setNotice(null);
  };
  const removal = useRemoval(def, setDef);

  const onError = (e: unknown) => setDetails(e instanceof ApiError ? e.details : []);
  const save = useMutation({
    mutationFn: async () => {
      if (formId === null)
        return { kind: 'created' as const, id: (await formsApi.create(def)).id, version: 1 };
      return { kind: 'saved' as const, id: formId, version: (await formsApi.saveDraft(formId, def)).version };
    },
    onSuccess: async (r) => {
      setDetails([]);
      setDirty(false);
      if (r.kind === 'created') {
        await invalidate(monitoringKeys.forms);
        void navigate({ to: '/monitoring/forms/$id', params: { id: r.id }, replace: true });
      } else {
        setNotice(t('builder.saved', { version: r.version }));
        await invalidate(monitoringKeys.forms);
      }
    },
    onError,
  });
  const publish = useMutation({
    mutationFn: async () => {
      if (dirty && formId) await formsApi.saveDraft(formId, def);
      return formsApi.publish(formId!);
    },
    onSuccess: async (r) => {
      setDetails([]);
      setDirty(false);
      setConfirm(false);
      setNotice(t('builder.published', { version: r.version }));
      await invalidate(monitoringKeys.forms);
    },
    onError: (e) => {
      setConfirm(false);
      onError(e);
    },
  });
  const exporter = useMutation({ mutationFn: () => formsApi.exportOne(formId!), onSuccess: saveFile });
  const error = save.error ?? publish.error ?? exporter.error;

  // Leaving with unsaved changes asks first (closing the tab, reloading).
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const editor = (
    <Stack gap="md">
      <FormMetaCard def={def} issues={issues} setDef={setDef} />
      <FoldAllButtons def={def} folding={folding} />
      {def.sections.map((_, i) => (
        <SectionEditor
          key={i}
          def={def}
          index={i}
          issues={issues}
          onChange={(s) => setDef({ ...def, sections: replaceAt(def.sections, i, s) })}
          onMove={(dir) => setDef({ ...def, sections: move(def.sections, i, dir) })}
          onRemove={() => removal.remove(`sections.${i}`)}
        />
      ))}
      <Button
        variant="default"
        w="fit-content"
        leftSection={<Icon name="plus" size={16} />}
        onClick={() => setDef({ ...def, sections: [...def.sections, newSection(def)] })}
        data-testid="add-section"
      >
        {t('builder.addSection')}
      </Button>
      {versions}
    </Stack>
  );
  const preview = <PreviewPane def={def} lang={previewLang} setLang={setPreviewLang} />;

  // The section and question editors remove through `removal`, which sees the whole form, and fold
  // through `folding`, which the fold-all buttons reach too.
  return (
    <RemoveProvider value={removal.remove}>
      <FoldProvider value={folding}>
        <EditorToolbar
          dirty={dirty}
          canExport={formId !== null}
          canPublish={dirty || !!hasDraft}
          exporting={exporter.isPending}
          saving={save.isPending}
          onExport={() => exporter.mutate()}
          onSave={() => save.mutate()}
          onPublish={() => setConfirm(true)}
        />
        <Stack gap="sm" mb="md">
          {template?.(dirty)}
          {notice && (
            <Alert color="green" variant="light" role="status" data-testid="builder-notice">
              {notice}
            </Alert>
          )}
          {/* Problems the server placed are shown at their questions and counted below: its own message
            would repeat the first one with a raw path. */}
          <MonErrorAlert error={isDefinitionInvalid(error) ? null : error} />
          {issues.all.length > 0 && (
            <Text c="red.8" size="sm" role="alert" data-testid="builder-issues">
              {t('builder.issueCount', { count: issues.all.length })}
            </Text>
          )}
        </Stack>
        {phone && (
          <SegmentedControl
            fullWidth
            mb="md"
            value={view}
            onChange={(v) => setView(v)}
            data={[
              { value: 'edit', label: t('builder.edit') },
              { value: 'preview', label: t('preview.title') },
            ]}
            data-testid="builder-view"
          />
        )}
        {phone ? (
          view === 'edit' ? (
            editor
          ) : (
            preview
          )
        ) : (
          <Group align="flex-start" gap="lg" wrap="nowrap">
            <Box style={{ flex: 1, minWidth: 0 }}>{editor}</Box>
            <Box w={400} style={{ flexShrink: 0 }}>
              {preview}
            </Box>
          </Group>
        )}
        {removal.dialog}
        <PublishDialog
          opened={confirm}
          def={def}
          loading={publish.isPending}
          onPublish={() => publish.mutate()}
          onClose={() => setConfirm(false)}
          onBack={() => setView('edit')}
        />
      </FoldProvider>
    </RemoveProvider>
  );
}

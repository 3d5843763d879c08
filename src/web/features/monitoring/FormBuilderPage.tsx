import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Box,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { FORM_KINDS, type FormDefinition } from '../../../core/forms/types';
import { ApiError, type ErrorDetail } from '../../api/client';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { saveFile } from '../../components/saveFile';
import type { Locale } from '../../i18n';
import { formsApi } from './api';
import { blankDefinition, fillKeys, layoutOf, move, newSection, replaceAt } from './builder/definition';
import { FormPreview } from './builder/FormPreview';
import { isDefinitionInvalid, useIssues } from './builder/issues';
import { L10nInputs } from './builder/L10nInputs';
import { PublishDialog } from './builder/PublishDialog';
import { RemoveProvider, useRemoval } from './builder/removal';
import { SectionEditor } from './builder/SectionEditor';
import { VersionList } from './builder/VersionList';
import { LANGS, pick, useLocale } from './l10n';
import { MonErrorAlert } from './MonErrorAlert';
import { MonitoringNav } from './MonitoringNav';
import { monitoringKeys, useForm, useInvalidate } from './queries';

function Editor({
  formId,
  initial,
  versions,
  notice,
  setNotice,
  hasDraft,
}: {
  formId: string | null;
  initial: FormDefinition;
  versions: ReactElement | null;
  /** Kept by the page: the editor remounts when a save or publish opens another version. */
  notice: string | null;
  setNotice: (n: string | null) => void;
  /** A saved draft waits to be published; without it (and no change) there is nothing to publish. */
  hasDraft?: boolean;
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
  const setDef = (d: FormDefinition) => {
    const next = fillKeys(d);
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
      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          <L10nInputs
            label={t('builder.formTitle')}
            value={def.title}
            required
            onChange={(title) => setDef({ ...def, title })}
            testId="form-title"
            errors={{
              ky: issues.at('title.ky')[0],
              ru: issues.at('title.ru')[0],
              en: issues.at('title.en')[0],
            }}
          />
          <L10nInputs
            label={t('builder.description')}
            value={def.description}
            multiline
            onChange={(description) => setDef({ ...def, description })}
          />
          {issues.form.map((m, i) => (
            <Text key={i} size="sm" c="red.8" role="alert">
              {m}
            </Text>
          ))}
          <Select
            label={t('builder.kind')}
            data={FORM_KINDS.map((k) => ({ value: k, label: t(`forms:kind.${k}`) }))}
            value={def.kind}
            onChange={(v) => v && setDef({ ...def, kind: v })}
            allowDeselect={false}
            w={220}
            data-testid="form-kind"
          />
        </Stack>
      </Card>
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
  const preview = (
    <Stack gap="xs" pos="sticky" top={70}>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('preview.title')}
        </Title>
        <SegmentedControl
          size="xs"
          value={previewLang}
          onChange={(v) => setPreviewLang(v)}
          data={LANGS.map((l) => ({ value: l, label: l.toUpperCase() }))}
          aria-label={t('preview.language')}
          data-testid="preview-lang"
        />
      </Group>
      <FormPreview definition={def} lang={previewLang} />
    </Stack>
  );

  // The section and question editors remove through `removal`, which sees the whole form.
  return (
    <RemoveProvider value={removal.remove}>
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
          {formId && (
            <Button
              variant="default"
              onClick={() => exporter.mutate()}
              loading={exporter.isPending}
              leftSection={<Icon name="download" size={16} />}
            >
              {t('forms.export')}
            </Button>
          )}
          <Button
            variant="default"
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={!dirty}
            data-testid="save-draft"
          >
            {t('builder.saveDraft')}
          </Button>
          {formId && (
            <Button onClick={() => setConfirm(true)} disabled={!dirty && !hasDraft} data-testid="publish">
              {t('builder.publish')}
            </Button>
          )}
        </Group>
      </Group>
      <Stack gap="sm" mb="md">
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
    </RemoveProvider>
  );
}

/** Form builder with a phone-width preview; `/monitoring/forms/new` starts a new form. */
export function FormBuilderPage(): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const { id } = useParams({ from: '/app/monitoring/forms/$id' });
  const isNew = id === 'new';
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm(id, !isNew);
  const initial = useMemo<FormDefinition | null>(() => {
    if (isNew) return blankDefinition('checklist');
    const d = form.data;
    return d ? structuredClone((d.draft ?? d.published)?.definition ?? blankDefinition(d.kind)) : null;
  }, [isNew, form.data]);
  const title = isNew ? t('builder.newTitle') : pick(form.data?.title, lng) || t('builder.untitled');
  return (
    <>
      <MonitoringNav current="forms" />
      <Anchor component={Link} to="/monitoring/forms" size="sm">
        {t('builder.back')}
      </Anchor>
      <PageHeader
        title={title}
        description={
          form.data
            ? form.data.draft
              ? t('builder.draftOf', { version: form.data.draft.version })
              : form.data.published
                ? t('builder.editingPublished', {
                    version: form.data.published.version,
                    next: form.data.published.version + 1,
                  })
                : undefined
            : undefined
        }
      />
      {!isNew && form.isPending && <PageLoader />}
      {form.error instanceof ApiError && form.error.status === 404 ? (
        <Alert color="gray">{t('forms.notFound')}</Alert>
      ) : (
        <MonErrorAlert error={form.error} />
      )}
      {initial && (
        <Editor
          key={`${id}:${form.data?.draft?.id ?? form.data?.published?.id ?? ''}`}
          formId={isNew ? null : id}
          initial={initial}
          versions={form.data ? <VersionList form={form.data} /> : null}
          notice={notice}
          setNotice={setNotice}
          hasDraft={!!form.data?.draft}
        />
      )}
    </>
  );
}

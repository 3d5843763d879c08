import { Alert, Anchor } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../../core/forms/types';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { PUBLIC_FORM_KEY } from './api';
import { blankDefinition } from './builder/definition';
import { FormEditor } from './builder/FormEditor';
import { TemplateNotice } from './builder/TemplateNotice';
import { ReadOnlyForm } from './builder/ReadOnlyForm';
import { VersionList } from './builder/VersionList';
import { pick, useLocale } from './l10n';
import { MonErrorAlert } from './MonErrorAlert';
import { MonitoringNav } from './MonitoringNav';
import { useForm } from './queries';

/** Form builder with a phone-width preview; `/monitoring/forms/new` starts a new form. */
export function FormBuilderPage(): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const { id } = useParams({ from: '/app/monitoring/forms/$id' });
  const isNew = id === 'new';
  const [notice, setNotice] = useState<string | null>(null);
  // Loading the shipped template may replace the open draft in place (same version id): the editor
  // must start again from what the server now holds.
  const [loads, setLoads] = useState(0);
  const form = useForm(id, !isNew);
  const initial = useMemo<FormDefinition | null>(() => {
    if (isNew) return blankDefinition('checklist');
    const d = form.data;
    return d ? structuredClone((d.draft ?? d.published)?.definition ?? blankDefinition(d.kind)) : null;
  }, [isNew, form.data]);
  const title = isNew ? t('builder.newTitle') : pick(form.data?.title, lng) || t('builder.untitled');
  const data = form.data;
  return (
    <>
      <MonitoringNav current="forms" />
      <Anchor component={Link} to="/monitoring/forms" size="sm">
        {t('builder.back')}
      </Anchor>
      <PageHeader
        title={title}
        description={
          // A form this user cannot change has no "saving opens version n" to announce.
          data?.editable
            ? data.draft
              ? t('builder.draftOf', { version: data.draft.version })
              : data.published
                ? t('builder.editingPublished', {
                    version: data.published.version,
                    next: data.published.version + 1,
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
      {data?.editable && data.key === PUBLIC_FORM_KEY && (
        // An administrator publishing here changes what strangers see at once: say so before they do.
        <Alert color="teal" mb="md" data-testid="public-form-notice">
          {t('builder.publicForm')}
        </Alert>
      )}
      {data && !data.editable && initial ? (
        // What the public fills in is the published version, not an administrator's open draft.
        <ReadOnlyForm form={data} definition={data.published?.definition ?? initial} />
      ) : (
        initial && (
          <FormEditor
            key={`${id}:${data?.draft?.id ?? data?.published?.id ?? ''}:${loads}`}
            formId={isNew ? null : id}
            initial={initial}
            versions={data ? <VersionList form={data} /> : null}
            notice={notice}
            setNotice={setNotice}
            hasDraft={!!data?.draft}
            template={
              data?.templateUpdate
                ? (dirty) => (
                    <TemplateNotice
                      formId={data.id}
                      draftVersion={data.draft?.version ?? null}
                      dirty={dirty}
                      onLoaded={(version) => {
                        setLoads((n) => n + 1);
                        setNotice(t('builder.template.loaded', { version }));
                      }}
                    />
                  )
                : undefined
            }
          />
        )
      )}
    </>
  );
}

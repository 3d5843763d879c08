import { Alert, Container } from '@mantine/core';
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useField } from './context';
import type { OutboxItem } from './db';
import { FieldHeader } from './FieldHeader';
import { newClientId } from './clientId';
import { readAnswers } from './outbox';
import { readDraft } from './drafts';
import { checklistStart, quickIncidentAnswers } from './quick';
import { pinMissing } from './pin';
import { FormBody, type Loaded } from './FormBody';

/** A new report (formVersionId + siteId) or the correction of one in the outbox (editId). */
export function FormScreen(props: {
  formVersionId?: string;
  siteId?: string;
  editId?: string;
}): ReactElement {
  const { db } = useField();
  const [loaded, setLoaded] = useState<Loading>(undefined);
  useEffect(() => {
    void (async () => {
      // A correction of a report already on the phone may go on; a new one waits for the PIN.
      if (!props.editId && (await pinMissing(db))) return setLoaded('pin');
      let item: OutboxItem | undefined;
      if (props.editId) item = await db.outbox.get(props.editId);
      const formVersionId = item?.formVersionId ?? props.formVersionId ?? '';
      const siteId = item?.siteId ?? props.siteId ?? '';
      const form = await db.forms.get(formVersionId);
      const site = await db.assignments.where('siteId').equals(siteId).first();
      if (!form || !site || (props.editId && (!item || item.status === 'sent'))) return setLoaded(null);
      // A new report picks up where a reload, a killed tab or "back" left it.
      const draft = props.editId ? null : await readDraft(db, { formVersionId, siteId });
      setLoaded({
        form,
        site,
        // Made when the form opens, so every save and send of this report is the same report.
        clientId: item?.clientId ?? draft?.clientId ?? newClientId(),
        answers:
          (item && (await readAnswers(db, item))) ??
          draft?.answers ??
          checklistStart(form.definition, site, new Date()),
        problem: item?.error ?? null,
        draftable: !props.editId,
        ...(draft ? { restoredAt: draft.updatedAt } : {}),
      });
    })();
  }, [db, props.editId, props.formVersionId, props.siteId]);
  return <Loading loaded={loaded} />;
}

/**
 * The critical-incident report: the incident form of the last-used site (or of the first site that has
 * one), started by quickIncidentAnswers. An observer with several sites can move it to another.
 */
export function IncidentScreen(): ReactElement {
  const { db } = useField();
  const [loaded, setLoaded] = useState<Loading>(undefined);
  useEffect(() => {
    void (async () => {
      if (await pinMissing(db)) return setLoaded('pin');
      const forms = (await db.forms.toArray()).filter((f) => f.definition.kind === 'incident');
      const all = await db.assignments.toArray();
      const last = (await db.meta.get('lastSite'))?.value;
      const withForm = all.filter((a) => forms.some((f) => f.id === a.formVersionId));
      const site = withForm.find((s) => s.siteId === last) ?? withForm[0];
      const form = forms.find((f) => f.id === site?.formVersionId);
      if (!form || !site) return setLoaded(null);
      const { answers, locationKey } = quickIncidentAnswers(form.definition, site, new Date());
      setLoaded({
        form,
        site,
        siteChoices: withForm.filter((a) => a.formVersionId === form.id),
        clientId: newClientId(),
        answers,
        problem: null,
        gpsKey: locationKey,
      });
    })();
  }, [db]);
  return <Loading loaded={loaded} incident />;
}

/** Not read yet, read, nothing to open (null), or no report may start before a PIN is set. */
type Loading = Loaded | null | 'pin' | undefined;

function Loading({ loaded, incident }: { loaded: Loading; incident?: boolean }): ReactElement {
  const { t } = useTranslation('field');
  if (loaded === undefined) return <Container size={480} />;
  if (loaded === null || loaded === 'pin')
    return (
      <Container size={480} px="sm">
        <FieldHeader title={t('title')} back="" />
        <Alert color="orange" data-testid="field-form-unavailable">
          {loaded === 'pin'
            ? t('form.pin_required')
            : incident
              ? t('form.no_incident_form')
              : t('form.missing')}
        </Alert>
      </Container>
    );
  return <FormBody key={loaded.clientId} {...loaded} incident={incident} />;
}

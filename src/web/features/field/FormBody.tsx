import { Alert, Button, Container, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isCritical, validateAnswers } from '../../../core/forms/answers.ts';
import { answerChecks } from '../../../core/forms/compare.ts';
import { isVisible } from '../../../core/forms/conditions.ts';
import { issueMessage } from '../../../core/forms/messages.ts';
import type { Answers, AnswerIssue } from '../../../core/forms/types';
import { pruneAnswers } from './answers';
import { useField } from './context';
import type { Assignment, ServerProblem, StoredForm } from './db';
import { FieldHeader } from './FieldHeader';
import { FieldInput } from './FieldInputs';
import { FormProgress } from './FormProgress';
import { formProgress } from './progress';
import { loc } from './live';
import { saveReport } from './outbox';
import { ChecksDialog, LeaveDialog } from './ChecksDialog';
import { formatDateTime } from '../../intl/format';
import { useDraft } from './useDraft';
import { checklistStart } from './quick';
import { problemLines, serverIssues, translator } from './problem';
import { movedPlace } from './quick';
import { SiteLine } from './SiteLine';
import { useRoomBelow } from './useRoomBelow';

/** What a report screen opens with: FormScreen and IncidentScreen load it, FormBody fills it in. */
export interface Loaded {
  form: StoredForm;
  site: Assignment;
  clientId: string;
  answers: Answers;
  problem: ServerProblem | null;
  /** The incident report asks the phone for its position and adds it to this location answer. */
  gpsKey?: string;
  /** The incident report's other sites with the same form: the observer may file it under one of them. */
  siteChoices?: Assignment[];
  /** A new report keeps a draft while it is filled in (drafts.ts); `restoredAt` when one was found. */
  draftable?: boolean;
  restoredAt?: string;
}

const issueKey = (i: AnswerIssue) => `${i.path}\u0000${i.code}`;

/** A report being filled in: its questions, the checks as they are typed, the draft, and saving it. */
export function FormBody(props: Loaded & { incident?: boolean }): ReactElement {
  const { t } = useTranslation('field');
  const { db, lang, sync, go } = useField();
  const def = props.form.definition;
  const [answers, setAnswers] = useState<Answers>(props.answers);
  // What the form opened with (nothing to keep as a draft): the loaded answers, or a fresh start.
  const [initial, setInitial] = useState<Answers>(props.answers);
  const [site, setSite] = useState(props.site);
  const [restoredAt, setRestoredAt] = useState(props.restoredAt);
  // Starting over remounts the inputs (a number keeps the text as typed in its own state).
  const [generation, setGeneration] = useState(0);
  const bar = useRoomBelow<HTMLDivElement>();
  const draft = useDraft({
    db,
    enabled: !!props.draftable,
    where: { formVersionId: props.form.id, siteId: site.siteId },
    clientId: props.clientId,
    answers,
    initial,
  });
  const [found, setFound] = useState<AnswerIssue[]>([]);
  // What the last save found, less what has been put right since: a fixed answer loses its message
  // at once, while a question not reached yet (a repeat item just added) is not scolded before the
  // next save.
  const issues = useMemo(() => {
    if (!found.length) return found;
    const still = new Set(validateAnswers(def, pruneAnswers(def, answers)).map(issueKey));
    return found.filter((i) => still.has(issueKey(i)));
  }, [found, def, answers]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const key = props.gpsKey;
    if (!key || !navigator.geolocation) return;
    navigator.geolocation.getCurrentPosition(
      (p) => {
        const gps = { lat: Number(p.coords.latitude.toFixed(6)), lon: Number(p.coords.longitude.toFixed(6)) };
        setAnswers((a) => ({ ...a, [key]: { ...(a[key] as object | undefined), ...gps } }));
      },
      () => undefined, // No permission or no fix: region and district from the site stay.
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  }, [props.gpsKey]);

  // Beside its question a message does not repeat the question's label.
  const word = (i: AnswerIssue) => issueMessage(def, i, lang, translator(t), false);
  const errors: Record<string, string> = {};
  for (const i of serverIssues(props.problem)) errors[i.path] ??= word(i);
  for (const i of issues) errors[i.path] ??= word(i);
  // Answers that do not add up with earlier ones: said as they are typed, confirmed on saving.
  const checks = useMemo(() => answerChecks(def, pruneAnswers(def, answers)), [def, answers]);
  const progress = useMemo(() => formProgress(def, answers), [def, answers]);
  const notes: Record<string, string> = {};
  for (const i of checks) notes[i.path] ??= word(i);
  const [confirming, setConfirming] = useState(false);
  // Answers typed since the form opened and kept nowhere (no draft: a correction, the quick incident):
  // leaving asks first, a reload or closing warns.
  const unsaved = !props.draftable && answers !== props.answers && !saving;
  const [leaving, setLeaving] = useState(false);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  const back = props.problem ? 'outbox' : '';

  const save = async (confirmed = false) => {
    if (saving) return;
    setSaving(true);
    const clean = pruneAnswers(def, answers);
    const now = validateAnswers(def, clean);
    setFound(now);
    if (!now.length && !confirmed && answerChecks(def, clean).length) {
      setSaving(false);
      setConfirming(true);
      return;
    }
    if (now.length) {
      setSaving(false);
      window.setTimeout(
        () =>
          document
            .querySelector('[aria-invalid="true"], .mantine-InputWrapper-error')
            ?.scrollIntoView({ block: 'center' }),
        50,
      );
      return;
    }
    await saveReport(db, {
      clientId: props.clientId,
      formVersionId: props.form.id,
      siteId: site.siteId,
      answers: clean,
      critical: isCritical(def, clean),
    });
    await draft.discard();
    await db.meta.put({ key: 'lastSite', value: site.siteId });
    void sync(true);
    go('');
  };

  return (
    <Container size={480} px="sm" pb={180}>
      <FieldHeader
        title={loc(def.title, lang)}
        back={back}
        onBack={() => (unsaved ? setLeaving(true) : void draft.flush().then(() => go(back)))}
      />
      {restoredAt && (
        <Alert color="blue" mb="md" data-testid="field-draft-restored">
          <Stack gap="xs">
            <Text size="sm">{t('draft.restored', { time: formatDateTime(lang, restoredAt) })}</Text>
            <Button
              size="xs"
              variant="default"
              w="fit-content"
              data-testid="field-draft-discard"
              onClick={() =>
                void draft.discard({ reopen: true }).then(() => {
                  // A checklist starts again from what its site says, as a freshly opened one does.
                  const fresh = checklistStart(def, site, new Date());
                  setInitial(fresh);
                  setAnswers(fresh);
                  setRestoredAt(undefined);
                  setGeneration((g) => g + 1);
                })
              }
            >
              {t('draft.start_over')}
            </Button>
          </Stack>
        </Alert>
      )}
      <LeaveDialog opened={leaving} onStay={() => setLeaving(false)} onLeave={() => go(back)} />
      <SiteLine
        site={site}
        choices={props.siteChoices ?? []}
        onChange={(next) => {
          setSite(next);
          const key = props.gpsKey;
          if (key) setAnswers((a) => ({ ...a, [key]: movedPlace(a[key], next) }));
        }}
      />
      {props.problem && (
        <Alert color="red" mb="md" title={t('form.refused')} data-testid="field-server-error">
          {problemLines(props.problem, def, lang, t).join(' ')}
        </Alert>
      )}
      <Stack gap="xl" key={generation}>
        {def.sections
          .filter((s) => isVisible(s.visibleIf, answers))
          .map((s) => (
            <Stack key={s.key} gap="md">
              <Title order={2} size="h4">
                {loc(s.title, lang)}
              </Title>
              {s.fields
                .filter((f) => isVisible(f.visibleIf, answers))
                .map((f) => (
                  <div key={f.key} data-question={f.key}>
                    <FieldInput
                      field={f}
                      path={f.key}
                      value={answers[f.key]}
                      onChange={(v) => setAnswers((a) => ({ ...a, [f.key]: v }))}
                      errors={errors}
                      notes={notes}
                      reportId={props.clientId}
                      answers={answers}
                    />
                  </div>
                ))}
            </Stack>
          ))}
      </Stack>
      {issues.length > 0 && (
        <Alert color="red" mt="md" data-testid="field-invalid">
          {t('form.invalid', { count: issues.length })}
        </Alert>
      )}
      <ChecksDialog
        opened={confirming}
        lines={checks.map((i) => issueMessage(def, i, lang, translator(t)))}
        onBack={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void save(true);
        }}
      />
      <div
        ref={bar}
        style={{
          position: 'fixed',
          left: 0,
          right: 0,
          bottom: 0,
          // Above the form's controls (Mantine's segmented yes/no sits at z-index 2): a tap meant for
          // Save must never answer the question scrolling underneath.
          zIndex: 100,
          padding: 12,
          background: 'var(--mantine-color-body)',
          borderTop: '1px solid var(--mantine-color-gray-3)',
        }}
      >
        <Container size={480} px={0}>
          <FormProgress p={progress} />
          <Button
            size="xl"
            fullWidth
            color={props.incident ? 'red' : undefined}
            loading={saving}
            onClick={() => void save()}
            data-testid="field-save"
          >
            {props.incident ? t('form.send_incident') : t('form.save')}
          </Button>
        </Container>
      </div>
    </Container>
  );
}

import { Alert, Box, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { validateAnswers } from '../../../core/forms/answers';
import { issueMessage } from '../../../core/forms/messages';
import { isVisible } from '../../../core/forms/conditions';
import type { FormDefinition, FormField } from '../../../core/forms/types';
import { ApiError, api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Spinner } from '../../components/PageLoader';
import { PublicLayout } from '../../shell/PublicLayout';
import { useLocale } from '../cases/labels';
import { solveChallenge } from './publicProof';
import { PublicFieldInput } from './PublicFieldInput';

interface PublicForm {
  formVersionId: string;
  definition: FormDefinition;
  challenge: { token: string; bits: number };
}
type Answers = Record<string, unknown>;

/** Field types a person can answer on this page without an account (no uploads, no repeats). */
const SIMPLE = new Set([
  'text',
  'long_text',
  'number',
  'boolean',
  'single_choice',
  'multiple_choice',
  'date',
  'datetime',
  'location',
]);

/** The anonymous public incident form (issue #5): route `/report`, outside the app shell, no login. */
export function PublicReportPage(): ReactElement {
  const { t } = useTranslation('monitoring');
  const { t: te } = useTranslation('errors');
  const lng = useLocale();
  const form = useQuery({
    queryKey: ['public-report-form'],
    queryFn: () => api.get<PublicForm>('/api/public/reports/form'),
    retry: false,
    staleTime: Infinity,
  });
  const [answers, setAnswers] = useState<Answers>({});
  const [website, setWebsite] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const [proof, setProof] = useState<{ token: string; nonce: string } | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  // The proof of work runs while the person writes, so sending is instant.
  const challenge = form.data?.challenge;
  useEffect(() => {
    if (!challenge) return;
    const ctl = new AbortController();
    setProof(null);
    solveChallenge(challenge.token, challenge.bits, ctl.signal)
      .then((nonce) => !ctl.signal.aborted && setProof({ token: challenge.token, nonce }))
      .catch(() => undefined);
    return () => ctl.abort();
  }, [challenge]);

  const def = form.data?.definition;
  const visible = useMemo(() => {
    const out: { section: string; title: string; fields: FormField[] }[] = [];
    if (!def) return out;
    for (const s of def.sections) {
      if (!isVisible(s.visibleIf, answers)) continue;
      const fields = s.fields.filter((f) => SIMPLE.has(f.type) && isVisible(f.visibleIf, answers));
      if (fields.length) out.push({ section: s.key, title: s.title[lng] || s.title.en, fields });
    }
    return out;
  }, [def, answers, lng]);

  if (sent) {
    return (
      <PublicLayout title={t('public.thanksTitle')} width={560}>
        <Alert color="teal" variant="light" role="status">
          {t('public.thanksBody')}
        </Alert>
        <Button variant="light" onClick={() => window.location.assign('/report')}>
          {t('public.another')}
        </Button>
      </PublicLayout>
    );
  }

  const submit = async () => {
    if (!form.data || !def) return;
    // Answers to questions that are hidden now are dropped, as the server would refuse them.
    const clean: Answers = {};
    for (const s of visible)
      for (const f of s.fields)
        if (answers[f.key] !== undefined && answers[f.key] !== '') clean[f.key] = answers[f.key];
    const issues = validateAnswers(def, clean);
    if (issues.length) {
      const byField: Record<string, string> = {};
      // Beside its question, a message does not repeat the question.
      for (const i of issues) byField[i.path] ??= issueMessage(def, i, lng, (k, p) => te(k, p ?? {}), false);
      setErrors(byField);
      // The first problem may be above the screen on a phone: go to it (a screen reader then reads it).
      requestAnimationFrame(() => {
        const error = formRef.current?.querySelector('.mantine-InputWrapper-error');
        const root = error?.closest('.mantine-InputWrapper-root');
        const input = root?.querySelector<HTMLElement>('input, textarea, button');
        if (input) input.focus();
        else error?.scrollIntoView({ block: 'center' });
      });
      return;
    }
    setErrors({});
    setSending(true);
    setFailure(null);
    const send = (formVersionId: string, token: string, nonce: string) =>
      api.post('/api/public/reports', {
        formVersionId,
        answers: clean,
        challenge: token,
        nonce,
        ...(website ? { website } : {}),
      });
    try {
      const p = proof ?? {
        token: form.data.challenge.token,
        nonce: await solveChallenge(form.data.challenge.token, form.data.challenge.bits),
      };
      try {
        await send(form.data.formVersionId, p.token, p.nonce);
      } catch (e) {
        // A person who took longer than the challenge lives to write their report: a fresh one is
        // fetched and solved, once, and what they wrote is sent, never lost to a "reload the page".
        if (!(e instanceof ApiError && e.code === 'public_report.challenge_expired')) throw e;
        const fresh = (await form.refetch()).data;
        if (!fresh) throw e;
        const nonce = await solveChallenge(fresh.challenge.token, fresh.challenge.bits);
        await send(fresh.formVersionId, fresh.challenge.token, nonce);
      }
      setSent(true);
    } catch (e) {
      setFailure(e);
    } finally {
      setSending(false);
    }
  };

  return (
    <PublicLayout
      title={def ? def.title[lng] || def.title.en : t('public.title')}
      description={t('public.intro')}
      width={640}
    >
      {form.isPending && <Spinner label={t('public.loading')} />}
      {form.isError && <ErrorAlert error={form.error} />}
      {def && (
        <Box
          component="form"
          ref={formRef}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="lg">
            <Text size="sm" c="dimmed">
              {t('public.privacy')}
            </Text>
            {visible.map((s) => (
              <Stack key={s.section} gap="md">
                {def.sections.length > 1 && (
                  <Title order={2} size="h4">
                    {s.title}
                  </Title>
                )}
                {s.fields.map((f) => (
                  <PublicFieldInput
                    key={f.key}
                    f={f}
                    value={answers[f.key]}
                    error={errors[f.key]}
                    onChange={(v) => {
                      setAnswers((a) => ({ ...a, [f.key]: v }));
                      // Answered again, a question's old message no longer applies (it is checked again on send).
                      setErrors(({ [f.key]: _, ...rest }) => rest);
                    }}
                  />
                ))}
              </Stack>
            ))}
            {/* Hidden from people (and from screen readers); bots that fill every field give themselves away. */}
            <Box
              aria-hidden="true"
              style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}
            >
              <TextInput
                label={t('public.website')}
                name="website"
                tabIndex={-1}
                autoComplete="off"
                value={website}
                onChange={(e) => setWebsite(e.currentTarget.value)}
              />
            </Box>
            <ErrorAlert error={failure} />
            <Button type="submit" loading={sending} size="md">
              {t('public.send')}
            </Button>
          </Stack>
        </Box>
      )}
    </PublicLayout>
  );
}

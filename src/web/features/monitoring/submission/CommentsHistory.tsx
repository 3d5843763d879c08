import { Button, Card, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition, FormField } from '../../../../core/forms/types';
import { regionOfDistrict } from '../../../../core/geo/regions';
import { AnchorLink } from '../../people/AnchorLink';
import { useFormat } from '../../../intl/format';
import { submissionsApi, type Submission } from '../api';
import { MonErrorAlert } from '../MonErrorAlert';
import { useDistrictName, useRegionName } from '../labels';
import { pick, useLocale } from '../l10n';
import { Value } from './AnswersView';
import { monitoringKeys } from '../queries';

/** Reviewers' notes on a submission (comments are not part of the observer's report). */
export function Comments({ s }: { s: Submission }): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const qc = useQueryClient();
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: () => submissionsApi.comment(s.id, body.trim()),
    onSuccess: (next) => {
      setBody('');
      qc.setQueryData(monitoringKeys.submission(s.id), next);
    },
  });
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h4" mb="sm">
        {/* "0 comments" above "No comments yet" said it twice. */}
        {s.comments.length ? t('comments.title', { count: s.comments.length }) : t('comments.heading')}
      </Title>
      <Stack gap="sm">
        {s.comments.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('comments.empty')}
          </Text>
        )}
        {s.comments.map((c) => (
          <div key={c.id} data-testid="comment">
            <Text size="xs" c="dimmed">
              {t('comments.meta', { name: c.name, time: fmt.dateTime(c.at) })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {c.body}
            </Text>
          </div>
        ))}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('comments.add')}
              autosize
              minRows={2}
              maxLength={10_000}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              data-testid="comment-body"
            />
            <MonErrorAlert error={add.error} />
            <Button
              type="submit"
              w="fit-content"
              disabled={!body.trim()}
              loading={add.isPending}
              data-testid="comment-submit"
            >
              {t('comments.submit')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}

/**
 * Every change of state, with who, when and why. An observer reading their own report (`reviewer`
 * false) is not told who reviewed it: the server leaves those names out, and no "system" stands in.
 */
/** A correction's answers, each with what it was and what it became. */
function Changes({
  changes,
  definition,
}: {
  changes: NonNullable<Submission['history'][number]['changes']>;
  definition: FormDefinition | undefined;
}): ReactElement {
  const lng = useLocale();
  const fields = new Map(definition?.sections.flatMap((x) => x.fields).map((f) => [f.key, f]) ?? []);
  return (
    <Stack gap={2} mt={4} data-testid="history-changes">
      {changes.map((c) => {
        const field: FormField = fields.get(c.key) ?? {
          key: c.key,
          type: 'text',
          label: { ky: c.key, ru: c.key, en: c.key },
        };
        return (
          <Text size="sm" key={c.key} component="div">
            <Text span fw={500}>
              {pick(field.label, lng) || c.key}:
            </Text>{' '}
            <Text span c="dimmed" td="line-through">
              <Value field={field} value={c.from} />
            </Text>{' '}
            → <Value field={field} value={c.to} />
          </Text>
        );
      })}
    </Stack>
  );
}

export function History({
  s,
  reviewer = true,
  definition,
}: {
  s: Submission;
  reviewer?: boolean;
  /** The report's form: a correction names its questions by their labels. */
  definition?: FormDefinition | undefined;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const [region, district] = [useRegionName(), useDistrictName()];
  const placeOf = (code: string | null) => {
    const inRegion = code ? regionOfDistrict(code) : null;
    return inRegion ? `${region(inRegion)} · ${district(code)}` : region(code) || '—';
  };
  const line = (h: Submission['history'][number]) => {
    // The server lists the arrival itself as action `received` (no `from`), then each transition.
    if ((h.action === 'transition' || h.action === 'received') && h.to)
      return h.from
        ? t('history.transition', { from: t(`status.${h.from}`), to: t(`status.${h.to}`) })
        : t('history.received', { to: t(`status.${h.to}`) });
    // A reviewer placed it: `refId` is the district's id, or the region's code when no district.
    if (h.action === 'place') return t('history.action.place', { place: placeOf(h.refId) });
    // A reviewer's translation written or removed: `refId` is its language.
    if (h.action === 'translate' || h.action === 'untranslate')
      return t(`history.action.${h.action}`, { lang: t(`translations.lang.${h.refId}`) });
    // `assign`/`unassign` name the person in `refName`.
    return t(`history.action.${h.action}`, { defaultValue: h.action, name: h.refName ?? '—' });
  };
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h4" mb="sm">
        {t('history.title')}
      </Title>
      {s.history.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('history.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} active={s.history.length}>
          {s.history.map((h, i) => (
            <Timeline.Item key={i} title={line(h)} data-testid="history-item">
              <Text size="xs" c="dimmed">
                {!reviewer && !h.name
                  ? fmt.dateTime(h.at)
                  : t('history.meta', { name: h.name ?? t('history.system'), time: fmt.dateTime(h.at) })}
              </Text>
              {h.reason && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {t('history.reason', { reason: h.reason })}
                </Text>
              )}
              {h.changes && h.changes.length > 0 && <Changes changes={h.changes} definition={definition} />}
              {/* Rejected as a duplicate: which report it repeats (observers: only when that one is theirs too). */}
              {h.action === 'transition' && h.to === 'rejected' && h.refId && (
                <Text size="sm" data-testid="history-duplicate">
                  {t('history.duplicate')}{' '}
                  <AnchorLink to="/monitoring/submissions/$id" params={{ id: h.refId }}>
                    {t('duplicates.open')}
                  </AnchorLink>
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}

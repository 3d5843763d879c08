import { Alert, Badge, Card, List, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answerChecks } from '../../../../core/forms/compare';
import { isCriticalAnswer } from '../../../../core/forms/conditions';
import { entryNoun, issueMessage } from '../../../../core/forms/messages';
import type { FormDefinition, FormField, LocationAnswer } from '../../../../core/forms/types';
import { districtName, isDistrictId } from '../../../../core/geo/regions';
import { useFormat } from '../../../intl/format';
import type { SubmissionFile } from '../api';
import { useRegionName } from '../labels';
import { pick, useLocale } from '../l10n';
import { FileAnswer, SubmissionFiles } from './FileAnswer';

const isSet = (v: unknown) =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** One answer as text: option labels, yes/no, places by name, dates in the UI language. */
export function Value({ field, value }: { field: FormField; value: unknown }): ReactNode {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const fmt = useFormat();
  const region = useRegionName();
  const option = (k: unknown) => pick(field.options?.find((o) => o.key === k)?.label, lng) || String(k);
  if (!isSet(value)) return <Text c="dimmed">{t('answers.none')}</Text>;
  switch (field.type) {
    case 'boolean':
      return t(value ? 'preview.yes' : 'preview.no');
    case 'single_choice':
      return option(value);
    case 'multiple_choice':
      return Array.isArray(value) ? value.map(option).join(', ') : String(value);
    case 'number':
      return typeof value === 'number' ? fmt.number(value) : String(value);
    case 'date':
      return typeof value === 'string' ? fmt.date(value) : String(value);
    case 'datetime':
      return typeof value === 'string' ? fmt.dateTime(value) : String(value);
    case 'location': {
      const l = value as Partial<LocationAnswer>;
      const parts = [
        region(l.region),
        l.district ? (isDistrictId(l.district) ? districtName(l.district, lng) : l.district) : '',
        l.place ?? '',
        l.lat !== undefined && l.lon !== undefined ? `${l.lat}, ${l.lon}` : '',
      ].filter(Boolean);
      return parts.join(' · ');
    }
    case 'file':
    case 'signature':
      return <FileAnswer value={value} signature={field.type === 'signature'} />;
    case 'repeat': {
      const noun = entryNoun(field, lng);
      return Array.isArray(value) ? (
        <Stack gap="xs">
          {value.map((entry, i) => (
            <Card key={i} withBorder padding="xs">
              <Text size="xs" c="dimmed" mb={4}>
                {noun ? t('answers.entry_named', { noun, n: i + 1 }) : t('answers.entry', { n: i + 1 })}
              </Text>
              <Rows fields={field.fields ?? []} answers={(entry ?? {}) as Record<string, unknown>} />
            </Card>
          ))}
        </Stack>
      ) : (
        String(value)
      );
    }
    default:
      return (
        <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {typeof value === 'string' ? value : JSON.stringify(value)}
        </span>
      );
  }
}

function Rows({
  fields,
  answers,
  corrected,
}: {
  fields: FormField[];
  answers: Record<string, unknown>;
  corrected?: ReadonlySet<string> | undefined;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  return (
    <Table variant="vertical" layout="fixed" withTableBorder={false}>
      <Table.Tbody>
        {fields
          .filter((f) => isSet(answers[f.key]))
          .map((f) => (
            <Table.Tr key={f.key} data-testid={`answer-${f.key}`}>
              <Table.Th w="40%" style={{ verticalAlign: 'top', fontWeight: 500 }}>
                {pick(f.label, lng) || f.key}
                {/* Which answer made the report critical: the badge on the report said so, not why. */}
                {isCriticalAnswer(f, answers[f.key]) && (
                  <Badge ml={6} size="xs" variant="light" color="red" tt="none" data-testid="answer-critical">
                    {t('answers.critical')}
                  </Badge>
                )}
                {corrected?.has(f.key) && (
                  <Badge
                    ml={6}
                    size="xs"
                    variant="light"
                    color="orange"
                    tt="none"
                    data-testid="answer-corrected"
                  >
                    {t('correct.badge')}
                  </Badge>
                )}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <Value field={f} value={answers[f.key]} />
              </Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}

/** The answers by the form's own labels, section by section; keys the form does not know are listed last. */
export function AnswersView({
  definition,
  answers,
  submissionId,
  files,
  corrected,
}: {
  definition: FormDefinition | undefined;
  answers: Record<string, unknown>;
  /** Questions a reviewer corrected (the history says from what). */
  corrected?: ReadonlySet<string>;
  /** With both, file and signature answers show the files themselves. */
  submissionId?: string;
  files?: SubmissionFile[];
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const fileCtx = useMemo(
    () => (submissionId && files ? { id: submissionId, files: new Map(files.map((f) => [f.id, f])) } : null),
    [submissionId, files],
  );
  const known = new Set(definition?.sections.flatMap((s) => s.fields.map((f) => f.key)) ?? []);
  const unknown = Object.keys(answers).filter((k) => !known.has(k));
  const checks = definition ? answerChecks(definition, answers) : [];
  return (
    <SubmissionFiles.Provider value={fileCtx}>
      <Stack gap="md">
        {checks.length > 0 && (
          <Alert color="orange" title={t('answers.checks')} data-testid="answers-checks">
            <List size="sm">
              {checks.map((i) => (
                <List.Item key={i.path + String(i.params?.other)}>
                  {issueMessage(definition, i, lng, (k, p) => t(k, p ?? {}))}
                </List.Item>
              ))}
            </List>
            <Text size="sm" mt="xs">
              {t('answers.checksNote')}
            </Text>
          </Alert>
        )}
        {definition?.sections
          .filter((s) => s.fields.some((f) => isSet(answers[f.key])))
          .map((s) => (
            <div key={s.key}>
              {pick(s.title, lng) && (
                <Title order={3} size="h5" mb={4}>
                  {pick(s.title, lng)}
                </Title>
              )}
              <Rows fields={s.fields} answers={answers} corrected={corrected} />
            </div>
          ))}
        {unknown.length > 0 && (
          <Rows
            fields={unknown.map((key) => ({ key, type: 'text', label: { ky: key, ru: key, en: key } }))}
            answers={answers}
          />
        )}
        {Object.keys(answers).length === 0 && <Text c="dimmed">{t('answers.empty')}</Text>}
      </Stack>
    </SubmissionFiles.Provider>
  );
}

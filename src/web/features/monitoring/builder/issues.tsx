import { Alert, List } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../../../core/forms/types';
import { ApiError, type ErrorDetail } from '../../../api/client';
import { normalizePath } from './definition';
import { issueWhere } from './issueWhere';
import type { IssueLookup } from './FieldEditor';

/**
 * The server's `forms.definition_invalid` details (`{path, code}` per problem) as messages a form
 * designer reads: at the question they concern in the builder, or with the section and question number
 * after an import. Its own message names only the first problem's raw path, so screens that can place
 * the details show them instead.
 */
export function isDefinitionInvalid(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'forms.definition_invalid' && error.details.length > 0;
}

const issueText = (t: TFunction, code: string) =>
  t(`forms:issue.${code}`, { defaultValue: t('forms:issue.invalid') });

/** A key in the wrong format gets its own message: it says what a key (or an option's key) may contain. */
function codeOf(d: ErrorDetail): string {
  if (d.code !== 'invalid_format' || !/(^|[.\]])key$/.test(d.path ?? '')) return d.code;
  return /options(\.|\[)\d+\]?\.key$/.test(d.path ?? '') ? 'option_key_format' : 'key_format';
}

/** Whether the builder shows an issue at `path` by an input, a section or a question of `def`. */
function placed(def: FormDefinition, path: string): boolean {
  if (/^title(\.(ky|ru|en))?$/.test(path)) return true;
  const m = /^sections\.(\d+)(?:\.fields\.(\d+)(?:\.fields\.(\d+))?)?/.exec(path);
  if (!m) return false;
  const section = def.sections[Number(m[1])];
  const field = m[2] === undefined ? undefined : section?.fields[Number(m[2])];
  if (!section || (m[2] !== undefined && !field)) return false;
  const question = m[3] === undefined ? field : field?.fields?.[Number(m[3])];
  if (m[3] !== undefined && !question) return false;
  // An option's issue is shown at that option (OptionsEditor), while it is there.
  const option = /^\.options\.(\d+)/.exec(path.slice(m[0].length));
  return !option || question?.options?.[Number(option[1])] !== undefined;
}

/**
 * Lookups for the editors, every message (`all`), and `form`: those no editor shows (the form's own
 * title as a whole, its description, a question removed since), for the form card.
 */
export function useIssues(
  details: readonly ErrorDetail[],
  def: FormDefinition,
): IssueLookup & { all: string[]; form: string[] } {
  const { t } = useTranslation('monitoring');
  return useMemo(() => {
    const list = details
      .filter((d) => d.path !== undefined)
      .map((d) => ({ path: normalizePath(d.path!), msg: issueText(t, codeOf(d)) }));
    return {
      all: list.map((i) => i.msg),
      form: list.filter((i) => !placed(def, i.path)).map((i) => i.msg),
      at: (p) => list.filter((i) => i.path === p).map((i) => i.msg),
      under: (p) => list.filter((i) => i.path === p || i.path.startsWith(`${p}.`)).length,
      rest: (p, shown) =>
        list
          .filter((i) => (i.path === p || i.path.startsWith(`${p}.`)) && !shown.includes(i.path))
          // Those of nested questions and of options are shown there.
          .filter((i) => !i.path.slice(p.length).match(/^\.(fields|options)\.\d+/))
          .map((i) => i.msg),
    };
  }, [details, def, t]);
}

const SHOWN = 5;

/** A refused import: how many problems, and the first few by place, with no raw path. */
export function DefinitionIssuesAlert({ error }: { error: ApiError }): ReactElement {
  const { t } = useTranslation('monitoring');
  const lines = error.details.map(
    (d) => `${issueWhere(t, normalizePath(d.path ?? ''))}: ${issueText(t, d.code)}`,
  );
  const more = lines.length - SHOWN;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={t('forms.importInvalid', { count: lines.length })}
      data-testid="import-issues"
    >
      <List size="sm">
        {lines.slice(0, SHOWN).map((l, i) => (
          <List.Item key={i}>{l}</List.Item>
        ))}
      </List>
      {more > 0 && t('forms.moreIssues', { count: more })}
    </Alert>
  );
}

import { Badge, Group, MultiSelect, Select, Stack, Text } from '@mantine/core';
import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { matches, queryWords } from './vocab/search';
import { useVocabIndex, type TermView, type VocabIndex } from './vocab/useVocabulary';

export { useVocabLabel, useVocabIndex, type VocabTerm } from './vocab/useVocabulary';

/**
 * Pickers over one vocabulary scheme (e.g. `esf_types_of_acts`, `kg_constitution`):
 *
 *   <VocabPicker scheme="esf_types_of_acts" value={code | null} onChange={setCode} label={...} error={...} />
 *   <VocabMultiPicker scheme="intl_rights" value={codes} onChange={setCodes} label={...} />
 *   const label = useVocabLabel('esf_types_of_acts'); label(code)
 *
 * Typing searches the Kyrgyz, Russian and English labels (and code, article reference) at once,
 * ignoring case, accents, ё/е and the Kyrgyz letters ө/ү/ң typed as о/у/н. The list shows the
 * hierarchy by indentation and, when searching, each term's parents. Retired terms are not offered,
 * but one a record already has stays shown, marked. A label missing in the UI language is shown in
 * Russian (else English) with a "not translated" mark. The scheme is loaded once (TanStack Query).
 */
interface CommonProps {
  scheme: string;
  label?: ReactNode;
  description?: ReactNode;
  placeholder?: string;
  error?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  /** Only terms under this code (e.g. one branch of a large list). */
  within?: string;
  'data-testid'?: string;
}

export interface VocabPickerProps extends CommonProps {
  value: string | null;
  onChange: (code: string | null) => void;
  clearable?: boolean;
}

export interface VocabMultiPickerProps extends CommonProps {
  value: string[];
  onChange: (codes: string[]) => void;
  maxValues?: number;
}

function useOptions(scheme: string, selected: string[], within: string | undefined) {
  const { t } = useTranslation('vocab');
  const { index, isPending } = useVocabIndex(scheme);
  const data = useMemo(() => {
    const keep = new Set(selected);
    const out: ComboboxItem[] = [];
    for (const v of index.views) {
      if (!v.term.active && !keep.has(v.term.code)) continue;
      if (within && v.term.code !== within && !isUnder(index, v, within)) continue;
      out.push({
        value: v.term.code,
        label: displayLabel(v, t),
        disabled: !v.term.active,
      });
    }
    // A code the scheme does not know (e.g. removed by hand) still shows, as itself.
    for (const code of selected)
      if (!index.byCode.has(code)) out.push({ value: code, label: code, disabled: true });
    return out;
  }, [index, selected, within, t]);
  // Whether the list on screen is a search result (parents as a breadcrumb) or the whole tree
  // (indentation). The filter runs just before the options render, in the same pass.
  const searching = useRef(false);
  const filter: OptionsFilter = ({ options, search }) => {
    const words = queryWords(search);
    searching.current = false;
    if (words.length === 0) return options;
    // Mantine searches the label of the selected item when the dropdown opens: show everything then.
    if (options.some((o) => 'label' in o && o.label === search)) return options;
    searching.current = true;
    return options.filter(
      (o: ComboboxParsedItem) => 'value' in o && matches(index.byCode.get(o.value)?.hay ?? o.value, words),
    );
  };
  const renderOption = ({ option }: { option: ComboboxItem }) => {
    const v = index.byCode.get(option.value);
    if (!v) return <Text size="sm">{option.label}</Text>;
    const depth = v.depth - (within ? baseDepth(index, within) : 0);
    return <OptionRow view={v} depth={depth} searching={searching.current} />;
  };
  return { data, filter, renderOption, isPending };
}

function isUnder(index: VocabIndex, v: TermView, ancestor: string): boolean {
  let p = v.term.parent;
  for (let i = 0; p && i < 20; i++) {
    if (p === ancestor) return true;
    p = index.byCode.get(p)?.term.parent ?? null;
  }
  return false;
}

function baseDepth(index: VocabIndex, within: string): number {
  return index.byCode.get(within)?.depth ?? 0;
}

function displayLabel(v: TermView, t: (k: string, o?: Record<string, string>) => string): string {
  const ref = v.term.ref ? `${v.term.ref} · ` : '';
  return `${ref}${v.label}${v.term.active ? '' : ` (${t('retired')})`}`;
}

function OptionRow({ view, depth, searching }: { view: TermView; depth: number; searching: boolean }) {
  const { t } = useTranslation('vocab');
  const indent = searching ? 0 : Math.min(Math.max(0, depth), 5) * 12;
  return (
    <Stack gap={0} style={{ paddingInlineStart: indent }}>
      {searching && view.path.length > 0 && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {view.path.join(' › ')}
        </Text>
      )}
      <Group gap={6} wrap="nowrap" align="baseline">
        <Text size="sm" fw={!searching && depth === 0 ? 600 : 400} style={{ overflowWrap: 'anywhere' }}>
          {view.term.ref && (
            <Text span size="xs" c="dimmed" mr={6}>
              {view.term.ref}
            </Text>
          )}
          {view.label}
        </Text>
        {view.fallback && (
          <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
            {t('notTranslated')}
          </Badge>
        )}
        {!view.term.active && (
          <Badge size="xs" variant="light" color="red" style={{ flexShrink: 0 }}>
            {t('retired')}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}

/** The small mark under a chosen term whose label is not in the UI language (or that is retired). */
function chosenMarks(index: VocabIndex, codes: string[], t: (k: string) => string): ReactNode {
  const views = codes.map((c) => index.byCode.get(c)).filter((v): v is TermView => !!v);
  const fallback = views.some((v) => v.fallback);
  if (!fallback) return null;
  return (
    <Text span size="xs" c="dimmed">
      {t('notTranslatedHint')}
    </Text>
  );
}

export function VocabPicker(props: VocabPickerProps) {
  const { t } = useTranslation('vocab');
  const selected = props.value ? [props.value] : [];
  const { data, filter, renderOption, isPending } = useOptions(props.scheme, selected, props.within);
  const { index } = useVocabIndex(props.scheme);
  return (
    <Select
      label={props.label}
      description={props.description ?? chosenMarks(index, selected, t)}
      placeholder={isPending ? t('loading') : (props.placeholder ?? t('searchPlaceholder'))}
      error={props.error}
      required={props.required}
      disabled={props.disabled}
      data={data}
      value={props.value}
      onChange={(v) => props.onChange(v)}
      searchable
      clearable={props.clearable ?? !props.required}
      filter={filter}
      renderOption={renderOption}
      nothingFoundMessage={isPending ? t('loading') : t('nothingFound')}
      maxDropdownHeight={360}
      comboboxProps={{ width: 'target', position: 'bottom-start' }}
      data-testid={props['data-testid']}
    />
  );
}

export function VocabMultiPicker(props: VocabMultiPickerProps) {
  const { t } = useTranslation('vocab');
  const { data, filter, renderOption, isPending } = useOptions(props.scheme, props.value, props.within);
  const { index } = useVocabIndex(props.scheme);
  return (
    <MultiSelect
      label={props.label}
      description={props.description ?? chosenMarks(index, props.value, t)}
      placeholder={isPending ? t('loading') : (props.placeholder ?? t('searchPlaceholder'))}
      error={props.error}
      required={props.required}
      disabled={props.disabled}
      data={data}
      value={props.value}
      onChange={props.onChange}
      searchable
      clearable
      maxValues={props.maxValues}
      filter={filter}
      renderOption={renderOption}
      nothingFoundMessage={isPending ? t('loading') : t('nothingFound')}
      maxDropdownHeight={360}
      comboboxProps={{ width: 'target', position: 'bottom-start' }}
      data-testid={props['data-testid']}
    />
  );
}

import { Anchor, Button, Chip, Group, Stack, Text, TextInput } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { matches, queryWords } from '../../components/vocab/search';
import { useVocabIndex, type TermView } from '../../components/vocab/useVocabulary';
import { AddTermModal } from './AddTermModal';
import { useSchemeList } from './api';
import { HuridocsCredit, schemeTitle } from './labels';
import { TermCard } from './TermCard';
import { TermEditModal } from './TermEditModal';

const FILTERS = ['all', 'kyMissing', 'kyDraft', 'ruDraft', 'ruMissing', 'retired', 'local'] as const;
type Filter = (typeof FILTERS)[number];
const PAGE = 60;

const keep: Record<Filter, (v: TermView) => boolean> = {
  all: () => true,
  kyMissing: (v) => v.term.kyStatus === 'missing',
  kyDraft: (v) => v.term.kyStatus === 'draft',
  ruDraft: (v) => v.term.ruStatus === 'draft',
  ruMissing: (v) => v.term.ruStatus === 'missing',
  retired: (v) => !v.term.active,
  local: (v) => v.term.origin === 'local',
};

/** One vocabulary: filter and search its terms, review labels, enter references, retire, add. */
export function VocabSchemePage(): ReactElement {
  const { t } = useTranslation('vocab');
  const { scheme } = useParams({ from: '/app/admin/vocab/$scheme' });
  const vocab = useVocabIndex(scheme);
  const list = useSchemeList();
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const words = queryWords(q);
  const rows = useMemo(
    () => vocab.index.views.filter((v) => keep[filter](v) && matches(v.hay, queryWords(q))),
    [vocab.index, filter, q],
  );
  if (vocab.isPending) return <PageLoader />;
  if (vocab.isError) return <ErrorAlert error={vocab.error} />;
  const summary = list.data?.schemes.find((s) => s.scheme === scheme);
  const editTerm = editing ? vocab.index.byCode.get(editing) : undefined;
  return (
    <>
      <Anchor component={Link} to="/admin/vocab" size="sm">
        {t('back')}
      </Anchor>
      <PageHeader
        title={schemeTitle(t, scheme)}
        description={t('summary', {
          version: vocab.data.version,
          terms: vocab.data.terms.length,
          retired: vocab.data.terms.filter((x) => !x.active).length,
        })}
        actions={
          <Button onClick={() => setAdding(true)} data-testid="vocab-add">
            {t('add')}
          </Button>
        }
      />
      <Stack>
        {(scheme.startsWith('esf_') || scheme === 'kg_constitution') && <HuridocsCredit />}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('search')}
            placeholder={t('searchPlaceholder')}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setShown(PAGE);
            }}
            style={{ flex: '1 1 260px' }}
            data-testid="vocab-term-search"
          />
        </Group>
        <Chip.Group
          value={filter}
          onChange={(v) => {
            setFilter(v);
            setShown(PAGE);
          }}
        >
          <Group gap="xs" role="radiogroup" aria-label={t('filter.label')}>
            {FILTERS.map((f) => (
              <Chip key={f} value={f} size="sm" wrapperProps={{ 'data-testid': `vocab-filter-${f}` }}>
                {t(`filter.${f}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('count', { count: rows.length })}
        </Text>
        {rows.length === 0 && <Text c="dimmed">{t('noTerms')}</Text>}
        {rows.slice(0, shown).map((v) => (
          <TermCard
            key={v.term.code}
            scheme={scheme}
            view={v}
            indent={words.length === 0 && filter === 'all'}
            onEdit={() => setEditing(v.term.code)}
          />
        ))}
        {rows.length > shown && (
          <Button variant="default" onClick={() => setShown((n) => n + PAGE)}>
            {t('showMore')}
          </Button>
        )}
      </Stack>
      {editTerm && <TermEditModal scheme={scheme} view={editTerm} onClose={() => setEditing(null)} />}
      {adding && (
        <AddTermModal
          scheme={scheme}
          topLevel={summary?.topLevelTerms ?? scheme.startsWith('local_')}
          onClose={() => setAdding(false)}
        />
      )}
    </>
  );
}

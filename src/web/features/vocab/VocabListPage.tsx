import { Badge, Card, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../people/AnchorLink';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { CardItem, CardList } from '../../components/CardList';
import { TableScroll } from '../../components/TableScroll';
import { usePhone } from '../../components/usePhone';
import { matches, queryWords, haystack } from '../../components/vocab/search';
import { useSchemeList, type SchemeSummary } from './api';
import { HuridocsCredit, schemeTitle } from './labels';

/** Rights first, then the local lists, the HURIDOCS lists, and Ukuk's legal-aid lists. */
function group(scheme: string): number {
  if (scheme === 'kg_constitution' || scheme === 'intl_rights') return 0;
  if (scheme.startsWith('local_')) return 1;
  return scheme.startsWith('esf_') ? 2 : 3;
}

type Row = SchemeSummary & { title: string };

/** The vocabulary's name, linking to it, over its code. */
function SchemeName({ s }: { s: Row }): ReactElement {
  return (
    <>
      <AnchorLink to="/admin/vocab/$scheme" params={{ scheme: s.scheme }} fw={600}>
        {s.title}
      </AnchorLink>
      <Text size="xs" c="dimmed" ff="monospace">
        {s.scheme}
      </Text>
    </>
  );
}

/**
 * One card per vocabulary on a phone: the eight-column table scrolled sideways there, hiding what is
 * left to translate. A card names only the gaps that exist.
 */
function SchemeCards({ rows }: { rows: Row[] }): ReactElement {
  const { t } = useTranslation('vocab');
  const gaps = [
    ['kyMissing', 'red'],
    ['kyDraft', 'yellow'],
    ['ruMissing', 'red'],
  ] as const;
  return (
    <CardList label={t('title')}>
      {rows.map((s) => (
        <CardItem key={s.scheme} testId={`vocab-card-${s.scheme}`}>
          <div>
            <SchemeName s={s} />
          </div>
          <Text size="xs" c="dimmed">
            <Text span size="xs" fw={600} c={s.origin === 'huridocs' ? 'blue' : 'dimmed'}>
              {t(`origin.${s.origin}`)}
            </Text>
            {' · '}
            {t('summary', { version: s.version, terms: s.terms, retired: s.retired })}
          </Text>
          {gaps.some(([k]) => s[k] > 0) && (
            <Group gap={4}>
              {gaps.map(([k, color]) =>
                s[k] > 0 ? (
                  <Badge key={k} variant="light" color={color} tt="none">
                    {t(`col.${k}`)}: {s[k]}
                  </Badge>
                ) : null,
              )}
            </Group>
          )}
        </CardItem>
      ))}
    </CardList>
  );
}

/** Administration → Vocabularies: every scheme with its size and what is left to translate. */
export function VocabListPage(): ReactElement {
  const { t } = useTranslation('vocab');
  const list = useSchemeList();
  const phone = usePhone();
  const [q, setQ] = useState('');
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const words = queryWords(q);
  const rows = list.data.schemes
    .filter((s) => matches(haystack([s.scheme, schemeTitle(t, s.scheme)]), words))
    .map((s) => ({ ...s, title: schemeTitle(t, s.scheme) }))
    .sort((a, b) => group(a.scheme) - group(b.scheme) || a.title.localeCompare(b.title));
  const num = (n: number, color: string) =>
    n > 0 ? (
      <Badge variant="light" color={color}>
        {n}
      </Badge>
    ) : (
      <Text c="dimmed" size="sm">
        0
      </Text>
    );
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Stack>
        <HuridocsCredit />
        <TextInput
          label={t('filterSchemes')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maw={420}
          data-testid="vocab-scheme-filter"
        />
        {phone ? (
          <SchemeCards rows={rows} />
        ) : (
          <Card withBorder p={0}>
            <TableScroll minWidth={720} label={t('title')}>
              <Table striped highlightOnHover verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('col.name')}</Table.Th>
                    <Table.Th>{t('col.origin')}</Table.Th>
                    <Table.Th ta="right">{t('col.terms')}</Table.Th>
                    <Table.Th ta="right">{t('col.kyMissing')}</Table.Th>
                    <Table.Th ta="right">{t('col.kyDraft')}</Table.Th>
                    <Table.Th ta="right">{t('col.ruMissing')}</Table.Th>
                    <Table.Th ta="right">{t('col.retired')}</Table.Th>
                    <Table.Th ta="right">{t('col.version')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((s) => (
                    <Table.Tr key={s.scheme}>
                      <Table.Td>
                        <SchemeName s={s} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" fw={600} c={s.origin === 'huridocs' ? 'blue' : 'dimmed'}>
                          {t(`origin.${s.origin}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{s.terms}</Table.Td>
                      <Table.Td ta="right">{num(s.kyMissing, 'red')}</Table.Td>
                      <Table.Td ta="right">{num(s.kyDraft, 'yellow')}</Table.Td>
                      <Table.Td ta="right">{num(s.ruMissing, 'red')}</Table.Td>
                      <Table.Td ta="right">{num(s.retired, 'gray')}</Table.Td>
                      <Table.Td ta="right">{s.version}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </Card>
        )}
      </Stack>
    </>
  );
}

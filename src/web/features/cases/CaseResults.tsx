import { Anchor, Badge, Group, Paper, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import { TableScroll } from '../../components/TableScroll';
import { useFormat } from '../../intl/format';
import type { CaseSummary } from './api';
import { useGeoNames, useShortDate } from './labels';
import { useVocabLabels } from './queries';
import { StatusBadge } from './StatusBadge';

/** The lock shown next to a restricted case: visible only to its team and explicit grants. */
export function RestrictedMark(): ReactElement {
  const { t } = useTranslation('cases');
  return (
    <Tooltip label={t('restricted.hint')}>
      <Text component="span" c="red.8" lh={0} data-testid="restricted-lock">
        <Icon name="lock" size={16} />
        <VisuallyHidden>{t('restricted.label')}</VisuallyHidden>
      </Text>
    </Tooltip>
  );
}

function CaseTitle({ c }: { c: CaseSummary }): ReactElement {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      {c.restricted && <RestrictedMark />}
      <Anchor
        renderRoot={(props) => <Link to="/cases/$id" params={{ id: c.id }} {...props} />}
        fw={600}
        size="sm"
        data-testid="case-link"
      >
        {c.title}
      </Anchor>
    </Group>
  );
}

function CaseTable({ items }: { items: CaseSummary[] }): ReactElement {
  const { t } = useTranslation('cases');
  const short = useShortDate();
  const geo = useGeoNames();
  const types = useVocabLabels('case_type');
  return (
    <TableScroll minWidth={900} label={t('list.title')}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.number')}</Table.Th>
            <Table.Th>{t('fields.title')}</Table.Th>
            <Table.Th>{t('fields.type')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
            <Table.Th>{t('fields.stage')}</Table.Th>
            <Table.Th>{t('fields.region')}</Table.Th>
            <Table.Th>{t('fields.lead')}</Table.Th>
            <Table.Th>{t('fields.openedOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id} data-testid="case-row" data-case-id={c.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" ff="monospace">
                  {c.number}
                </Text>
              </Table.Td>
              <Table.Td maw={320}>
                <CaseTitle c={c} />
              </Table.Td>
              <Table.Td>{types.label(c.type)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StatusBadge status={c.status} />
              </Table.Td>
              <Table.Td>{c.stage ? t(`stage.${c.stage}`) : '—'}</Table.Td>
              <Table.Td>{c.region ? geo.region(c.region) : '—'}</Table.Td>
              <Table.Td>{c.leadName}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{short(c.openedOn)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function CaseCards({ items }: { items: CaseSummary[] }): ReactElement {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const geo = useGeoNames();
  const types = useVocabLabels('case_type');
  return (
    <Stack gap="xs" p="xs" component="ul" m={0} style={{ listStyle: 'none' }} aria-label={t('list.title')}>
      {items.map((c) => (
        <Paper
          key={c.id}
          withBorder
          radius="md"
          p="sm"
          component="li"
          data-testid="case-row"
          data-case-id={c.id}
        >
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <CaseTitle c={c} />
              <StatusBadge status={c.status} />
            </Group>
            <Text size="xs" c="dimmed">
              {[c.number, types.label(c.type), c.stage ? t(`stage.${c.stage}`) : null]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Group gap={6}>
              {c.region && (
                <Badge variant="default" tt="none">
                  {geo.region(c.region)}
                </Badge>
              )}
              <Badge variant="default" tt="none">
                {t('list.leadIs', { name: c.leadName })}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {t('list.openedOn', { date: fmt.date(c.openedOn) })}
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** A page of cases: a table on wide screens, one card per case on a phone. */
export function CaseResults({ items, phone }: { items: CaseSummary[]; phone: boolean }): ReactElement {
  return phone ? <CaseCards items={items} /> : <CaseTable items={items} />;
}

import { Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/TableScroll';
import type { PersonSummary } from './api';
import { useGeoNames } from './labels';
import { RoleBadges, VulnerabilityBadges } from './PersonBadges';
import { AnchorLink } from './AnchorLink';

function PersonLink({ person }: { person: PersonSummary }): ReactElement {
  return (
    <AnchorLink to="/people/$id" params={{ id: person.id }} fw={600} size="sm">
      {person.name}
    </AnchorLink>
  );
}

/** A table cell with nothing recorded: a dash on screen, words for screen readers. */
function NotRecorded(): ReactElement {
  const { t } = useTranslation('people');
  return (
    <>
      <Text span c="dimmed" aria-hidden="true">
        —
      </Text>
      <VisuallyHidden>{t('profile.notRecorded')}</VisuallyHidden>
    </>
  );
}

/** Sex (or "group"), age group and region in the UI language; null where nothing is recorded. */
function useDescribe() {
  const { t } = useTranslation('people');
  const geo = useGeoNames();
  return (p: PersonSummary) => ({
    sex: p.kind === 'group' ? t('kind.group') : p.sex === 'unknown' ? null : t(`sex.${p.sex}`),
    age: p.ageGroup === 'unknown' ? null : t(`ageGroup.${p.ageGroup}`),
    region: geo.region(p.region),
  });
}

/** Desktop table of people. */
export function PeopleTable({ items }: { items: PersonSummary[] }): ReactElement {
  const { t } = useTranslation('people');
  const describe = useDescribe();
  return (
    <TableScroll minWidth={860} label={t('title')}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('columns.name')}</Table.Th>
            <Table.Th>{t('columns.sex')}</Table.Th>
            <Table.Th>{t('columns.ageGroup')}</Table.Th>
            <Table.Th>{t('columns.region')}</Table.Th>
            <Table.Th>{t('columns.vulnerabilities')}</Table.Th>
            <Table.Th>{t('columns.roles')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => {
            const d = describe(p);
            return (
              <Table.Tr key={p.id} data-testid="person-row" data-id={p.id}>
                <Table.Td>
                  <PersonLink person={p} />
                  {p.otherNames.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {p.otherNames.join(' · ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{d.sex ?? <NotRecorded />}</Table.Td>
                <Table.Td>{d.age ?? <NotRecorded />}</Table.Td>
                <Table.Td>{d.region ?? <NotRecorded />}</Table.Td>
                <Table.Td>
                  <VulnerabilityBadges items={p.vulnerabilities} />
                </Table.Td>
                <Table.Td>
                  <RoleBadges roles={p.roles} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** Phone layout: one card per person. */
export function PeopleCards({ items }: { items: PersonSummary[] }): ReactElement {
  const { t } = useTranslation('people');
  const describe = useDescribe();
  return (
    <Stack gap="xs" p="xs" component="ul" m={0} style={{ listStyle: 'none' }} aria-label={t('title')}>
      {items.map((p) => {
        const d = describe(p);
        return (
          <Paper key={p.id} withBorder radius="md" p="sm" component="li" data-testid="person-row">
            <Stack gap={4}>
              <PersonLink person={p} />
              {p.otherNames.length > 0 && (
                <Text size="xs" c="dimmed">
                  {p.otherNames.join(' · ')}
                </Text>
              )}
              {(d.sex || d.age || d.region) && (
                <Text size="xs">{[d.sex, d.age, d.region].filter(Boolean).join(' · ')}</Text>
              )}
              <Group gap={4}>
                <VulnerabilityBadges items={p.vulnerabilities} />
                <RoleBadges roles={p.roles} />
              </Group>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

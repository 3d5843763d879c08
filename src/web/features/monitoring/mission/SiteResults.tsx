import { Button, Group, Table, Text } from '@mantine/core';
import { Fragment, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { districtName, isDistrictId } from '../../../../core/geo/regions';
import { CardItem, CardList } from '../../../components/CardList';
import { Icon } from '../../../components/icons';
import { TableScroll } from '../../../components/TableScroll';
import type { Site } from '../api';
import { useRegionName } from '../labels';
import { useLocale } from '../l10n';
import { siteContext } from '../siteWords';
import { Checklists, Reports } from './SiteFigures';

interface Props {
  items: Site[];
  missionId: string;
  /** The mission's kind, which words the site in the buttons' names («учреждение», «сот»…). */
  kind: string;
  /** Reviewers manage sites; an observer reads their own, without who else observes them. */
  manage: boolean;
  onAssign(site: Site): void;
  onEdit(site: Site): void;
  onContact(site: Site): void;
  onDelete(site: Site): void;
}

/** Region and district of a site, in the reader's language (a district not in the list stays as typed). */
function usePlace() {
  const lng = useLocale();
  const region = useRegionName();
  return {
    region: (s: Site) => region(s.region),
    district: (s: Site) =>
      s.district ? (isDistrictId(s.district) ? districtName(s.district, lng) : s.district) : null,
  };
}

/** Place, district, region on one line; a place named like its region («Бишкек · Бишкек») says it once. */
function placeLine(parts: (string | null)[]): string {
  const seen = new Set<string>();
  return parts
    .filter((p): p is string => {
      const k = p?.trim().toLocaleLowerCase() ?? '';
      if (!k || seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .join(' · ');
}

/** Who observes the site; "nobody yet" stands out, since a station without an observer goes unwatched. */
function Observers({ s }: { s: Site }): ReactElement {
  const { t } = useTranslation('monitoring');
  return s.observers.length ? (
    <>{s.observers.map((o) => o.name).join(', ')}</>
  ) : (
    <Text span size="sm" c="orange.8">
      {t('sites.nobody')}
    </Text>
  );
}

function Actions({
  s,
  kind,
  onAssign,
  onEdit,
  onContact,
  onDelete,
  wrap = false,
}: { s: Site; wrap?: boolean } & Omit<Props, 'items' | 'manage' | 'missionId'>): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    // Right-aligned so "Assign" and the bin line up down the column whether or not a row has "Contact".
    <Group gap={wrap ? 'xs' : 4} wrap={wrap ? 'wrap' : 'nowrap'} justify={wrap ? undefined : 'flex-end'}>
      {s.observers.length > 0 && (
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => onContact(s)}
          aria-label={t('sites.contacts.openNamed', { ...siteContext(kind), site: s.name })}
          leftSection={<Icon name="phone" size={14} />}
          data-testid="site-contact-open"
        >
          {t('sites.contacts.open')}
        </Button>
      )}
      <Button size="compact-sm" variant="light" onClick={() => onAssign(s)} data-testid="assign-observers">
        {t('sites.assign')}
      </Button>
      {/* Edit and delete stay together (on a phone card they wrap as a pair, to the right). */}
      <Group gap={4} wrap="nowrap" ml={wrap ? 'auto' : undefined}>
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={() => onEdit(s)}
          aria-label={t('sites.editNamed', { ...siteContext(kind), site: s.name })}
          data-testid="site-edit"
        >
          <Icon name="pencil" size={14} />
        </Button>
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          onClick={() => onDelete(s)}
          aria-label={t('sites.deleteNamed', { ...siteContext(kind), site: s.name })}
        >
          <Icon name="trash" size={14} />
        </Button>
      </Group>
    </Group>
  );
}

/**
 * A header that wraps between words only: «Чек-листы» broke at its hyphen in the narrow column at 1280 px,
 * while ky «Текшерүү баракчалары» may still take two lines rather than widen the column.
 */
function WholeWords({ text }: { text: string }): ReactElement {
  return (
    <>
      {text.split(' ').map((w, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          <span style={{ whiteSpace: 'nowrap' }}>{w}</span>
        </Fragment>
      ))}
    </>
  );
}

function SitesTable({ items, manage, missionId, ...actions }: Props): ReactElement {
  const { t } = useTranslation('monitoring');
  const place = usePlace();
  return (
    <TableScroll minWidth={760} label={t('tabs.sites')}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sites.code')}</Table.Th>
            <Table.Th>{t('sites.name')}</Table.Th>
            <Table.Th>{t('sites.region')}</Table.Th>
            {manage && <Table.Th>{t('sites.observers')}</Table.Th>}
            <Table.Th ta="end">
              <WholeWords text={t('sites.checklists')} />
            </Table.Th>
            {manage && <Table.Th ta="end">{t('sites.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id} data-testid={`site-row-${s.code}`}>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {s.code}
              </Table.Td>
              <Table.Td>
                {s.name}
                {s.place && (
                  <Text size="xs" c="dimmed">
                    {s.place}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {place.region(s)}
                {s.district && (
                  <Text size="xs" c="dimmed">
                    {place.district(s)}
                  </Text>
                )}
              </Table.Td>
              {manage && (
                <Table.Td data-testid="site-observers">
                  <Observers s={s} />
                </Table.Td>
              )}
              <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                <Checklists s={s} kind={actions.kind} />
                <Reports s={s} missionId={missionId} />
              </Table.Td>
              {manage && (
                <Table.Td>
                  <Actions s={s} {...actions} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/**
 * One card per site on a phone: a region coordinator checks on election day which stations have no
 * observer or no report yet, and a six-column table there hid both behind a sideways scroll.
 */
function SiteCards({ items, manage, missionId, ...actions }: Props): ReactElement {
  const { t } = useTranslation('monitoring');
  const place = usePlace();
  const line = (s: Site) => placeLine([s.place, place.district(s), place.region(s)]);
  return (
    <CardList label={t('tabs.sites')}>
      {items.map((s) => (
        <CardItem key={s.id} testId={`site-row-${s.code}`}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Text fw={600} size="sm">
              {s.name}
            </Text>
            <Text ff="monospace" size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {s.code}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {line(s)}
          </Text>
          {manage && (
            <Text size="sm" data-testid="site-observers">
              <Observers s={s} />
            </Text>
          )}
          <Checklists s={s} kind={actions.kind} card />
          <Reports s={s} missionId={missionId} />
          {manage && <Actions s={s} {...actions} wrap />}
        </CardItem>
      ))}
    </CardList>
  );
}

/** A page of a mission's sites: a table on wide screens, one card per site on a phone. */
export function SiteResults({ phone, ...props }: Props & { phone: boolean }): ReactElement {
  return phone ? <SiteCards {...props} /> : <SitesTable {...props} />;
}

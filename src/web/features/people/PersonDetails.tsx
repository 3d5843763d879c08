import { Card, DataList, Stack, Text, Title } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, TIME_ZONE } from '../../intl/format';
import type { Person } from './api';
import { useGeoNames } from './labels';
import { VulnerabilityBadges } from './PersonBadges';

/** A date of birth as precisely as it was recorded: "1990", "May 1990" or "17 May 1990". */
export function formatPartialDate(lng: string, date: string): string {
  if (date.length === 4) {
    return date;
  }
  if (date.length === 7) {
    return new Intl.DateTimeFormat(lng, { year: 'numeric', month: 'long', timeZone: TIME_ZONE }).format(
      new Date(`${date}-15T12:00:00+06:00`),
    );
  }
  return formatDate(lng, `${date}T12:00:00+06:00`);
}

function Item({ label, children }: { label: string; children: ReactNode }): ReactElement {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** The person's recorded facts; what was not recorded says so instead of being left blank. */
export function PersonDetails({ person }: { person: Person }): ReactElement {
  const { t, i18n } = useTranslation('people');
  const geo = useGeoNames();
  const none = t('profile.notRecorded');
  const p = person;
  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('profile.details')}
        </Title>
        <DataList labelWidth={170} withDivider>
          <Item label={t('form.kind')}>
            {p.kind === 'group' && p.groupSize
              ? t('kind.groupOf', { count: p.groupSize })
              : t(`kind.${p.kind}`)}
          </Item>
          <Item label={t('form.sex')}>{p.sex === 'unknown' ? none : t(`sex.${p.sex}`)}</Item>
          {p.gender && <Item label={t('form.gender')}>{p.gender}</Item>}
          <Item label={t('profile.born')}>
            {p.birthDate ? formatPartialDate(i18n.language, p.birthDate) : none}
          </Item>
          <Item label={t('form.ageGroup')}>
            {p.ageGroup === 'unknown' ? none : t(`ageGroup.${p.ageGroup}`)}
          </Item>
          <Item label={t('form.region')}>
            {[geo.region(p.region), geo.district(p.district)].filter(Boolean).join(', ') || none}
          </Item>
          {p.address && <Item label={t('form.address')}>{p.address}</Item>}
          <Item label={t('form.sections.ids')}>
            {p.idNumbers.length === 0
              ? none
              : p.idNumbers.map((i) => (
                  <Text key={`${i.kind}:${i.number}`} size="sm">
                    {t('profile.idNumber', { kind: t(`idKind.${i.kind}`), number: i.number })}
                  </Text>
                ))}
          </Item>
          <Item label={t('form.sections.vulnerabilities')}>
            {p.vulnerabilities.length === 0 ? none : <VulnerabilityBadges items={p.vulnerabilities} />}
          </Item>
        </DataList>
        {p.notes && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('form.notes')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {p.notes}
            </Text>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

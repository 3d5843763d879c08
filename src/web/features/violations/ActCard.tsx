import { ActionIcon, Badge, Button, Card, CloseButton, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import { useVocabLabel } from '../../components/VocabPicker';
import { PersonLink } from '../cases/PersonLink';
import { useGeoNames } from '../people/labels';
import type { Act, Involvement } from './api';
import { DETAIL_FIELDS } from './actForm';
import { CaseLinks } from './CaseLinks';
import { usePartialDates, usePersonName } from './labels';

function Line({ label, children }: { label: string; children: string | null | undefined }) {
  if (!children) return null;
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
      <Text span c="dimmed" fz="inherit">
        {label}:{' '}
      </Text>
      {children}
    </Text>
  );
}

function Involvements({
  act,
  canEdit,
  onRemove,
}: {
  act: Act;
  canEdit: boolean;
  onRemove: (i: Involvement) => void;
}): ReactElement {
  const { t } = useTranslation('violations');
  const name = usePersonName();
  const ptype = useVocabLabel('esf_types_of_perpetrators');
  const degree = useVocabLabel('esf_degrees_of_involvement');
  if (act.involvements.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('involvement.none')}
      </Text>
    );
  return (
    <Stack
      gap={4}
      component="ul"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      aria-label={t('involvement.title')}
    >
      {act.involvements.map((i) => (
        <Group
          key={i.id}
          component="li"
          gap="xs"
          wrap="nowrap"
          justify="space-between"
          data-testid="involvement"
        >
          <Group gap={6} wrap="wrap" miw={0}>
            <PersonLink personId={i.perpetrator.id} size="sm" fw={600}>
              {name(i.perpetrator)}
            </PersonLink>
            {i.perpetratorType && (
              <Badge variant="light" tt="none" maw="100%">
                {ptype(i.perpetratorType)}
              </Badge>
            )}
            {i.degree && (
              <Badge variant="default" tt="none" maw="100%">
                {degree(i.degree)}
              </Badge>
            )}
          </Group>
          {canEdit && (
            <CloseButton
              size="sm"
              onClick={() => onRemove(i)}
              aria-label={t('involvement.remove', { name: name(i.perpetrator) })}
            />
          )}
        </Group>
      ))}
    </Stack>
  );
}

/** One act as a card: "victim — act type — date — place", then who did it and the details. */
export function ActCard({
  act,
  canEdit,
  onEdit,
  onDelete,
  onAddPerpetrator,
  onRemoveInvolvement,
  onLinkCase,
}: {
  act: Act;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onAddPerpetrator: () => void;
  onRemoveInvolvement: (i: Involvement) => void;
  /** Present when the user may link acts to legal cases (cases.write). */
  onLinkCase?: () => void;
}): ReactElement {
  const { t } = useTranslation('violations');
  const name = usePersonName();
  const geo = useGeoNames();
  const dates = usePartialDates();
  const actType = useVocabLabel('esf_types_of_acts');
  const method = useVocabLabel('esf_methods_of_violence');
  const location = useVocabLabel('esf_types_of_locations');
  const victimStatus = useVocabLabel('esf_status_as_victim');
  const law = useVocabLabel('local_legislation');
  const instrument = useVocabLabel('esf_international_instruments');
  const kg = useVocabLabel('kg_constitution');
  const intl = useVocabLabel('intl_rights');
  const typology = useVocabLabel('esf_rights_typology');
  const detailLabels: Record<string, (c: string) => string> = {
    esf_types_of_detention: useVocabLabel('esf_types_of_detention'),
    esf_whereabouts: useVocabLabel('esf_whereabouts'),
    esf_legal_counsel: useVocabLabel('esf_legal_counsel'),
    esf_types_of_courts: useVocabLabel('esf_types_of_courts'),
    esf_intent: useVocabLabel('esf_intent'),
    esf_statements_signed: useVocabLabel('esf_statements_signed'),
    esf_medical_attention: useVocabLabel('esf_medical_attention'),
    esf_autopsy_results: useVocabLabel('esf_autopsy_results'),
    esf_death_certificate: useVocabLabel('esf_death_certificate'),
  };
  const rightLabel = { kg_constitution: kg, intl_rights: intl, esf_rights_typology: typology };
  const place = [geo.region(act.region), geo.district(act.district), act.place].filter(Boolean).join(', ');
  const heading = [name(act.victim), actType(act.actType), dates.period(act.startDate, act.endDate), place]
    .filter(Boolean)
    .join(' — ');
  const d = act.details;

  return (
    <Card withBorder radius="md" padding="md" component="article" data-testid="act-card" data-act-id={act.id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }} data-testid="act-heading">
            {heading}
          </Title>
          {canEdit && (
            <Group gap={4} wrap="nowrap">
              <ActionIcon variant="subtle" onClick={onEdit} aria-label={t('act.edit')} data-testid="act-edit">
                <Icon name="pencil" size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red.8"
                onClick={onDelete}
                aria-label={t('act.delete')}
                data-testid="act-delete"
              >
                <Icon name="trash" size={16} />
              </ActionIcon>
            </Group>
          )}
        </Group>
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            {t('act.victim')}:
          </Text>
          <PersonLink personId={act.victim.id} size="sm" fw={600} data-testid="act-victim-link">
            {name(act.victim)}
          </PersonLink>
        </Group>
        <Line label={t('fields.methods')}>{act.methods.map(method).join(', ')}</Line>
        <Line label={t('fields.locationType')}>{act.locationType ? location(act.locationType) : null}</Line>
        <Line label={t('fields.statusAtEnd')}>{act.statusAtEnd ? victimStatus(act.statusAtEnd) : null}</Line>
        <Line label={t('fields.consequences')}>{act.consequences}</Line>
        <Line label={t('act.rightsTitle')}>
          {act.rights.map((r) => rightLabel[r.scheme](r.code)).join('; ')}
        </Line>
        <Line label={t('fields.nationalLaw')}>{act.nationalLaw.map(law).join('; ')}</Line>
        <Line label={t('fields.instruments')}>{act.instruments.map(instrument).join('; ')}</Line>
        {d && (
          <Stack gap={2} data-testid="act-details">
            <Text size="sm" fw={600}>
              {t(`detailKind.${d.kind}`)}
            </Text>
            {DETAIL_FIELDS[d.kind].map(([field, scheme]) => (
              <Line key={field} label={t(`details.${field}`)}>
                {d[field] ? detailLabels[scheme]!(d[field]) : null}
              </Line>
            ))}
            {d.kind === 'arrest' && <Line label={t('details.releasedOn')}>{dates.date(d.releasedOn)}</Line>}
            <Line label={t('details.notes')}>{d.notes}</Line>
          </Stack>
        )}
        <Stack gap={4}>
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600}>
              {t('involvement.title')}
            </Text>
            {canEdit && (
              <Button
                size="xs"
                variant="light"
                leftSection={<Icon name="plus" size={14} />}
                onClick={onAddPerpetrator}
                data-testid="add-perpetrator"
              >
                {t('involvement.add')}
              </Button>
            )}
          </Group>
          <Involvements act={act} canEdit={canEdit} onRemove={onRemoveInvolvement} />
        </Stack>
        {(act.cases.length > 0 || onLinkCase) && (
          <Stack gap={4}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={600}>
                {t('overview.cases')}
              </Text>
              {onLinkCase && (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<Icon name="plus" size={14} />}
                  onClick={onLinkCase}
                  data-testid="act-link-case"
                >
                  {t('caseLink.open')}
                </Button>
              )}
            </Group>
            <CaseLinks cases={act.cases} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

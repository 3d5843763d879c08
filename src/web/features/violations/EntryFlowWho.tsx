import { Button, Card, CloseButton, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import { useVocabLabel, VocabPicker } from '../../components/VocabPicker';
import type { FlowAct, FlowPerp, FlowState, StepErrors } from './entryFlow';
import { flowKey } from './entryFlow';
import { EMPTY_SOURCE, SourceFields } from './InformationModal';
import type { ChosenPerson } from './PersonChooser';
import { RolePersonField } from './RolePersonField';

interface StepProps {
  state: FlowState;
  onChange: (s: FlowState) => void;
  errors: StepErrors;
}

/** Everyone chosen as a perpetrator so far (the same officer is often behind several acts). */
function knownPerps(state: FlowState): ChosenPerson[] {
  const m = new Map(state.perps.map((p) => [p.person.id, p.person]));
  return [...m.values()];
}

function PerpRow({
  perp,
  onChange,
  onRemove,
}: {
  perp: FlowPerp;
  onChange: (p: FlowPerp) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('violations');
  return (
    <Card withBorder radius="md" padding="xs" component="li" data-testid="flow-perp">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {perp.person.name}
          </Text>
          <CloseButton onClick={onRemove} aria-label={t('flow.removePerp', { name: perp.person.name })} />
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <VocabPicker
            scheme="esf_types_of_perpetrators"
            label={t('fields.perpetratorType')}
            value={perp.perpetratorType || null}
            onChange={(v) => onChange({ ...perp, perpetratorType: v ?? '' })}
            data-testid="flow-perp-type"
          />
          <VocabPicker
            scheme="esf_degrees_of_involvement"
            label={t('fields.degree')}
            value={perp.degree || null}
            onChange={(v) => onChange({ ...perp, degree: v ?? '' })}
            data-testid="flow-perp-degree"
          />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function ActPerps({
  act,
  state,
  onChange,
}: {
  act: FlowAct;
  state: FlowState;
  onChange: (s: FlowState) => void;
}) {
  const { t } = useTranslation('violations');
  const actType = useVocabLabel('esf_types_of_acts');
  const [adding, setAdding] = useState(false);
  const victim = state.victims.find((v) => v.id === act.victimId)?.name ?? '';
  const perps = state.perps.filter((p) => p.actKey === act.key);
  const setPerp = (p: FlowPerp) =>
    onChange({ ...state, perps: state.perps.map((x) => (x.key === p.key ? p : x)) });
  const add = (person: ChosenPerson | null) => {
    if (!person) return;
    setAdding(false);
    if (perps.some((p) => p.person.id === person.id)) return;
    onChange({
      ...state,
      perps: [
        ...state.perps,
        { key: flowKey('perp'), actKey: act.key, person, perpetratorType: '', degree: '' },
      ],
    });
  };
  return (
    <Card withBorder radius="md" padding="sm" data-testid="flow-act-perps">
      <Stack gap="sm">
        <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
          {`${victim} — ${act.actType ? actType(act.actType) : ''}`}
        </Title>
        {perps.length === 0 && !adding && (
          <Text size="sm" c="dimmed">
            {t('flow.noPerps')}
          </Text>
        )}
        {perps.length > 0 && (
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {perps.map((p) => (
              <PerpRow
                key={p.key}
                perp={p}
                onChange={setPerp}
                onRemove={() => onChange({ ...state, perps: state.perps.filter((x) => x.key !== p.key) })}
              />
            ))}
          </Stack>
        )}
        {adding ? (
          <Stack gap="xs">
            <RolePersonField
              role="perpetrator"
              value={null}
              onChange={add}
              known={knownPerps(state)}
              chosen={perps.map((p) => p.person.id)}
            />
            <Group>
              <Button variant="default" size="xs" onClick={() => setAdding(false)}>
                {t('ui:common.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group>
            <Button
              variant="light"
              leftSection={<Icon name="plus" size={16} />}
              onClick={() => setAdding(true)}
              data-testid="flow-add-perp"
            >
              {t('involvement.add')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Step 4: who did it — perpetrators per act, with their type and degree of involvement. */
export function PerpetratorsStep({ state, onChange }: StepProps): ReactElement {
  return (
    <Stack>
      {state.acts.map((a) => (
        <ActPerps key={a.key} act={a} state={state} onChange={onChange} />
      ))}
    </Stack>
  );
}

/** Step 5: where the information comes from — who told us, how they know, how reliable it is. */
export function SourceStep({ state, onChange, errors }: StepProps): ReactElement {
  const { t } = useTranslation('violations');
  const known = [...state.victims, ...knownPerps(state)];
  const add = () =>
    onChange({ ...state, sources: [...state.sources, { ...EMPTY_SOURCE, key: flowKey('src') }] });
  return (
    <Stack>
      <Text size="sm">{t('flow.sourceHint')}</Text>
      {state.sources.map((s, i) => {
        const err = (f: string) => errors[`${s.key}.${f}`];
        return (
          <Card key={s.key} withBorder radius="md" padding="sm" data-testid="flow-source">
            <Stack gap="sm">
              <Group justify="space-between" wrap="nowrap">
                <Title order={3} size="h5">
                  {t('flow.sourceNumber', { n: i + 1 })}
                </Title>
                <CloseButton
                  onClick={() =>
                    onChange({ ...state, sources: state.sources.filter((x) => x.key !== s.key) })
                  }
                  aria-label={t('flow.removeSource', { n: i + 1 })}
                />
              </Group>
              <SourceFields
                value={s}
                onChange={(v) =>
                  onChange({
                    ...state,
                    sources: state.sources.map((x) => (x.key === s.key ? { ...v, key: s.key } : x)),
                  })
                }
                errors={{ sourceId: err('sourceId'), receivedOn: err('receivedOn') }}
                known={known}
              />
            </Stack>
          </Card>
        );
      })}
      <Group>
        <Button
          variant="light"
          leftSection={<Icon name="plus" size={16} />}
          onClick={add}
          data-testid="flow-add-source"
        >
          {state.sources.length ? t('flow.addAnotherSource') : t('source.add')}
        </Button>
      </Group>
    </Stack>
  );
}

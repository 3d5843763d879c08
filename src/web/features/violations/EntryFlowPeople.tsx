import { Alert, Badge, Button, Card, CloseButton, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import { VocabMultiPicker, VocabPicker } from '../../components/VocabPicker';
import type { FlowAct, FlowState, StepErrors } from './entryFlow';
import { flowKey } from './entryFlow';
import { PartialDateInput } from './PartialDateInput';
import { PersonChooser } from './PersonChooser';

interface StepProps {
  state: FlowState;
  onChange: (s: FlowState) => void;
  errors: StepErrors;
}

/** Step 2: who was harmed — one or more people from the registry (found, or registered here). */
export function VictimsStep({ state, onChange, errors }: StepProps): ReactElement {
  const { t } = useTranslation('violations');
  return (
    <Stack>
      {state.victims.length > 0 && (
        <Stack
          gap="xs"
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('flow.victimsChosen')}
        >
          {state.victims.map((v) => (
            <Card key={v.id} component="li" withBorder radius="md" padding="xs" data-testid="flow-victim">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {v.name}
                </Text>
                <CloseButton
                  onClick={() => onChange({ ...state, victims: state.victims.filter((x) => x.id !== v.id) })}
                  aria-label={t('flow.removeVictim', { name: v.name })}
                />
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <PersonChooser
        forRole="victim"
        searchLabel={state.victims.length ? t('flow.victimAnother') : t('roleField.victim.search')}
        onChoose={(p) => {
          if (!state.victims.some((v) => v.id === p.id))
            onChange({ ...state, victims: [...state.victims, p] });
        }}
        chosen={state.victims.map((v) => v.id)}
        testId="victim-chooser"
      />
      {errors.victims && (
        <Alert color="red" variant="light" role="alert" data-testid="flow-error">
          {errors.victims}
        </Alert>
      )}
    </Stack>
  );
}

function ActRow({
  act,
  index,
  errors,
  onChange,
  onRemove,
}: {
  act: FlowAct;
  index: number;
  errors: StepErrors;
  onChange: (a: FlowAct) => void;
  onRemove: () => void;
}): ReactElement {
  const { t } = useTranslation('violations');
  const err = (f: string) => errors[`${act.key}.${f}`];
  return (
    <Card withBorder radius="md" padding="sm" component="li" data-testid="flow-act">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Badge variant="light" tt="none">
            {t('flow.actNumber', { n: index + 1 })}
          </Badge>
          <CloseButton onClick={onRemove} aria-label={t('flow.removeAct', { n: index + 1 })} />
        </Group>
        <VocabPicker
          scheme="esf_types_of_acts"
          label={t('fields.actType')}
          value={act.actType || null}
          onChange={(v) => onChange({ ...act, actType: v ?? '' })}
          error={err('actType')}
          required
          data-testid="flow-act-type"
        />
        <VocabMultiPicker
          scheme="esf_methods_of_violence"
          label={t('fields.methods')}
          value={act.methods}
          onChange={(v) => onChange({ ...act, methods: v })}
        />
        <Group grow align="flex-start" wrap="wrap" gap="sm">
          <PartialDateInput
            name={`${act.key}-start`}
            label={t('fields.startDate')}
            value={act.startDate}
            onChange={(v) => onChange({ ...act, startDate: v })}
            error={err('startDate')}
            testId="flow-act-start"
          />
          <PartialDateInput
            name={`${act.key}-end`}
            label={t('fields.endDate')}
            value={act.endDate}
            onChange={(v) => onChange({ ...act, endDate: v })}
            error={err('endDate')}
            testId="flow-act-end"
          />
        </Group>
      </Stack>
    </Card>
  );
}

/** Step 3: what was done to each victim — one or more acts per victim. */
export function ActsStep({ state, onChange, errors }: StepProps): ReactElement {
  const { t } = useTranslation('violations');
  const setAct = (a: FlowAct) =>
    onChange({ ...state, acts: state.acts.map((x) => (x.key === a.key ? a : x)) });
  const addAct = (victimId: string) =>
    onChange({
      ...state,
      acts: [
        ...state.acts,
        { key: flowKey('act'), victimId, actType: '', methods: [], startDate: '', endDate: '' },
      ],
    });
  return (
    <Stack>
      {state.victims.map((v) => {
        const acts = state.acts.filter((a) => a.victimId === v.id);
        return (
          <Card key={v.id} withBorder radius="md" padding="sm" data-testid="flow-victim-acts">
            <Stack gap="sm">
              <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
                {t('flow.actsFor', { name: v.name })}
              </Title>
              {acts.length > 0 && (
                <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                  {acts.map((a, i) => (
                    <ActRow
                      key={a.key}
                      act={a}
                      index={i}
                      errors={errors}
                      onChange={setAct}
                      onRemove={() => onChange({ ...state, acts: state.acts.filter((x) => x.key !== a.key) })}
                    />
                  ))}
                </Stack>
              )}
              {errors[`victim.${v.id}`] && (
                <Text size="sm" c="red.8" role="alert">
                  {errors[`victim.${v.id}`]}
                </Text>
              )}
              <Group>
                <Button
                  variant="light"
                  leftSection={<Icon name="plus" size={16} />}
                  onClick={() => addAct(v.id)}
                  data-testid="flow-add-act"
                >
                  {t('flow.addAct')}
                </Button>
              </Group>
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}

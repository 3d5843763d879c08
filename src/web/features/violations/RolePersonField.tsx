import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonChooser, type ChosenPerson } from './PersonChooser';

type Role = 'victim' | 'perpetrator' | 'source' | 'party';

/**
 * One person in a role (the victim of an act, a perpetrator, a source, an intervening party). People
 * already in the event can be picked again with one click (a second act against the same person);
 * anyone else is found or registered in the registry.
 */
export function RolePersonField({
  role,
  value,
  onChange,
  known,
  chosen = [],
  error,
}: {
  role: Role;
  value: ChosenPerson | null;
  onChange: (p: ChosenPerson | null) => void;
  known: ChosenPerson[];
  /** Ids already in this role here (the act's perpetrators): shown as chosen, not offered again. */
  chosen?: readonly string[];
  error?: string;
}): ReactElement {
  const { t } = useTranslation('violations');
  if (value) {
    return (
      <Group gap="xs" wrap="wrap" data-testid={`chosen-${role}`}>
        <Text size="sm" fw={600}>
          {t(`roleField.${role}.is`, { name: value.name })}
        </Text>
        <Button size="xs" variant="subtle" onClick={() => onChange(null)} data-testid={`${role}-change`}>
          {t('roleField.change')}
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap="xs">
      {known.length > 0 && (
        <Group gap="xs" wrap="wrap">
          <Text size="sm">{t(`roleField.${role}.known`)}</Text>
          {known.map((p) => {
            const already = chosen.includes(p.id);
            return (
              <Button
                key={p.id}
                size="xs"
                variant="light"
                disabled={already}
                aria-label={already ? t('person.chosenNamed', { name: p.name }) : undefined}
                onClick={() => onChange(p)}
                data-testid={`known-${role}`}
                data-chosen={already || undefined}
              >
                {p.name}
              </Button>
            );
          })}
        </Group>
      )}
      <PersonChooser
        forRole={role === 'victim' || role === 'perpetrator' ? role : undefined}
        searchLabel={t(`roleField.${role}.search`)}
        onChoose={onChange}
        chosen={chosen}
        testId={`${role}-chooser`}
      />
      {error && (
        <Badge color="red.8" variant="light" tt="none" role="alert">
          {error}
        </Badge>
      )}
    </Stack>
  );
}

export const VictimField = (p: Omit<Parameters<typeof RolePersonField>[0], 'role'>) => (
  <RolePersonField role="victim" {...p} />
);
export const PerpetratorField = (p: Omit<Parameters<typeof RolePersonField>[0], 'role'>) => (
  <RolePersonField role="perpetrator" {...p} />
);

import { Badge, Button, Checkbox, EmptyState, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { missionsApi, PUBLIC_FORM_KEY, type Mission } from '../api';
import { useL10n } from '../l10n';
import { MonErrorAlert } from '../MonErrorAlert';
import { monitoringKeys, useForms, useInvalidate } from '../queries';

/** The shipped forms made for each kind of mission (forms.templates.ts keys). */
const TEMPLATES_FOR: Record<string, string[]> = {
  election: ['election_day'],
  detention: ['detention_visit', 'detention_incident'],
  trial: ['trial'],
  assembly: ['assembly'],
};

/** Which published form versions observers fill in this mission. */
export function FormsTab({ mission }: { mission: Mission }): ReactElement {
  const { t } = useTranslation('monitoring');
  // A form whose title is its kind's name («Окуя тууралуу билдирүү») does not say it twice.
  const itemLabel = (title: string, kind: string) =>
    title.trim().toLowerCase() === kind.trim().toLowerCase()
      ? title
      : t('missionForms.item', { title, kind });
  const l10n = useL10n();
  const invalidate = useInvalidate();
  const forms = useForms();
  const [ids, setIds] = useState(mission.forms.map((f) => f.formVersionId));
  const save = useMutation({
    mutationFn: () => missionsApi.setForms(mission.id, ids),
    onSuccess: () => invalidate(monitoringKeys.mission(mission.id)),
  });
  // The forms made for this kind of mission first, marked: a detention mission was offered the
  // election checklist among six equal lines.
  const made = (f: { key: string | null }) => !!f.key && !!TEMPLATES_FOR[mission.kind]?.includes(f.key);
  const published = (forms.data?.items ?? [])
    .filter((f) => f.publishedVersionId && !f.archived)
    .sort((a, b) => Number(made(b)) - Number(made(a)));
  // Versions already attached stay listed even when the form moved on to a newer version.
  const attachedOld = mission.forms.filter(
    (f) => !published.some((p) => p.publishedVersionId === f.formVersionId),
  );
  // One version per form (the server refuses two: each would be expected at every site): ticking a
  // form's newer version takes the older one's place.
  const formOf = new Map<string, string>([
    ...mission.forms.map((f) => [f.formVersionId, f.formId] as const),
    ...published.map((f) => [f.publishedVersionId!, f.id] as const),
  ]);
  const pick = (next: string[]) => {
    const added = next.filter((v) => !ids.includes(v));
    const forms = new Set(added.map((v) => formOf.get(v)));
    setIds(next.filter((v) => added.includes(v) || !forms.has(formOf.get(v))));
  };
  return (
    <Stack maw={720}>
      <Text size="sm" c="dimmed">
        {t('missionForms.hint')}
      </Text>
      <MonErrorAlert error={forms.error ?? save.error} />
      {forms.data && published.length === 0 && attachedOld.length === 0 && (
        <EmptyState p="md" title={t('missionForms.none')} />
      )}
      <Checkbox.Group value={ids} onChange={pick} label={t('missionForms.label')}>
        <Stack gap="xs" mt="xs">
          {attachedOld.map((f) => (
            <Checkbox
              key={f.formVersionId}
              value={f.formVersionId}
              label={t('missionForms.older', { title: l10n(f.title) })}
            />
          ))}
          {published.map((f) => (
            <Checkbox
              key={f.id}
              value={f.publishedVersionId!}
              label={
                // The public form is anyone's: attaching it here also hands it to the observers.
                f.key === PUBLIC_FORM_KEY || made(f) ? (
                  <Group gap={6} component="span">
                    {itemLabel(l10n(f.title), t(`forms:kind.${f.kind}`))}
                    <Badge
                      variant="light"
                      color={made(f) ? 'blue' : 'teal'}
                      tt="none"
                      component="span"
                      data-testid={made(f) ? 'form-made-for-kind' : undefined}
                    >
                      {made(f) ? t('missionForms.madeFor') : t('forms.publicForm')}
                    </Badge>
                  </Group>
                ) : (
                  itemLabel(l10n(f.title), t(`forms:kind.${f.kind}`))
                )
              }
              data-testid={`attach-${f.id}`}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="mission-forms-save">
          {t('common.save', { ns: 'ui' })}
        </Button>
        {save.isSuccess && (
          <Text size="sm" c="green.8" role="status">
            {t('saved')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

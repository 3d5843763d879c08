import { Button, CloseButton, Code, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../people/AnchorLink';
import { fieldErrors } from '../../components/errors';
import { casesApi, type Case } from './api';
import { LINK_KINDS } from './codes';
import { useInvalidateCase } from './queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type LinkKind = (typeof LINK_KINDS)[number];

/** Links from the case to violation records (events and acts), by record id. */
export function CaseLinks({ c }: { c: Case }): ReactElement {
  const { t } = useTranslation('cases');
  const invalidate = useInvalidateCase(c.id);
  const form = useForm({
    initialValues: { kind: '', targetId: '' },
    validate: {
      kind: (v: string) => (v ? null : t('ui:common.validation.required')),
      targetId: (v: string) => (UUID.test(v.trim()) ? null : t('links.badId')),
    },
  });
  const add = useMutation({
    mutationFn: (v: { kind: string; targetId: string }) =>
      casesApi.addLink(c.id, { kind: v.kind as LinkKind, targetId: v.targetId.trim().toLowerCase() }),
    onSuccess: async (fresh) => {
      form.reset();
      await invalidate(fresh);
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  const remove = useMutation({
    mutationFn: (l: Case['links'][number]) => casesApi.removeLink(c.id, l.kind, l.targetId),
    onSuccess: (fresh) => invalidate(fresh),
  });

  return (
    <Stack gap="sm">
      {c.links.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('links.none')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {c.links.map((l) => (
            <Group
              key={`${l.kind}:${l.targetId}`}
              component="li"
              gap="xs"
              wrap="wrap"
              data-testid="case-link-row"
            >
              <Text size="sm">{t(`links.kinds.${l.kind}`)}</Text>
              {/* An event opens in the violations database (an act has no page of its own). */}
              {l.kind === 'violation_event' ? (
                <AnchorLink
                  to="/violations/$id"
                  params={{ id: l.targetId }}
                  size="sm"
                  ff="monospace"
                  style={{ overflowWrap: 'anywhere' }}
                  data-testid="case-link-open"
                >
                  {l.targetId}
                </AnchorLink>
              ) : (
                <Code style={{ overflowWrap: 'anywhere' }}>{l.targetId}</Code>
              )}
              {c.canEdit && (
                <CloseButton
                  onClick={() => remove.mutate(l)}
                  aria-label={t('links.remove', { id: l.targetId })}
                />
              )}
            </Group>
          ))}
        </Stack>
      )}
      <ErrorAlert error={remove.error} />
      {c.canEdit && (
        <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate aria-label={t('links.add')}>
          <Group align="flex-start" gap="xs" wrap="wrap">
            <Select
              name="linkKind"
              label={t('links.kind')}
              placeholder={t('form.choose')}
              data={LINK_KINDS.map((k) => ({ value: k, label: t(`links.kinds.${k}`) }))}
              w={{ base: '100%', xs: 220 }}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('kind')}
              value={form.values.kind || null}
              onChange={(v: string | null) => form.setFieldValue('kind', v ?? '')}
            />
            <TextInput
              name="linkTarget"
              label={t('links.targetId')}
              w={{ base: '100%', xs: 340 }}
              {...form.getInputProps('targetId')}
            />
            <Button type="submit" variant="default" mt={{ base: 0, xs: 25 }} loading={add.isPending}>
              {t('links.add')}
            </Button>
          </Group>
          <ErrorAlert error={add.error} />
        </form>
      )}
    </Stack>
  );
}

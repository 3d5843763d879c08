import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { TermView } from '../../components/vocab/useVocabulary';
import { usePatchTerm } from './api';

const STATUS_COLOR = { reviewed: 'green', draft: 'yellow', missing: 'red' } as const;

/** One term: its three labels with their review status, its reference, and quick actions. */
export function TermCard({
  scheme,
  view,
  indent,
  onEdit,
}: {
  scheme: string;
  view: TermView;
  indent: boolean;
  onEdit: () => void;
}): ReactElement {
  const { t } = useTranslation('vocab');
  const patch = usePatchTerm(scheme);
  const { term } = view;
  const status = { ky: term.kyStatus, ru: term.ruStatus } as const;
  return (
    <Paper
      withBorder
      p="xs"
      ml={indent ? Math.min(view.depth, 4) * 16 : 0}
      opacity={term.active ? 1 : 0.7}
      data-testid={`vocab-term-${term.code}`}
    >
      <Stack gap={4}>
        {!indent && view.path.length > 0 && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {view.path.join(' › ')}
          </Text>
        )}
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed" ff="monospace">
            {term.code}
          </Text>
          {term.ref && (
            <Badge size="sm" variant="outline">
              {scheme === 'kg_constitution' ? t('refConstitution', { ref: term.ref }) : term.ref}
            </Badge>
          )}
          {scheme === 'kg_constitution' && !term.ref && (
            <Badge size="sm" variant="light" color="gray">
              {t('noRef')}
            </Badge>
          )}
          {term.origin === 'local' && (
            <Badge size="sm" variant="light" color="grape">
              {t('origins.local')}
            </Badge>
          )}
          {!term.active && (
            <Badge size="sm" variant="light" color="red">
              {t('retired')}
            </Badge>
          )}
        </Group>
        {(['ky', 'ru', 'en'] as const).map((l) => (
          <Group key={l} gap={6} wrap="nowrap" align="flex-start">
            <Text size="xs" fw={700} w={22} c="dimmed" style={{ flexShrink: 0 }} mt={2}>
              {t(`lang.${l}`)}
            </Text>
            <Text
              size="sm"
              style={{ overflowWrap: 'anywhere', flex: 1 }}
              c={term.labels[l] ? undefined : 'dimmed'}
            >
              {term.labels[l] || '—'}
            </Text>
            {l !== 'en' && (
              <Badge size="xs" variant="light" color={STATUS_COLOR[status[l]]} style={{ flexShrink: 0 }}>
                {t(`status.${status[l]}`)}
              </Badge>
            )}
          </Group>
        ))}
        <Group gap="xs" justify="flex-end" wrap="wrap">
          {(['ky', 'ru'] as const)
            .filter((l) => status[l] === 'draft')
            .map((l) => (
              <Button
                key={l}
                size="compact-sm"
                variant="light"
                color="green"
                title={t(l === 'ky' ? 'approveKyHint' : 'approveRuHint')}
                loading={patch.isPending}
                onClick={() => patch.mutate({ code: term.code, body: { labels: { [l]: term.labels[l] } } })}
              >
                {t(l === 'ky' ? 'approveKy' : 'approveRu')}
              </Button>
            ))}
          <Button size="compact-sm" variant="default" onClick={onEdit}>
            {t('edit')}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color={term.active ? 'red' : 'blue'}
            loading={patch.isPending}
            onClick={() => patch.mutate({ code: term.code, body: { active: !term.active } })}
          >
            {term.active ? t('retire') : t('reactivate')}
          </Button>
        </Group>
        {patch.isError && <ErrorAlert error={patch.error} />}
      </Stack>
    </Paper>
  );
}

import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { WARNING_STYLES } from '../../components/warning';
import type { CasePersonRole, Match } from './api';
import { MatchList } from './MatchList';
import { MIN_MATCH_LENGTH, useNameMatch } from './queries';

/**
 * The live duplicate check under a name field: people already in the registry whose names are close
 * to what is being typed, across Cyrillic and Latin spellings. Announced politely to screen readers.
 */
export function DuplicateCheck({
  name,
  idNumber,
  excludeId,
  forRole,
  action,
}: {
  name: string;
  /** A document number already typed: the same number is the strongest match. */
  idNumber?: string;
  excludeId?: string;
  /** The role the person would take: a match in an adverse role is flagged as a conflict. */
  forRole?: CasePersonRole;
  action?: (m: Match) => ReactNode;
}): ReactElement | null {
  const { t } = useTranslation('people');
  const { matches, pending, error, checked } = useNameMatch(name, { idNumber, excludeId, forRole });
  if (name.trim().length < MIN_MATCH_LENGTH) {
    return null;
  }
  const conflicts = matches.filter((m) => m.conflict).length;
  return (
    <Stack gap="xs" aria-live="polite" data-testid="duplicate-check">
      {pending && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('match.checking')}
          </Text>
        </Group>
      )}
      <ErrorAlert error={error} />
      {checked && !pending && matches.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="no-matches">
          {t('match.none')}
        </Text>
      )}
      {matches.length > 0 && (
        <Alert
          color={conflicts > 0 ? 'red' : 'yellow'}
          variant="light"
          styles={conflicts > 0 ? undefined : WARNING_STYLES}
          title={
            conflicts > 0
              ? t('match.conflictTitle', { count: conflicts })
              : t('match.title', { count: matches.length })
          }
          data-testid="duplicate-warning"
        >
          <Stack gap="xs">
            <Text size="sm">{t('match.hint')}</Text>
            <MatchList matches={matches} action={action} label={t('match.listLabel')} />
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

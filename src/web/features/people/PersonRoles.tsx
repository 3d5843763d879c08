import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from './api';
import { CaseLink } from './CaseLink';
import { ADVERSE_ROLES } from './PersonBadges';

/** The person's roles in the cases this user may open, each linking to its case. */
export function PersonRoles({ person }: { person: Person }): ReactElement {
  const { t } = useTranslation('people');
  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-testid="person-roles">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('profile.roles')}
        </Title>
        {person.roles.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('profile.noRoles')}
          </Text>
        ) : (
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {person.roles.map((r) => (
              <Group key={`${r.caseId}:${r.role}`} gap="xs" component="li" wrap="wrap">
                <Badge
                  size="sm"
                  tt="none"
                  variant="outline"
                  color={ADVERSE_ROLES.includes(r.role) ? 'red.9' : 'ukuk.8'}
                >
                  {t(`role.${r.role}`)}
                </Badge>
                <CaseLink caseId={r.caseId} size="sm" data-testid="person-case-link">
                  {t('profile.inCase', { number: r.caseNumber })}
                </CaseLink>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

import { Alert, Anchor, Button, Card, Grid, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useParams } from '@tanstack/react-router';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useMe } from '../auth/queries';
import type { Person } from './api';
import { MergeModal } from './MergeModal';
import { canEditPeople } from './permissions';
import { PersonContacts } from './PersonContacts';
import { PersonDetails } from './PersonDetails';
import { PersonForm } from './PersonForm';
import { PersonRoles } from './PersonRoles';
import { usePerson } from './queries';
import { AnchorLink } from './AnchorLink';
import { PersonViolationsSection } from '../violations/person/PersonViolationsSection';

/** "This record was merged into …", with the surviving person's name when this user may see it. */
function MergedNotice({ targetId }: { targetId: string }): ReactElement {
  const { t } = useTranslation('people');
  const target = usePerson(targetId);
  const name = target.data?.names[0]?.full;
  return (
    <Alert color="ukuk" variant="light" title={t('profile.merged')} mb="md" data-testid="merged-notice">
      {target.isError ? (
        t('profile.mergedHidden')
      ) : (
        <AnchorLink to="/people/$id" params={{ id: targetId }}>
          {name ? t('profile.mergedInto', { name }) : t('profile.mergedOpen')}
        </AnchorLink>
      )}
    </Alert>
  );
}

function Actions({ onEdit, onMerge }: { onEdit: () => void; onMerge: () => void }): ReactElement {
  const { t } = useTranslation('people');
  return (
    <Group gap="xs">
      <Button
        variant="default"
        leftSection={<Icon name="merge" size={16} />}
        onClick={onMerge}
        data-testid="merge-person"
      >
        {t('profile.merge')}
      </Button>
      <Button leftSection={<Icon name="pencil" size={16} />} onClick={onEdit} data-testid="edit-person">
        {t('profile.edit')}
      </Button>
    </Group>
  );
}

function Profile({ person }: { person: Person }): ReactElement {
  const { t } = useTranslation('people');
  const mayEdit = canEditPeople(useMe().data) && !person.mergedInto;
  const [editing, setEditing] = useState(false);
  const [mergeOpen, merge] = useDisclosure(false);
  const [first, ...others] = person.names;
  const title = first?.full ?? t('profile.unnamed');
  const description = [...others.map((n) => n.full), ...person.aliases].join(' · ') || undefined;
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          mayEdit && !editing ? <Actions onEdit={() => setEditing(true)} onMerge={merge.open} /> : undefined
        }
      />
      {person.mergedInto && <MergedNotice targetId={person.mergedInto} />}
      {editing ? (
        <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }} maw={960}>
          <PersonForm person={person} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
        </Card>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <PersonDetails person={person} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <PersonRoles person={person} />
              {/* A merged record's roles and evidence moved to the survivor with the merge. */}
              {!person.mergedInto && <PersonViolationsSection personId={person.id} />}
              <PersonContacts person={person} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
      {mayEdit && <MergeModal person={person} opened={mergeOpen} onClose={merge.close} />}
    </>
  );
}

/** `/people/$id`: the profile, with an edit mode and "merge duplicate". */
export function PersonPage(): ReactElement {
  const { t } = useTranslation('people');
  const { id } = useParams({ from: '/app/people/$id' });
  const person = usePerson(id);
  if (person.isPending) {
    return <PageLoader />;
  }
  if (person.isError) {
    return (
      <Stack maw={640}>
        <PageHeader title={t('profile.notFoundTitle')} />
        <ErrorAlert error={person.error} />
        <Text>
          <Anchor component={Link} to="/people">
            {t('profile.backToList')}
          </Anchor>
        </Text>
      </Stack>
    );
  }
  return <Profile key={person.data.id} person={person.data} />;
}

import { Card } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { PersonForm } from './PersonForm';

/** `/people/new`: a blank person form; on save, the new person's profile. */
export function NewPersonPage(): ReactElement {
  const { t } = useTranslation('people');
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('form.titleNew')} description={t('form.descriptionNew')} />
      <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }} maw={960}>
        <PersonForm
          onSaved={(id) => void navigate({ to: '/people/$id', params: { id } })}
          onCancel={() => void navigate({ to: '/people' })}
        />
      </Card>
    </>
  );
}

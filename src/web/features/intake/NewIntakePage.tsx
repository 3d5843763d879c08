import { useNavigate } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { IntakeStepper } from './IntakeStepper';
import { stepsDone } from './steps';
import { WhoStep } from './WhoStep';

/** `/intake/new`: step 1 (who). Choosing or registering the person creates the intake and moves on. */
export function NewIntakePage(): ReactElement {
  const { t } = useTranslation('intake');
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('titleNew')} description={t('descriptionNew')} />
      <IntakeStepper active={0} done={stepsDone(null)} reachable={0} onSelect={() => undefined} />
      <WhoStep onCreated={(id) => void navigate({ to: '/intake/$id', params: { id } })} />
    </>
  );
}

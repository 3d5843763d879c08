import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import type { Intake } from './api';
import { ConflictStep } from './ConflictStep';
import { DecisionStep } from './DecisionStep';
import { DecisionSummary } from './DecisionSummary';
import { EligibilityStep } from './EligibilityStep';
import { UrgencyBadge } from './IntakeBadges';
import { IntakeOverview } from './IntakeOverview';
import { IntakeStepper } from './IntakeStepper';
import { ProblemStep } from './ProblemStep';
import { useIntake, useStoreIntake } from './queries';
import { firstOpenStep, STEPS, stepsDone } from './steps';
import { UrgencyStep } from './UrgencyStep';
import { AnchorLink } from '../people/AnchorLink';

/** The person this intake is about, with a link to their profile. */
function WhoSummary({ intake }: { intake: Intake }): ReactElement {
  const { t } = useTranslation('intake');
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" fw={600}>
        {t('who.person')}
      </Text>
      {intake.personId ? (
        <AnchorLink to="/people/$id" params={{ id: intake.personId }} size="sm" data-testid="intake-person">
          {intake.personName ?? t('who.hidden')}
        </AnchorLink>
      ) : (
        <Text size="sm">{t('who.hidden')}</Text>
      )}
    </Group>
  );
}

function Wizard({ intake }: { intake: Intake }): ReactElement {
  const { t } = useTranslation('intake');
  const navigate = useNavigate();
  const store = useStoreIntake();
  const done = stepsDone(intake);
  const [active, setActive] = useState(() => firstOpenStep(intake));
  const reachable = Math.max(firstOpenStep(intake), active);
  const back = () => setActive((a) => Math.max(0, a - 1));
  const next = () => setActive((a) => Math.min(STEPS.length - 1, a + 1));
  const saved = (i: Intake) => {
    void store(i);
    next();
  };
  const stored = (i: Intake) => void store(i);
  const decided = (i: Intake) => {
    void store(i);
    if (i.decision === 'accept' && i.caseId) {
      void navigate({ to: '/cases/$id', params: { id: i.caseId } });
    }
  };
  const step = STEPS[active];
  const body =
    step === 'problem' ? (
      <ProblemStep intake={intake} onSaved={saved} />
    ) : step === 'urgency' ? (
      <UrgencyStep intake={intake} onSaved={saved} onBack={back} />
    ) : step === 'eligibility' ? (
      <EligibilityStep intake={intake} onStored={stored} onBack={back} onNext={next} />
    ) : step === 'conflicts' ? (
      <ConflictStep intake={intake} onStored={stored} onBack={back} onNext={next} />
    ) : step === 'decision' ? (
      <DecisionStep intake={intake} onDecided={decided} onBack={back} />
    ) : (
      <Stack>
        <WhoSummary intake={intake} />
        <Group justify="flex-end">
          <Button onClick={next} data-testid="step-submit">
            {t('actions.continue')}
          </Button>
        </Group>
      </Stack>
    );
  return (
    <>
      <IntakeStepper active={active} done={done} reachable={reachable} onSelect={setActive} />
      <Card
        withBorder
        radius="md"
        p={{ base: 'sm', sm: 'md' }}
        maw={960}
        data-testid={`intake-step-${step ?? 'who'}`}
      >
        <Stack>
          <Text fw={700} size="lg" component="h2" m={0}>
            {t(`steps.${step ?? 'who'}`)}
          </Text>
          {step !== 'who' && <WhoSummary intake={intake} />}
          {body}
        </Stack>
      </Card>
    </>
  );
}

/** `/intake/$id`: resume an intake at its first open step; a decided intake shows its decision. */
export function IntakePage(): ReactElement {
  const { t } = useTranslation('intake');
  const { id } = useParams({ from: '/app/intake/$id' });
  const intake = useIntake(id);
  const name = intake.data?.personName;
  return (
    <>
      <PageHeader
        title={name ? t('titleFor', { name }) : t('title')}
        actions={intake.data?.urgency ? <UrgencyBadge urgency={intake.data.urgency} /> : undefined}
      />
      {intake.isPending && <PageLoader />}
      {intake.isError && (
        <Stack maw={640}>
          <ErrorAlert error={intake.error} />
          <Anchor component={Link} to="/intake">
            {t('list.back')}
          </Anchor>
        </Stack>
      )}
      {intake.data?.status === 'draft' && <Wizard key={intake.data.id} intake={intake.data} />}
      {intake.data?.status === 'decided' && (
        <Stack maw={960}>
          <WhoSummary intake={intake.data} />
          <DecisionSummary intake={intake.data} />
          <IntakeOverview intake={intake.data} />
        </Stack>
      )}
    </>
  );
}

import { Button, Card, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { Link, useBlocker, useNavigate } from '@tanstack/react-router';
import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageHeader } from '../../components/PageHeader';
import { StepProgress } from '../../components/StepProgress';
import { usePhone } from '../../components/usePhone';
import {
  EMPTY_FLOW,
  errorsAfterEdit,
  FLOW_STEPS,
  pruned,
  stepErrors,
  type FlowState,
  type StepErrors,
} from './entryFlow';
import { ActsStep, VictimsStep } from './EntryFlowPeople';
import { ReviewStep } from './EntryFlowReview';
import { PerpetratorsStep, SourceStep } from './EntryFlowWho';
import { EventFormFields } from './EventFormFields';
import { useFlowSave } from './useFlowSave';

/**
 * `/violations/new`: the guided "who did what to whom" entry a documenter can follow during an
 * interview. Each step is checked before the next; nothing is pre-filled; the answers live in this
 * page's memory only, so leaving the page leaves nothing behind in the browser.
 */
export function EntryFlowPage(): ReactElement {
  const { t } = useTranslation('violations');
  const navigate = useNavigate();
  const phone = usePhone();
  const [state, setState] = useState<FlowState>(EMPTY_FLOW);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<StepErrors>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const done = useRef(false);
  const save = useFlowSave(
    (id) => {
      done.current = true;
      void navigate({ to: '/violations/$id', params: { id }, search: { tab: 'acts' } });
    },
    (fields) => {
      setErrors(fields);
      setStep(0);
    },
  );
  const current = FLOW_STEPS[step]!;
  const locked = save.progress.eventId !== null;
  // What was typed during an interview lives only in this page: ask before a click elsewhere (or a
  // closed tab) throws it away. Not once the event is saved, nor after a partial save (it is stored).
  const unsaved = state !== EMPTY_FLOW && !locked;
  const blocker = useBlocker({
    shouldBlockFn: () => unsaved && !done.current,
    enableBeforeUnload: () => unsaved && !done.current,
    withResolver: true,
  });

  const goTo = (n: number) => {
    setErrors({});
    setStep(n);
    // Move focus to the new step's heading so keyboard and screen-reader users start there.
    requestAnimationFrame(() => headingRef.current?.focus());
  };
  const next = () => {
    const found = stepErrors(t, current, state);
    setErrors(found);
    if (Object.keys(found).length === 0) goTo(step + 1);
  };
  // Errors shown by Next follow the answers: adding the missing victim or fixing a date clears its
  // message at once instead of leaving it up until the next press of Next.
  const change = (s: FlowState) => {
    const edited = pruned(s);
    if (Object.keys(errors).length)
      setErrors(errorsAfterEdit(errors, stepErrors(t, current, state), stepErrors(t, current, edited)));
    setState(edited);
  };
  const props = { state, onChange: change, errors };

  const body = (() => {
    switch (current) {
      case 'what':
        return (
          <EventFormFields
            value={state.event}
            onChange={(event) => change({ ...state, event })}
            errors={errors}
            canRestrict
          />
        );
      case 'victims':
        return <VictimsStep {...props} />;
      case 'acts':
        return <ActsStep {...props} />;
      case 'perpetrators':
        return <PerpetratorsStep {...props} />;
      case 'source':
        return <SourceStep {...props} />;
      case 'review':
        return (
          <ReviewStep state={state} progress={save.progress} error={save.error} started={save.started} />
        );
    }
  })();

  return (
    <>
      <PageHeader title={t('flow.title')} description={t('flow.description')} />
      <Stack maw={960}>
        {/* On a phone six step labels would fill the first screen; the card heading names the step
            and Back goes to the one before, so a thin bar is enough there. */}
        {phone ? (
          <StepProgress
            active={step}
            total={FLOW_STEPS.length}
            label={t('flow.progress', { n: step + 1, total: FLOW_STEPS.length })}
            testId="flow-progress"
          />
        ) : (
          <Stepper
            active={step}
            onStepClick={(n) => !locked && n < step && goTo(n)}
            size="sm"
            allowNextStepsSelect={false}
            aria-label={t('flow.stepsLabel')}
            styles={{ stepLabel: { whiteSpace: 'normal' } }}
            data-testid="flow-stepper"
          >
            {FLOW_STEPS.map((s) => (
              <Stepper.Step key={s} label={t(`flow.steps.${s}.label`)} data-testid={`flow-step-${s}`} />
            ))}
          </Stepper>
        )}
        <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-testid={`flow-${current}`}>
          <Stack>
            <Stack gap={2}>
              <Title order={2} size="h4" ref={headingRef} tabIndex={-1}>
                {t('flow.stepOf', {
                  n: step + 1,
                  total: FLOW_STEPS.length,
                  title: t(`flow.steps.${current}.title`),
                })}
              </Title>
              <Text size="sm" c="dimmed">
                {t(`flow.steps.${current}.hint`)}
              </Text>
            </Stack>
            {body}
          </Stack>
        </Card>
        <Group justify="space-between">
          <Group gap="xs">
            {step > 0 && !locked && (
              <Button variant="default" onClick={() => goTo(step - 1)} data-testid="flow-back">
                {t('flow.back')}
              </Button>
            )}
            <Button variant="subtle" component={Link} to="/violations" data-testid="flow-cancel">
              {locked ? t('flow.leave') : t('flow.cancel')}
            </Button>
          </Group>
          {current === 'review' ? (
            <Button onClick={() => void save.run(state)} loading={save.saving} data-testid="flow-save">
              {save.error !== null ? t('flow.retry') : t('flow.save')}
            </Button>
          ) : (
            <Button onClick={next} data-testid="flow-next">
              {t('flow.next')}
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmModal
        opened={blocker.status === 'blocked'}
        onClose={() => blocker.reset?.()}
        title={t('flow.leaveTitle')}
        confirmLabel={t('flow.leaveConfirm')}
        danger
        onConfirm={() => blocker.proceed?.()}
      >
        {t('flow.leaveText')}
      </ConfirmModal>
    </>
  );
}

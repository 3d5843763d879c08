import { Anchor, Group, Tabs } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/queries';

export type MonitoringSection = 'missions' | 'forms' | 'review';
const TO = { missions: '/monitoring', forms: '/monitoring/forms', review: '/monitoring/review' } as const;

/** Sub-navigation between the three coordinator screens of monitoring. */
export function MonitoringNav({ current }: { current: MonitoringSection }): ReactElement {
  const { t } = useTranslation('monitoring');
  const navigate = useNavigate();
  const reviewer = can(useMe().data, 'monitoring.review');
  // Observers have only their missions here (forms and review are the coordinators'); they work in the field app.
  const sections = (Object.keys(TO) as MonitoringSection[]).filter((k) => reviewer || k === 'missions');
  return (
    <Group mb="md" justify="space-between">
      <Tabs
        value={current}
        onChange={(v) => v && void navigate({ to: TO[v as MonitoringSection] })}
        variant="pills"
      >
        <Tabs.List aria-label={t('nav.label')}>
          {sections.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`mon-nav-${k}`}>
              {t(`nav.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {can(useMe().data, 'monitoring.submit') && (
        <Anchor href="/field" size="sm" data-testid="open-field-app">
          {t('nav.field')}
        </Anchor>
      )}
    </Group>
  );
}

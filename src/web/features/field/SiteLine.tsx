import { NativeSelect, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment } from './db';

/**
 * The site a report is filed under: a line of text, or, for a critical incident when the observer has
 * more than one site, a choice. The red button starts at the last site used: an observer who moves
 * between stations must be able to say the incident happened at another one without leaving the form.
 */
export function SiteLine({
  site,
  choices,
  onChange,
}: {
  site: Assignment;
  choices: Assignment[];
  onChange: (site: Assignment) => void;
}): ReactElement {
  const { t } = useTranslation('field');
  const name = (a: Assignment) => `${a.siteName} · ${a.siteCode}`;
  if (choices.length < 2)
    return (
      <Text c="dimmed" size="sm" mb="sm" data-testid="field-site">
        {name(site)}
      </Text>
    );
  // Sites of two missions may share names: the mission then says which is which. The code comes
  // first in the choice: a closed select at 375 px cut a long station name and its code with it.
  const missions = new Set(choices.map((a) => a.missionId)).size > 1;
  const choice = (a: Assignment) => `${a.siteCode} · ${a.siteName}`;
  return (
    <NativeSelect
      label={t('form.incident_site')}
      description={t('form.incident_site_hint')}
      size="md"
      mb="md"
      value={site.siteId}
      data={choices.map((a) => ({
        value: a.siteId,
        label: missions ? `${choice(a)} (${a.missionTitle})` : choice(a),
      }))}
      onChange={(e) => {
        const next = choices.find((a) => a.siteId === e.currentTarget.value);
        if (next) onChange(next);
      }}
      data-testid="field-site-choice"
    />
  );
}

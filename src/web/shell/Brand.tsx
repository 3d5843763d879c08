import { Group, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import logo from '../assets/favicon.svg';

/** The app mark plus the organisation's name (on two lines at most on narrow screens). */
export function Brand({ orgName }: { orgName: string | null | undefined }): ReactElement {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap" miw={0}>
      <img src={logo} alt="" width={28} height={28} />
      {/* Two lines on a phone rather than "DEMO — Б…": the name is how people know they are in the right place. */}
      <Text
        fw={700}
        fz={{ base: 'sm', sm: 'md' }}
        lh={1.2}
        lineClamp={2}
        title={orgName ?? t('app.name')}
        data-testid="org-name"
      >
        {orgName ?? t('app.name')}
      </Text>
    </Group>
  );
}

import { Button, Card, List, Text, Title } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../intl/format';
import { AnchorLink } from '../../people/AnchorLink';
import type { Submission } from '../api';
import { DuplicateDialog } from './DuplicateDialog';
import { NEXT } from './workflow';

/**
 * The report's duplicates: the report it repeats (when rejected as a copy), the copies that repeat it
 * (its corroboration: several observers saw the same), and "Mark as a duplicate…".
 */
export function DuplicatesCard({
  s,
  locked,
  onChange,
}: {
  s: Submission;
  locked: boolean;
  onChange: (next: Submission) => void;
}): ReactElement | null {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const [marking, setMarking] = useState(false);
  const markable = NEXT[s.status].includes('rejected') && !s.duplicateOf;
  if (!s.duplicateOf && s.duplicates.length === 0 && !markable) return null;
  const of = s.duplicateOf;
  return (
    <Card withBorder radius="md" padding="md" data-testid="duplicates-card">
      <Title order={2} size="h4" mb="sm">
        {t('duplicates.title')}
      </Title>
      {of && (
        <Text size="sm" mb="sm" data-testid="duplicate-of">
          {t('duplicates.of')}{' '}
          <AnchorLink to="/monitoring/submissions/$id" params={{ id: of.id }}>
            {of.submittedAt
              ? `${of.site ?? t('review.publicReport')} · ${fmt.dateTime(of.submittedAt)}`
              : t('duplicates.hidden')}
          </AnchorLink>
        </Text>
      )}
      {s.duplicates.length > 0 && (
        <>
          <Text size="sm" mb={4}>
            {t('duplicates.copies', { count: s.duplicates.length })}
          </Text>
          <List size="sm" mb="sm" data-testid="duplicates-list">
            {s.duplicates.map((d) => (
              <List.Item key={d.id}>
                <AnchorLink to="/monitoring/submissions/$id" params={{ id: d.id }}>
                  {[d.site ?? t('review.publicReport'), d.observer, fmt.dateTime(d.submittedAt)]
                    .filter(Boolean)
                    .join(' · ')}
                </AnchorLink>
              </List.Item>
            ))}
          </List>
        </>
      )}
      {markable && (
        <Button
          variant="default"
          disabled={locked}
          onClick={() => setMarking(true)}
          data-testid="mark-duplicate"
        >
          {t('duplicates.mark')}
        </Button>
      )}
      {marking && (
        <DuplicateDialog
          s={s}
          onClose={() => setMarking(false)}
          onDone={(next) => {
            setMarking(false);
            onChange(next);
          }}
        />
      )}
    </Card>
  );
}

import { Alert, Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Icon } from '../../../components/icons';
import { evidenceApi, type Evidence } from './api';

/**
 * Re-hash every item shown here, one after the other (each check is audited and logged in custody on
 * the server), and say plainly how many are intact.
 */
export function VerifyAll({
  items,
  onDone,
}: {
  items: Evidence[];
  onDone: () => Promise<unknown>;
}): ReactElement {
  const { t } = useTranslation('vstats');
  const run = useMutation({
    mutationFn: async () => {
      let bad = 0;
      for (const ev of items) if (!(await evidenceApi.verify(ev.id)).ok) bad++;
      return { checked: items.length, bad };
    },
    onSuccess: onDone,
  });
  const r = run.data;
  return (
    <>
      <Button
        variant="default"
        leftSection={<Icon name="shield" size={16} />}
        loading={run.isPending}
        onClick={() => run.mutate()}
        disabled={items.length === 0}
        data-testid="evidence-verify-all"
      >
        {t('evidence.verifyAll')}
      </Button>
      {r && (
        <Alert
          color={r.bad === 0 ? 'green' : 'red'}
          variant="light"
          role={r.bad === 0 ? 'status' : 'alert'}
          data-testid="evidence-verify-all-result"
          data-bad={r.bad}
          w="100%"
        >
          {r.bad === 0
            ? t('evidence.allOk', { count: r.checked })
            : t('evidence.someBad', { count: r.bad, checked: r.checked })}
        </Alert>
      )}
      <ErrorAlert error={run.error} />
    </>
  );
}

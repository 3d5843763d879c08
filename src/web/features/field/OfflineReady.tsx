import { Text } from '@mantine/core';
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { offlineState, type OfflineState } from './worker';

/**
 * One line on the home screen: whether the phone could open the app with no connection now. Without
 * it an observer who logs in at the gate of a polling station and walks in had no way to know the
 * app was still fetching its files; the next start without signal then failed.
 */
export function OfflineReady(): ReactElement | null {
  const { t } = useTranslation('field');
  const [state, setState] = useState<OfflineState | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () =>
      void offlineState()
        .catch((): OfflineState => 'preparing')
        .then((s) => {
          if (stopped) return;
          setState(s);
          // Asked again while the worker installs; once ready (or impossible) nothing more to learn.
          if (s === 'preparing') timer = setTimeout(check, 1500);
        });
    check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  // The development server registers no worker (worker.ts): there is nothing to report.
  if (state === null || import.meta.env.DEV) return null;
  return (
    <Text
      size="sm"
      mt={-8}
      c={state === 'ready' ? 'teal.8' : state === 'unsupported' ? 'orange.8' : 'dimmed'}
      data-testid="field-offline-ready"
      data-state={state}
    >
      {t(`home.offline_${state}`)}
    </Text>
  );
}

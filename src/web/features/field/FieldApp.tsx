import { Alert, Button, Center, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../components/PageLoader';
import { asLocale } from '../../i18n';
import { FieldContext, type FieldState } from './context';
import { fieldDb } from './db';
import { LanguageSwitch } from './FieldHeader';
import { FormScreen, IncidentScreen } from './FormScreen';
import { HomeScreen } from './HomeScreen';
import { LockScreen } from './LockScreen';
import { downloadMessages } from './messages';
import { OutboxScreen } from './OutboxScreen';
import { hasPin, isLocked, lockNow } from './pin';
import { Settling } from './Settling';
import { checkSession, downloadAssignments, storedUser, type FieldUser } from './session';
import { outboxExclusive, syncOnce } from './sync';
import { fieldHttp } from './transport';
import { registerFieldWorker } from './worker';
import { listenForInstall } from './install';

type Phase = 'loading' | 'login' | 'offline_no_session' | 'ready';

/** Periodic check for reports whose backoff has run out. */
const TICK_MS = 15_000;
/** With a PIN, the app locks after this long without a touch or a key (ADR 0031). */
export const IDLE_LOCK_MS = 5 * 60_000;

/** Locks the app (PIN set) after IDLE_LOCK_MS unused, also when it comes back from the background. */
function useIdleLock(active: boolean, hasLock: () => Promise<boolean>, lock: () => void): void {
  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    const touched = () => {
      last = Date.now();
    };
    const check = () => {
      if (Date.now() - last >= IDLE_LOCK_MS) void hasLock().then((on) => on && lock());
    };
    const events = ['pointerdown', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, touched, { passive: true });
    document.addEventListener('visibilitychange', check);
    const timer = window.setInterval(check, 10_000);
    return () => {
      for (const e of events) window.removeEventListener(e, touched);
      document.removeEventListener('visibilitychange', check);
      window.clearInterval(timer);
    };
  }, [active, hasLock, lock]);
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** The offline field app for observers (issue #5): /field, outside the app shell, usable with no connection. */
export function FieldApp(): ReactElement {
  const { t, i18n } = useTranslation('field');
  const navigate = useNavigate();
  const splat = useParams({ strict: false, select: (p: { _splat?: string }) => p._splat ?? '' });
  const online = useOnline();
  const db = fieldDb();
  const [phase, setPhase] = useState<Phase>('loading');
  const [user, setUser] = useState<FieldUser | null>(null);
  const [needsLogin, setNeedsLogin] = useState(false);
  const [syncing, setSyncing] = useState(false);
  const [locked, setLocked] = useState(false);
  // Screens mount once the app has been open (unlocked) in this page: a form started locked would find
  // no draft and no key.
  const [opened, setOpened] = useState(false);
  const running = useRef(false);
  const needsLoginNow = useRef(false);
  needsLoginNow.current = needsLogin;
  const lang = asLocale(i18n.language) ?? 'ky';

  const go = useCallback(
    (path: string) => void navigate({ to: path ? '/field/$' : '/field', params: { _splat: path } }),
    [navigate],
  );

  const sync = useCallback(
    async (force: boolean) => {
      if (running.current || !navigator.onLine) return;
      // Locked, the reports cannot be read, so they wait for the PIN.
      if (await isLocked(db)) return;
      running.current = true;
      setSyncing(true);
      try {
        const r = await outboxExclusive(() => syncOnce(db, fieldHttp, { force }));
        setNeedsLogin(r.needsLogin);
      } finally {
        running.current = false;
        setSyncing(false);
      }
    },
    [db],
  );

  const lock = useCallback(() => {
    lockNow(db);
    setLocked(true);
  }, [db]);
  const pinSet = useCallback(() => hasPin(db), [db]);
  useIdleLock(phase === 'ready' && !locked, pinSet, lock);

  const download = useCallback(async () => {
    const r = await downloadAssignments(db);
    if (!r.ok && r.status === 401) setNeedsLogin(true);
    if (r.ok) await downloadMessages(db, fieldHttp);
    return r.ok;
  }, [db]);

  useEffect(() => {
    registerFieldWorker();
    listenForInstall();
    let cancelled = false;
    void (async () => {
      const session = navigator.onLine ? await checkSession(db) : 'offline';
      const known = await storedUser(db);
      if (cancelled) return;
      // Behind a PIN, every start begins locked: the key's usable copy lived in the last page's memory.
      const startLocked = await isLocked(db);
      setLocked(startLocked);
      setOpened(!startLocked);
      if (session === 'ok' && known) {
        setUser(known);
        setPhase('ready');
        await downloadAssignments(db);
        await sync(true);
      } else if (known) {
        // Offline, or the session ended: the observer keeps working; sending waits for a new login.
        setUser(known);
        setNeedsLogin(session === 'logged_out');
        setPhase('ready');
      } else {
        setPhase(session === 'logged_out' ? 'login' : 'offline_no_session');
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [db, sync]);

  useEffect(() => {
    if (phase !== 'ready') return;
    const onOnline = () => void sync(true);
    window.addEventListener('online', onOnline);
    // With the session over every attempt is a 401 on mobile data: the timer waits for a new login
    // (the login page comes back to a fresh app, which sends at once).
    const timer = window.setInterval(() => {
      if (!needsLoginNow.current) void sync(false);
    }, TICK_MS);
    return () => {
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
  }, [phase, sync]);

  const state = useMemo<FieldState | null>(
    () => (user ? { db, user, lang, online, needsLogin, syncing, sync, download, go, lock } : null),
    [db, user, lang, online, needsLogin, syncing, sync, download, go, lock],
  );

  if (phase === 'loading') {
    return (
      <Center mih="100vh">
        <Spinner label={t('loading')} />
      </Center>
    );
  }
  if (phase !== 'ready' || !state) {
    return (
      <Container size={420} py="xl">
        <Stack>
          <Group justify="flex-end">
            <LanguageSwitch lang={lang} />
          </Group>
          <Title order={1}>{t('title')}</Title>
          {phase === 'login' ? (
            <>
              <Text>{t('login.intro')}</Text>
              <Button
                size="lg"
                data-testid="field-login"
                onClick={() => void navigate({ to: '/login', search: { redirect: '/field' } })}
              >
                {t('login.button')}
              </Button>
            </>
          ) : (
            <Alert color="orange">{t('login.offline')}</Alert>
          )}
        </Stack>
      </Container>
    );
  }
  return (
    <FieldContext.Provider value={state}>
      {locked && (
        <Settling key="locked">
          <LockScreen
            onUnlocked={() => {
              setLocked(false);
              setOpened(true);
              void sync(true);
            }}
          />
        </Settling>
      )}
      {/* Locked after use, the screen stays in memory, hidden, so a half-typed report is not lost (ADR 0031). */}
      {opened && (
        <div hidden={locked}>
          <Settling key={splat}>{screenOf(splat)}</Settling>
        </div>
      )}
    </FieldContext.Provider>
  );
}

function screenOf(splat: string): ReactElement {
  const [screen, a, b] = splat.split('/');
  return screen === 'report' && a && b ? (
    <FormScreen key={`${a}:${b}`} formVersionId={a} siteId={b} />
  ) : screen === 'edit' && a ? (
    <FormScreen key={a} editId={a} />
  ) : screen === 'incident' ? (
    <IncidentScreen />
  ) : screen === 'outbox' ? (
    <OutboxScreen />
  ) : (
    <HomeScreen />
  );
}

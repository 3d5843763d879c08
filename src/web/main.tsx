import '@mantine/core/styles.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-500.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/cyrillic-400.css';
import '@fontsource/noto-sans/cyrillic-500.css';
import '@fontsource/noto-sans/cyrillic-700.css';
import '@fontsource/noto-sans/cyrillic-ext-400.css';
import '@fontsource/noto-sans/cyrillic-ext-500.css';
import '@fontsource/noto-sans/cyrillic-ext-700.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client';
import { settleAtStart } from './api/pendingLogout';
import { ErrorBoundary } from './components/ErrorBoundary';
import { initI18n } from './i18n';
import { loadIntlPolyfills } from './intl/polyfills';
import { buildRouter } from './router';
import { cssVariablesResolver, theme } from './theme';

/** 4xx answers are final; only network and 5xx failures are worth one more try. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) {
    return false;
  }
  return failureCount < 1;
}

async function start(): Promise<void> {
  const [, i18n] = await Promise.all([loadIntlPolyfills(), initI18n(), settleAtStart()]);
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  // Some answers are worded by the server in the request's language (the statistics' definitions of
  // their units, for one): a language switch fetches what is on screen again, or those stayed in the
  // old language. Answers that do not depend on the language come back equal and change nothing.
  i18n.on('languageChanged', () => void queryClient.invalidateQueries({ type: 'active' }));
  const router = buildRouter(queryClient);
  const root = document.getElementById('root');
  if (!root) {
    throw new Error('#root missing from index.html');
  }
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <ErrorBoundary>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </ErrorBoundary>
      </MantineProvider>
    </StrictMode>,
  );
}

void start();

import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './ui/print.css';
import './i18n';
import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { App } from './App';
import { theme } from './ui/theme';

const queryClient = new QueryClient({
  defaultOptions: {
    // Data changes only through this app: refetching on focus would only burn idle sessions.
    queries: { refetchOnWindowFocus: false, retry: false, staleTime: 30_000 },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      defaultColorScheme="light"
      colorSchemeManager={localStorageColorSchemeManager({ key: 'liuke.colorScheme' })}
    >
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <Router hook={useHashLocation}>
          <App />
        </Router>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);

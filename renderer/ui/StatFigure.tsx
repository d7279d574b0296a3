import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A report's stat card: a dimmed label over its figure. */
export function Figure({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {children}
    </Paper>
  );
}

/** The figure itself, large. */
export function Big({ children, size = 26 }: { children: ReactNode; size?: number }) {
  return (
    <Text fz={size} fw={700}>
      {children}
    </Text>
  );
}

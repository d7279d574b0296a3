import { Card, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One titled group of a long settings form (points rules, tiers). */
export function section(title: string, children: ReactNode) {
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Card>
  );
}

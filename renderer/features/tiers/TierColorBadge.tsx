import { Badge, type BadgeProps } from '@mantine/core';
import { textOn } from '../../../shared/rules/tiers.js';

/** A tier's name on its own colour, with black or white text, whichever reads better on it. */
export function TierColorBadge({
  name,
  color,
  size = 'lg',
  ...rest
}: { name: string; color: string; size?: BadgeProps['size'] } & { 'data-testid'?: string }) {
  return (
    <Badge variant="filled" color={color} c={textOn(color)} size={size} {...rest}>
      {name}
    </Badge>
  );
}

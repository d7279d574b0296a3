import type { InputOf } from '../../../shared/contract/index.js';

export type TagColor = InputOf<'tags.create'>['color'];

/** The colours tags.create accepts (Mantine palette names), in the order the picker shows them. */
export const tagColors = [
  'red',
  'pink',
  'grape',
  'violet',
  'indigo',
  'blue',
  'cyan',
  'teal',
  'green',
  'lime',
  'yellow',
  'orange',
  'gray',
] as const satisfies readonly TagColor[];

import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A whole number typed at the keyboard. Mantine's integer mode drops a typed "." or "-" (2.7
 * becomes 27) and clamps on blur (0 becomes 1), so something other than what was typed would be
 * saved without a word. This input keeps what was typed and says what is wrong on the field; the
 * main process refuses it anyway.
 */
export function IntegerInput(props: Omit<NumberInputProps, 'allowDecimal' | 'allowNegative' | 'clampBehavior'>) {
  const { t } = useTranslation();
  const { value, min, max, error } = props;
  let problem: string | null = null;
  if (value !== '' && value !== undefined) {
    const n = Number(value);
    if (!Number.isInteger(n)) problem = t('errors.integer');
    else if ((min !== undefined && n < min) || (max !== undefined && n > max)) problem = t('errors.range');
  }
  return <NumberInput {...props} clampBehavior="none" error={error || problem} />;
}

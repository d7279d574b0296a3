import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '../../shared/rules/businessDay.js';
import { useShopToday } from '../features/tiers/shopDay';
import { quickPeriods, type Period } from './period';

/** A report's period of shop days, this month so far to begin with; `valid` once both days are whole and in order. */
export function usePeriod() {
  const quick = quickPeriods(useShopToday());
  const [period, setPeriod] = useState<Period>(quick.thisMonth);
  const valid = isCalendarDate(period.from) && isCalendarDate(period.to) && period.from <= period.to;
  return { period, setPeriod, quick, valid };
}

/**
 * From and to days and the quick periods (this month, last month, 90 days). Labels come from the
 * report's own words under `words` (`<words>.from`, `.to`, `.thisMonth`, `.lastMonth`, `.last90`).
 */
export function PeriodPicker({ state, words }: { state: ReturnType<typeof usePeriod>; words: string }) {
  const { t } = useTranslation();
  const { period, setPeriod, quick } = state;
  return (
    <Group align="end">
      <TextInput
        type="date"
        label={t(`${words}.from`)}
        value={period.from}
        onChange={(e) => setPeriod({ ...period, from: e.currentTarget.value })}
        error={period.from > period.to && t('errors.member.dateRange')}
        data-testid="report-from"
      />
      <TextInput
        type="date"
        label={t(`${words}.to`)}
        value={period.to}
        onChange={(e) => setPeriod({ ...period, to: e.currentTarget.value })}
        data-testid="report-to"
      />
      {(['thisMonth', 'lastMonth', 'last90'] as const).map((k) => (
        <Button
          key={k}
          variant={quick[k].from === period.from && quick[k].to === period.to ? 'light' : 'default'}
          onClick={() => setPeriod(quick[k])}
        >
          {t(`${words}.${k}`)}
        </Button>
      ))}
    </Group>
  );
}

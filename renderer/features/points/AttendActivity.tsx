import { Button, Group, Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityInfo } from '../../../shared/points.js';
import { useCommand } from '../../api/useCommand';
import { notifyError } from '../../ui/errors';

/** Marks the member as attending an activity: pick it, then confirm — a mis-pick gives no points. */
export function AttendActivity({ memberId, activities }: { memberId: number; activities: ActivityInfo[] }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(null);
  const attend = useCommand('activities.attend', { invalidates: ['points', 'members', 'activities'] });
  const a = activities.find((x) => String(x.id) === picked);
  return (
    <Group gap="xs" align="flex-end">
      <Select
        aria-label={t('points.activities.attend')}
        placeholder={t('points.activities.attend')}
        data={activities.map((x) => ({ value: String(x.id), label: `${x.name} · ${x.day} · +${x.points}` }))}
        value={picked}
        onChange={setPicked}
        clearable
        w={220}
      />
      {a && (
        <Button
          variant="light"
          loading={attend.isPending}
          onClick={() =>
            attend.mutate(
              { activityId: a.id, memberId },
              {
                onError: (e) => notifyError(t, e),
                onSuccess: () => {
                  setPicked(null);
                  notifications.show({ color: 'teal', message: t('points.activities.attended', { points: a.points }) });
                },
              },
            )
          }
        >
          {t('points.activities.confirmAttend', { points: a.points })}
        </Button>
      )}
    </Group>
  );
}

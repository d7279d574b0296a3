import { Alert, Button, Group, Input, Modal, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usableOn } from '../../../shared/rules/visitcards.js';
import type { UseResult, Visitcard } from '../../../shared/visitcards.js';
import { useCommand } from '../../api/useCommand';
import { errorData, errorMessage } from '../../ui/errors';
import { PrintSlip } from '../slips/PrintSlip';
import { useShopToday } from '../tiers/shopDay';
import { DetailTable } from './DetailTable';
import { useSendOnce } from './sendOnce';
import { useVisitcardSlips } from './visitcardSlip';
import { limitTexts } from './visitcardText';

/**
 * Deduct one visit after a confirmation that names the card and shows the count before and
 * after; the service is picked when the card covers several. What would refuse it today (the
 * weekend, today's limit, the last day passed) is said before the clerk confirms; the main process
 * decides. The result stays on screen with an optional slip.
 */
export function UseVisitcardModal({
  card,
  member,
  onClose,
}: {
  card: Visitcard | null;
  member: { memberNo: string; label: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const today = useShopToday();
  const slips = useVisitcardSlips();
  const once = useSendOnce();
  const [service, setService] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<UseResult | null>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const use = useCommand('visitcards.use', {
    invalidates: ['visitcards', 'wallet', 'members'],
    onSuccess: setResult,
  });
  // "Done" takes the focus once the result is on screen: Enter closes.
  useEffect(() => {
    if (result) doneRef.current?.focus();
  }, [result]);
  const close = () => {
    setService(null);
    setProblem(null);
    setResult(null);
    onClose();
  };
  const chosen = service ?? card?.services[0] ?? '';
  const block = card ? usableOn({ ...card, refunded: card.state === 'refunded' }, today, card.usedToday) : null;
  const limits = card ? limitTexts(t, card) : [];

  return (
    <Modal opened={card !== null} onClose={close} title={t('visitcards.use.title', { member: member.label })}>
      {card && result ? (
        <Stack data-testid="use-result">
          <Title order={4}>{t('visitcards.use.done', { name: result.card.name })}</Title>
          <Text fz={24} fw={700} c="teal" data-testid="use-result-left">
            {t('visitcards.use.resultLeft', { left: result.card.usesLeft, count: result.card.usesTotal })}
          </Text>
          <Group justify="flex-end">
            <PrintSlip slip={slips.use(result, member.memberNo)} />
            <Button ref={doneRef} onClick={close}>
              {t('visitcards.use.finish')}
            </Button>
          </Group>
        </Stack>
      ) : (
        card && (
          <Stack>
            <Text fw={600} data-testid="use-confirm-line">
              {t('visitcards.use.confirmLine', { name: card.name })}
            </Text>
            {card.services.length > 1 && (
              <Input.Wrapper label={t('visitcards.use.service')}>
                <SegmentedControl
                  fullWidth
                  data-testid="use-service"
                  value={chosen}
                  onChange={(v) => {
                    setService(v);
                    setProblem(null);
                  }}
                  data={card.services}
                />
              </Input.Wrapper>
            )}
            <DetailTable
              rows={[
                ...(card.services.length === 1 ? [[t('visitcards.use.service'), chosen] as [string, string]] : []),
                [
                  t('visitcards.use.count'),
                  <Group gap={6} data-testid="use-before-after">
                    <Text span>{t('visitcards.use.timesValue', { count: card.usesLeft })}</Text>
                    <IconArrowRight size={14} />
                    <Text span fw={700} c="teal">
                      {t('visitcards.use.timesValue', { count: Math.max(0, card.usesLeft - 1) })}
                    </Text>
                  </Group>,
                ],
                [t('visitcards.sell.lastDay'), card.expiresOn ?? t('visitcards.card.noEnd')],
                ...(limits.length
                  ? [[t('visitcards.sell.limits'), limits.join(t('members.listSeparator'))] as [string, string]]
                  : []),
              ]}
            />
            {!block && card.perDayLimit !== null && card.usedToday > 0 && (
              <Text size="sm" c="orange">
                {t('visitcards.use.dailyWarning', { used: card.usedToday, limit: card.perDayLimit })}
              </Text>
            )}
            {block && (
              <Alert color="orange" data-testid="use-blocked">
                {t(`errors.visitcards.${block.key}`, 'params' in block ? block.params : {})}
              </Alert>
            )}
            {problem && (
              <Alert color="red" data-testid="use-problem">
                {problem}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                data-autofocus
                disabled={block !== null}
                loading={use.isPending}
                onClick={() =>
                  once((release) => {
                    setProblem(null);
                    use.mutate(
                      { cardId: card.id, service: chosen },
                      {
                        onError: (e) => {
                          const field = errorData(e).fields?.service;
                          setProblem(field ? t(field.messageKey, field.params ?? {}) : errorMessage(t, e));
                        },
                        onSettled: release,
                      },
                    );
                  })
                }
              >
                {t('visitcards.use.confirm')}
              </Button>
            </Group>
          </Stack>
        )
      )}
    </Modal>
  );
}

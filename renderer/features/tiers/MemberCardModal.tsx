import { Button, Center, Group, Loader, Modal, Portal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session';
import type { MemberCardInput } from './memberCard';
import './memberCard.css';

export interface MemberCardModalProps {
  opened: boolean;
  onClose(): void;
  member: { name: string; memberNo: string };
  /** The member's tier; null shows the plain "member" label on a neutral band. */
  tier: { name: string; color: string } | null;
}

/**
 * The printable member card: a preview, the OS print dialog (only the card, on a card-sized page)
 * and a PDF of exactly the card's size. Both codes on it hold the member number, which the counter
 * search opens when a scanner types it.
 */
export function MemberCardModal({ opened, onClose, member, tier }: MemberCardModalProps) {
  const { t } = useTranslation();
  const shopName = useSession((s) => s.session)!.settings.shopName;
  const [busy, setBusy] = useState(false);
  const memberName = member.name || t('members.noName');
  const tierName = tier?.name ?? t('memberCard.member');
  const tierColor = tier?.color ?? ''; // not '#rrggbb': memberCard.ts's neutral colour
  const input = useMemo<MemberCardInput | null>(
    () => (opened ? { shopName, memberName, memberNo: member.memberNo, tierName, tierColor } : null),
    [opened, shopName, memberName, member.memberNo, tierName, tierColor],
  );
  // The barcode library (and the PDF one) load with the first card, not with the app.
  const [card, setCard] = useState<{ input: MemberCardInput; svg: string } | null>(null);
  useEffect(() => {
    if (!input) return;
    let live = true;
    import('./memberCard')
      .then(({ memberCardSvg }) => live && setCard({ input, svg: memberCardSvg(input) }))
      .catch(() => live && notifications.show({ color: 'red', message: t('memberCard.failed') }));
    return () => {
      live = false;
    };
  }, [input, t]);
  const svg = card && card.input === input ? card.svg : null;
  const src = svg && `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

  const downloadPdf = async () => {
    if (!svg) return;
    setBusy(true);
    try {
      const { memberCardPdf, saveBytes } = await import('./cardPdf');
      const pdf = await memberCardPdf(svg, `${shopName} ${memberName} ${member.memberNo}`);
      saveBytes(pdf, `member-card-${member.memberNo}.pdf`, 'application/pdf');
    } catch {
      notifications.show({ color: 'red', message: t('memberCard.failed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('memberCard.title')} size="lg">
      {opened && (
        <Stack>
          {src ? (
            <img
              className="member-card-preview"
              src={src}
              alt={t('memberCard.preview', { name: memberName })}
              data-testid="member-card-preview"
            />
          ) : (
            <Center className="member-card-preview">
              <Loader />
            </Center>
          )}
          <Text size="sm" c="dimmed">
            {t('memberCard.hint')}
          </Text>
          <Group justify="flex-end">
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              loading={busy}
              disabled={!src}
              onClick={downloadPdf}
            >
              {t('memberCard.downloadPdf')}
            </Button>
            <Button leftSection={<IconPrinter size={16} />} disabled={!src} onClick={() => window.print()}>
              {t('memberCard.print')}
            </Button>
          </Group>
          {/* Outside the modal, so the print stylesheet can show the card alone at the top of the page. */}
          {src && (
            <Portal>
              <div className="print-only member-card-print" data-testid="member-card-print">
                <img src={src} alt="" />
              </div>
            </Portal>
          )}
        </Stack>
      )}
    </Modal>
  );
}

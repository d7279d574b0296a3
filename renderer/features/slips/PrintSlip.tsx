import { Button, Group, Portal, SegmentedControl } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import './slip.css';
import type { SlipContent } from './slipTypes';

export type { SlipContent, SlipLine } from './slipTypes';

/**
 * A slip for the receipt printer through the OS print dialog. The paper width is this PC's
 * printer's, so it is remembered per PC. The slip is in the page only while this button is, and
 * outside any modal so the print stylesheet places it at the top of the page.
 */
export function PrintSlip({ slip }: { slip: SlipContent }) {
  const { t } = useTranslation();
  const [width, setWidth] = useLocalStorage<string>({ key: 'liuke.slipWidth', defaultValue: '80' });
  return (
    <Group gap="xs">
      <SegmentedControl
        size="xs"
        aria-label={t('slips.width')}
        data={[
          { value: '58', label: '58 mm' },
          { value: '80', label: '80 mm' },
        ]}
        value={width}
        onChange={setWidth}
      />
      <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
        {t('slips.print')}
      </Button>
      <Portal>
        <div className={`print-only slip slip-${width}`} data-testid="slip">
          <div style={{ textAlign: 'center', fontWeight: 700, fontSize: 14 }}>{slip.shopName}</div>
          <div style={{ textAlign: 'center' }}>{slip.title}</div>
          <div className="slip-rule" />
          {slip.lines.map((l) => (
            <div className="slip-row" key={l.label}>
              <span>{l.label}</span>
              <span>{l.value}</span>
            </div>
          ))}
          {slip.code && <div className="slip-code">{slip.code}</div>}
          {slip.terms && (
            <>
              <div className="slip-rule" />
              <div style={{ whiteSpace: 'pre-wrap' }}>{slip.terms}</div>
            </>
          )}
          {slip.signatures?.map((who) => (
            <div
              key={who}
              data-testid="slip-signature"
              style={{ display: 'flex', alignItems: 'flex-end', gap: '2mm', marginTop: '8mm' }}
            >
              <span>{who}</span>
              <span style={{ flex: 1, borderBottom: '1px solid #000' }} />
            </div>
          ))}
          <div className="slip-rule" />
          <div>{slip.footer}</div>
        </div>
      </Portal>
    </Group>
  );
}

/** Fen as yuan with two decimals, by integer arithmetic: 26850 → "268.50", -5 → "-0.05". */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

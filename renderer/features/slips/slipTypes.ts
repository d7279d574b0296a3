/** One line of a slip: a label on the left, its value on the right. */
export interface SlipLine {
  label: string;
  value: string;
}

/**
 * What a slip says: built by the feature that prints it, printed by PrintSlip. Kept apart from
 * PrintSlip.tsx so code that builds a slip (and its unit tests) need not load React's types.
 */
export interface SlipContent {
  title: string;
  shopName: string;
  lines: SlipLine[];
  /** A coupon or voucher code, printed large. */
  code?: string | undefined;
  /** Long text printed as written, line by line (a top-up slip's published terms). */
  terms?: string | undefined;
  /** Who signs the slip (the member receiving a refund, the clerk handing over): a line to sign on each. */
  signatures?: string[] | undefined;
  footer: string;
}

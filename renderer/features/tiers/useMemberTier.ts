import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

/**
 * A member's tier as the member page and the counter show it. Under the 'tiers' key, so every
 * write that can change it (a purchase, a refund, a service use, a manual tier) refreshes it.
 */
export function useMemberTier(memberId: number) {
  return useQuery({ queryKey: ['tiers', 'member', memberId], queryFn: () => call('tiers.member', { memberId }) });
}

/** The shop's tier table (for the manual tier's choice). */
export function useTiersConfig(enabled = true) {
  return useQuery({ queryKey: ['tiers', 'config'], queryFn: () => call('tiers.config', {}), enabled });
}

import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

/** The stored-value settings, packages and terms, shared by every screen that needs them. */
export function useWalletConfig(options: { enabled?: boolean; refetchOnMount?: 'always' } = {}) {
  return useQuery({ queryKey: ['wallet', 'config'], queryFn: () => call('wallet.config', {}), ...options });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { ChannelName, InputOf, OutputOf } from '../../shared/contract/index.js';
import { call, type ApiError } from './client';

/**
 * A mutating call with one request id per intent: a double click or a retry after a network blip
 * re-sends the same id, so the main process applies it once. A new id is taken after success.
 */
export function useCommand<C extends ChannelName>(
  channel: C,
  options: { invalidates?: string[]; onSuccess?: (value: OutputOf<C>) => void } = {},
) {
  const requestId = useRef<string>(crypto.randomUUID());
  const queryClient = useQueryClient();
  return useMutation<OutputOf<C>, ApiError, InputOf<C>>({
    mutationFn: (input) => call(channel, input, requestId.current),
    onSuccess: async (value) => {
      requestId.current = crypto.randomUUID();
      for (const key of options.invalidates ?? []) await queryClient.invalidateQueries({ queryKey: [key] });
      options.onSuccess?.(value);
    },
  });
}

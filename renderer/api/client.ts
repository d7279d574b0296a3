import type {
  ChannelName,
  Envelope,
  FileChannelName,
  InputOf,
  OutputOf,
  UploadChannelName,
} from '../../shared/contract/index.js';
import type { AppErrorData, Result } from '../../shared/errors.js';

/** The preload bridge, present only inside the Electron window. */
interface Bridge {
  invoke(channel: string, envelope: Envelope): Promise<unknown>;
  pathForFile(file: File): string;
}
declare global {
  interface Window {
    liuke?: Bridge;
  }
}

type Transport = (channel: string, envelope: Envelope) => Promise<Result<unknown>>;

const ipc: Transport = async (channel, envelope) => (await window.liuke!.invoke(channel, envelope)) as Result<unknown>;

const http: Transport = async (channel, envelope) => {
  const res = await fetch(`/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(envelope),
  });
  return (await res.json()) as Result<unknown>;
};

/** Picked once at start: the preload bridge in Electron, HTTP in browser mode. */
const transport: Transport = typeof window !== 'undefined' && window.liuke ? ipc : http;

export class ApiError extends Error {
  constructor(readonly data: AppErrorData) {
    super(data.messageKey);
    this.name = 'ApiError';
  }
}

type Listener = (error: AppErrorData) => void;
const listeners = new Set<Listener>();
/** The session store listens here to lock the screen when the main process says the session ended. */
export function onApiError(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Calls a channel; resolves with its value or throws ApiError. Typed from the shared contract. */
export async function call<C extends ChannelName>(
  channel: C,
  input: InputOf<C>,
  requestId?: string,
): Promise<OutputOf<C>> {
  return settle<C>(() => transport(channel, { input, ...(requestId ? { requestId } : {}) }));
}

/** A call's result as a value, or an ApiError (the listeners hear of it first). */
async function settle<C extends ChannelName>(send: () => Promise<Result<unknown>>): Promise<OutputOf<C>> {
  let result: Result<unknown>;
  try {
    result = await send();
  } catch {
    result = { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.unreachable' } };
  }
  if (!result.ok) {
    for (const l of listeners) l(result.error);
    throw new ApiError(result.error);
  }
  return result.value as OutputOf<C>;
}

/**
 * Runs a file channel and delivers the file: the main process's save dialog in Electron, a
 * browser download in browser mode. Either way the caller only learns whether it was saved.
 */
export async function download<C extends FileChannelName>(channel: C, input: InputOf<C>): Promise<{ saved: boolean }> {
  if (window.liuke) {
    const result = (await window.liuke.invoke(channel, { input })) as Result<{ saved: boolean }>;
    if (!result.ok) throw new ApiError(result.error);
    return result.value;
  }
  const res = await fetch(`/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ input }),
  });
  if ((res.headers.get('Content-Type') ?? '').startsWith('application/json')) {
    const result = (await res.json()) as Result<unknown>;
    if (!result.ok) {
      for (const l of listeners) l(result.error);
      throw new ApiError(result.error);
    }
  }
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('Content-Disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name ? decodeURIComponent(name) : 'download';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { saved: true };
}

/**
 * Hands a picked file to an upload channel: its path in Electron (the main process reads it), its
 * bytes in browser mode (the HTTP binding writes them to a temporary file).
 */
export async function upload<C extends UploadChannelName>(
  channel: C,
  file: File,
  /** The channel's other input (which entity a file is for), sent as query parameters in browser mode. */
  extra: Record<string, string> = {},
): Promise<OutputOf<C>> {
  if (window.liuke)
    return call(channel, { ...extra, path: window.liuke.pathForFile(file), name: file.name } as InputOf<C>);
  const query = Object.keys(extra).length ? `?${new URLSearchParams(extra).toString()}` : '';
  return settle<C>(async () => {
    const res = await fetch(`/api/${encodeURIComponent(channel)}${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) },
      credentials: 'same-origin',
      body: file,
    });
    if (res.status === 413)
      return { ok: false, error: { code: 'VALIDATION', messageKey: 'errors.io.fileTooLarge', params: { mb: 512 } } };
    return (await res.json()) as Result<unknown>;
  });
}

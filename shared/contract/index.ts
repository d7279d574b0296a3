import type { z } from 'zod';
import type { ChannelDef, FileDownload } from './channel.js';
export type { FileDownload } from './channel.js';
import { appChannels } from './app.js';
import { authChannels } from './auth.js';
import { backupsChannels } from './backups.js';
import { complaintsChannels } from './complaints.js';
import { drawsChannels } from './draws.js';
import { duplicatesChannels } from './duplicates.js';
import { exportChannels } from './export.js';
import { followupsChannels } from './followups.js';
import { ioChannels } from './io.js';
import { membersChannels } from './members.js';
import { pointsChannels } from './points.js';
import { pointsReportChannels } from './pointsReport.js';
import { purchasesChannels } from './purchases.js';
import { rewardsChannels } from './rewards.js';
import { settingsChannels } from './settings.js';
import { staffChannels } from './staff.js';
import { surveysChannels } from './surveys.js';
import { tagsChannels } from './tags.js';
import { tiersChannels } from './tiers.js';
import { visitcardsChannels } from './visitcards.js';
import { walletChannels } from './wallet.js';

/**
 * Every operation the renderer can ask of the main process, declared once. Dispatch, the IPC
 * binding, the HTTP binding and the renderer's typed client are all derived from this table.
 */
export const channels = {
  ...appChannels,
  ...authChannels,
  ...staffChannels,
  ...settingsChannels,
  ...membersChannels,
  ...tagsChannels,
  ...duplicatesChannels,
  ...backupsChannels,
  ...ioChannels,
  ...exportChannels,
  ...purchasesChannels,
  ...pointsChannels,
  ...drawsChannels,
  ...pointsReportChannels,
  ...rewardsChannels,
  ...tiersChannels,
  ...complaintsChannels,
  ...followupsChannels,
  ...surveysChannels,
  ...walletChannels,
  ...visitcardsChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type InputOf<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Channels[C]['input']>;
export type OutputOf<C extends ChannelName> = Channels[C] extends ChannelDef<z.ZodType, infer O> ? O : never;

/** Channels whose result is a file, delivered by the transport rather than returned. */
export type FileChannelName = { [C in ChannelName]: OutputOf<C> extends FileDownload ? C : never }[ChannelName];
/**
 * Channels that bring a file (`file: 'upload'`), named here because a definition's literal `file`
 * is not kept in its type; a unit test checks this list against the table.
 */
export const uploadChannels = ['io.stageFile'] as const;
export type UploadChannelName = (typeof uploadChannels)[number];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/** What a transport carries for one call. */
export interface Envelope {
  requestId?: string;
  input: unknown;
}

export const requestIdPattern = /^[A-Za-z0-9_-]{8,64}$/;

import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_member_profile.js';
import * as m0003 from './0003_member_quality.js';
import * as m0004 from './0004_io.js';
import * as m0005 from './0005_points.js';
import * as m0006 from './0006_rewards.js';
import * as m0007 from './0007_draws.js';
import * as m0008 from './0008_tiers.js';
import * as m0009 from './0009_complaints.js';
import * as m0010 from './0010_wallet.js';

/**
 * The static list of migrations, in order. Reading a folder at run time breaks once bundled.
 * Forward-only: there are no `down` functions; a restore from backup is the way back.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_member_profile': m0002,
  '0003_member_quality': m0003,
  '0004_io': m0004,
  '0005_points': m0005,
  '0006_rewards': m0006,
  '0007_draws': m0007,
  '0008_tiers': m0008,
  '0009_complaints': m0009,
  '0010_wallet': m0010,
};

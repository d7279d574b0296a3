import type { ChannelName, OutputOf, ParsedInputOf } from '../shared/contract/index.js';
import { appError } from '../shared/errors.js';
import type { Backend } from './backend.js';
import { requireStaff, type Ctx } from './context.js';
import { listAudit, writeAudit } from './services/audit.js';
import * as backups from './services/backups.js';
import * as auth from './services/auth.js';
import { setArchived } from './services/members/archive.js';
import { bindCard, replaceCard, reportCardLost } from './services/members/cards.js';
import { scanDuplicates } from './services/members/duplicateScan.js';
import { dismissDuplicate, listDuplicates } from './services/members/duplicates.js';
import { eraseMember } from './services/members/erase.js';
import { listMembers } from './services/members/list.js';
import { mergeMembers } from './services/members/merge.js';
import { confirmDetails, setConsent, updateMember } from './services/members/profile.js';
import { registerMember } from './services/members/register.js';
import { mustGetMember } from './services/members/rows.js';
import { searchMembers } from './services/members/search.js';
import { toMember } from './services/members/view.js';
import * as tags from './services/tags.js';
import { addInteraction, listTimeline } from './services/timeline.js';
import { listBatches } from './services/io/batches.js';
import { errorReport } from './services/io/errorReport.js';
import { previewImport, startImport } from './services/io/importJobs.js';
import { deleteMapping, listMappings, saveMapping } from './services/io/mappings.js';
import { stageFile } from './services/io/staging.js';
import { undoBatch } from './services/io/undo.js';
import { exportAuditLog } from './services/io/exportAudit.js';
import { downloadExport } from './services/io/exportList.js';
import { exportMembers } from './services/io/exportMembers.js';
import { exportLedger } from './services/io/exportLedger.js';
import { exportPurchases } from './services/io/exportPurchases.js';
import { exportComplaints } from './services/io/exportComplaints.js';
import { exportComplaintReport } from './services/io/exportComplaintReport.js';
import { cancelJob, getJob } from './jobs/access.js';
import { completeSetup } from './services/setup.js';
import { downloadLog } from './services/support.js';
import { saveSettings } from './services/settings.js';
import * as staff from './services/staff.js';
import { listAssignees, openWorkOf } from './services/staffWork.js';
import { pointsHandlers } from './pointsHandlers.js';
import { drawsHandlers } from './drawsHandlers.js';
import { rewardsHandlers } from './rewardsHandlers.js';
import { tiersHandlers } from './tiersHandlers.js';
import { complaintsHandlers } from './complaintsHandlers.js';
import { followupsHandlers } from './followupsHandlers.js';
import { surveysHandlers } from './surveysHandlers.js';
import { walletHandlers } from './walletHandlers.js';
import { tillHandlers } from './tillHandlers.js';
import { visitcardsHandlers } from './visitcardsHandlers.js';

type Handlers = { [C in ChannelName]: (ctx: Ctx, input: ParsedInputOf<C>) => Promise<OutputOf<C>> };
type Prepare = { [C in ChannelName]?: (backend: Backend, input: ParsedInputOf<C>) => Promise<unknown> };

/**
 * Slow, database-free work (scrypt) that runs before a call's transaction; its result reaches the
 * handler as `ctx.prepared`. The one SQLite connection is not held while it runs.
 */
export const prepare: Prepare = {
  'auth.signIn': (backend, input) => auth.checkSignInSecret(backend.db, input.username, input.password, 'password'),
  'auth.signInPin': (backend, input) => auth.checkSignInSecret(backend.db, input.username, input.pin, 'pin'),
  'auth.resetOwnerPassword': auth.prepareOwnerReset,
};

/** Channel → service. The mapped type makes a channel without a handler a compile error. */
export const handlers: Handlers = {
  'app.status': async (ctx) => {
    const status = { ...ctx.backend.status(), now: ctx.nowIso };
    if (ctx.staff) status.session = auth.sessionInfo(ctx, ctx.staff);
    return status;
  },
  'setup.begin': async (ctx) => ({ passphrase: ctx.backend.beginSetup() }),
  'setup.complete': completeSetup,
  'app.unlock': async (ctx, input) => {
    await ctx.backend.unlock(input.passphrase);
    const status = ctx.backend.status();
    // The passphrase was right but the database would not open: say why, not "ok".
    if (status.state === 'error')
      throw appError('BAD_STATE', status.errorKey ?? 'errors.internal', { params: status.errorParams ?? {} });
    return { ok: true };
  },
  'app.acknowledgeDevice': async (ctx) => {
    ctx.backend.acknowledgeOtherDevice();
    return { ok: true };
  },
  'clock.confirm': async (ctx) => {
    const me = requireStaff(ctx);
    await ctx.backend.confirmClock(ctx.db);
    await writeAudit(ctx.db, {
      at: ctx.nowIso,
      staffId: me.id,
      action: 'clock.confirmed',
      details: { now: ctx.nowIso },
    });
    return { ok: true };
  },
  'key.preparePassphrase': async (ctx) => ({ passphrase: ctx.backend.preparePassphrase() }),
  'key.changePassphrase': async (ctx, input) => {
    const me = requireStaff(ctx);
    await ctx.backend.changePassphrase(input.currentPassphrase, input.passphraseConfirm);
    await writeAudit(ctx.db, { at: ctx.nowIso, staffId: me.id, action: 'key.passphraseChanged' });
    return { ok: true };
  },

  'auth.signIn': (ctx, input) => auth.signIn(ctx, input, ctx.prepared as auth.SecretCheck),
  'auth.signInPin': (ctx, input) => auth.signInPin(ctx, input, ctx.prepared as auth.SecretCheck),
  'auth.pinUsers': auth.pinUsers,
  'auth.resetOwnerPassword': (ctx, input) =>
    auth.resetOwnerPassword(ctx, input, ctx.prepared as Awaited<ReturnType<typeof auth.prepareOwnerReset>>),
  'auth.signOut': auth.signOut,
  'auth.me': async (ctx) => auth.sessionInfo(ctx, requireStaff(ctx)),
  'auth.changePassword': auth.changePassword,
  'auth.setPin': auth.setPin,

  'staff.list': staff.listStaff,
  'staff.create': staff.createStaff,
  'staff.update': staff.updateStaff,
  'staff.resetPassword': staff.resetStaffPassword,
  'staff.setActive': staff.setStaffActive,
  'staff.openWork': (ctx, input) => openWorkOf(ctx.db, input.staffId),
  'staff.assignees': listAssignees,

  'settings.get': async (ctx) => ctx.backend.settings!,
  'settings.update': async (ctx, input) => {
    const me = requireStaff(ctx);
    const before = ctx.backend.settings!;
    await saveSettings(ctx.db, input);
    const changed = Object.keys(input).filter(
      (k) => input[k as keyof typeof input] !== before[k as keyof typeof before],
    );
    await writeAudit(ctx.db, { at: ctx.nowIso, staffId: me.id, action: 'settings.updated', details: { changed } });
    ctx.afterCommit(() => {
      ctx.backend.settings = input;
    });
    return input;
  },
  'audit.list': (ctx, input) => listAudit(ctx.db, input.page, input.pageSize),
  'support.downloadLog': downloadLog,

  'backups.status': backups.backupStatus,
  'backups.listFolder': async (_ctx, input) => backups.listFolder(input.folder),
  'backups.create': backups.createBackup,
  'backups.restore': backups.restoreBackup,
  'backups.restoreAtStart': backups.restoreAtStart,

  'members.register': registerMember,
  'members.update': updateMember,
  'members.confirmDetails': (ctx, input) => confirmDetails(ctx, input.id),
  'members.setConsent': setConsent,
  'members.setArchived': setArchived,
  'members.search': (ctx, input) => searchMembers(ctx, input.q, input.limit),
  'members.get': async (ctx, input) => toMember(ctx, await mustGetMember(ctx, input.id)),
  'members.list': listMembers,
  'members.timeline': (ctx, input) => listTimeline(ctx, input.id, input.page, input.pageSize),
  'members.addInteraction': addInteraction,
  'members.bindCard': bindCard,
  'members.reportCardLost': reportCardLost,
  'members.replaceCard': replaceCard,
  'members.merge': mergeMembers,
  'members.erase': eraseMember,

  'duplicates.list': (ctx, input) => listDuplicates(ctx, input.page, input.pageSize),
  'duplicates.dismiss': (ctx, input) => dismissDuplicate(ctx, input.id),
  'duplicates.scan': scanDuplicates,

  'tags.list': tags.listTags,
  'tags.create': tags.createTag,
  'tags.update': tags.updateTag,
  'tags.delete': (ctx, input) => tags.deleteTag(ctx, input.tagId),
  'tags.setForMember': tags.setMemberTags,
  'tags.apply': tags.applyTag,
  'tags.applyToFilter': tags.applyTagToFilter,

  'io.stageFile': stageFile,
  'io.previewImport': previewImport,
  'io.startImport': startImport,
  'io.batches': (ctx, input) => listBatches(ctx, input.page, input.pageSize),
  'io.undoBatch': undoBatch,
  'io.errorReport': errorReport,
  'io.mappings': (ctx, input) => listMappings(ctx, input.entity),
  'io.saveMapping': saveMapping,
  'io.deleteMapping': (ctx, input) => deleteMapping(ctx, input.id),

  'jobs.get': (ctx, input) => getJob(ctx, input.id),
  'jobs.cancel': (ctx, input) => cancelJob(ctx, input.id),

  'io.exportMembers': exportMembers,
  'io.exportAudit': exportAuditLog,
  'io.exportPurchases': exportPurchases,
  'io.exportComplaints': exportComplaints,
  'io.exportComplaintReport': exportComplaintReport,
  'io.exportLedger': exportLedger,
  'io.downloadExport': downloadExport,

  ...pointsHandlers,
  ...drawsHandlers,
  ...rewardsHandlers,
  ...tiersHandlers,
  ...complaintsHandlers,
  ...followupsHandlers,
  ...surveysHandlers,
  ...walletHandlers,
  ...tillHandlers,
  ...visitcardsHandlers,
};

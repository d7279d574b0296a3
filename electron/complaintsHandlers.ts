import type { ChannelName, OutputOf, ParsedInputOf } from '../shared/contract/index.js';
import type { Ctx } from './context.js';
import { complaintsConfig, saveComplaintCategories, saveComplaintSettings } from './services/complaints/config.js';
import { listComplaints } from './services/complaints/list.js';
import { logComplaint } from './services/complaints/log.js';
import { complaintReport } from './services/complaints/report.js';
import { getComplaint } from './services/complaints/view.js';
import {
  addComplaintNote,
  assignComplaint,
  closeComplaint,
  rateComplaint,
  reopenComplaint,
  resolveComplaint,
  startComplaint,
} from './services/complaints/workflow.js';

type ComplaintsChannel = Extract<ChannelName, `complaints.${string}`>;
type Handlers = { [C in ComplaintsChannel]: (ctx: Ctx, input: ParsedInputOf<C>) => Promise<OutputOf<C>> };

/** Every workflow step answers with the complaint as it now stands, so the screen redraws from it. */
const then =
  <I extends { id: number }>(step: (ctx: Ctx, input: I) => Promise<void>) =>
  async (ctx: Ctx, input: I) => {
    await step(ctx, input);
    return getComplaint(ctx, input.id);
  };

/** Complaints: settings and categories, intake, the workflow, the list and the report. */
export const complaintsHandlers: Handlers = {
  'complaints.config': (ctx) => complaintsConfig(ctx),
  'complaints.saveSettings': saveComplaintSettings,
  'complaints.saveCategories': saveComplaintCategories,
  'complaints.log': async (ctx, input) => getComplaint(ctx, await logComplaint(ctx, input)),
  'complaints.list': listComplaints,
  'complaints.get': (ctx, input) => getComplaint(ctx, input.id),
  'complaints.assign': then(assignComplaint),
  'complaints.start': then(startComplaint),
  'complaints.resolve': then(resolveComplaint),
  'complaints.close': then(closeComplaint),
  'complaints.rate': then(rateComplaint),
  'complaints.reopen': then(reopenComplaint),
  'complaints.addNote': then(addComplaintNote),
  'complaints.report': complaintReport,
};

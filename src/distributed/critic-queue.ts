// The BullMQ queue of critic jobs, with the one change Eleanor needs: job ids `<traceId>:<critic>`.
// BullMQ 6 refuses custom ids with one ':' (it keeps a ':' only for legacy three-part repeat ids) because a ':' in
// the id of a parent or child job would confuse its key parsing. Critic jobs are flat (no flows, no repeat, no
// deduplication), so their ids are only ever concatenated into keys, never parsed: the check is relaxed for them.
// This module is the one place BullMQ is loaded from, on first use (importing it costs ~0.2 s).
import { Job, Queue, type JobJson } from 'bullmq';

export { QueueEvents, UnrecoverableError, WaitingError, Worker } from 'bullmq';

class CriticJob extends Job {
  protected override validateOptions(jobData: JobJson): void {
    const id = this.opts.jobId;
    if (id === undefined || !id.includes(':')) return super.validateOptions(jobData);
    // Every other rule (size limit, exclusive options, priority, …) still applies.
    this.opts.jobId = id.replaceAll(':', '.');
    try {
      super.validateOptions(jobData);
    } finally {
      this.opts.jobId = id;
    }
  }
}

export class CriticQueue extends Queue {
  protected override get Job(): typeof Job {
    // Job's constructor is generic in the job's name type; CriticJob's is not, which changes nothing at run time.
    return CriticJob as unknown as typeof Job;
  }
}

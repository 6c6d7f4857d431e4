import { useId, useState, type SyntheticEvent, type JSX } from 'react';
import type { Job, JobDecision } from '../../../../shared/jobs';
import { PROVIDERS } from '../../../../shared/prompt/providers';
import { ProgressBar } from '../../components/ProgressBar';
import {
  formatCost,
  formatLength,
  formatSpan,
  isActive,
  isPending,
  STATE_LABEL,
  toneOf,
  type Timing,
} from './jobFormat';

export interface JobActions {
  cancel(job: Job): void;
  retry(job: Job): void;
  moveToFront(job: Job): void;
  duplicate(job: Job): void;
  decide(job: Job, decision: JobDecision): void;
  showClip(job: Job): void;
}

interface JobRowProps {
  job: Job;
  projectName: string | null;
  timing: Timing;
  /** The job runs next among its provider's queued jobs, so moving it to the front changes nothing. */
  first: boolean;
  /** An action on this job is waiting for the studio's answer. */
  busy: boolean;
  now: number;
  actions: JobActions;
}

function modelLabel(job: Job): string {
  const provider = PROVIDERS[job.provider];
  const model = provider.models.find((m) => m.id === job.model);
  return model && provider.models.length > 1 ? `${provider.label} · ${model.label}` : provider.label;
}

/** What the time column says: "0:12 elapsed · about 0:20 left", "waiting 0:05 · takes about 0:30", "took 0:41". */
function timeText(job: Job, timing: Timing, now: number): string {
  if (job.state === 'queued' && job.retryAt !== null && job.retryAt > now) {
    return `retrying in ${formatSpan(job.retryAt - now)}`;
  }
  if (job.state === 'queued') {
    const estimate = timing.estimateMs === null ? '' : ` · takes about ${formatSpan(timing.estimateMs)}`;
    return `waiting ${formatSpan(timing.elapsedMs)}${estimate}`;
  }
  if (job.state === 'needs_decision') return `waiting for you ${formatSpan(timing.elapsedMs)}`;
  if (isPending(job.state)) {
    const left = timing.remainingMs === null ? '' : ` · about ${formatSpan(timing.remainingMs)} left`;
    return `${formatSpan(timing.elapsedMs)} elapsed${left}`;
  }
  // A job refused at once did not really run; its finishing time says enough.
  if (job.startedAt === null || (job.state !== 'succeeded' && timing.elapsedMs < 1000)) return '';
  return `${job.state === 'succeeded' ? 'took' : 'ran'} ${formatSpan(timing.elapsedMs)}`;
}

function finishedText(job: Job): string | null {
  if (job.finishedAt === null) return null;
  return new Date(job.finishedAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** One job: what it makes, where it stands, and what can be done with it. */
export function JobRow({ job, projectName, timing, first, busy, now, actions }: JobRowProps): JSX.Element {
  const [attaching, setAttaching] = useState(false);
  const [remoteId, setRemoteId] = useState('');
  const remoteField = useId();
  const tone = toneOf(job.state);
  const pending = isPending(job.state);
  const details = [
    modelLabel(job),
    `${job.params.width}×${job.params.height}`,
    formatLength(job.params.durationMs),
    formatCost(job),
    ...(projectName === null ? [] : [projectName]),
  ];
  const time = timeText(job, timing, now);
  const finished = finishedText(job);
  // While a retry waits, errorMessage says why the last attempt did not go through.
  const showError = job.errorMessage !== null;

  function attach(event: SyntheticEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (remoteId.trim() === '') return;
    actions.decide(job, { action: 'attach', remoteId: remoteId.trim() });
    setAttaching(false);
  }

  return (
    // Focusable from script only: after Cancel on the job before it, this one has the focus.
    <li className={`job job--${tone}`} aria-label={job.title} aria-busy={busy} data-job-id={job.id} tabIndex={-1}>
      <div className="job__main">
        <div className="job__head">
          <span className={`job__state job__state--${tone}`}>
            <span className="job__dot" aria-hidden="true" />
            {STATE_LABEL[job.state]}
          </span>
          <span className="job__title truncate" title={job.promptText}>
            {job.title}
          </span>
          <span className="job__id tabular">#{job.id}</span>
        </div>
        <p className="job__details truncate">{details.join(' · ')}</p>
        {isActive(job.state) && (
          <div className="job__progress">
            <ProgressBar value={job.progress} label={`Progress of ${job.title}`} state={tone} />
            <span className="job__percent tabular">{Math.round(job.progress * 100)}%</span>
          </div>
        )}
        <p className="job__time tabular">
          {time}
          {!pending && finished !== null && (
            <span className="job__finished">
              {time === '' ? '' : ' · '}
              {job.state === 'canceled' ? 'canceled' : job.state === 'failed' ? 'failed' : 'finished'} {finished}
            </span>
          )}
          {job.attempts > 1 && <span> · attempt {job.attempts}</span>}
        </p>
        {showError && (
          <p
            className={`job__error${job.state === 'canceled' ? ' job__error--quiet' : isPending(job.state) && job.state !== 'needs_decision' ? ' job__error--retrying' : ''}`}
            role="note"
          >
            {job.errorMessage}
          </p>
        )}
        {job.state === 'needs_decision' && attaching && (
          <form className="job__attach" onSubmit={attach}>
            <label htmlFor={remoteField}>{PROVIDERS[job.provider].label} job id</label>
            <input
              id={remoteField}
              className="field"
              value={remoteId}
              onChange={(event) => setRemoteId(event.target.value)}
              placeholder="From the provider's dashboard"
              autoFocus
            />
            <button type="submit" className="btn btn--sm btn--primary" disabled={remoteId.trim() === ''}>
              Follow it
            </button>
            <button type="button" className="btn btn--sm btn--ghost" onClick={() => setAttaching(false)}>
              Never mind
            </button>
          </form>
        )}
      </div>
      <div className="job__actions">
        {job.state === 'needs_decision' && (
          <>
            <button
              type="button"
              className="btn btn--sm"
              disabled={busy}
              title="Send it again; if the first one did arrive, it is billed twice"
              onClick={() => actions.decide(job, { action: 'resubmit' })}
            >
              Send again
            </button>
            <button type="button" className="btn btn--sm" disabled={busy} onClick={() => setAttaching(true)}>
              Attach…
            </button>
          </>
        )}
        {job.state === 'queued' && (
          <button
            type="button"
            className="btn btn--sm btn--ghost"
            disabled={busy || first}
            title={first ? 'Already next in line' : 'Run this job next'}
            onClick={() => actions.moveToFront(job)}
          >
            Move to front
          </button>
        )}
        {job.state === 'succeeded' && job.clipId !== null && (
          <button type="button" className="btn btn--sm" onClick={() => actions.showClip(job)}>
            Show clip
          </button>
        )}
        {(job.state === 'failed' || job.state === 'canceled') && (
          <button type="button" className="btn btn--sm" disabled={busy} onClick={() => actions.retry(job)}>
            Retry
          </button>
        )}
        <button
          type="button"
          className="btn btn--sm btn--ghost"
          disabled={busy}
          title="Queue the same prompt again"
          onClick={() => actions.duplicate(job)}
        >
          Duplicate
        </button>
        {pending && (
          <button
            type="button"
            className="btn btn--sm btn--ghost job__cancel"
            disabled={busy || job.cancelRequested}
            title={isActive(job.state) ? 'Stop this job' : 'Take it out of the queue'}
            onClick={() => actions.cancel(job)}
          >
            {job.cancelRequested ? 'Canceling…' : 'Cancel'}
          </button>
        )}
      </div>
    </li>
  );
}

import { useEffect, useId, useMemo, useRef, useState, type SyntheticEvent, type JSX, type ReactNode } from 'react';
import type { Project } from '../../../../shared/domain';
import { JobState, type Job, type JobDecision, type Spend } from '../../../../shared/jobs';
import { PROVIDER_IDS, PROVIDERS, type ProviderId } from '../../../../shared/prompt/providers';
import { studio } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ProgressBar } from '../../components/ProgressBar';
import { useToaster } from '../../components/Toasts';
import { modKey } from '../../format/shortcuts';
import { formatUsd, isActive, isPending, STATE_LABEL, timingOf, workRates } from './jobFormat';
import { JobRow, type JobActions } from './JobRow';
import type { JobsState } from './useJobs';
import './JobsView.css';

type StateFilter = 'all' | 'pending' | JobState;

interface Filters {
  state: StateFilter;
  provider: 'all' | ProviderId;
  project: 'all' | number;
}

const STATE_CHOICES: { value: StateFilter; label: string }[] = [
  { value: 'all', label: 'All states' },
  { value: 'pending', label: 'Queued or running' },
  ...JobState.options.map((state) => ({ value: state, label: STATE_LABEL[state] })),
];

function matches(job: Job, filters: Filters): boolean {
  if (filters.provider !== 'all' && job.provider !== filters.provider) return false;
  if (filters.project !== 'all' && job.projectId !== filters.project) return false;
  if (filters.state === 'all') return true;
  if (filters.state === 'pending') return isPending(job.state);
  return job.state === filters.state;
}

interface JobsViewProps {
  state: JobsState;
  projects: Project[] | null;
  /** The Library / Prompt / Jobs switch, shown at the start of the toolbar. */
  viewSwitch: ReactNode;
  onShowClip: (job: Job) => void;
}

function Section({
  title,
  count,
  children,
  empty,
}: {
  title: string;
  count: number;
  children: ReactNode;
  empty: string;
}): JSX.Element {
  const headingId = useId();
  return (
    <section className="jobs__section" aria-labelledby={headingId}>
      <h2 id={headingId} className="jobs__heading">
        <span className="eyebrow">{title}</span>
        <span className="badge">{count}</span>
      </h2>
      {count === 0 ? (
        <p className="jobs__none">{empty}</p>
      ) : (
        <ul className="jobs__list" aria-label={title}>
          {children}
        </ul>
      )}
    </section>
  );
}

/** This month's spend, what queued paid jobs will add, and the budget (editable). */
function SpendPanel({ spend }: { spend: Spend | null }): JSX.Element {
  const toaster = useToaster();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const fieldId = useId();
  if (spend === null) return <div className="jobs-spend" />;
  const committed = spend.spentUsd + spend.reservedUsd;
  const budget = spend.budgetUsd;
  const share = budget ? committed / budget : 0;

  function save(event: SyntheticEvent<HTMLFormElement>): void {
    event.preventDefault();
    const trimmed = text.trim();
    const value = trimmed === '' ? null : Number(trimmed.replace(/^\$/, ''));
    if (value !== null && !(Number.isFinite(value) && value > 0)) {
      toaster.show(
        'error',
        'Budget not saved',
        'Write an amount in US dollars above 0, like 50, or leave it empty for none.',
      );
      return;
    }
    studio.call('jobs.setBudget', { monthlyUsd: value }).then(
      () => setEditing(false),
      (error: unknown) => toaster.error('Budget not saved', error),
    );
  }

  return (
    <div className="jobs-spend" role="group" aria-label="Spend this month">
      {editing ? (
        <form className="jobs-spend__form" onSubmit={save}>
          <label htmlFor={fieldId}>Monthly budget ($)</label>
          <input
            id={fieldId}
            className="field tabular"
            inputMode="decimal"
            value={text}
            placeholder="none"
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setEditing(false);
            }}
            autoFocus
          />
          <button type="submit" className="btn btn--sm btn--primary">
            Save
          </button>
          <button type="button" className="btn btn--sm btn--ghost" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <div className="jobs-spend__figures">
            <span className="eyebrow jobs-spend__label">This month</span>
            <span className="jobs-spend__amount tabular">{formatUsd(spend.spentUsd)} spent</span>
            {spend.reservedUsd > 0 && (
              <span className="jobs-spend__reserved tabular">+ {formatUsd(spend.reservedUsd)} queued</span>
            )}
            <span className="jobs-spend__budget tabular">
              {budget === null
                ? 'no budget'
                : `of ${formatUsd(budget)} budget · ${formatUsd(Math.max(0, spend.remainingUsd ?? 0))} left`}
            </span>
          </div>
          {budget !== null && (
            <div className="jobs-spend__meter">
              <ProgressBar
                value={share}
                label="Budget used"
                state={share >= 1 ? 'failed' : share >= 0.8 ? 'running' : 'done'}
              />
            </div>
          )}
          <button
            type="button"
            className="btn btn--sm btn--ghost"
            onClick={() => {
              setText(budget === null ? '' : String(budget));
              setEditing(true);
            }}
          >
            {budget === null ? 'Set budget' : 'Budget…'}
          </button>
        </>
      )}
    </div>
  );
}

/** The generation queue: what runs now and next, what finished, the filters, and this month's spend. */
export function JobsView({ state, projects, viewSwitch, onShowClip }: JobsViewProps): JSX.Element {
  const toaster = useToaster();
  const { jobs, spend, providers, refresh } = state;
  const [filters, setFilters] = useState<Filters>({ state: 'all', provider: 'all', project: 'all' });
  const [busy, setBusy] = useState<ReadonlySet<number>>(new Set());
  const [now, setNow] = useState(() => Date.now());
  const stateId = useId();
  const providerId = useId();
  const projectId = useId();
  const list = useRef<HTMLElement>(null);

  const anyPending = jobs?.some((job) => isPending(job.state)) ?? false;
  useEffect(() => {
    if (!anyPending) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [anyPending]);

  const names = useMemo(() => new Map((projects ?? []).map((p) => [p.id, p.name])), [projects]);
  const rates = useMemo(() => workRates(jobs ?? []), [jobs]);
  const shown = useMemo(() => (jobs ?? []).filter((job) => matches(job, filters)), [jobs, filters]);
  const queue = shown.filter((job) => isPending(job.state));
  const finished = shown.filter((job) => !isPending(job.state));
  // The first queued job of each provider runs next; moving it to the front changes nothing.
  const firstQueued = useMemo(() => {
    const first = new Map<ProviderId, number>();
    for (const job of jobs ?? [])
      if (job.state === 'queued' && !first.has(job.provider)) first.set(job.provider, job.id);
    return first;
  }, [jobs]);

  function act(job: Job, what: string, call: () => Promise<unknown>, done?: (value: unknown) => void): void {
    // The row's buttons are disabled while it is busy, which drops the focus on them to the page.
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const hadFocus = focused !== null && focused.closest(`[data-job-id="${job.id}"]`) !== null;
    setBusy((set) => new Set(set).add(job.id));
    call()
      .then(
        (value) => {
          done?.(value);
          refresh();
        },
        (error: unknown) => toaster.error(`Could not ${what} “${job.title}”`, error),
      )
      .finally(() => {
        setBusy((set) => {
          const next = new Set(set);
          next.delete(job.id);
          return next;
        });
        if (hadFocus) requestAnimationFrame(() => refocus(focused, job.id));
      });
  }

  /**
   * Puts a focus the page lost back on the button that had it, else its job's row, else the Jobs
   * list. The button is waited for while it is still disabled (the row not drawn again yet), for
   * up to about half a second.
   */
  function refocus(button: HTMLElement, jobId: number, frames = 0): void {
    if (document.activeElement !== null && document.activeElement !== document.body) return;
    if (button.isConnected && (button as HTMLButtonElement).disabled && frames < 30) {
      requestAnimationFrame(() => refocus(button, jobId, frames + 1));
      return;
    }
    const row = list.current?.querySelector<HTMLElement>(`[data-job-id="${jobId}"]`);
    const target = button.isConnected && !(button as HTMLButtonElement).disabled ? button : (row ?? list.current);
    target?.focus();
  }

  /**
   * A canceled job leaves the queue (a running one once it has stopped) and its Cancel is disabled
   * at once: the focus on it goes to the job after it, else the one before, else the Jobs list.
   */
  function focusPastCanceled(job: Job): void {
    const section = list.current;
    if (!section) return;
    const active = document.activeElement;
    const row = section.querySelector(`[data-job-id="${job.id}"]`);
    if (active !== null && active !== document.body && !row?.contains(active)) return;
    const at = queue.findIndex((queued) => queued.id === job.id);
    const staying = (queued: Job): boolean => queued.id !== job.id && !queued.cancelRequested;
    const next = queue.slice(at + 1).find(staying) ?? queue.slice(0, Math.max(0, at)).reverse().find(staying);
    const target = next ? section.querySelector<HTMLElement>(`[data-job-id="${next.id}"]`) : null;
    (target ?? section).focus();
  }

  const actions: JobActions = {
    cancel: (job) => {
      focusPastCanceled(job);
      act(job, 'cancel', () => studio.call('jobs.cancel', { id: job.id }));
    },
    retry: (job) => act(job, 'retry', () => studio.call('jobs.retry', { id: job.id })),
    moveToFront: (job) => act(job, 'move', () => studio.call('jobs.moveToFront', { id: job.id })),
    duplicate: (job) =>
      act(
        job,
        'duplicate',
        () => studio.call('jobs.duplicate', { id: job.id }),
        () => toaster.show('success', `Queued a copy of “${job.title}”`),
      ),
    decide: (job, decision: JobDecision) =>
      act(job, 'settle', () => studio.call('jobs.decide', { id: job.id, decision })),
    showClip: onShowClip,
  };

  const running = jobs?.filter((job) => isActive(job.state)).length ?? 0;
  const waiting = jobs?.filter((job) => job.state === 'queued').length ?? 0;
  const showQueue = filters.state === 'all' || filters.state === 'pending' || isPending(filters.state);
  const showFinished = filters.state === 'all' || (filters.state !== 'pending' && !isPending(filters.state));
  const notReady = (providers ?? []).filter((p) => !p.ready);

  let body: JSX.Element;
  if (jobs === null) {
    body = <p className="jobs__loading">Loading the queue…</p>;
  } else if (jobs.length === 0) {
    body = (
      <EmptyState icon="clapper" title="No jobs yet">
        Write a prompt in Prompt and press Queue ({modKey('Enter')}). Jobs run one after another here, and each clip
        lands in its project when it is done.
      </EmptyState>
    );
  } else {
    const row = (job: Job): JSX.Element => (
      <JobRow
        key={job.id}
        job={job}
        projectName={filters.project === 'all' ? (names.get(job.projectId) ?? null) : null}
        timing={timingOf(job, now, rates.get(job.provider))}
        first={firstQueued.get(job.provider) === job.id}
        busy={busy.has(job.id)}
        now={now}
        actions={actions}
      />
    );
    body = (
      <>
        {showQueue && (
          <Section title="Queue" count={queue.length} empty="Nothing queued or running.">
            {queue.map(row)}
          </Section>
        )}
        {showFinished && (
          <Section title="Finished" count={finished.length} empty="Nothing here matches the filters.">
            {finished.map(row)}
          </Section>
        )}
      </>
    );
  }

  return (
    <main className="view view--full jobs-view">
      <div className="toolbar jobs-toolbar">
        <div className="toolbar__title">
          {viewSwitch}
          <h1>Jobs</h1>
          <span className="toolbar__meta truncate jobs-toolbar__count tabular">
            {running} running · {waiting} queued
          </span>
        </div>
        <SpendPanel spend={spend} />
      </div>

      <div className="jobs-filters" role="group" aria-label="Filters">
        <label htmlFor={stateId}>State</label>
        <select
          id={stateId}
          className="field"
          value={filters.state}
          onChange={(event) => setFilters({ ...filters, state: event.target.value as StateFilter })}
        >
          {STATE_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        <label htmlFor={providerId}>Provider</label>
        <select
          id={providerId}
          className="field"
          value={filters.provider}
          onChange={(event) => setFilters({ ...filters, provider: event.target.value as Filters['provider'] })}
        >
          <option value="all">All providers</option>
          {PROVIDER_IDS.map((id) => (
            <option key={id} value={id}>
              {PROVIDERS[id].label}
            </option>
          ))}
        </select>
        <label htmlFor={projectId}>Project</label>
        <select
          id={projectId}
          className="field"
          value={String(filters.project)}
          onChange={(event) =>
            setFilters({ ...filters, project: event.target.value === 'all' ? 'all' : Number(event.target.value) })
          }
        >
          <option value="all">All projects</option>
          {(projects ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {notReady.length > 0 && (
          <p
            className="jobs-filters__note"
            title={notReady.map((p) => `${p.label}: ${p.notReadyReason ?? ''}`).join('\n')}
          >
            Not set up: {notReady.map((p) => p.label).join(', ')}
          </p>
        )}
      </div>

      <section ref={list} className="jobs" aria-label="Jobs" tabIndex={-1}>
        {body}
      </section>
    </main>
  );
}

import type { DomainHandlers, HandlerContext } from './context';

export function jobHandlers({ jobs }: HandlerContext): DomainHandlers<'jobs'> {
  return {
    'jobs.enqueue': (input) => jobs.enqueue(input),
    'jobs.list': ({ projectId, states, limit, offset }) =>
      jobs.list({ limit, offset, ...(projectId ? { projectId } : {}), ...(states ? { states } : {}) }),
    'jobs.get': ({ id }) => jobs.get(id),
    'jobs.update': (input) => jobs.update(input),
    'jobs.cancel': ({ id }) => jobs.cancel(id),
    'jobs.retry': ({ id }) => jobs.retry(id),
    'jobs.moveToFront': ({ id }) => jobs.moveToFront(id),
    'jobs.duplicate': ({ id }) => jobs.duplicate(id),
    'jobs.decide': ({ id, decision }) => jobs.decide(id, decision),
    'jobs.spend': ({ month }) => jobs.spend(month),
    'jobs.spendHistory': ({ months }) => jobs.spendHistory(months),
    'jobs.setBudget': ({ monthlyUsd }) => {
      jobs.setBudget(monthlyUsd);
      return { ok: true } as const;
    },
    'jobs.providers': () =>
      jobs.providers().map((provider) => ({
        id: provider.id,
        label: provider.label,
        runsOn: provider.runsOn,
        paid: provider.paid,
        ready: provider.ready,
        notReadyReason: provider.notReadyReason,
        concurrency: jobs.concurrency(provider.id),
        continueModes: provider.continueModes,
      })),
  };
}

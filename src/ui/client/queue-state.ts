// What the case view knows of the queue the reader came from: its address (filters, order) and its cases' order, for
// the way back and for "next case".
import type { Api } from './api.js';
import { createQueueSource, FILTER_NAMES, type QueueFilters } from './queue-data.js';

let lastLink = '#/queue';
let lastOrder: readonly string[] = [];

/** The queue as the reader left it (its filters and order), for the case view's way back. */
export const queueLink = (): string => lastLink;

/** Called by the queue whenever its address or its shown order changes. */
export function rememberQueue(link: string, order: readonly string[]): void {
  lastLink = link;
  lastOrder = order;
}

/** The filters in a queue address ('#/queue?tier=3&…'). */
export function filtersOf(link: string): QueueFilters {
  const query = new URLSearchParams(link.split('?')[1] ?? '');
  return Object.fromEntries(FILTER_NAMES.flatMap((n) => (query.has(n) ? [[n, query.get(n) ?? '']] : [])));
}

/**
 * The case to review after `current`: the next one still pending in the order the reader saw, else the first pending
 * case under the same filters; undefined when none is left.
 */
export async function nextCase(api: Api, current: string): Promise<string | undefined> {
  const filters = filtersOf(lastLink);
  const order = new URLSearchParams(lastLink.split('?')[1] ?? '').get('order') === 'oldest' ? 'oldest' : 'newest';
  const { reviews } = await createQueueSource(api).page(filters, null, order);
  const pending = new Set(reviews.map((c) => c.traceId));
  pending.delete(current);
  const after = lastOrder.slice(lastOrder.indexOf(current) + 1);
  return after.find((id) => pending.has(id)) ?? reviews.find((c) => c.traceId !== current)?.traceId;
}

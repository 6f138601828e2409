// The live view's parts: decision counts, one latency chart per critic (hand-drawn SVG), and an evaluation's log line.
import { latencyChart } from './chart.js';
import { h, s } from './dom.js';
import { ACTION_LABELS, DECISION_LABELS, formatMs, formatTime, tierLabel } from './format.js';
import type { Decision, LiveEvaluation, LiveStats } from './types.js';

const DECISIONS: readonly Decision[] = ['allow', 'constrained_allow', 'escalate', 'deny'];

export function countsList(stats: LiveStats): HTMLElement {
  return h(
    'dl',
    { class: 'counts', id: 'live-counts' },
    h('div', {}, h('dt', {}, 'evaluations'), h('dd', { 'data-decision': 'total' }, stats.evaluations)),
    DECISIONS.map((d) =>
      h(
        'div',
        { class: `count-${d}` },
        h('dt', {}, DECISION_LABELS[d]),
        h('dd', { 'data-decision': d }, stats.decisions[d]),
      ),
    ),
  );
}

function chart(critic: LiveStats['critics'][number], stats: LiveStats): HTMLElement {
  const id = `chart-${critic.critic.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const g = latencyChart({
    points: critic.series.map((p) => ({ t: Date.parse(p.at), p50: p.p50, p99: p.p99 })),
    from: Date.parse(stats.from),
    to: Date.parse(stats.to),
  });
  const caption = `${critic.critic}: p50 ${formatMs(critic.p50)}, p99 ${formatMs(critic.p99)} over ${critic.count} run${critic.count === 1 ? '' : 's'}${critic.failed > 0 ? `, ${critic.failed} failed` : ''}`;
  return h(
    'figure',
    { class: 'chart', 'data-critic': critic.critic },
    s(
      'svg',
      { viewBox: `0 0 ${g.width} ${g.height}`, role: 'img', 'aria-labelledby': `${id}-caption` },
      g.yTicks.flatMap((tick) => [
        s('line', { class: 'grid', x1: g.plot.left, x2: g.plot.right, y1: tick.y, y2: tick.y }),
        s('text', { class: 'tick', x: g.plot.left - 4, y: tick.y + 4, 'text-anchor': 'end' }, formatMs(tick.value)),
      ]),
      s('text', { class: 'tick', x: g.plot.left, y: g.height - 4 }, `${stats.windowMinutes} min ago`),
      s('text', { class: 'tick', x: g.plot.right, y: g.height - 4, 'text-anchor': 'end' }, 'now'),
      s('path', { class: 'p99', d: g.p99 }),
      s('path', { class: 'p50', d: g.p50 }),
      g.dots.flatMap((d) => [
        s('circle', { class: 'p99', cx: d.x, cy: d.y99, r: 2.5 }),
        s('circle', { class: 'p50', cx: d.x, cy: d.y50, r: 2.5 }),
      ]),
    ),
    h('figcaption', { id: `${id}-caption` }, caption),
  );
}

export function latencyCharts(stats: LiveStats): HTMLElement {
  const ran = stats.critics.filter((c) => c.count > 0);
  if (ran.length === 0) return h('p', { class: 'empty' }, 'No critic has run in this window yet.');
  return h(
    'div',
    {},
    h(
      'p',
      { class: 'legend' },
      h('span', { class: 'key-p50' }, 'solid: p50 (median)'),
      ' ',
      h('span', { class: 'key-p99' }, 'dashed: p99'),
    ),
    h(
      'div',
      { class: 'charts' },
      ran.map((c) => chart(c, stats)),
    ),
  );
}

export function logLine(item: LiveEvaluation): HTMLElement {
  const slowest = [...item.critics].sort((a, b) => b.durationMs - a.durationMs)[0];
  const degraded = item.critics.filter((c) => c.degraded).length;
  const failed = item.critics.filter((c) => !['success', 'gated', 'skipped'].includes(c.status)).length;
  const summary = [
    `${item.critics.length} critics`,
    slowest ? `slowest ${slowest.critic} ${formatMs(slowest.durationMs)}` : '',
    failed > 0 ? `${failed} failed` : '',
    degraded > 0 ? `${degraded} degraded` : '',
  ].filter((t) => t !== '');
  return h(
    'li',
    { 'data-trace': item.traceId },
    h('time', { datetime: item.at }, formatTime(item.at)),
    ' ',
    h('span', { class: `badge decision-${item.decision}` }, DECISION_LABELS[item.decision]),
    ' ',
    item.tier === 0
      ? h('span', {}, item.traceId)
      : h('a', { href: `#/case/${encodeURIComponent(item.traceId)}` }, item.traceId),
    ` · ${tierLabel(item.tier)}${item.tier === 0 ? '' : ` (${ACTION_LABELS[item.requiredAction]})`} · ${formatMs(item.durationMs)} · ${summary.join(', ')}`,
    h(
      'details',
      {},
      h('summary', {}, 'Critics'),
      h(
        'ul',
        { class: 'live-critics' },
        item.critics.map((c) =>
          h(
            'li',
            {},
            `${c.critic}: ${c.status}, ${formatMs(c.durationMs)}`,
            c.violations > 0 ? `, ${c.violations} violation${c.violations === 1 ? '' : 's'}` : '',
            c.degraded ? ', fallback (degraded)' : '',
          ),
        ),
      ),
    ),
  );
}

// The synchrony raster (SynchroTrap's picture: time across, one row per account, a dot per event coloured by
// its target) and the activity histogram under it, on canvases that share one time axis. Drag across either
// to zoom into a stretch of time; double-click to zoom out. Accounts acting in lockstep show as vertical bands.
import type { Activity } from './types';
import { h } from './dom';

const palette = ['#e41a1c', '#377eb8', '#4daf4a', '#984ea3', '#ff7f00', '#a65628', '#f781bf', '#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e'];

export function drawActivity(container: HTMLElement, activity: Activity, onTarget: (targetIndex: number) => void): void {
  const span = Math.max(1, activity.points.reduce((m, p) => Math.max(m, p[0]), 0));
  let view = { from: 0, to: span };
  const raster = h('canvas', { class: 'raster', width: 1100, height: Math.min(420, Math.max(120, activity.accounts.length * 3)) });
  const histogram = h('canvas', { class: 'histogram', width: 1100, height: 90 });
  const caption = h('p', { class: 'muted' });
  const legend = h('div', { class: 'legend' },
    ...activity.targets.slice(0, palette.length).map((t, i) =>
      h('button', { class: 'chip', onclick: () => onTarget(i) }, swatch(palette[i]), `${t.kind} ${t.label}`)),
    activity.targets.length > palette.length ? h('span', { class: 'muted' }, ` +${activity.targets.length - palette.length} more targets in grey`) : null);
  const reset = h('button', { onclick: () => { view = { from: 0, to: span }; paint(); } }, 'Zoom out');
  container.replaceChildren(h('div', { class: 'toolbar' }, reset, caption), raster, histogram, legend);

  function paint(): void {
    const ctx = raster.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, raster.width, raster.height);
    const rowHeight = raster.height / Math.max(1, activity.accounts.length);
    const scale = raster.width / Math.max(1, view.to - view.from);
    for (const [t, account, target] of activity.points) {
      if (t < view.from || t > view.to) continue;
      ctx.fillStyle = palette[target] ?? '#999';
      ctx.fillRect((t - view.from) * scale, account * rowHeight, Math.max(2, scale), Math.max(1, rowHeight));
    }
    const bins = new Array(120).fill(0);
    for (const [t] of activity.points) {
      if (t < view.from || t > view.to) continue;
      bins[Math.min(bins.length - 1, Math.floor(((t - view.from) / Math.max(1, view.to - view.from)) * bins.length))]++;
    }
    const hctx = histogram.getContext('2d')!;
    hctx.fillStyle = '#fff';
    hctx.fillRect(0, 0, histogram.width, histogram.height);
    const peak = Math.max(1, ...bins);
    const barWidth = histogram.width / bins.length;
    hctx.fillStyle = '#4c78a8';
    bins.forEach((count, i) => {
      const height = (count / peak) * (histogram.height - 4);
      hctx.fillRect(i * barWidth, histogram.height - height, barWidth - 1, height);
    });
    const start = Date.parse(activity.from);
    const fmt = (s: number) => new Date(start + s * 1000).toISOString().slice(0, 16).replace('T', ' ');
    caption.textContent = `${fmt(view.from)} – ${fmt(view.to)} UTC · ${activity.accounts.length} accounts × ${activity.targets.length} shared targets · `
      + `${activity.points.length} events${activity.truncated ? ' (earliest shown)' : ''} · peak ${peak} per bin · drag to zoom`;
  }

  for (const canvas of [raster, histogram]) {
    let downAt: number | null = null;
    canvas.addEventListener('mousedown', e => { downAt = e.offsetX; });
    canvas.addEventListener('mouseup', e => {
      if (downAt === null) return;
      const [a, b] = [Math.min(downAt, e.offsetX), Math.max(downAt, e.offsetX)];
      downAt = null;
      if (b - a < 4) return;
      const width = view.to - view.from;
      const cw = canvas.getBoundingClientRect().width;
      view = { from: view.from + (a / cw) * width, to: view.from + (b / cw) * width };
      paint();
    });
    canvas.addEventListener('dblclick', () => { view = { from: 0, to: span }; paint(); });
  }
  paint();
}

function swatch(color: string): HTMLCanvasElement {
  // A canvas swatch: the strict style policy forbids inline style attributes.
  const c = h('canvas', { width: 10, height: 10, class: 'swatch' });
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 10, 10);
  return c;
}

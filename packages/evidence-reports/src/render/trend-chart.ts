import { escapeHtml } from '@trustscan/reporters';
import type { TrendPoint } from '../summary/executive-summary.js';
import { percent } from './wording.js';

/**
 * A small inline SVG line of a readiness trend (0% at the bottom, 100% at the top), one point per day; days without
 * any decided check break the line. Its title says where it started and ended, for readers who cannot see it.
 */
export function trendSvg(trend: readonly TrendPoint[], width = 150, height = 26): string {
  const step = trend.length > 1 ? (width - 4) / (trend.length - 1) : 0;
  const segments: string[][] = [[]];
  trend.forEach((point, index) => {
    if (point.readiness === null) {
      if ((segments.at(-1) ?? []).length > 0) segments.push([]);
      return;
    }
    const x = 2 + index * step;
    const y = 2 + (1 - point.readiness) * (height - 4);
    segments.at(-1)?.push(`${x.toFixed(1)},${y.toFixed(1)}`);
  });
  const lines = segments
    .filter((points) => points.length > 0)
    .map((points) => (points.length === 1 ? `<circle cx="${points[0]?.split(',')[0]}" cy="${points[0]?.split(',')[1]}" r="1.5"/>` : `<polyline points="${points.join(' ')}"/>`))
    .join('');
  return `<svg class="trend" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(trendText(trend))}"><title>${escapeHtml(trendText(trend))}</title><line class="axis" x1="2" y1="${height - 2}" x2="${width - 2}" y2="${height - 2}"/>${lines}</svg>`;
}

const blocks = '▁▂▃▄▅▆▇█';

/** The trend as a line of block characters for Markdown, at most `width` of them (each the mean of its days). */
export function trendBlocks(trend: readonly TrendPoint[], width = 26): string {
  if (trend.length === 0) return '';
  const buckets = Math.min(width, trend.length);
  let text = '';
  for (let b = 0; b < buckets; b++) {
    const slice = trend.slice(Math.floor((b * trend.length) / buckets), Math.floor(((b + 1) * trend.length) / buckets)).filter((p) => p.readiness !== null);
    if (slice.length === 0) {
      text += ' ';
      continue;
    }
    const mean = slice.reduce((sum, p) => sum + (p.readiness ?? 0), 0) / slice.length;
    text += blocks[Math.min(blocks.length - 1, Math.floor(mean * blocks.length))];
  }
  return text;
}

/** `from 81.2% on 2026-01-01 to 88.0% on 2026-03-31`. */
export function trendText(trend: readonly TrendPoint[]): string {
  const known = trend.filter((p) => p.readiness !== null);
  const first = known[0];
  const last = known.at(-1);
  if (!first || !last) return 'no decided checks in the window';
  return first === last ? `${percent(first.readiness)} on ${first.date}` : `from ${percent(first.readiness)} on ${first.date} to ${percent(last.readiness)} on ${last.date}`;
}

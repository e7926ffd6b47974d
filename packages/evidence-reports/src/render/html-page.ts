import { escapeHtml } from '@trustscan/reporters';
import { chainWarning, type ChainSummary } from '../history/chain-summary.js';

/**
 * One self-contained HTML page: inline CSS, no script, no external request. Views add their own styles after the
 * shared ones. Every value a view interpolates goes through `escapeHtml`.
 */
export function htmlPage(options: { title: string; generator: string; body: string; styles?: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(options.generator)}">
<title>${escapeHtml(options.title)}</title>
<style>${sharedStyles}${options.styles ?? ''}</style>
</head>
<body>
${options.body}
</body>
</html>
`;
}

/** The chain's problems as the first block of a page; nothing when the chain is intact. */
export function chainBanner(chain: ChainSummary): string {
  const warning = chainWarning(chain);
  if (!warning) return '';
  return `<div class="banner broken" role="alert"><strong>${escapeHtml(warning)}</strong><ul>${chain.problems.map((p) => `<li>${escapeHtml(p.message)}</li>`).join('')}</ul></div>`;
}

/** `<code>` of a value, escaped. */
export function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}

const sharedStyles = `
:root{--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--accent:#0969da;
--bad:#cf222e;--warn:#9a6700;--good:#1a7f37;--critical:#82071e;--high:#cf222e;--medium:#bc4c00;--low:#0969da;color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 6px}
h2{font-size:18px;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:16px 0 6px}
p{margin:6px 0}
a{color:var(--accent)}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;overflow-wrap:anywhere}
.muted{color:var(--muted)}
.banner{border:2px solid var(--bad);border-radius:6px;padding:10px 14px;margin:10px 0;background:#fff5f5}
.banner ul{margin:6px 0 0;padding-left:20px}
table{width:100%;border-collapse:collapse;margin:6px 0;table-layout:auto}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:break-word}
thead th{background:var(--soft);font-size:12px}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.nowrap{white-space:nowrap}
.status-operated-throughout,.status-fixed,.status-resolved,.status-ready{color:var(--good);font-weight:600}
.status-exceptions,.status-still-open,.status-overdue,.status-gaps{color:var(--bad);font-weight:600}
.status-not-tested,.status-open,.status-waived,.status-resource-removed,.status-not-covered{color:var(--warn);font-weight:600}
.sev{display:inline-block;border-radius:9px;padding:0 7px;font-size:11px;font-weight:600;color:#fff;white-space:nowrap}
.sev-critical{background:var(--critical)}.sev-high{background:var(--high)}.sev-medium{background:var(--medium)}.sev-low{background:var(--low)}
details{margin:6px 0}
summary{cursor:pointer;color:var(--accent)}
footer{color:var(--muted);font-size:12px;margin-top:24px}
@media print{a{color:inherit;text-decoration:none}thead{display:table-header-group}tr{break-inside:avoid}}
`;

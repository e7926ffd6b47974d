import { visibleText } from '@trustscan/core';

/**
 * Renders the small Markdown subset rule remediations are written in (paragraphs, bullet lists, fenced code, inline
 * code, bold and http(s) links) as HTML. Every piece of text is escaped first, so a rule from a user's rules
 * directory can never inject markup into a report.
 */
export function markdownToHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const fence = /^\s*(`{3,}|~{3,})\s*([\w+-]*)/.exec(line);
    if (fence) {
      const marker = fence[1] ?? '```';
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? '').trim().startsWith(marker)) body.push(lines[i++] ?? '');
      i++;
      const language = fence[2] ? ` class="language-${escapeHtml(fence[2])}"` : '';
      blocks.push(`<pre><code${language}>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (/^\s*[-*+]\s+/.test(line)) {
      const items: string[] = [];
      while (i < lines.length && (lines[i] ?? '').trim() !== '' && !isFence(lines[i] ?? '')) {
        const current = lines[i] ?? '';
        if (/^\s*[-*+]\s+/.test(current)) items.push(current.replace(/^\s*[-*+]\s+/, ''));
        else items[items.length - 1] = `${items.at(-1) ?? ''} ${current.trim()}`;
        i++;
      }
      blocks.push(`<ul>${items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`);
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() !== '' && !isFence(lines[i] ?? '') && !/^\s*[-*+]\s+/.test(lines[i] ?? '')) paragraph.push((lines[i++] ?? '').trim());
    const text = paragraph.join(' ');
    // Headings inside a remediation are demoted: the report owns the page's outline.
    blocks.push(/^#{1,6}\s/.test(text) ? `<p><strong>${inline(text.replace(/^#{1,6}\s+/, ''))}</strong></p>` : `<p>${inline(text)}</p>`);
  }
  return blocks.join('\n');
}

function isFence(line: string): boolean {
  return /^\s*(`{3,}|~{3,})/.test(line);
}

/** Inline code first (its content is literal), then bold and links in the escaped text between code spans. */
function inline(text: string): string {
  const parts: string[] = [];
  const codeSpan = /(`+)([\s\S]*?[^`])\1(?!`)/g;
  let last = 0;
  for (let match = codeSpan.exec(text); match; match = codeSpan.exec(text)) {
    parts.push(decorate(escapeHtml(text.slice(last, match.index))));
    parts.push(`<code>${escapeHtml((match[2] ?? '').trim())}</code>`);
    last = match.index + match[0].length;
  }
  parts.push(decorate(escapeHtml(text.slice(last))));
  return parts.join('');
}

function decorate(escaped: string): string {
  return escaped
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, '<a href="$2">$1</a>');
}

/** Text safe anywhere in HTML: element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return visibleText(text, true).replace(/[&<>"']/g, (c) => htmlEntities[c] ?? c);
}

const htmlEntities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

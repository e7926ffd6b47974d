export { toSarif, type SarifOptions } from './sarif.js';
export { toJson, jsonSchemaVersion, type JsonOptions } from './json.js';
export { toText, type TextOptions } from './text.js';
export { toMarkdown, defaultMarkdownLength, escapeMarkdown, markdownCode, type MarkdownOptions } from './markdown.js';
export { toHtml, type HtmlOptions } from './html.js';
export { toJunit, type JunitOptions } from './junit.js';
export { readinessView, criterionVerdict, verdictLabels, type ReadinessView, type CriterionVerdict, type CriterionRow } from './readiness.js';
export { markdownToHtml, escapeHtml } from './markdown-to-html.js';
export { securitySeverity, sarifLevel } from './severity.js';

export { toSarif, type SarifOptions } from './sarif.js';
export { toJson, jsonSchemaVersion, type JsonOptions } from './json.js';
export { toText, type TextOptions } from './text.js';
export { securitySeverity, sarifLevel } from './severity.js';

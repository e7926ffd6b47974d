export { appendEvidence, type AppendOptions, type AppendedRecord } from './ledger/append-evidence.js';
export { openEvidenceStore, type OpenStoreOptions } from './store/open-store.js';
export type { EvidenceStore } from './store/evidence-store.js';
export { DirectoryStore, type DirectoryStoreOptions } from './store/directory-store.js';
export { S3Store, parseS3Location, type S3StoreOptions } from './store/s3-store.js';
export type { EvidenceScan } from './record/evidence-scan.js';
export { streamIdOf } from './record/evidence-scan.js';
export { detectRunEnvironment, readGit, type GitFacts } from './record/run-environment.js';
export { loadSigningKey, loadPublicKey, signingKeyFrom, type SigningKey } from './signing/signing-key.js';
export * from './format/record-format.js';
export { decodeRecord, RecordFormatError, type DecodedRecord } from './format/decode-record.js';
export { verifyEvidence, type VerifyOptions, type VerificationReport, type EvidenceProblem, type EvidenceProblemKind } from './ledger/verify-evidence.js';
export {
  listEvidence,
  materializeEvidence,
  replayEvidence,
  type ListOptions,
  type ReplayOptions,
  type EvidenceListing,
  type EvidenceRecordInfo,
  type MaterializedRecord,
  type EvidenceStep,
  type EvidenceChange,
  type EvidenceState,
} from './ledger/read-evidence.js';
export { readJsonReport, parseJsonReport, type ImportedReport } from './import/json-report.js';

/**
 * The AICPA Trust Services Criteria (2017, points of focus revised 2022): all 61 criteria with short titles in our
 * own words. Rules reference them by id; SARIF taxonomies, tags and reports read titles and categories from here.
 * The catalog lives in core rather than in the rule pack because reporters need it and may depend on core only.
 */

export type TscCategory = 'Security' | 'Availability' | 'Confidentiality' | 'Processing Integrity' | 'Privacy';

export interface Criterion {
  readonly id: TscId;
  readonly category: TscCategory;
  /** The series it belongs to, e.g. `CC6 Logical and physical access`. */
  readonly series: string;
  readonly title: string;
}

const CC1 = 'CC1 Control environment';
const CC2 = 'CC2 Communication and information';
const CC3 = 'CC3 Risk assessment';
const CC4 = 'CC4 Monitoring activities';
const CC5 = 'CC5 Control activities';
const CC6 = 'CC6 Logical and physical access';
const CC7 = 'CC7 System operations';
const CC8 = 'CC8 Change management';
const CC9 = 'CC9 Risk mitigation';

const table = [
  ['CC1.1', 'Security', CC1, 'Leadership shows commitment to integrity and ethical values'],
  ['CC1.2', 'Security', CC1, 'The board is independent and oversees internal control'],
  ['CC1.3', 'Security', CC1, 'Management sets structures, reporting lines and responsibilities'],
  ['CC1.4', 'Security', CC1, 'The organization attracts, develops and keeps competent people'],
  ['CC1.5', 'Security', CC1, 'People are held accountable for their internal-control duties'],
  ['CC2.1', 'Security', CC2, 'Relevant, good-quality information supports internal control'],
  ['CC2.2', 'Security', CC2, 'Control objectives and duties are communicated internally'],
  ['CC2.3', 'Security', CC2, 'Control matters are communicated with external parties'],
  ['CC3.1', 'Security', CC3, 'Objectives are clear enough to identify and assess risks'],
  ['CC3.2', 'Security', CC3, 'Risks to objectives are identified and analysed'],
  ['CC3.3', 'Security', CC3, 'The potential for fraud is considered'],
  ['CC3.4', 'Security', CC3, 'Changes that could affect internal control are identified and assessed'],
  ['CC4.1', 'Security', CC4, 'Controls are evaluated on an ongoing or separate basis'],
  ['CC4.2', 'Security', CC4, 'Control deficiencies are evaluated and communicated promptly'],
  ['CC5.1', 'Security', CC5, 'Control activities are chosen to reduce risks'],
  ['CC5.2', 'Security', CC5, 'General controls over technology are chosen and developed'],
  ['CC5.3', 'Security', CC5, 'Controls are put in place through policies and procedures'],
  ['CC6.1', 'Security', CC6, 'Logical access controls and encryption protect information assets'],
  ['CC6.2', 'Security', CC6, 'Users are registered and authorized before credentials are issued, and removed when no longer needed'],
  ['CC6.3', 'Security', CC6, 'Access is granted, changed and removed by role and least privilege'],
  ['CC6.4', 'Security', CC6, 'Physical access to facilities and assets is restricted'],
  ['CC6.5', 'Security', CC6, 'Physical assets are disposed of only once their data cannot be recovered'],
  ['CC6.6', 'Security', CC6, 'The system boundary is protected against outside threats'],
  ['CC6.7', 'Security', CC6, 'Information is protected when transmitted, moved or removed'],
  ['CC6.8', 'Security', CC6, 'Unauthorized or malicious software is prevented or detected'],
  ['CC7.1', 'Security', CC7, 'Configuration changes and new vulnerabilities are detected'],
  ['CC7.2', 'Security', CC7, 'System components are monitored for anomalies that indicate attacks, disasters or errors'],
  ['CC7.3', 'Security', CC7, 'Security events are evaluated to decide whether they are incidents'],
  ['CC7.4', 'Security', CC7, 'Security incidents are responded to under an incident-response program'],
  ['CC7.5', 'Security', CC7, 'The organization recovers from security incidents'],
  ['CC8.1', 'Security', CC8, 'Changes to infrastructure, data and software are authorized, tested and approved'],
  ['CC9.1', 'Security', CC9, 'Risks of business disruption are mitigated'],
  ['CC9.2', 'Security', CC9, 'Vendor and business-partner risk is assessed and managed'],
  ['A1.1', 'Availability', 'A1 Availability', 'Capacity and demand are monitored to meet objectives'],
  ['A1.2', 'Availability', 'A1 Availability', 'Environmental protections, backups and recovery infrastructure are in place'],
  ['A1.3', 'Availability', 'A1 Availability', 'Recovery plans are tested'],
  ['C1.1', 'Confidentiality', 'C1 Confidentiality', 'Confidential information is identified and protected'],
  ['C1.2', 'Confidentiality', 'C1 Confidentiality', 'Confidential information is disposed of when no longer needed'],
  ['PI1.1', 'Processing Integrity', 'PI1 Processing integrity', 'Processing objectives and data definitions are documented and shared'],
  ['PI1.2', 'Processing Integrity', 'PI1 Processing integrity', 'System inputs are complete, accurate and timely'],
  ['PI1.3', 'Processing Integrity', 'PI1 Processing integrity', 'Processing is complete, accurate, timely and authorized'],
  ['PI1.4', 'Processing Integrity', 'PI1 Processing integrity', 'Outputs are complete, accurate and reach only intended parties'],
  ['PI1.5', 'Processing Integrity', 'PI1 Processing integrity', 'Stored data stays complete, accurate and protected from unauthorized change'],
  ['P1.1', 'Privacy', 'P1 Notice', 'Data subjects are told about privacy practices'],
  ['P2.1', 'Privacy', 'P2 Choice and consent', 'Choices are communicated and consent is obtained'],
  ['P3.1', 'Privacy', 'P3 Collection', 'Personal information is collected in line with privacy objectives'],
  ['P3.2', 'Privacy', 'P3 Collection', 'Explicit consent is obtained where required'],
  ['P4.1', 'Privacy', 'P4 Use, retention and disposal', 'Personal information is used only for its stated purposes'],
  ['P4.2', 'Privacy', 'P4 Use, retention and disposal', 'Personal information is retained in line with objectives'],
  ['P4.3', 'Privacy', 'P4 Use, retention and disposal', 'Personal information is disposed of securely'],
  ['P5.1', 'Privacy', 'P5 Access', 'Data subjects can access their personal information'],
  ['P5.2', 'Privacy', 'P5 Access', 'Personal information is corrected or amended on request'],
  ['P6.1', 'Privacy', 'P6 Disclosure and notification', 'Personal information goes to third parties only with consent'],
  ['P6.2', 'Privacy', 'P6 Disclosure and notification', 'Authorized disclosures are recorded'],
  ['P6.3', 'Privacy', 'P6 Disclosure and notification', 'Unauthorized disclosures, including breaches, are recorded'],
  ['P6.4', 'Privacy', 'P6 Disclosure and notification', 'Vendors and third parties commit to privacy obligations'],
  ['P6.5', 'Privacy', 'P6 Disclosure and notification', 'Vendors commit to report breaches'],
  ['P6.6', 'Privacy', 'P6 Disclosure and notification', 'Data subjects, regulators and others are notified of breaches'],
  ['P6.7', 'Privacy', 'P6 Disclosure and notification', 'An account of personal information held and disclosed is given on request'],
  ['P7.1', 'Privacy', 'P7 Quality', 'Personal information is kept accurate, complete and relevant'],
  ['P8.1', 'Privacy', 'P8 Monitoring and enforcement', 'Privacy inquiries, complaints and disputes are handled'],
] as const;

/** A Trust Services Criterion id, e.g. `CC6.1` or `A1.2`. */
export type TscId = (typeof table)[number][0];

/** All 61 criteria in catalog order. */
export const criteria: readonly Criterion[] = table.map(([id, category, series, title]) => ({ id, category, series, title }));

const byId = new Map<string, Criterion>(criteria.map((c) => [c.id, c]));

/** The criterion with this id, or `undefined`. */
export function findCriterion(id: string): Criterion | undefined {
  return byId.get(id);
}

/** Whether `id` names a Trust Services Criterion. */
export function isTscId(id: string): id is TscId {
  return byId.has(id);
}

const catalogOrder = new Map<string, number>(criteria.map((c, index) => [c.id, index]));

/** Orders criterion ids as the catalog does (CC1.1 … CC9.2, A1, C1, PI1, P1–P8). */
export function compareCriteria(a: string, b: string): number {
  return (catalogOrder.get(a) ?? -1) - (catalogOrder.get(b) ?? -1);
}

/** Metadata for the SARIF taxonomy that carries the criteria. */
export const tscTaxonomy = {
  name: 'AICPA-TSC',
  guid: '6f2c1a84-3b0e-4c5e-9d3a-2f1e8b7c4d10',
  organization: 'AICPA',
  version: '2017 (points of focus revised 2022)',
  informationUri: 'https://www.aicpa-cima.com/resources/download/2017-trust-services-criteria-with-revised-points-of-focus-2022',
  shortDescription: 'Trust Services Criteria (SOC 2)',
} as const;

import { ScanAbortedError, Unknown, type Resource, type Value } from '@trustscan/core';
import { reportSettingFailure, type SettingRead } from './account-setting-failure.js';
import type { AwsCaller } from './aws-caller.js';
import type { AwsClients } from './aws-clients.js';
import { abortOptions } from './config-readers.js';
import { normalizeConfigRecorders, normalizeEbsEncryptionByDefault, normalizeGuardDutyDetector, type SettingScope } from './normalize/account-settings.js';
import { normalizeCredentialReport, unreadableRoot } from './normalize/credential-report.js';
import type { ScanProblems } from './scan-problems.js';

/** What reading the account-level settings needs. */
export interface SettingsReading {
  readonly clients: AwsClients;
  readonly caller: AwsCaller;
  readonly problems: ScanProblems;
  readonly account: string;
  readonly partition: string;
  /** Pause between polls of `GenerateCredentialReport`, in ms (default 2000), and how many polls (default 15). */
  readonly reportPollMs?: number;
  readonly reportPolls?: number;
}

/** Resources read, and the Terraform types whose every instance was read (a failure anywhere leaves its types out). */
export interface SettingsOutcome {
  readonly resources: readonly Resource[];
  readonly observedTypes: readonly string[];
}

/** The account-level settings the coverage and live-only rules need, and the reads that produce them. */
export const accountSettings = ['config-recorders', 'ebs-encryption-by-default', 'guardduty-detectors', 'credential-report'] as const;
export type AccountSetting = (typeof accountSettings)[number];

/**
 * Reads the settings that are not configuration items: the Config recorders and EBS encryption by default of each
 * region, the GuardDuty detectors of each region, and the account's IAM credential report. A denied or failing read
 * is a warning naming the permission; its checks become unknown, never a pass or a fail.
 */
export async function readAccountSettings(regions: readonly string[], home: string, reading: SettingsReading, which: readonly AccountSetting[] = accountSettings): Promise<SettingsOutcome> {
  const outcomes = await Promise.all(
    which.map((setting) => {
      switch (setting) {
        case 'config-recorders':
          return perRegion(regions, reading, configRecorders);
        case 'ebs-encryption-by-default':
          return perRegion(regions, reading, ebsEncryptionByDefault);
        case 'guardduty-detectors':
          return perRegion(regions, reading, guardDutyDetectors);
        case 'credential-report':
          return credentialReport(home, reading);
      }
    }),
  );
  return { resources: outcomes.flatMap((o) => o.resources), observedTypes: [...new Set(outcomes.flatMap((o) => o.observedTypes))].sort() };
}

interface RegionalRead {
  readonly read: SettingRead;
  readonly types: readonly string[];
  /** Reads one region; throws what the SDK threw. */
  run(scope: SettingScope, reading: SettingsReading): Promise<Resource[]>;
  /** What stands in for the region's setting when it could not be read, if anything. */
  unreadable?(scope: SettingScope, reason: string): Resource[];
}

async function perRegion(regions: readonly string[], reading: SettingsReading, regional: RegionalRead): Promise<SettingsOutcome> {
  let complete = true;
  const resources = await Promise.all(
    regions.map(async (region) => {
      const scope = { account: reading.account, region, partition: reading.partition };
      try {
        return await regional.run(scope, reading);
      } catch (error) {
        if (error instanceof ScanAbortedError) throw error;
        complete = false;
        return regional.unreadable?.(scope, reportSettingFailure(regional.read, region, error, reading.problems)) ?? [];
      }
    }),
  );
  return { resources: resources.flat(), observedTypes: complete ? regional.types : [] };
}

/** An SDK answer as a plain JSON value. */
function toValue(value: unknown): Value {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Value);
}

const configRecorders: RegionalRead = {
  read: { api: 'AWS Config DescribeConfigurationRecorders', permission: 'config:DescribeConfigurationRecorders', check: 'the Config recorder check is' },
  types: ['aws_config_configuration_recorder', 'aws_config_configuration_recorder_status'],
  async run(scope, { clients, caller, problems }) {
    const client = clients.config(scope.region);
    const sdk = clients.sdk.config;
    const recorders = await caller.call('config', 'DescribeConfigurationRecorders', (s) => client.send(new sdk.DescribeConfigurationRecordersCommand({}), abortOptions(s)));
    const list = (recorders?.ConfigurationRecorders ?? []).map(toValue);
    if (list.length === 0) return [];
    let statuses: readonly Value[] | Unknown;
    try {
      const answer = await caller.call('config', 'DescribeConfigurationRecorderStatus', (s) => client.send(new sdk.DescribeConfigurationRecorderStatusCommand({}), abortOptions(s)));
      statuses = (answer?.ConfigurationRecordersStatus ?? []).map(toValue);
    } catch (error) {
      if (error instanceof ScanAbortedError) throw error;
      const read = { api: 'AWS Config DescribeConfigurationRecorderStatus', permission: 'config:DescribeConfigurationRecorderStatus', check: 'whether the Config recorder is started is' };
      statuses = new Unknown(reportSettingFailure(read, scope.region, error, problems));
    }
    return normalizeConfigRecorders(list, statuses, scope);
  },
};

const ebsEncryptionByDefault: RegionalRead = {
  read: { api: 'EC2 GetEbsEncryptionByDefault', permission: 'ec2:GetEbsEncryptionByDefault', check: 'the EBS encryption by default check is' },
  types: ['aws_ebs_encryption_by_default'],
  async run(scope, { clients, caller }) {
    const answer = await caller.call('ec2', 'GetEbsEncryptionByDefault', (s) =>
      clients.ec2(scope.region).send(new clients.sdk.ec2.GetEbsEncryptionByDefaultCommand({}), abortOptions(s)),
    );
    const enabled = answer?.EbsEncryptionByDefault;
    return [normalizeEbsEncryptionByDefault(typeof enabled === 'boolean' ? enabled : new Unknown('GetEbsEncryptionByDefault returned no value'), scope)];
  },
  unreadable: (scope, reason) => [normalizeEbsEncryptionByDefault(new Unknown(reason), scope)],
};

const guardDutyDetectors: RegionalRead = {
  read: { api: 'GuardDuty ListDetectors/GetDetector', permission: 'guardduty:ListDetectors', check: 'the GuardDuty check is' },
  types: ['aws_guardduty_detector'],
  async run(scope, { clients, caller }) {
    const client = clients.guardduty(scope.region);
    const sdk = clients.sdk.guardduty;
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const next = token;
      const page = await caller.call('guardduty', 'ListDetectors', (s) => client.send(new sdk.ListDetectorsCommand(next ? { NextToken: next } : {}), abortOptions(s)));
      ids.push(...(page?.DetectorIds ?? []));
      token = page?.NextToken || undefined;
    } while (token);
    return Promise.all(
      ids.sort().map(async (id) => {
        const detector = await caller.call('guardduty', 'GetDetector', (s) => client.send(new sdk.GetDetectorCommand({ DetectorId: id }), abortOptions(s)));
        return normalizeGuardDutyDetector(id, toValue(detector), scope);
      }),
    );
  },
};

const reportRead: SettingRead = { api: 'IAM GenerateCredentialReport/GetCredentialReport', permission: 'iam:GenerateCredentialReport', check: 'the credential report checks (root MFA and keys, console MFA, unused credentials) are', global: true };

/** Generates the credential report (AWS builds it at most every four hours), waits until it is ready, and reads it. */
async function credentialReport(home: string, reading: SettingsReading): Promise<SettingsOutcome> {
  const { clients, caller, account, partition } = reading;
  const client = clients.iam(home);
  const sdk = clients.sdk.iam;
  const types = ['aws_iam_root_user', 'aws_iam_user_login_profile', 'aws_iam_access_key'];
  try {
    const polls = reading.reportPolls ?? 15;
    let ready = false;
    for (let poll = 0; poll < polls && !ready; poll++) {
      if (poll > 0) await pause(reading.reportPollMs ?? 2000, caller);
      const state = await caller.call('iam', 'GenerateCredentialReport', (s) => client.send(new sdk.GenerateCredentialReportCommand({}), abortOptions(s)));
      ready = state?.State === 'COMPLETE';
    }
    if (!ready) {
      reading.problems.add('setting|report-not-ready', {
        level: 'warning',
        code: 'aws-api-error',
        subject: 'iam:GenerateCredentialReport',
        message: () => `IAM: the credential report was not ready after ${polls} polls; ${reportRead.check} unknown. Run the scan again in a minute.`,
      });
      return { resources: [unreadableRoot(account, partition, 'the IAM credential report was not ready')], observedTypes: [] };
    }
    const report = await caller.call('iam', 'GetCredentialReport', (s) => client.send(new sdk.GetCredentialReportCommand({}), abortOptions(s)));
    const csv = report?.Content ? new TextDecoder().decode(report.Content) : '';
    return { resources: normalizeCredentialReport(csv, account, partition), observedTypes: types };
  } catch (error) {
    if (error instanceof ScanAbortedError) throw error;
    const reason = reportSettingFailure(reportRead, home, error, reading.problems);
    return { resources: [unreadableRoot(account, partition, reason)], observedTypes: [] };
  }
}

function pause(ms: number, caller: AwsCaller): Promise<void> {
  caller.throwIfAborted();
  return new Promise((resolve) => setTimeout(resolve, ms));
}

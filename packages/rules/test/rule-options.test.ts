import { optionProblem, profiles, ruleOptionTypes } from '@trustscan/core';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';

/** Keys a config file writes under a rule id beside its options, so no option may take them. */
const reserved = ['severity', 'enabled'];
const withOptions = rules.filter((rule) => Object.keys(rule.meta.options ?? {}).length > 0);

describe('rule options and profiles of the pack', () => {
  it('gives thresholds that are policy, not fact, to options', () => {
    expect(withOptions.length).toBeGreaterThanOrEqual(20);
  });

  it.each(withOptions.map((rule) => [rule.meta.id, rule] as const))('%s declares valid options', (_id, rule) => {
    for (const [name, option] of Object.entries(rule.meta.options ?? {})) {
      expect(name, 'option names are camelCase').toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(reserved).not.toContain(name);
      expect(ruleOptionTypes).toContain(option.type);
      expect(option.description, `${name} says what it sets in a sentence`).toMatch(/^[A-Z].*\.$/);
      expect(optionProblem(option, option.default), `${name} default`).toBeUndefined();
      if (option.strict !== undefined) {
        expect(optionProblem(option, option.strict), `${name} strict value`).toBeUndefined();
        expect(option.strict, `${name} strict value differs from the baseline`).not.toEqual(option.default);
      }
    }
  });

  it('says what each profile requires in a sentence when a rule decides differently under them', () => {
    for (const rule of rules) {
      for (const [profile, text] of Object.entries(rule.meta.requires ?? {})) {
        expect(profiles, rule.meta.id).toContain(profile);
        expect(text, rule.meta.id).toMatch(/^[A-Z].*\.$/);
      }
      for (const profile of rule.meta.profiles ?? []) expect(profiles, rule.meta.id).toContain(profile);
    }
  });

  it('runs every rule in the strict profile, and all but the customer-managed-key ones in the baseline', () => {
    expect(rules.filter((r) => r.meta.profiles && !r.meta.profiles.includes('strict'))).toEqual([]);
    expect(rules.filter((r) => r.meta.profiles && !r.meta.profiles.includes('baseline')).map((r) => r.meta.id)).toEqual(['aws-backup-vault-customer-managed-key', 'azure-storage-account-customer-managed-key']);
  });

  it('names only options or data in message placeholders', () => {
    // Placeholders that name options are filled by the engine; the others must come from verdict data, which the
    // table tests check message by message. Here: an option placeholder names a declared option.
    for (const rule of withOptions) {
      const names = Object.keys(rule.meta.options ?? {});
      for (const template of Object.values(rule.meta.messages)) {
        for (const [, name] of template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
          if (name && /^(min|max)[A-Z]/.test(name)) expect(names, `${rule.meta.id}: {{${name}}}`).toContain(name);
        }
      }
    }
  });
});

import { execFile } from 'node:child_process';
import { hostname } from 'node:os';
import type { RunEnvironment } from '../format/record-format.js';

type Environment = Readonly<Record<string, string | undefined>>;

/** What a provider's variables say; any of it may be missing. */
type ProviderFacts = { readonly [K in 'repository' | 'commit' | 'ref' | 'runUrl' | 'workflow' | 'event']?: string | undefined };

interface CiProvider {
  readonly name: string;
  readonly detect: (env: Environment) => boolean;
  readonly read: (env: Environment) => ProviderFacts;
}

/**
 * CI providers by the variables they set, most specific first (Jenkins and others also set `CI`). Only identifiers
 * are read: never tokens, and repository URLs lose any credentials they carry (GitLab's `CI_REPOSITORY_URL` holds a
 * job token, so the project URL is read instead).
 */
const providers: readonly CiProvider[] = [
  {
    name: 'github-actions',
    detect: (env) => env['GITHUB_ACTIONS'] === 'true',
    read: (env) => ({
      repository: env['GITHUB_REPOSITORY'],
      commit: env['GITHUB_SHA'],
      ref: env['GITHUB_REF'],
      runUrl:
        env['GITHUB_RUN_ID'] && env['GITHUB_REPOSITORY']
          ? `${env['GITHUB_SERVER_URL'] ?? 'https://github.com'}/${env['GITHUB_REPOSITORY']}/actions/runs/${env['GITHUB_RUN_ID']}${env['GITHUB_RUN_ATTEMPT'] ? `/attempts/${env['GITHUB_RUN_ATTEMPT']}` : ''}`
          : undefined,
      workflow: env['GITHUB_WORKFLOW'],
      event: env['GITHUB_EVENT_NAME'],
    }),
  },
  {
    name: 'gitlab-ci',
    detect: (env) => env['GITLAB_CI'] === 'true',
    read: (env) => ({
      repository: env['CI_PROJECT_PATH'],
      commit: env['CI_COMMIT_SHA'],
      ref: env['CI_COMMIT_REF_NAME'],
      runUrl: env['CI_JOB_URL'] ?? env['CI_PIPELINE_URL'],
      workflow: env['CI_JOB_NAME'],
      event: env['CI_PIPELINE_SOURCE'],
    }),
  },
  {
    name: 'circleci',
    detect: (env) => env['CIRCLECI'] === 'true',
    read: (env) => ({
      repository: env['CIRCLE_PROJECT_USERNAME'] && env['CIRCLE_PROJECT_REPONAME'] ? `${env['CIRCLE_PROJECT_USERNAME']}/${env['CIRCLE_PROJECT_REPONAME']}` : env['CIRCLE_REPOSITORY_URL'],
      commit: env['CIRCLE_SHA1'],
      ref: env['CIRCLE_TAG'] ?? env['CIRCLE_BRANCH'],
      runUrl: env['CIRCLE_BUILD_URL'],
      workflow: env['CIRCLE_JOB'],
    }),
  },
  {
    name: 'azure-pipelines',
    detect: (env) => env['TF_BUILD']?.toLowerCase() === 'true',
    read: (env) => ({
      repository: env['BUILD_REPOSITORY_NAME'] ?? env['BUILD_REPOSITORY_URI'],
      commit: env['BUILD_SOURCEVERSION'],
      ref: env['BUILD_SOURCEBRANCH'],
      runUrl:
        env['SYSTEM_COLLECTIONURI'] && env['SYSTEM_TEAMPROJECT'] && env['BUILD_BUILDID']
          ? `${env['SYSTEM_COLLECTIONURI'].replace(/\/?$/, '/')}${encodeURIComponent(env['SYSTEM_TEAMPROJECT'])}/_build/results?buildId=${env['BUILD_BUILDID']}`
          : undefined,
      workflow: env['BUILD_DEFINITIONNAME'],
      event: env['BUILD_REASON'],
    }),
  },
  {
    name: 'jenkins',
    detect: (env) => env['JENKINS_URL'] !== undefined && env['BUILD_URL'] !== undefined,
    read: (env) => ({ repository: env['GIT_URL'], commit: env['GIT_COMMIT'], ref: env['GIT_BRANCH'], runUrl: env['BUILD_URL'], workflow: env['JOB_NAME'] }),
  },
  {
    name: 'buildkite',
    detect: (env) => env['BUILDKITE'] === 'true',
    read: (env) => ({
      repository: env['BUILDKITE_REPO'],
      commit: env['BUILDKITE_COMMIT'],
      ref: env['BUILDKITE_TAG'] || env['BUILDKITE_BRANCH'],
      runUrl: env['BUILDKITE_BUILD_URL'],
      workflow: env['BUILDKITE_PIPELINE_SLUG'],
      event: env['BUILDKITE_SOURCE'],
    }),
  },
  {
    name: 'bitbucket-pipelines',
    detect: (env) => env['BITBUCKET_BUILD_NUMBER'] !== undefined,
    read: (env) => ({
      repository: env['BITBUCKET_REPO_FULL_NAME'],
      commit: env['BITBUCKET_COMMIT'],
      ref: env['BITBUCKET_TAG'] ?? env['BITBUCKET_BRANCH'],
      runUrl: env['BITBUCKET_REPO_FULL_NAME'] ? `https://bitbucket.org/${env['BITBUCKET_REPO_FULL_NAME']}/pipelines/results/${env['BITBUCKET_BUILD_NUMBER']}` : undefined,
    }),
  },
  {
    name: 'aws-codebuild',
    detect: (env) => env['CODEBUILD_BUILD_ID'] !== undefined,
    read: (env) => ({
      repository: env['CODEBUILD_SOURCE_REPO_URL'],
      commit: env['CODEBUILD_RESOLVED_SOURCE_VERSION'],
      ref: env['CODEBUILD_WEBHOOK_HEAD_REF'] ?? env['CODEBUILD_SOURCE_VERSION'],
      runUrl: env['CODEBUILD_PUBLIC_BUILD_URL'],
      workflow: env['CODEBUILD_BUILD_ID']?.split(':')[0],
      event: env['CODEBUILD_WEBHOOK_EVENT'],
    }),
  },
  {
    name: 'travis-ci',
    detect: (env) => env['TRAVIS'] === 'true',
    read: (env) => ({ repository: env['TRAVIS_REPO_SLUG'], commit: env['TRAVIS_COMMIT'], ref: env['TRAVIS_TAG'] || env['TRAVIS_BRANCH'], runUrl: env['TRAVIS_BUILD_WEB_URL'], event: env['TRAVIS_EVENT_TYPE'] }),
  },
  {
    name: 'ci',
    detect: (env) => env['CI'] !== undefined && env['CI'] !== '' && env['CI'] !== 'false' && env['CI'] !== '0',
    read: () => ({}),
  },
];

/** What `git` says about a checkout; absent fields when it is not one or git is not installed. */
export interface GitFacts {
  readonly repository?: string | undefined;
  readonly commit?: string | undefined;
  readonly ref?: string | undefined;
  readonly dirty?: boolean | undefined;
}

/**
 * Where a scan ran: the CI provider's run from its environment variables, completed by `git` in `directory` for what
 * the provider does not say; outside CI, the local checkout and the host name.
 */
export async function detectRunEnvironment(env: Environment, directory: string | undefined, git: (directory: string) => Promise<GitFacts> = readGit): Promise<RunEnvironment> {
  const provider = providers.find((p) => p.detect(env));
  const facts = directory === undefined ? {} : await git(directory);
  if (provider) {
    const read = provider.read(env);
    return compact({
      provider: provider.name,
      repository: withoutCredentials(read.repository ?? facts.repository),
      commit: read.commit ?? facts.commit,
      ref: read.ref ?? facts.ref,
      runUrl: withoutCredentials(read.runUrl),
      workflow: read.workflow,
      event: read.event,
    });
  }
  return compact({ provider: 'local', repository: withoutCredentials(facts.repository), commit: facts.commit, ref: facts.ref, dirty: facts.dirty, host: hostname() });
}

/** The origin URL, commit, branch and whether tracked files changed, from `git` (each step may fail alone). */
export async function readGit(directory: string): Promise<GitFacts> {
  const [commit, ref, origin, status] = await Promise.all([
    run('git', ['-C', directory, 'rev-parse', 'HEAD']),
    run('git', ['-C', directory, 'rev-parse', '--abbrev-ref', 'HEAD']),
    run('git', ['-C', directory, 'config', '--get', 'remote.origin.url']),
    run('git', ['-C', directory, 'status', '--porcelain', '--untracked-files=no']),
  ]);
  return compact({
    commit: commit?.trim() || undefined,
    ref: ref?.trim() && ref.trim() !== 'HEAD' ? ref.trim() : undefined,
    repository: origin?.trim() || undefined,
    dirty: status === undefined ? undefined : status.trim() !== '',
  });
}

function run(command: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 5000, windowsHide: true, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}

/** A URL without user name or password (`https://token@host/...` becomes `https://host/...`); other text unchanged. */
export function withoutCredentials(value: string | undefined): string | undefined {
  if (value === undefined || !/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return value;
  try {
    const url = new URL(value);
    if (url.username === '' && url.password === '') return value;
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return value.replace(/\/\/[^@/]*@/, '//');
  }
}

/** The object without its undefined or empty fields, typed as if they had never been there. */
function compact<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined && item !== '')) as { [K in keyof T]: Exclude<T[K], undefined> };
}

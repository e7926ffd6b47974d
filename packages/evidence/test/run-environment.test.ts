import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectRunEnvironment, readGit, type GitFacts, type RunEnvironment } from '@trustscan/evidence';
import { TemporaryDirectories } from './support.js';

const temporary = new TemporaryDirectories();
afterEach(() => temporary.removeAll());

const checkout: GitFacts = { repository: 'git@example.test:acme/infra.git', commit: 'c0ffee', ref: 'main', dirty: false };
const git = async () => checkout;

describe('where a scan ran', () => {
  it.each<[string, Record<string, string>, RunEnvironment]>([
    [
      'GitHub Actions',
      { GITHUB_ACTIONS: 'true', CI: 'true', GITHUB_REPOSITORY: 'acme/infra', GITHUB_SHA: 'abc123', GITHUB_REF: 'refs/heads/main', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2', GITHUB_WORKFLOW: 'nightly', GITHUB_EVENT_NAME: 'schedule', GITHUB_TOKEN: 'ghs_secret' },
      { provider: 'github-actions', repository: 'acme/infra', commit: 'abc123', ref: 'refs/heads/main', runUrl: 'https://github.com/acme/infra/actions/runs/42/attempts/2', workflow: 'nightly', event: 'schedule' },
    ],
    [
      'GitLab CI (never the repository URL, which holds a job token)',
      { GITLAB_CI: 'true', CI: 'true', CI_PROJECT_PATH: 'acme/infra', CI_COMMIT_SHA: 'def456', CI_COMMIT_REF_NAME: 'main', CI_JOB_URL: 'https://gitlab.example/acme/infra/-/jobs/7', CI_JOB_NAME: 'soc2', CI_PIPELINE_SOURCE: 'push', CI_REPOSITORY_URL: 'https://gitlab-ci-token:glcbt-secret@gitlab.example/acme/infra.git' },
      { provider: 'gitlab-ci', repository: 'acme/infra', commit: 'def456', ref: 'main', runUrl: 'https://gitlab.example/acme/infra/-/jobs/7', workflow: 'soc2', event: 'push' },
    ],
    [
      'CircleCI',
      { CIRCLECI: 'true', CIRCLE_PROJECT_USERNAME: 'acme', CIRCLE_PROJECT_REPONAME: 'infra', CIRCLE_SHA1: 'aaa', CIRCLE_BRANCH: 'main', CIRCLE_BUILD_URL: 'https://circleci.com/gh/acme/infra/9', CIRCLE_JOB: 'scan' },
      { provider: 'circleci', repository: 'acme/infra', commit: 'aaa', ref: 'main', runUrl: 'https://circleci.com/gh/acme/infra/9', workflow: 'scan' },
    ],
    [
      'Azure Pipelines',
      { TF_BUILD: 'True', BUILD_REPOSITORY_NAME: 'infra', BUILD_SOURCEVERSION: 'bbb', BUILD_SOURCEBRANCH: 'refs/heads/main', SYSTEM_COLLECTIONURI: 'https://dev.azure.com/acme/', SYSTEM_TEAMPROJECT: 'Platform Team', BUILD_BUILDID: '77', BUILD_DEFINITIONNAME: 'soc2', BUILD_REASON: 'Schedule' },
      { provider: 'azure-pipelines', repository: 'infra', commit: 'bbb', ref: 'refs/heads/main', runUrl: 'https://dev.azure.com/acme/Platform%20Team/_build/results?buildId=77', workflow: 'soc2', event: 'Schedule' },
    ],
    [
      'Jenkins (credentials stripped from the Git URL)',
      { JENKINS_URL: 'https://ci.example/', BUILD_URL: 'https://ci.example/job/soc2/5/', GIT_URL: 'https://jenkins:s3cret@git.example/acme/infra.git', GIT_COMMIT: 'ccc', GIT_BRANCH: 'origin/main', JOB_NAME: 'soc2' },
      { provider: 'jenkins', repository: 'https://git.example/acme/infra.git', commit: 'ccc', ref: 'origin/main', runUrl: 'https://ci.example/job/soc2/5/', workflow: 'soc2' },
    ],
    [
      'Buildkite',
      { BUILDKITE: 'true', BUILDKITE_REPO: 'git@github.com:acme/infra.git', BUILDKITE_COMMIT: 'ddd', BUILDKITE_BRANCH: 'main', BUILDKITE_BUILD_URL: 'https://buildkite.com/acme/soc2/builds/3', BUILDKITE_PIPELINE_SLUG: 'soc2', BUILDKITE_SOURCE: 'schedule' },
      { provider: 'buildkite', repository: 'git@github.com:acme/infra.git', commit: 'ddd', ref: 'main', runUrl: 'https://buildkite.com/acme/soc2/builds/3', workflow: 'soc2', event: 'schedule' },
    ],
    [
      'Bitbucket Pipelines',
      { BITBUCKET_BUILD_NUMBER: '12', BITBUCKET_REPO_FULL_NAME: 'acme/infra', BITBUCKET_COMMIT: 'eee', BITBUCKET_BRANCH: 'main' },
      { provider: 'bitbucket-pipelines', repository: 'acme/infra', commit: 'eee', ref: 'main', runUrl: 'https://bitbucket.org/acme/infra/pipelines/results/12' },
    ],
    [
      'AWS CodeBuild',
      { CODEBUILD_BUILD_ID: 'soc2-scan:1234', CODEBUILD_SOURCE_REPO_URL: 'https://github.com/acme/infra', CODEBUILD_RESOLVED_SOURCE_VERSION: 'fff', CODEBUILD_SOURCE_VERSION: 'main' },
      { provider: 'aws-codebuild', repository: 'https://github.com/acme/infra', commit: 'fff', ref: 'main', workflow: 'soc2-scan' },
    ],
    ['another CI, completed by git', { CI: 'true' }, { provider: 'ci', repository: 'git@example.test:acme/infra.git', commit: 'c0ffee', ref: 'main' }],
    ['no CI: the checkout and the host', {}, { provider: 'local', repository: 'git@example.test:acme/infra.git', commit: 'c0ffee', ref: 'main', dirty: false, host: hostname() }],
  ])('%s', async (_name, env, expected) => {
    const detected = await detectRunEnvironment(env, '/repo', git);
    expect(detected).toEqual(expected);
    expect(JSON.stringify(detected)).not.toMatch(/secret|ghs_|glcbt/);
  });

  it('reads the commit, branch, origin (without credentials) and uncommitted changes of a real checkout', async () => {
    const directory = temporary.make();
    const run = (...args: string[]) => execFileSync('git', ['-C', directory, ...args], { stdio: 'ignore', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
    run('init', '-q', '-b', 'main');
    run('config', 'user.email', 'test@example.test');
    run('config', 'user.name', 'Test');
    run('remote', 'add', 'origin', 'https://ci-bot:token123@git.example/acme/infra.git');
    writeFileSync(path.join(directory, 'main.tf'), 'resource "aws_s3_bucket" "b" {}\n');
    run('add', 'main.tf');
    run('commit', '-q', '-m', 'infra');
    const commit = execFileSync('git', ['-C', directory, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    expect(await detectRunEnvironment({}, directory)).toMatchObject({ provider: 'local', repository: 'https://git.example/acme/infra.git', commit, ref: 'main', dirty: false });
    writeFileSync(path.join(directory, 'main.tf'), 'resource "aws_s3_bucket" "c" {}\n');
    expect((await readGit(directory)).dirty).toBe(true);
  });

  it('says nothing of git outside a checkout', async () => {
    expect(await readGit(temporary.make())).toEqual({});
  });
});

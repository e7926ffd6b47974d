import { describe, expect, it } from 'vitest';
import { InputError } from '@trustscan/core';
import { publicArmEndpoint, resolveArmEndpoint } from '../src/endpoint.js';
import { failureFromResponse } from '../src/arm-failure.js';
import { newestVersion } from '../src/api-versions.js';

describe('resolveArmEndpoint', () => {
  it.each([
    [undefined, { url: publicArmEndpoint, local: false }],
    ['', { url: publicArmEndpoint, local: false }],
    ['https://management.chinacloudapi.cn/', { url: 'https://management.chinacloudapi.cn', local: false }],
    ['https://management.usgovcloudapi.net', { url: 'https://management.usgovcloudapi.net', local: false }],
    ['http://127.0.0.1:8443', { url: 'http://127.0.0.1:8443', local: true }],
    ['http://127.1.2.3:80/', { url: 'http://127.1.2.3', local: true }],
    ['http://localhost:9000', { url: 'http://localhost:9000', local: true }],
    ['http://[::1]:9000', { url: 'http://[::1]:9000', local: true }],
  ])('%s', (value, expected) => {
    expect(resolveArmEndpoint(value)).toEqual(expected);
  });

  it.each([
    ['http://10.0.0.5:8080', /plain http is accepted only on loopback/],
    ['http://management.azure.com', /plain http is accepted only on loopback/],
    ['http://127.0.0.1.example.com', /plain http is accepted only on loopback/],
    ['ftp://127.0.0.1', /the ftp: scheme is not supported/],
    ['management.azure.com', /is not a URL/],
  ])('rejects %s', (value, message) => {
    const error = (() => {
      try {
        resolveArmEndpoint(value);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(message);
    expect((error as InputError).message).toMatch(/^TRUSTSCAN_AZURE_ENDPOINT: /);
    expect((error as InputError).message.includes('\n')).toBe(false);
  });
});

describe('ARM responses', () => {
  it('reads the missing permission out of an AuthorizationFailed message', () => {
    const body = JSON.stringify({
      error: {
        code: 'AuthorizationFailed',
        message:
          "The client 'x' with object id 'y' does not have authorization to perform action 'Microsoft.Web/sites/config/read' over scope '/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/a/config/web' or the scope is invalid.\nIf access was recently granted, please refresh your credentials.",
      },
    });
    expect(failureFromResponse(403, body, 'fallback/read')).toEqual({
      status: 403,
      code: 'AuthorizationFailed',
      message: expect.stringMatching(/^The client 'x' .* or the scope is invalid\.$/),
      permission: 'Microsoft.Web/sites/config/read',
    });
    expect(failureFromResponse(403, '<html>Forbidden</html>', 'Microsoft.Storage/storageAccounts/read')).toEqual({ status: 403, code: 'HTTP403', message: 'HTTP 403', permission: 'Microsoft.Storage/storageAccounts/read' });
  });

  it('picks the newest stable API version, else the newest preview', () => {
    expect(newestVersion(['2022-09-01', '2025-06-01-preview', '2024-01-01', '2023-05-01'])).toBe('2024-01-01');
    expect(newestVersion(['2021-05-01-preview', '2017-05-01-preview'])).toBe('2021-05-01-preview');
    expect(newestVersion([])).toBeUndefined();
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A moto server started for a test file, on 127.0.0.1 and a free port. */
export interface MotoServer {
  readonly endpoint: string;
  /** Clears every emulated account (moto's reset API), so a test starts empty. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * moto's server with one request served at a time. moto checks S3's `If-None-Match: *` and then writes, without a
 * lock, so two concurrent conditional writes to one key can both succeed on its threaded server; S3 decides them
 * atomically. Tests of concurrent conditional writes run moto this way so that it keeps S3's guarantee.
 */
const serializedMoto = [
  'import sys, moto.server, werkzeug.serving',
  'serve = werkzeug.serving.run_simple',
  "moto.server.run_simple = lambda *args, **options: serve(*args, **{**options, 'threaded': False})",
  'moto.server.main(sys.argv[1:])',
].join('\n');

export interface MotoOptions {
  /** Serve one request at a time, so conditional writes are atomic as on S3 (see `serializedMoto`). */
  readonly serialized?: boolean;
}

/**
 * Starts `python3 -m moto.server` on 127.0.0.1 and a free port, waits until it answers, and returns it. Never relies
 * on a server already running; a port taken between probing and binding is retried on another.
 */
export async function startMoto(options: MotoOptions = {}): Promise<MotoServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const server = options.serialized ? ['-c', serializedMoto] : ['-m', 'moto.server'];
    const child = spawn('python3', [...server, '-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
    // Test files stop moto in afterAll; this also ends it when the test process itself ends first (a crashed worker).
    const orphanGuard = (): void => void child.kill('SIGKILL');
    process.once('exit', orphanGuard);
    child.once('exit', () => process.off('exit', orphanGuard));
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const endpoint = `http://127.0.0.1:${port}`;
    try {
      await waitUntilAnswering(endpoint, child, () => stderr);
      return {
        endpoint,
        reset: async () => {
          const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
          if (!response.ok) throw new Error(`moto reset failed: HTTP ${response.status}`);
        },
        stop: () => stop(child),
      };
    } catch (error) {
      lastError = error;
      await stop(child);
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(endpoint: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto exited with code ${child.exitCode}: ${stderr()}`);
    try {
      const response = await fetch(`${endpoint}/moto-api/data.json`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`moto did not answer on ${endpoint} within 30 s: ${stderr()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Environment for the SDK to talk to `endpoint` with fake credentials; apply it with `vi.stubEnv` and undo it after. */
export function motoEnvironment(endpoint: string, region = 'us-east-1'): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_PROFILE: '',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    // The scenario builders' own SDK clients would print the SDK's Node 20 warning; the scanner silences its clients itself.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/**
 * Runs `use` with `process.env` holding the moto environment, so code that builds SDK clients with the default
 * credential chain (as the CLI does) reaches moto; the environment is restored afterwards, also when `use` throws.
 */
export async function withMotoEnvironment<T>(endpoint: string, use: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, motoEnvironment(endpoint));
  try {
    return await use();
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

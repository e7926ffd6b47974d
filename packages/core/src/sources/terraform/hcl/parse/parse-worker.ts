import { parentPort } from 'node:worker_threads';
import { describeError } from '../../../../model/errors.js';
import { hcl2jsonParse } from './hcl2json.js';
import { parseHclText } from './parse-hcl.js';
import type { TerraformFileKind } from './parsed-file.js';

interface Request {
  readonly id: number;
  readonly kind: TerraformFileKind;
  readonly text: string;
}

// Start hcl2json's WASM runtime while the first files are still being read.
hcl2jsonParse();

parentPort?.on('message', (request: Request) => {
  parseHclText(request.kind, request.text).then(
    (result) => parentPort?.postMessage({ id: request.id, result }),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: describeError(error) }),
  );
});

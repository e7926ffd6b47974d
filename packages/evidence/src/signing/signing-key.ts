import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { InputError, describeError } from '@trustscan/core';
import type { RecordSigner } from '../format/encode-record.js';
import type { SignerInfo } from '../format/record-format.js';

/** A loaded Ed25519 private key: signs records and says which public key verifies them. */
export interface SigningKey extends RecordSigner {
  readonly info: SignerInfo;
}

const createKeyHint = 'create one with `openssl genpkey -algorithm ed25519 -out evidence-key.pem`';

/** Reads an Ed25519 private key (PEM, PKCS#8, as `openssl genpkey -algorithm ed25519` writes it). */
export async function loadSigningKey(file: string, displayPath: string = file): Promise<SigningKey> {
  const text = await readKeyFile(file, displayPath, 'the evidence signing key');
  let key: KeyObject;
  try {
    key = createPrivateKey(text);
  } catch {
    throw new InputError(`${displayPath}: not a private key in PEM form; ${createKeyHint}.`, { subject: displayPath });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new InputError(`${displayPath}: a ${key.asymmetricKeyType ?? 'non-asymmetric'} key, not Ed25519; ${createKeyHint}.`, { subject: displayPath });
  }
  return signingKeyFrom(key);
}

/** A signing key from a node:crypto private key object (Ed25519). */
export function signingKeyFrom(privateKey: KeyObject): SigningKey {
  const info = signerInfo(createPublicKey(privateKey));
  return { info, keyId: info.keyId, sign: (digest) => sign(null, digest, privateKey) };
}

/**
 * Reads the public key a verification expects: a PEM public key (`openssl pkey -in key.pem -pubout`), or the private
 * key itself, whose public half is used.
 */
export async function loadPublicKey(file: string, displayPath: string = file): Promise<SignerInfo> {
  const text = await readKeyFile(file, displayPath, 'the public key');
  let key: KeyObject;
  try {
    key = text.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(text)) : createPublicKey(text);
  } catch {
    throw new InputError(`${displayPath}: not an Ed25519 public key in PEM form; export it with \`openssl pkey -in evidence-key.pem -pubout -out evidence-key.pub\`.`, { subject: displayPath });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new InputError(`${displayPath}: a ${key.asymmetricKeyType ?? 'non-asymmetric'} key, not Ed25519.`, { subject: displayPath });
  return signerInfo(key);
}

/** The signer description a header carries: the DER public key in base64 and its SHA-256. */
export function signerInfo(publicKey: KeyObject): SignerInfo {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return { algorithm: 'ed25519', publicKey: der.toString('base64'), keyId: createHash('sha256').update(der).digest('hex') };
}

/** Whether `signature` (base64) is the Ed25519 signature of `digest` by the public key `publicKey` (base64 DER). */
export function signatureMatches(publicKey: string, digest: Buffer, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' && verify(null, digest, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

async function readKeyFile(file: string, displayPath: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError(`${displayPath}: cannot read ${what} (${missing ? 'no such file' : describeError(error)})${missing && what.includes('signing') ? `; ${createKeyHint}` : ''}.`, { subject: displayPath });
  }
}

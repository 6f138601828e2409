// The evidence signing key: Ed25519 (node:crypto), a key id anyone can recompute from the public key, and signatures.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { EleanorError } from '../core/index.js';

export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly keyId: string;
}

/** The first 16 hex digits of the SHA-256 of the public key's DER (SPKI) encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** A new key pair as PEM: the private key (PKCS #8) and its public key (SPKI). */
export function generateSigningKeyPem(): { privateKeyPem: string; publicKeyPem: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}

function keyError(what: string, detail: string): EleanorError {
  return new EleanorError('INVALID_INPUT', `${what}: expected an Ed25519 key in PEM, ${detail}`, { path: what });
}

/** The signing key from PEM text (a file's content, or ELEANOR_EVIDENCE_SIGNING_KEY); `what` names it in errors. */
export function signingKeyFrom(pem: string, what: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw keyError(what, `got something unreadable (${(error as Error).message})`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw keyError(what, `got a ${privateKey.asymmetricKeyType} key`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** The text of a key file; `what` names the setting or flag in the error. */
export function readPemFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new EleanorError(
      'INVALID_INPUT',
      `${what}: expected a readable PEM file (eleanor evidence keygen --out FILE writes one), got '${path}' (${(error as NodeJS.ErrnoException).code})`,
      { path: what },
    );
  }
}

/** A public key from a PEM file: an SPKI public key, or a private key whose public half is taken. */
export function publicKeyFromFile(path: string, what: string): KeyObject {
  const pem = readPemFile(path, what);
  let key: KeyObject;
  try {
    key = pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
  } catch (error) {
    throw keyError(what, `got something unreadable in '${path}' (${(error as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw keyError(what, `got a ${key.asymmetricKeyType} key in '${path}'`);
  return key;
}

/** An Ed25519 signature (base64) over the UTF-8 bytes of `text`. */
export function signText(key: SigningKey, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64');
}

export function signatureHolds(publicKey: KeyObject, text: string, signature: string): boolean {
  const bytes = Buffer.from(signature, 'base64');
  // Base64 is decoded leniently (unused bits, stray characters): only the signature's exact encoding counts.
  if (bytes.toString('base64') !== signature) return false;
  try {
    return verify(null, Buffer.from(text, 'utf8'), publicKey, bytes);
  } catch {
    return false;
  }
}

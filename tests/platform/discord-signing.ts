// Signs interaction requests the way Discord does (Ed25519 over timestamp + raw body), for
// tests that post to the Interactions Endpoint as Discord would.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface Ed25519Keys {
  privateKey: KeyObject;
  /** The public key as the Developer Portal shows it (64 hex characters): RINGKAS_DISCORD_PUBLIC_KEY. */
  publicHex: string;
}

export function ed25519Keys(): Ed25519Keys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x!;
  return { privateKey, publicHex: Buffer.from(x, 'base64url').toString('hex') };
}

export function signInteraction(privateKey: KeyObject, timestamp: string, body: string): string {
  return sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
}

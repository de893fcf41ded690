// Discord signs every request it posts to the Interactions Endpoint URL with the application's
// Ed25519 key: X-Signature-Ed25519 = sign(X-Signature-Timestamp + raw body). Node's own crypto
// checks it (docs/decisions/018); a request that fails here is answered 401 and nothing runs.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** How far a request's timestamp may be from our clock, either way (the same window as Slack's). */
export const MAX_SKEW_SECONDS = 5 * 60;

/** The public key as the Developer Portal shows it (64 hex characters), or null when it is not one. */
export function publicKeyFromHex(hex: string): KeyObject | null {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return null;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
  } catch {
    return null;
  }
}

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'bad_signature' };

/** Checks the signature first, then the timestamp (a signed but stale request may be a replay). */
export function checkSignature(publicKey: KeyObject, request: SignedRequest, nowMs: number): SignatureCheck {
  const { signature, timestamp } = request;
  if (!signature || !timestamp) return { ok: false, reason: 'missing' };
  if (!/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed' };
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), request.body]);
  if (!verify(null, signed, publicKey, Buffer.from(signature, 'hex'))) return { ok: false, reason: 'bad_signature' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return { ok: false, reason: 'stale' };
  return { ok: true };
}

// Content fingerprint for de-duplication: the same article pasted twice with
// different spacing, punctuation or case yields the same hash.
import { createHash } from 'node:crypto';

const NOT_WORD = /[^\p{L}\p{N}]+/gu;

export function normaliseForFingerprint(body: string): string {
  return body.normalize('NFKC').toLowerCase().replace(NOT_WORD, ' ').trim();
}

export function fingerprint(body: string): string {
  return createHash('sha256').update(normaliseForFingerprint(body)).digest('hex').slice(0, 32);
}

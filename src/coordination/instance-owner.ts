// A claim owner's name: unique per open engine, and readable in the database
// (which host and process held a claim that was taken over).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export function instanceOwner(): string {
  return `${hostname().slice(0, 40)}/${process.pid}/${randomBytes(4).toString('hex')}`;
}

// One lowdb database per JSON file, compact on disk, refusing (never
// overwriting) a file that is empty, corrupt or not ours.
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { existsSync } from 'node:fs';
import type { z } from 'zod';
import { StoreError } from './store-errors.js';
import { SCHEMA_VERSION } from './store-schema.js';
import { writeFailureReason } from './write-failure.js';

export interface OpenedJsonDb<T> {
  db: Low<T>;
  /** False when the file did not exist: `db` holds the defaults, not yet written. */
  existed: boolean;
}

/** Reads `file` if it exists; a missing file gives the defaults and is not written here. */
export async function openJsonDb<T extends { schemaVersion: number }>(
  file: string,
  schema: z.ZodType,
  defaults: () => T,
): Promise<OpenedJsonDb<T>> {
  // Compact JSON: whole-file rewrites are the hot path, pretty-printing doubles them.
  const adapter = new DataFile<T>(file, { parse: JSON.parse, stringify: (d) => JSON.stringify(d) });
  const db = new Low<T>(adapter, defaults());
  const existed = existsSync(file);
  if (!existed) return { db, existed };
  try {
    await db.read();
  } catch (cause) {
    throw new StoreError(file, 'is empty or not valid JSON; it was left untouched. Restore it from a backup or move it aside, then start again.', { cause });
  }
  const version = (db.data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new StoreError(file, `was written by a newer Ringkas (schema ${version}, this one reads ${SCHEMA_VERSION}); upgrade Ringkas.`);
  }
  if (!schema.safeParse(db.data).success) {
    throw new StoreError(file, 'does not look like a Ringkas data file; it was left untouched. Move it aside and start again.');
  }
  return { db, existed };
}

/** Writes at start-up; a failure stops the start naming the file and the reason. */
export async function writeAtStart(file: string, db: Low<unknown>): Promise<void> {
  try {
    await db.write();
  } catch (cause) {
    throw new StoreError(file, `could not be written: ${writeFailureReason(cause)}.`, { cause });
  }
}

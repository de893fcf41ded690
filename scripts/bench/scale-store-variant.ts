// What the scale bench needs of a store it measures the engine on: a fresh store
// holding the first n corpus articles, the environment that points an engine at
// it, and its size on disk.
export interface StoreVariant {
  name: string;
  /** A store holding the first `n` corpus articles, and the environment that points an engine at it. */
  prepare(n: number, log: (line: string) => void): Promise<PreparedStore>;
  /** Stops whatever the variant started for all sizes (a database server). */
  close?(): Promise<void>;
}

export interface PreparedStore {
  env: Record<string, string>;
  diskBytes(): Promise<number>;
  dispose(): Promise<void>;
}

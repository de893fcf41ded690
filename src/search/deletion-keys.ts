// SymSpell files a term under itself and its one-letter deletions, and two
// words meet when they share one of those keys. Typo filing needs the keys
// themselves; a look-up that scans terms not filed yet only needs to know
// whether two words share a key, which `sharesDeletionKey` answers without
// building a string.

/** A term and its one-letter deletions: the keys it is filed under. */
export function deletionKeys(term: string): string[] {
  const out = [term];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

/** Whether `deletionKeys(a)` and `deletionKeys(b)` have a key in common. */
export function sharesDeletionKey(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (la === lb + 1) return dropsOne(a, b);
  if (lb === la + 1) return dropsOne(b, a);
  if (la !== lb) return false;
  // Same length: only "a less one letter" can equal "b less one letter".
  // They differ first at `first` and last at `last`; outside that window the
  // letters match. Deleting at both ends of the window works when the window
  // is one letter (a substitution) or when one word is the other shifted by
  // one letter inside it (a transposition is the two-letter case).
  let first = 0;
  while (a.charCodeAt(first) === b.charCodeAt(first)) first++;
  let last = la - 1;
  while (a.charCodeAt(last) === b.charCodeAt(last)) last--;
  if (first === last) return true;
  return shifted(a, b, first, last) || shifted(b, a, first, last);
}

/** Whether deleting one letter of `longer` gives `shorter`. */
function dropsOne(longer: string, shorter: string): boolean {
  const n = shorter.length;
  let prefix = 0;
  while (prefix < n && longer.charCodeAt(prefix) === shorter.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < n - prefix && longer.charCodeAt(longer.length - 1 - suffix) === shorter.charCodeAt(n - 1 - suffix)) suffix++;
  return prefix + suffix >= n;
}

/** Whether `a` runs one letter ahead of `b` across `from`..`to` (`a[k + 1] === b[k]`). */
function shifted(a: string, b: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (a.charCodeAt(k + 1) !== b.charCodeAt(k)) return false;
  return true;
}

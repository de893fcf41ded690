// Finding where a JSON string, object or list ends in a shard's bytes without decoding them to a
// string. Inside a JSON string a quote is always escaped, so a quote preceded by
// an even number of backslashes closes the string.

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;

/** Index just past the closing quote of the JSON string whose content starts at `i`; -1 when cut short. */
export function stringEnd(bytes: Buffer, i: number): number {
  for (;;) {
    const q = bytes.indexOf(QUOTE, i);
    if (q < 0) return -1;
    let backslashes = 0;
    for (let k = q - 1; bytes[k] === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

export const OPEN_LIST = 0x5b;
export const CLOSE_LIST = 0x5d;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;

/** Index just past the object or list that opens at `i` (a `{` or `[`); -1 when cut short. Its strings are short: scanned here, not searched. */
export function compositeEnd(bytes: Buffer, i: number): number {
  let depth = 0;
  for (;;) {
    const c = bytes[i++];
    if (c === undefined) return -1;
    if (c === QUOTE) {
      for (let d = bytes[i++]; d !== QUOTE; d = bytes[i++]) {
        if (d === undefined) return -1;
        if (d === BACKSLASH) i++;
      }
    } else if (c === OPEN_OBJECT || c === OPEN_LIST) depth++;
    else if ((c === CLOSE_OBJECT || c === CLOSE_LIST) && --depth === 0) return i;
  }
}

// Finding where a JSON string ends in a shard's bytes without decoding them to a
// string. Inside a JSON string a quote is always escaped, so a quote preceded by
// an even number of backslashes closes the string.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

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

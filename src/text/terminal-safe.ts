// Text from outside (file names, links, error messages quoting them) printed to a
// terminal: control characters would act instead of showing (ESC sequences clear
// the screen or recolour it, BEL rings, CR overwrites the line) and bidi overrides
// make a name read backwards. Each is shown as a visible escape instead, so the
// name stays recognisable and the terminal is untouched.

// Controls (C0, DEL, C1; newline is handled by the caller) and the bidi marks, embeddings, overrides and isolates.
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

function visible(c: string): string {
  const code = c.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with every terminal control character shown as an escape (newlines kept). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => (c === '\n' ? c : visible(c)));
}

/** One line of `text` for a terminal: newlines escaped too. */
export function terminalSafeLine(text: string): string {
  return terminalSafe(text).replace(/\n/g, '\\n');
}

// How a text writes its words: the ones it writes in lower case ("penambahan", "transportation")
// are plain words even where a headline or a title capitalises them; the ones it writes in title
// case ("Bangkok") show that "BANGKOK" is a shouted word, not an acronym. One pass over the text,
// shared by the name finders, instead of a pattern per candidate.

export interface WordCases {
  /** Words written starting in lower case, as written. */
  lower: ReadonlySet<string>;
  /** Words written in title case ("Bangkok"), as written. */
  title: ReadonlySet<string>;
}

/** Whether `w` past its first letter has no capital: by char codes while it is plain ASCII. */
function restIsLower(w: string): boolean {
  for (let i = 1; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c > 127) return w.slice(1) === w.slice(1).toLowerCase();
    if (c >= 65 && c <= 90) return false;
  }
  return true;
}

export function wordCases(text: string): WordCases {
  const lower = new Set<string>();
  const title = new Set<string>();
  for (const w of text.split(/[^\p{L}’'-]+/u)) {
    if (!w || w[0] === '-') continue;
    const first = w[0]!;
    if (first !== first.toUpperCase()) lower.add(w);
    else if (first !== first.toLowerCase() && w.length > 1 && restIsLower(w)) title.add(w);
  }
  return { lower, title };
}

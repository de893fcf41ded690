// Photo captions inside a page's text: "Pekerja ... Rabu (8/4/2020). (AGENCY/Name)",
// "... di Jakarta, Senin (10/1/2022) [AGENCY/HO-Biro Humas]", "(Photo: Ministry)",
// or the caption printed twice around a "Name/Desk" credit. They describe a
// picture, not the news: taken out of the body, kept only for their dates.

// A credit closing the paragraph: "(AGENCY/Name)", "[AGENCY / Name / desk]", "(Agency Photo/Name)", "(Foto: ...)".
// A person's name after the slash has a space or a hyphen, which "(MoU/PKS)" has not.
const CLOSING_CREDIT =
  /[([]\s*(?:(?:photo|foto|dok|doc|image|gambar|ilustrasi|illustration)\b\s*[:.]?[^()[\]]{0,100}|\p{Lu}[\p{L}.]*(?:\s+[\p{L}.]+){0,3}\s*\/\s*(?=[^()[\]]*[\s-])[^()[\]]{2,80})[)\]]\.?$/iu;
// The caption repeated after a "Name Name/Desk" credit glued to its last word.
const DOUBLED = /^(.{20,}?[.!?]?)\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3}\/\p{Lu}[\p{L}.]*\s+(.{20,})$/u;
const MAX_CAPTION = 600;

export function isCaption(paragraph: string): boolean {
  // Every credit has a slash or a bracket: most paragraphs are ruled out without a regex.
  if (paragraph.length > MAX_CAPTION || !/[/)\]]/.test(paragraph)) return false;
  if (CLOSING_CREDIT.test(paragraph)) return true;
  if (!paragraph.includes('/')) return false;
  const doubled = DOUBLED.exec(paragraph);
  if (!doubled) return false;
  const [, first = '', second = ''] = doubled;
  return first.replace(/[.!?]$/u, '').trim() === second.replace(/[.!?]$/u, '').trim();
}

export function takeCaptions(paragraphs: string[]): { paragraphs: string[]; captions: string[] } {
  const kept: string[] = [];
  const captions: string[] = [];
  for (const p of paragraphs) (isCaption(p) ? captions : kept).push(p);
  return { paragraphs: kept, captions };
}

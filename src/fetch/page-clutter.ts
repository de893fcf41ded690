// Page furniture that is never article text: navigation, share bars, "Baca juga"
// boxes, ads, newsletter prompts. Removed before Readability scores the page, and
// single clutter lines dropped after. The text-level cleaner in src/ingest/ runs
// afterwards as well; this pass handles what only the DOM shows.
import type { DomDocument, DomElement } from './dom-shape.js';

const FURNITURE_TAGS = 'script, style, noscript, template, iframe, form, button, nav, aside, footer, svg, [role="navigation"], [role="complementary"], [hidden]';

/** Class or id words that mark furniture, in English and Indonesian. */
const FURNITURE_NAME =
  /(^|[\s_-])(baca-?juga|bacajuga|read-?also|related|terkait|rekomendasi|recommended|advert\w*|ads?|ad-slot|iklan|promo|newsletter|subscribe|share|sharing|social|socmed|comments?|komentar|breadcrumbs?|tags?|topik|popular|terpopuler|trending|most-read|sidebar|widget|banner|sponsor\w*|outbrain|taboola|cookies?|consent|paywall|modal|popup)($|[\s_-])/i;

const CLUTTER_LINE = [
  /^(baca( juga| selengkapnya)?|read (also|more)|see also|simak( juga)?|lihat juga|tonton( juga)?|saksikan( juga)?|pilihan editor|artikel terkait|berita terkait|related( articles?| stories)?)\s*[:：-]/i,
  /^(baca juga|read also|simak juga|lihat juga|berita terkait|artikel terkait|related articles?)$/i,
  /^(advertisement|iklan|adv|sponsored|scroll (to|untuk) (continue|resume|lanjut|melanjutkan)[\w\s]*|gulir (ke bawah )?untuk melanjutkan[\w\s]*)$/i,
  /^(share|bagikan)(\s*[:：].{0,60}|\s+(this|on|via|artikel|berita|ke)\b.{0,60})?$/i,
  /^(follow us|ikuti (kami|berita|update|saluran)|dapatkan (update|berita|informasi)|download (aplikasi|the app)|subscribe|berlangganan|sign up|get the latest)\b.{0,160}$/i,
  /^simak (breaking news|berita|video|selengkapnya)\b.{0,160}$/i,
  /^(artikel ini (telah )?(tayang|terbit)|this (article|story) (first )?appeared)\b.{0,200}$/i,
  /^(halaman selanjutnya|selanjutnya|sebelumnya|next page|previous page|dengarkan berita ini|listen to this article)\b.{0,40}$/i,
  /^\[gambas:[^\]]*\]$/i,
  /^(editor|penulis|reporter|pewarta|penyunting|redaktur|writer)\s*:.{0,60}$/i,
  /^(reporting|additional reporting|writing|editing) by\b.{0,160}$/i,
  /^our standards:/i,
  /^(copyright|hak cipta)\b|^©/i,
];

const DATE_WORDS =
  /\b(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan(uari|uary)?|feb(ruari|ruary)?|mar(et|ch)?|apr(il)?|mei|may|jun[ei]?|jul[iy]?|ag(u)?s(tus)?|aug(ust)?|sep(t|tember)?|okt(ober)?|oct(ober)?|nov(ember)?|des(ember)?|dec(ember)?|wib|wita|wit|gmt|utc|am|pm|pukul|updated|diperbarui|published|dipublikasikan)\b\.?/gi;

export function isClutterLine(line: string): boolean {
  return CLUTTER_LINE.some((re) => re.test(line)) || isDateline(line);
}

/** A stand-alone time stamp such as "Rabu, 22 Mei 2024" or "Kompas.com - 05/03/2024, 21:30 WIB". */
function isDateline(line: string): boolean {
  if (line.length > 80 || !/\d/.test(line)) return false;
  const hasDate = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/.test(line) || line.replace(DATE_WORDS, '') !== line;
  if (!hasDate) return false;
  const rest = line.replace(DATE_WORDS, ' ').replace(/[\d/.,:|()-]+/g, ' ').trim();
  return rest.split(/\s+/).filter(Boolean).length <= 2;
}

export function removePageFurniture(doc: DomDocument): void {
  for (const el of Array.from(doc.querySelectorAll(FURNITURE_TAGS))) el.remove();
  const bodyLength = (doc.body?.textContent ?? '').length;
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    if (!isFurnitureName(el) || isArticleContainer(el, bodyLength)) continue;
    el.remove();
  }
}

function isFurnitureName(el: DomElement): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return FURNITURE_NAME.test(names);
}

/** Never drop a wrapper that holds the article itself (e.g. <div class="post has-share-bar">). */
function isArticleContainer(el: DomElement, bodyLength: number): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'BODY' || tag === 'HTML' || tag === 'MAIN' || tag === 'ARTICLE') return true;
  if (el.querySelector('article, main, h1')) return true;
  return (el.textContent ?? '').length > bodyLength * 0.4;
}

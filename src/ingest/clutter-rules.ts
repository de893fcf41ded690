// Recognisers for site clutter in Indonesian and English news pages: related
// links, ads, share/subscribe widgets, comment boxes, credit lines. Rules
// describe the kind of line, never a particular outlet, so they hold for
// articles nobody has seen. All patterns are compiled once at load.

const BULLET = /^[•·*+\-–—►▶→>|»■□◆◇○●]+\s*/u;

/** Lines introducing a linked headline: "Baca Juga:", "Read also", "Related:". */
const READ_ALSO = new RegExp(
  '^(?:(?:baca|lihat|simak|tonton|saksikan|cek)\\s+(?:juga|pula|lainnya)' +
    '|(?:read|see|watch)\\s+(?:also|more|next)|also\\s+read|related(?:\\s+(?:news|story|article|link))?' +
    '|berita\\s+terkait|artikel\\s+terkait|baca\\s+selengkapnya|(?:simak|tonton|saksikan|watch)\\s+(?:the\\s+)?video' +
    // A bare "Baca:" or "Pilihan Editor:" only with its colon: "Baca" also opens sentences.
    '|(?:baca|read|pilihan\\s+editor|editor.?s\\s+(?:pick|choice))(?=\\s*[:：]))\\b\\s*([:：\\-–—|])?\\s*(.*)$',
  'iu',
);

/** Headers after which a list of other articles' headlines follows. */
const SECTION_HEADER = new RegExp(
  // An optional quoted category first: '"Politics" POPULAR ARTICLE'.
  '^(?:["“][^"”]{1,30}["”]\\s*)?(?:you\\s+(?:may|might)\\s+(?:also\\s+)?like|more\\s+from(?:\\s+(?:the\\s+)?author|\\s+\\w+)?' +
    '|related\\s+(?:posts?|articles?|news|stories|content|topics?)|recommended(?:\\s+for\\s+you)?|popular\\s+(?:posts?|articles?|news|stories)' +
    '|most\\s+(?:read|popular|viewed)|trending(?:\\s+now)?|latest\\s+(?:news|posts?|stories)|editor.?s\\s+picks?' +
    '|(?:berita|artikel)\\s+(?:terkait|lainnya|terkini|terpopuler|populer|pilihan|rekomendasi)' +
    '|terpopuler|terkini|rekomendasi|pilihan\\s+(?:editor|redaksi)|topik\\s+terkait|tag\\s+terkait' +
    '|(?:untuk\\s+)?informasi\\s+lebih\\s+lanjut(?:\\s+[\\p{L}]+){0,3}|for\\s+(?:more|further)\\s+information(?:\\s+[\\p{L}]+){0,3}' +
    '|media\\s+contacts?|kontak\\s+media|narahubung|contact\\s+person' +
    '|baca\\s+berita\\s+lainnya|video\\s+(?:pilihan|terkait|terpopuler|lainnya)|(?:more|related|recommended)\\s+videos?|komentar|comments?|leave\\s+a\\s+(?:reply|comment))\\s*:?$',
  'iu',
);

const CLUTTER_LINE_SOURCES = [
  // Ads and scroll prompts.
  '(?:(?:advertisement|iklan|advertorial|sponsored(?: content)?|scroll (?:to|untuk|ke bawah untuk) (?:continue|melanjutkan|lanjut)(?: (?:with content|membaca|reading))?|loading\\.*|memuat\\.*)[\\s|·•\\-–—]*)+',
  // Reading-time badges.
  '(?:estimated )?read(?:ing)? time:? ?\\d+ ?min(?:ute)?s?(?: read)?|\\d+ ?min(?:ute)?s? read|waktu baca:? ?\\d+ ?menit|\\d+ menit (?:membaca|baca)',
  // Comment and trackback widgets.
  '(?:\\d+\\s+)?(?:comments?|komentar)(?:\\s*\\(s\\))?(?:\\s*\\(\\d+\\))?(?:\\s+(?:write|tulis|add|leave|post|kirim)\\s+(?:a\\s+)?(?:comments?|komentar))?',
  '(?:there are )?no comments(?: yet)?\\.?|belum ada komentar\\.?|be the first to comment\\.?|jadilah yang pertama berkomentar\\.?',
  '(?:add yours|add a comment|write (?:a )?comment|leave a (?:comment|reply)|post a comment|tulis komentar|kirim komentar)[.!]?',
  '(?:trackback|pingback)s?\\b.*|(?:login|log in|masuk) (?:untuk|to) (?:berkomentar|comment)\\.?',
  // Share rows and social buttons.
  '(?:share|bagikan|sebarkan)(?: (?:this|artikel ini|berita ini|this article|this story|on|ke|via)\\b.{0,40})?:?',
  '(?:(?:facebook|twitter|x|whatsapp|telegram|linkedin|line|e-?mail|copy link|salin (?:link|tautan)|pinterest|reddit|share|bagikan|tweet|print|cetak)[\\s|,/·•]*)+',
  // Subscribe and follow prompts.
  '(?:subscribe|berlangganan|sign up|follow us|ikuti kami|dapatkan (?:update|berita|info)|ikuti (?:update|berita|info))\\b.{0,100}',
  // Credit lines.
  '[\\[(]?\\s*(?:redaktur|editor|penyunting|penulis|reporter|pewarta|kontributor|sumber|source|foto|photo|fotografer|videografer|ilustrasi|grafis|writer|author|oleh|written by|reported by|edited by|editing by|reporting by|caption|credits?|kredit)\\s*[:：|]\\s*.{0,80}[\\])]?',
  '\\(?(?:reporting|writing|editing|additional reporting|compiled|edited|written|reported) by\\b.{0,120}',
  '(?:©|\\(c\\)|(?:copyright|hak cipta)\\b).{0,150}|all rights reserved\\.?',
  // Desk codes such as "(ant/rdn)" and separators.
  '\\(\\s*[a-z*]{1,10}(?:\\s*/\\s*[a-z*]{1,10})*\\s*\\)|[*=_~-]{3,}',
  // Pagination and click prompts.
  '(?:halaman|page) ?\\d+(?: ?(?:dari|of) ?\\d+)?|(?:halaman )?(?:selanjutnya|berikutnya|sebelumnya)|(?:next|previous|prev)(?: page| article| post)?|\\d+(?: \\d+){1,}|lihat (?:foto|video|semua|selengkapnya)|(?:klik|click) (?:di ?sini|here)\\b.{0,80}',
  // Category and tag rows.
  '(?:category|categories|kategori|tags?|topik|topics?|labels?|rubrik|kanal)\\s*:.{0,150}',
  // Press-release headers.
  '(?:siaran pers|press release|rilis pers|for immediate release)(?:\\s+(?:no|nomor)\\.?\\s*:?\\s*\\S+)?',
  // Bare links, and embed placeholders such as "[Gambas:Video]".
  '(?:https?://|www\\.)\\S+[.,;]?|\\[[^\\]]{1,80}\\]',
  // Breaking-news prompts and trust-principle footers.
  'simak (?:breaking news|berita|video|selengkapnya)\\b.{0,160}|our standards:.{0,160}|gulir (?:ke bawah )?untuk melanjutkan.{0,40}',
  // Ad slots, view counters, votes and ratings.
  '(?:article\\s+)?ad\\s+(?:box|slot|space|unit|container)|[\\d.,]+\\s+(?:total\\s+)?(?:views|reads|kali dibaca|dilihat|pembaca)',
  '\\(?\\d+\\s+votes?\\)?|rate this (?:item|article|post|story)|beri (?:nilai|rating)(?: artikel ini)?|(?:\\d+\\s*[—–-]\\s*)?\\d+\\s+votes?',
  // Font-size and reader controls.
  '(?:change|ubah|atur)\\s+(?:font\\s+|text\\s+|teks\\s+)?(?:size|ukuran)(?:\\s+(?:font|huruf|teks|text))?|(?:font|text)\\s+size|ukuran\\s+(?:font|huruf|teks)',
  // Subscription and discussion prompts: "Read without ads", "Ingin berdiskusi dengan redaksi ...?".
  '(?:baca|read)\\b.{0,30}\\b(?:tanpa iklan|ad-?free|without ads)\\b.{0,80}|(?:ingin|mau|want to)\\s+(?:berdiskusi|berkomentar|discuss|comment)\\b.{0,160}',
  // Comment counters, "powered by" footers, hashtag rows.
  '(?:tidak|belum) ada komentar:?|(?:diberdayakan|dipersembahkan|didukung) oleh\\s+\\S+.{0,40}|powered by\\s+\\S+.{0,40}|(?:#[\\p{L}\\d_]+[\\s,]*)+',
  // Reporter lines and bare credit labels: "Laporan jurnalis Outlet.com Name", "Penulis", "Written by".
  '(?:laporan|reported by|report by)\\s+(?:wartawan|jurnalis|reporter|koresponden|kontributor)\\b.{0,80}',
  '(?:redaktur|editor|penyunting|penulis|reporter|pewarta|kontributor|translator|penerjemah|writer|author|written by|oleh)\\s*:?',
  '(?:translator|penerjemah|alih bahasa)\\s*[:：]\\s*.{0,120}',
  // Syndication notes, audio players, ad controls, "see more news" prompts.
  '(?:artikel|berita|tulisan) ini (?:telah|sudah|pertama kali|sebelumnya) (?:tayang|terbit|dimuat|diterbitkan|dipublikasikan)\\b.{0,150}',
  'this (?:article|story) (?:was |first |originally )*(?:appeared|published|posted)\\b.{0,150}',
  '(?:listen to (?:this )?(?:article|story)|dengarkan (?:artikel|berita) ini)\\b.{0,40}|(?:tutup|close|hide|skip) (?:iklan|ads?)',
  '(?:cek|temukan|lihat) (?:berita|artikel) (?:dan artikel |lainnya |terbaru |menarik )*(?:yang lain )?(?:di|lainnya)\\b.{0,80}',
];
const CLUTTER_LINE = new RegExp(`^(?:${CLUTTER_LINE_SOURCES.join('|')})$`, 'iu');
// A login prompt anywhere in the line ("To comment, you need to log in."). Kept out of CLUTTER_LINE:
// as an alternative `.*you … .*` it made the engine walk back over every line, ten times the cost of
// all the other rules. A line with no line break in it matches `^.*X.*$` exactly when X is in it, and
// X (case folded) holds "you " (only Y, O and U fold to y, o and u): a plain search rules most lines out.
const LOGIN_PROMPT = /\byou (?:need|must) (?:to )?(?:login|log in|be logged in)\b/iu;
const LINE_END = /[\n\r\u2028\u2029]/u;

function isLoginPrompt(line: string): boolean {
  return line.toLowerCase().includes('you ') && LOGIN_PROMPT.test(line) && !LINE_END.test(line);
}

// Case matters here: "By Jane Doe" is a byline, "By the end of June" is text.
const BYLINE = /^(?:By|Oleh)\s+[A-Z][\p{L}.'’-]*(?:\s+(?:[A-Z][\p{L}.'’-]*|and|dan|&))*(?:\s*[,|]\s*[^.]{0,40})?$/u;

const CHANNEL = /telegram|whatsapp|google news|t\.me\/|wa\.me\/|chat\.whatsapp|instagram|tiktok|youtube|newsletter|line today|follow us|ikuti kami|play store|app store/iu;
const CALL_TO_ACTION = /\b(?:ikuti|follow|gabung|bergabung|join|klik|click|subscribe|berlangganan|unduh|download|install|pasang|dapatkan|simak|tap|ketuk)\b/iu;

/** Paragraph openings that are never article text, kept as a last safety net. */
const CLUTTER_OPENING =
  /^(?:baca (?:juga|pula)|ikuti update|dapatkan update|estimated read time|you may also like|more from author|there are no comments|add yours|trackback|comment\(s\)|advertisement\b)/iu;

const INLINE_AD = /(^|[.!?"”]\s+)(?:(?:ADVERTISEMENT|Advertisement|SCROLL TO CONTINUE WITH CONTENT|Scroll to continue with content)(?=\s|$)\s*)+/gu;
const INLINE_READ_ALSO = /\s*\b(?:Baca|Lihat|Simak|BACA|LIHAT|SIMAK) (?:[Jj]uga|[Pp]ula|JUGA|PULA)\s*:\s*(.*)$/u;
const TRAILING_DESK_CODE = /\s*\((?:[a-z*]{2,8})(?:\s*\/\s*[a-z*]{2,8})*\)$/u;
const INLINE_CREDIT = /\s*\((?:Foto|Photo|Dok|Ilustrasi|Image|Gambar)\s*[.:][^()]{1,80}\)/gu;
const TRAILING_CREDIT = /\s+\[?(?:Editor|Penulis|Pewarta|Reporter|Redaktur|Penyunting|Sumber)\s*:\s*[^.:\n]{1,60}\]?$/u;

export function stripBullet(line: string): string {
  return line.replace(BULLET, '');
}

/** The linked-headline text after a "Baca juga"-style marker ('' when it is on the next line), or null. */
export function readAlsoTail(line: string): string | null {
  const m = READ_ALSO.exec(stripBullet(line));
  if (!m) return null;
  const tail = m[2] ?? '';
  // Without a colon the marker must head a link, not open a sentence ("Related to this, ...").
  if (!m[1] && tail && !isHeadlineShaped(tail)) return null;
  return tail;
}

export function isSectionHeader(line: string): boolean {
  return SECTION_HEADER.test(stripBullet(line));
}

// Script errors printed into the page ("JUser: :_load: Unable to load user").
const SCRIPT_ERROR = /\b(?:unable to load|failed to load|error loading)\b/iu;
const MAX_NAV_LINE = 300;
const MAX_ERROR_LINE = 120;

export function isClutterLine(line: string): boolean {
  const bare = stripBullet(line);
  if (bare === '') return line !== '';
  // Previous/next post navigation: "« Older post title | Main | Newer post title »".
  if (bare.length <= MAX_NAV_LINE && (bare.startsWith('«') || bare.endsWith('»'))) return true;
  if (bare.length <= MAX_ERROR_LINE && bare.toLowerCase().includes('load') && SCRIPT_ERROR.test(bare)) return true;
  if (bare.length <= 260 && (CLUTTER_LINE.test(bare) || isLoginPrompt(bare))) return true;
  return bare.length <= 80 && BYLINE.test(bare);
}

/** Short, no closing full stop: the shape of a linked headline in a related-articles list. */
export function isHeadlineShaped(line: string): boolean {
  const bare = stripBullet(line);
  return bare.length > 0 && bare.length <= 160 && !/[.:;,]["”’)]?$/u.test(bare);
}

// "Please update your browser", "Your browser is out of date ...", "click on the icons to get to the download page".
const BROWSER_HINT = /browser|peramban|download page/iu;
const BROWSER_NOTICE = /\b(?:browser|peramban)\b.{0,80}\b(?:update|out of date|outdated|not supported|compatible|perbarui|usang)\b|\b(?:update|perbarui)\b.{0,20}\b(?:browser|peramban)\b|\bdownload page\b/iu;

/** "Follow us on Telegram…"-style blocks, once wrapped lines are joined. */
export function isWidgetParagraph(paragraph: string): boolean {
  if (CLUTTER_OPENING.test(stripBullet(paragraph))) return true;
  if (paragraph.length <= 300 && BROWSER_HINT.test(paragraph) && BROWSER_NOTICE.test(paragraph)) return true;
  return paragraph.length <= 400 && CHANNEL.test(paragraph) && CALL_TO_ACTION.test(paragraph);
}

/** Removes clutter embedded inside an otherwise real paragraph. */
export function stripInlineClutter(paragraph: string, isLast: boolean): string {
  let text = paragraph.replace(INLINE_AD, '$1');
  const readAlso = INLINE_READ_ALSO.exec(text);
  if (readAlso) {
    const tailIsHeadline = (readAlso[1] ?? '').length <= 200;
    text = tailIsHeadline ? text.slice(0, readAlso.index) : text.replace(/\b(?:Baca|Lihat|Simak) (?:juga|pula)\s*:\s*/iu, '');
  }
  text = text.replace(TRAILING_CREDIT, '').replace(INLINE_CREDIT, '');
  if (isLast) text = text.replace(TRAILING_DESK_CODE, '');
  return text.trim();
}

/**
 * One line of page text that is furniture wherever it stands: used on a
 * fetched page's lines before the text cleaner sees them, so both passes
 * share one rule set.
 */
export function isFurnitureLine(line: string): boolean {
  return isClutterLine(line) || isWidgetParagraph(line) || readAlsoTail(line) !== null || isSectionHeader(line);
}


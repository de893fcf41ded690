// Test-written feeds and article pages (never copied from real outlets): on-topic
// reports in English and Bahasa Indonesia naming both Indonesia and Japan, and
// off-topic ones about electric cars elsewhere, plus every feed format we follow.

export interface FixtureItem {
  path: string;
  title: string;
  /** ISO instant, or null for an undated item. */
  date: string | null;
}

const PLACES = ['Karawang', 'Cikarang', 'Bekasi', 'Purwakarta', 'Subang', 'Batam', 'Surabaya', 'Semarang'];

/** An on-topic report; `n` makes each one distinct (numbers, place). */
export function onTopicEnglish(n: number): { title: string; paragraphs: string[] } {
  const place = PLACES[n % PLACES.length]!;
  return {
    title: `Indonesia and Japan to train ${100 + n} electric vehicle technicians in ${place}`,
    paragraphs: [
      `JAKARTA - Indonesia and Japan agreed on Tuesday to train ${100 + n} technicians for electric vehicle assembly lines in ${place}, the Ministry of Industry said in a statement number ${n}.`,
      `The programme, backed by Japanese carmakers with plants in West Java, will send instructors from Osaka for ${2 + (n % 5)} months and cover battery safety, motor repair and quality checks.`,
      `Officials said the plan builds on the economic partnership between the two countries and on ${10 + n} earlier training rounds held since the agreement was signed.`,
    ],
  };
}

export function onTopicIndonesian(n: number): { title: string; paragraphs: string[] } {
  const place = PLACES[n % PLACES.length]!;
  return {
    title: `RI dan Jepang latih ${200 + n} teknisi kendaraan listrik di ${place}`,
    paragraphs: [
      `JAKARTA - Pemerintah Indonesia dan Jepang sepakat melatih ${200 + n} teknisi jalur perakitan kendaraan listrik di ${place}, kata Kementerian Perindustrian dalam keterangan nomor ${n} pada Selasa.`,
      `Program yang didukung produsen mobil Jepang itu akan mendatangkan instruktur dari Osaka selama ${2 + (n % 5)} bulan dan mencakup keselamatan baterai, perbaikan motor listrik, serta pemeriksaan mutu.`,
      `Para pejabat mengatakan rencana itu melanjutkan kemitraan ekonomi kedua negara dan ${10 + n} putaran pelatihan sebelumnya sejak perjanjian ditandatangani.`,
    ],
  };
}

/** About electric cars, but between two other countries: must stay out. */
export function offTopic(n: number): { title: string; paragraphs: string[] } {
  return {
    title: `Vietnam and Korea open electric car battery plant number ${n} near Hanoi`,
    paragraphs: [
      `HANOI - Vietnam and South Korea opened a battery plant for electric cars near Hanoi on Monday, the ${n}th such site, with capacity for ${300 + n} thousand packs a year.`,
      `The investors said the electric vehicle market in the region is growing fast and that hybrid models still sell well in the countryside, where charging stations are rare.`,
      `Local officials expect ${1000 + n} new jobs and more suppliers of battery cells and motors to move into the industrial park over the next three years.`,
    ],
  };
}

export function articlePage(a: { title: string; paragraphs: string[] }, lang = 'en'): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${a.title}</title>
<meta property="og:title" content="${a.title}"><meta property="og:site_name" content="Contoh News">
</head><body><header><nav><a href="/">Home</a></nav></header><main><article><h1>${a.title}</h1>
${a.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></main><footer>Copyright Contoh News</footer></body></html>`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function rss(origin: string, items: FixtureItem[], title = 'Contoh Energi'): string {
  const body = items
    .map(
      (i) =>
        `<item><title><![CDATA[${i.title}]]></title><link>${i.path}</link><guid isPermaLink="false">${esc(origin + i.path)}#g</guid>` +
        `<description><![CDATA[<p>${i.title} <b>more</b></p>]]></description>${i.date ? `<pubDate>${new Date(i.date).toUTCString()}</pubDate>` : ''}</item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${esc(title)}</title><link>${origin}/</link>${body}</channel></rss>`;
}

export function atom(origin: string, items: FixtureItem[], title = 'Contoh Atom'): string {
  const body = items
    .map((i) => `<entry><title type="html">${esc(esc(i.title))}</title><link rel="alternate" href="${i.path.replace(/^\//, '')}"/><id>urn:contoh:${i.path}</id>${i.date ? `<updated>${i.date}</updated>` : ''}</entry>`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="${origin}/"><title>${esc(title)}</title><id>urn:contoh</id><updated>2026-11-30T00:00:00Z</updated>${body}</feed>`;
}

export function jsonFeed(origin: string, items: FixtureItem[], title = 'Contoh JSON'): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    home_page_url: `${origin}/`,
    items: items.map((i) => ({ id: i.path, url: origin + i.path, title: i.title, ...(i.date ? { date_published: i.date } : {}) })),
  });
}

export function newsSitemap(origin: string, items: FixtureItem[]): string {
  const body = items
    .map(
      (i) =>
        `<url><loc>${origin}${i.path}</loc><news:news><news:publication><news:name>Contoh</news:name><news:language>${i.path.includes('/id/') ? 'id' : 'en'}</news:language></news:publication>` +
        `${i.date ? `<news:publication_date>${i.date}</news:publication_date>` : ''}<news:title>${esc(i.title)}</news:title></news:news></url>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${body}</urlset>`;
}

export function billionLaughs(): string {
  const levels = Array.from({ length: 9 }, (_, k) => `<!ENTITY l${k + 1} "${`&l${k};`.repeat(10)}">`).join('');
  return `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "ha">${levels}]><rss version="2.0"><channel><title>&l9;</title><item><title>&l9;</title><link>/a</link></item></channel></rss>`;
}

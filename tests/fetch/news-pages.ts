// Test-written news pages in the shapes real outlets use: heavy clutter, og and
// article: meta tags, JSON-LD NewsArticle, and one page without a <title>.

const ID_PARAGRAPHS = [
  'JAKARTA, KOMPAS.example - Pemerintah Indonesia dan Jepang sepakat memperluas kerja sama industri otomotif dalam kerangka Indonesia-Japan Economic Partnership Agreement (IJEPA), kata Menteri Perindustrian pada Selasa (5/3/2024).',
  'Kesepakatan itu mencakup penurunan bea masuk komponen kendaraan listrik dan pelatihan 1.000 teknisi Indonesia di pabrik-pabrik Jepang selama tiga tahun ke depan.',
  'Menurut data Gaikindo, penjualan mobil nasional mencapai 1,0 juta unit pada 2023, dan produsen Jepang menguasai lebih dari 90 persen pangsa pasar.',
  'Pemerintah berharap investasi baru senilai Rp27 triliun dari produsen Jepang dapat mempercepat produksi kendaraan listrik di Karawang dan Cikarang.',
];

export const INDONESIAN_PAGE = `<!DOCTYPE html>
<html lang="id"><head>
<meta charset="utf-8">
<title>RI-Jepang Perluas Kerja Sama Otomotif lewat IJEPA - Kompas Contoh</title>
<meta property="og:title" content="RI-Jepang Perluas Kerja Sama Otomotif lewat IJEPA">
<meta property="og:site_name" content="Kompas Contoh">
<meta property="article:published_time" content="2024-03-05T21:30:00+07:00">
<link rel="canonical" href="https://www.kompas.example/read/2024/03/05/ri-jepang-otomotif?utm_source=rss&utm_medium=feed">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Kompas Contoh"},
{"@type":"NewsArticle","headline":"RI dan Jepang Perluas Kerja Sama Otomotif lewat IJEPA","datePublished":"2024-03-05T21:30:00+07:00",
"publisher":{"@type":"Organization","name":"Kompas.example"}}]}
</script>
<script>window.dataLayer=[];function track(){}</script>
<style>.ads{display:block}</style>
</head><body>
<div class="cookie-banner">Kami menggunakan cookie untuk pengalaman terbaik. <button>Setuju</button></div>
<header class="site-header"><a class="logo" href="/">Kompas Contoh</a>
<nav><ul><li><a href="/">Beranda</a></li><li><a href="/otomotif">Otomotif</a></li><li><a href="/ekonomi">Ekonomi</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Beranda</a> › <a href="/otomotif">Otomotif</a></div>
<div class="ads ad-slot">ADVERTISEMENT</div>
<main><article class="read__content">
<h1 class="read__title">RI dan Jepang Perluas Kerja Sama Otomotif lewat IJEPA</h1>
<div class="read__time">Kompas.example - 05/03/2024, 21:30 WIB</div>
<div class="social-share">Bagikan: <a>Facebook</a> <a>Twitter</a> <a>WhatsApp</a></div>
<figure><img src="/foto.jpg" alt=""><figcaption>Ilustrasi pabrik mobil di Karawang. (KOMPAS/DOK)</figcaption></figure>
<p>${ID_PARAGRAPHS[0]}</p>
<p><strong>Baca juga:</strong> <a href="/read/1">Penjualan Mobil Listrik Naik Dua Kali Lipat</a></p>
<p>${ID_PARAGRAPHS[1]}</p>
<div class="ads">ADVERTISEMENT</div>
<p>SCROLL TO CONTINUE WITH CONTENT</p>
<p>${ID_PARAGRAPHS[2]}</p>
<div class="baca-juga"><span>Baca Juga</span><ul><li><a>Harga BBM Naik Lagi</a></li><li><a>Toyota Recall 10.000 Unit</a></li></ul></div>
<p>${ID_PARAGRAPHS[3]}</p>
<p>Editor: Rina Wulandari</p>
<div class="tag-list">Tag: <a>IJEPA</a> <a>otomotif</a> <a>Jepang</a></div>
<div class="newsletter-box">Dapatkan update berita pilihan setiap hari. <form><input><button>Daftar</button></form></div>
</article></main>
<aside class="sidebar"><h3>Terpopuler</h3><ol><li><a>Artis A menikah</a></li><li><a>Gempa di Jawa</a></li></ol></aside>
<footer><p>Copyright 2024 Kompas Contoh. All rights reserved.</p><a>Pedoman Media Siber</a></footer>
</body></html>`;

export const INDONESIAN_EXPECTED = {
  title: 'RI dan Jepang Perluas Kerja Sama Otomotif lewat IJEPA',
  source: 'Kompas.example',
  publishedDate: '2024-03-05',
  paragraphs: ID_PARAGRAPHS,
  canonicalUrl: 'https://kompas.example/read/2024/03/05/ri-jepang-otomotif',
};

const EN_PARAGRAPHS = [
  'TOKYO, March 7 - Japanese carmakers will train 1,000 Indonesian technicians a year under an expanded economic partnership, officials from both countries said on Thursday.',
  'The programme, funded with $120 million over five years, focuses on battery assembly and hybrid powertrains at plants near Jakarta.',
  '"This is the next step for IJEPA," Indonesia\'s trade minister told reporters, adding that tariff talks on electric vehicle parts would resume in June.',
  'Indonesia sold about 1 million cars in 2023, most of them built by Japanese brands such as Toyota, Daihatsu and Honda.',
];

export const ENGLISH_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Japan to train Indonesian EV technicians | Asia Wire</title>
<meta property="og:title" content="Japan to train 1,000 Indonesian EV technicians a year">
<meta property="og:site_name" content="Asia Wire">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-03-07T02:15:00Z">
<meta property="og:url" content="https://asiawire.example/business/japan-indonesia-ev-technicians">
</head><body>
<div id="consent-popup">We value your privacy. Accept all cookies?</div>
<header><nav class="main-nav"><a>World</a><a>Business</a><a>Markets</a><a>Sign in</a></nav></header>
<div class="advert leaderboard">Advertisement</div>
<div class="article-wrapper has-share-tools">
<article>
<h1>Japan to train 1,000 Indonesian EV technicians a year</h1>
<p class="byline">By Jane Doe, Reuters-style Wire</p>
<ul class="share-tools"><li>Share on X</li><li>Share on Facebook</li><li>Copy link</li></ul>
<p>${EN_PARAGRAPHS[0]}</p>
<p>${EN_PARAGRAPHS[1]}</p>
<p><em>Read more:</em> <a href="/x">Toyota bets on hybrids in Southeast Asia</a></p>
<div class="ad-container"><p>Advertisement</p><p>Scroll to continue reading</p></div>
<p>${EN_PARAGRAPHS[2]}</p>
<p>${EN_PARAGRAPHS[3]}</p>
<section class="related-stories"><h2>Related stories</h2><a>Nissan cuts jobs</a><a>Honda and Sony EV</a></section>
<div class="newsletter-signup"><h3>Sign up for our Asia briefing</h3><p>Get the day's top stories in your inbox.</p></div>
</article></div>
<aside><h2>Most read</h2><ol><li>Markets fall</li><li>Oil rises</li></ol></aside>
<footer>© 2024 Asia Wire. Terms. Privacy.</footer>
</body></html>`;

export const ENGLISH_EXPECTED = {
  title: 'Japan to train 1,000 Indonesian EV technicians a year',
  source: 'Asia Wire',
  publishedDate: '2024-03-07',
  paragraphs: EN_PARAGRAPHS,
  canonicalUrl: 'https://asiawire.example/business/japan-indonesia-ev-technicians',
};

const NT_PARAGRAPHS = [
  'CIKARANG - Produsen komponen asal Jepang meresmikan pabrik baterai kendaraan listrik pertama mereka di Cikarang, Jawa Barat, pada Rabu pagi.',
  'Pabrik senilai Rp4,2 triliun itu akan menyerap sekitar 2.500 tenaga kerja lokal dan memasok baterai untuk mobil hibrida yang dirakit di Indonesia.',
  'Kementerian Investasi menyebut proyek ini sebagai hasil langsung dari perundingan ulang IJEPA yang selesai tahun lalu.',
];

/** No <title>, no og:title: the headline must come from the page's <h1>, the date from <time>. */
export const NO_TITLE_PAGE = `<html><head><meta charset="utf-8">
<meta property="og:site_name" content="Warta Industri"></head>
<body><div class="menu"><a>Beranda</a> <a>Industri</a></div>
<article><h1>Pabrik Baterai Jepang Pertama Diresmikan di Cikarang</h1>
<time datetime="2024-05-22T08:00:00+07:00">Rabu, 22 Mei 2024</time>
<p>${NT_PARAGRAPHS[0]}</p><p>Baca juga: Ekspor Mobil Naik</p><p>${NT_PARAGRAPHS[1]}</p><p>${NT_PARAGRAPHS[2]}</p>
</article><div class="share">Bagikan artikel ini</div></body></html>`;

export const NO_TITLE_EXPECTED = {
  title: 'Pabrik Baterai Jepang Pertama Diresmikan di Cikarang',
  source: 'Warta Industri',
  publishedDate: '2024-05-22',
  paragraphs: NT_PARAGRAPHS,
};

/** Words that only page furniture contains; none may survive extraction. */
export const CLUTTER_WORDS = [
  'Baca juga', 'Baca Juga', 'ADVERTISEMENT', 'Advertisement', 'SCROLL TO CONTINUE', 'Scroll to continue', 'Bagikan', 'Share on',
  'Terpopuler', 'Most read', 'cookie', 'Beranda', 'Editor:', 'Copyright', '©', 'Related stories', 'Read more', 'Sign up',
  'Dapatkan update', 'Harga BBM', 'Nissan cuts', 'Ilustrasi', 'Tag:', 'privacy',
];

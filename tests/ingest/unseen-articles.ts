// Articles written for the tests, in the shape of other outlets' pages, to show
// the clean-up rules are generic. None of this text comes from the seeds.

export const kompasStyle = `Pemerintah Perpanjang Insentif Mobil Listrik hingga 2027

JAKARTA, KOMPAS.com - Kementerian Keuangan resmi memperpanjang insentif pajak untuk kendaraan listrik berbasis baterai. Kebijakan itu diumumkan dalam konferensi pers yang digelar pada Senin (3/3/2025) di Jakarta.
ADVERTISEMENT
SCROLL TO CONTINUE WITH CONTENT
Menurut Sri, insentif tersebut diberikan kepada 12 produsen yang telah memenuhi syarat tingkat komponen dalam negeri (TKDN) 40 persen.
Lihat juga:
Harga Nikel Turun, Produsen Baterai Tahan Ekspansi
"Kami ingin kendaraan listrik makin terjangkau," ujar Sri Mulyani di Jakarta, Selasa (4/3/2025).
Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses berita Kompas.com WhatsApp Channel : https://www.whatsapp.com/channel/0029VaExample. Pastikan kamu sudah install aplikasi WhatsApp ya.
Penulis: Rina Ayu
Editor: Erlangga Djumena
Bagikan artikel ini melalui
Facebook
Twitter
WhatsApp
Copy Link`;

export const reutersStyle = `Toyota to build battery plant in Indonesia

By Jane Doe

TOKYO (Reuters) - Toyota Motor Corp said it would build a battery plant in West Java, after executives met Indonesian officials in Tokyo on May 14.

Read more:

Nissan cuts outlook as China sales slump

The plant, worth about $1.2 billion, is expected to start production in 2027, the company said in a statement on Wednesday, May 15, 2024.

Advertisement

"Indonesia is a key market for us," a spokesperson said.

(Reporting by Jane Doe; Editing by John Smith)

Share this article

Sign up for our newsletter

Related Articles:
Honda recalls 300,000 scooters
Hyundai opens second plant in Bekasi`;

export const cnbcStyle = `Jakarta, CNBC Indonesia - Bank Indonesia (BI) mempertahankan suku bunga acuan di level 6,25%. Keputusan itu diambil dalam Rapat Dewan Gubernur yang berlangsung pada 19-20 Februari 2025.\u00a0Baca juga: Rupiah Melemah ke Rp16.400 per Dolar AS
Gubernur BI Perry Warjiyo mengatakan inflasi tetap terkendali dalam kisaran sasaran 2,5 plus minus 1 persen.\u200b
"Kebijakan ini konsisten dengan upaya menjaga stabilitas nilai tukar," kata Perry dalam konferensi pers, Kamis (20/2/2025).
Tags: suku bunga, Bank Indonesia, inflasi
Berita Terkait
IHSG Dibuka Menguat Pagi Ini
Harga Emas Antam Naik Rp5.000
(haa/haa)`;

export const antaraStyle = `Jakarta (ANTARA) - Menteri Investasi menandatangani nota kesepahaman dengan investor Korea Selatan untuk membangun pabrik sel surya di Batang, Jawa Tengah, Rabu.
Nilai investasi proyek itu mencapai 500 juta dolar AS dan diperkirakan menyerap 3.000 tenaga kerja.
Baca juga: Pemerintah targetkan 100 GW PLTS hingga 2040
"Kami menyambut baik komitmen ini," kata Menteri di Jakarta, Rabu (12/2).
Pewarta: Budi Santoso
Editor: Citra Dewi
COPYRIGHT © ANTARA 2025
Ikuti kami di Google News`;

export const blogStyle = `“Kendaraan hidrogen akan hadir di jalan raya kita dalam lima tahun,” kata seorang peneliti dalam sebuah diskusi di Bandung. Para peserta membahas infrastruktur pengisian dan harga.
Estimated read time 2 min read
Diskusi itu digelar oleh sebuah komunitas otomotif dan dihadiri sekitar 80 orang.
There are no comments
Leave a Reply
Trackback (You need to login.)`;

export const detikStyle = `Jakarta - Menteri Perhubungan meresmikan terminal baru di Bandara Soekarno-Hatta pada Kamis (5/9/2024). Terminal itu mampu menampung 20 juta penumpang per tahun.
ADVERTISEMENT
SCROLL TO CONTINUE WITH CONTENT
"Ini bagian dari transformasi layanan bandara," ujarnya.
Simak Video "Antrean Imigrasi Makin Singkat"
[Gambas:Video 20detik]
(rdp/imk)`;

export const englishDailyStyle = `JAKARTA (The Jakarta Post) — Indonesia's central bank kept its benchmark rate unchanged at 6 percent, as policymakers met in Jakarta on Sept. 18, 2024.
Read also: Rupiah weakens past 16,000
The decision was widely expected by economists polled last week.
Topics : Bank Indonesia, interest rates
Share
Tweet
This article was originally published on The Jakarta Post.`;

// Does a sentence have a predicate? Badly edited pages leave verbless fragments
// ("Komunitas Nol Emisi (AZEC) di Jepang pada Desember 2023.") that read as
// nonsense on a card. A light test suffices: Indonesian verbs carry an affix
// (me-, ber-, di-, ter-, -kan) or are one of a few common base verbs; English
// verbs are auxiliaries, modals, common irregular forms or end in -ed/-s/-ing.
// Only lower-case words count, so names ("Menteri", "Bertrand") never pass.
import type { Language } from '../model/article.js';

const ID_BASE = new Set(`ada adalah akan bisa dapat harus ialah merupakan telah sudah sedang masih mau ingin perlu
punya pergi datang tiba naik turun kata ujar jadi buat bawa ikut masuk keluar tahu lihat minta beri terima capai
tumbuh tiba lahir hidup mati pulang jual beli tetap mulai bilang tutup buka tunggu pakai suka jatuh kembali
kena butuh yakin tampak tampil maju selesai bekerja belajar`.split(/\s+/));
// Words that look affixed but are not verbs.
const ID_NOT_VERB = new Set(`menteri mereka media merek metode menit meski meskipun melalui menuju mengenai menurut
berbagai beberapa bersama berdasarkan tersebut terhadap terkait terutama termasuk tertentu terbaru terbesar terakhir
dia diri dinas digital direktur dirjen divisi dialog diplomasi diskusi distribusi dimensi dini dimana diesel dividen
kerjasama kemarin kepada mesin meja medis mekanisme merah meter metro mewah megah mental mentah merdeka member
terminal teror tersangka terumbu diet dinding dinamika`.split(/\s+/));
// per-…-an is a noun (perdagangan, perusahaan); per- alone is a verb (perluas, perkuat).
const ID_AFFIXED = /^(?:me[mn]?|meng|meny|ber|di|ter)\p{Ll}{3,}$|^per\p{Ll}{2,}(?<!an)$|\p{Ll}{3,}kan(?:nya)?$|^(?:me|di|ber)\p{Ll}+i$/u;

const EN_VERBS = new Set(`is are was were be been being am has have had do does did will would can could may might
must shall should said says say met made make makes took take takes set sets gave give gives got get gets went go goes
came come comes saw see sees put puts led lead leads held hold holds began begin begins rose rise rises fell fall falls
grew grow grows won win wins sold sell sells bought buy buys built build builds paid pay pays told tell tells thought
think thinks found find finds became become becomes left leave leaves kept keep keeps meant mean means sent send sends
spent spend spends cut cuts hit hits`.split(/\s+/));
const EN_NOT_VERB = new Set(`this his its was is us as has bus gas news series species status process basis analysis
crisis thus plus yes less unless across always perhaps red bed need speed seed feed hundred kindred during thing things
nothing something anything everything morning evening ring king spring string wedding building`.split(/\s+/));
const EN_INFLECTED = /^\p{Ll}{2,}(?:ed|ing)$|^\p{Ll}{3,}[^s]s$/u;

const LOWER_WORD = /(?<![\p{L}-])\p{Ll}[\p{Ll}-]*/gu;

function isIndonesianVerb(w: string): boolean {
  if (ID_BASE.has(w)) return true;
  return !ID_NOT_VERB.has(w) && ID_AFFIXED.test(w);
}

function isEnglishVerb(w: string): boolean {
  if (EN_VERBS.has(w)) return true;
  return !EN_NOT_VERB.has(w) && EN_INFLECTED.test(w);
}

// "dalam keterangan tertulis" (in a written statement): a ter- word that describes a noun, not a verb.
// A fragment left by a broken attribution ("Kementerian X, Budi S. Santoso dalam keterangan tertulis
// pada Senin.") has no other verb.
const WRITTEN_STATEMENT = /(?<![\p{L}])(?:keterangan|pernyataan|jawaban|pesan|surat|laporan)\s+tertulis(?![\p{L}])/giu;

/** True when some lower-case word looks like a verb in the sentence's language. */
export function hasPredicate(sentence: string, language: Language): boolean {
  const test = language === 'id' ? isIndonesianVerb : isEnglishVerb;
  const text = language === 'id' ? sentence.replace(WRITTEN_STATEMENT, ' ') : sentence;
  // Word by word, up to the first verb: most sentences have one within their first few words.
  for (const [w] of text.matchAll(LOWER_WORD)) if (test(w) || (w.includes('-') && w.split('-').some(test))) return true;
  return false;
}

// Synthetic news articles for benchmarks, composed at run time from seed-like
// vocabulary in both languages (no copied text). Deterministic for a given n.
import type { RawArticle } from '../../src/model/article.js';

const ORGS = ['Kemenperin', 'METI', 'JICA', 'JAMA', 'Gaikindo', 'BKPM', 'Kemenko Perekonomian', 'PLN', 'Pertamina', 'Toyota', 'Honda', 'Astra', 'Denso', 'AISI'];
const PEOPLE = ['Agus Salim', 'Budi Hartono', 'Siti Rahma', 'Kenji Watanabe', 'Yuki Tanaka', 'Dewi Lestari', 'Rudi Santoso', 'Hiroshi Sato', 'Ani Wijaya', 'Taro Suzuki'];
const PLACES = ['Jakarta', 'Tokyo', 'Bekasi', 'Karawang', 'Surabaya', 'Osaka', 'Batam', 'Semarang', 'Nagoya', 'Bandung'];
const TOPICS_ID = ['kendaraan listrik', 'bahan bakar nabati', 'bioetanol', 'sepeda motor listrik', 'baterai', 'netralitas karbon', 'pertukaran SDM industri', 'rantai pasok otomotif', 'IJEPA', 'MIDEC', 'hidrogen', 'daur ulang baterai'];
const TOPICS_EN = ['electric vehicles', 'biofuel', 'bioethanol', 'electric motorcycles', 'battery swapping', 'carbon neutrality', 'industrial human resources exchange', 'automotive supply chain', 'IJEPA', 'New MIDEC', 'hydrogen', 'battery recycling'];
const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const ID_SENTENCES = [
  (r: Rng) => `${r.pick(ORGS)} dan ${r.pick(ORGS)} memperkuat kerja sama di bidang ${r.pick(TOPICS_ID)} dalam pertemuan di ${r.pick(PLACES)}.`,
  (r: Rng) => `Menurut ${r.pick(PEOPLE)}, investasi sebesar Rp${r.int(1, 90)},${r.int(1, 9)} triliun akan dialokasikan untuk ${r.pick(TOPICS_ID)}.`,
  (r: Rng) => `Pemerintah menargetkan produksi ${r.int(100, 900)}.000 unit ${r.pick(TOPICS_ID)} pada tahun ${r.int(2026, 2035)}.`,
  (r: Rng) => `"Kami berkomitmen mempercepat pengembangan ${r.pick(TOPICS_ID)} bersama mitra dari Jepang," kata ${r.pick(PEOPLE)}.`,
  (r: Rng) => `Program ini juga mencakup pelatihan ${r.int(50, 900)} tenaga kerja di ${r.pick(PLACES)} serta studi kelayakan ${r.pick(TOPICS_ID)}.`,
  (r: Rng) => `Rasio kepemilikan kendaraan mencapai ${r.int(50, 150)} unit per 1.000 penduduk, naik ${r.int(1, 20)} persen dibanding tahun lalu.`,
  (r: Rng) => `Dalam dialog tersebut, ${r.pick(ORGS)} memaparkan peta jalan ${r.pick(TOPICS_ID)} hingga ${r.int(2030, 2060)}.`,
];
const EN_SENTENCES = [
  (r: Rng) => `${r.pick(ORGS)} and ${r.pick(ORGS)} agreed to deepen cooperation on ${r.pick(TOPICS_EN)} at a meeting in ${r.pick(PLACES)}.`,
  (r: Rng) => `According to ${r.pick(PEOPLE)}, an investment of $${r.int(1, 90)}.${r.int(1, 9)} billion will go to ${r.pick(TOPICS_EN)}.`,
  (r: Rng) => `The government targets output of ${r.int(100, 900)},000 units of ${r.pick(TOPICS_EN)} by ${r.int(2026, 2035)}.`,
  (r: Rng) => `"We are committed to accelerating ${r.pick(TOPICS_EN)} with our Japanese partners," ${r.pick(PEOPLE)} said.`,
  (r: Rng) => `The programme also covers training for ${r.int(50, 900)} workers in ${r.pick(PLACES)} and a feasibility study on ${r.pick(TOPICS_EN)}.`,
  (r: Rng) => `Car ownership stands at ${r.int(50, 150)} cars per 1,000 people, up ${r.int(1, 20)} percent from last year.`,
  (r: Rng) => `During the dialogue, ${r.pick(ORGS)} presented a roadmap for ${r.pick(TOPICS_EN)} through ${r.int(2030, 2060)}.`,
];
const CLUTTER_ID = ['Baca Juga:', 'Advertisement', '[Redaktur: Tim Redaksi]'];
const CLUTTER_EN = ['Advertisement', 'You May Also Like', 'Estimated read time 2 min read'];

class Rng {
  constructor(private s: number) {}
  next(): number {
    // mulberry32
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
}

export function generateArticle(i: number): RawArticle {
  const r = new Rng(i * 2654435761);
  const id = i % 2 === 0;
  const sentences = id ? ID_SENTENCES : EN_SENTENCES;
  const day = r.int(1, 28);
  const month = r.int(0, 11);
  const year = r.int(2019, 2025);
  const place = r.pick(PLACES);
  const title = id
    ? `${r.pick(ORGS)} dorong ${r.pick(TOPICS_ID)} bersama Jepang (${i})`
    : `${r.pick(ORGS)} pushes ${r.pick(TOPICS_EN)} with Japan (${i})`;
  const lead = id
    ? `${place} - Kerja sama ${r.pick(TOPICS_ID)} dibahas pada ${day} ${MONTHS_ID[month]} ${year} di ${place}.`
    : `${place} - Cooperation on ${r.pick(TOPICS_EN)} was discussed on ${MONTHS_EN[month]} ${day}, ${year} in ${place}.`;
  const paragraphs = [lead];
  const n = r.int(6, 11);
  for (let k = 0; k < n; k++) {
    paragraphs.push(r.pick(sentences)(r) + ' ' + r.pick(sentences)(r));
    if (r.next() < 0.15) paragraphs.push(r.pick(id ? CLUTTER_ID : CLUTTER_EN));
  }
  return { text: `${title}\n${paragraphs.join('\n')}` };
}

export function generateCorpus(n: number, offset = 0): RawArticle[] {
  return Array.from({ length: n }, (_, i) => generateArticle(i + offset));
}

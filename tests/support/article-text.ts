// Made-up article text for tests that need many distinct articles.
const ID_WORDS = ['pemerintah', 'industri', 'otomotif', 'kerja', 'sama', 'pabrik', 'investasi', 'baterai', 'kendaraan', 'listrik', 'ekspor', 'komponen', 'pelatihan', 'teknologi'];
const EN_WORDS = ['government', 'industry', 'automotive', 'cooperation', 'factory', 'investment', 'battery', 'vehicle', 'electric', 'export', 'components', 'training', 'technology'];

export function makeArticleText(i: number, language: 'id' | 'en' = i % 2 ? 'en' : 'id'): string {
  const words = language === 'id' ? ID_WORDS : EN_WORDS;
  const sentences: string[] = [];
  for (let s = 0; s < 6; s++) {
    const picked = Array.from({ length: 12 }, (_, k) => words[(i * 7 + s * 3 + k * 5) % words.length]);
    sentences.push(`${picked.join(' ')} ${i * 13 + s} unit ${s}.`);
  }
  const title = language === 'id' ? `Kabar industri nomor ${i}` : `Industry update number ${i}`;
  return `${title}\n${sentences.join(' ')}`;
}

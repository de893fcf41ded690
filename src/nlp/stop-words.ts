// The one stop-word list: function words that carry no topic, per language.
// Kept short and common so that content words (domain words such as
// "industri", "kerja") still count and stay searchable. Search uses both
// languages' lists at once (src/search/stopwords.ts).
import type { Language } from '../model/article.js';

const ID = `ada adalah agar akan aku anda antara apa apabila atas atau bagai bagaimana bagi bahkan bahwa baik banyak
belum berbagai beberapa begitu belum bila bisa boleh bukan dalam dan dapat dari daripada demikian dengan di dia
dimana hal hanya hingga ia ini itu jadi jika juga justru kala kalau kami kamu karena ke kedua kemudian kepada ketika
kini kita lagi lah lain lalu maka masih melalui memang mereka meski misalnya mungkin namun nya oleh pada para pula pun
saat saja sama sambil sampai sangat saya se sebagai sebelum sebuah secara sedang sehingga sejak sekarang selain
seluruh semua sementara seperti serta setelah siapa sudah supaya tak tanpa tapi telah tentang tersebut terus tetapi
tidak untuk walau yaitu yakni yang pernah akan kata ujar ujarnya katanya ungkapnya jelasnya tambahnya pungkasnya
merupakan menjadi dalam hal pula turut ikut sejumlah lebih paling per tiap setiap suatu terhadap`;

const EN = `a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself said says say according also last next`;

const LISTS: Record<Language, Set<string>> = {
  id: new Set(ID.split(/\s+/).filter(Boolean)),
  en: new Set(EN.split(/\s+/).filter(Boolean)),
};

export function isStopWord(word: string, language: Language): boolean {
  return LISTS[language].has(word.toLowerCase());
}

/** True when the word is a function word in either language (for mixed-language text). */
export function isAnyStopWord(word: string): boolean {
  const w = word.toLowerCase();
  return LISTS.id.has(w) || LISTS.en.has(w);
}

/** Every function word of both languages, for look-ups whose language is unknown. */
export const ALL_STOP_WORDS: ReadonlySet<string> = new Set([...LISTS.id, ...LISTS.en]);


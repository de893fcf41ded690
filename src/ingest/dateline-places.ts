// Place names that open datelines. Only used to tell the place from the outlet
// in "Jakarta, CNBC Indonesia -" style datelines when neither looks like a
// web domain; an unknown place still works when written in capitals.

const PLACES = [
  'jakarta', 'bandung', 'surabaya', 'semarang', 'yogyakarta', 'jogja', 'medan', 'makassar', 'denpasar', 'bali',
  'palembang', 'balikpapan', 'batam', 'bogor', 'bekasi', 'tangerang', 'depok', 'malang', 'solo', 'surakarta',
  'padang', 'pekanbaru', 'pontianak', 'banjarmasin', 'samarinda', 'manado', 'kupang', 'mataram', 'jayapura',
  'ambon', 'aceh', 'banda aceh', 'lampung', 'bandar lampung', 'jambi', 'bengkulu', 'serang', 'cirebon', 'karawang',
  'cikarang', 'sleman', 'bantul', 'kudus', 'tegal', 'purwokerto', 'kediri', 'jember', 'sidoarjo', 'gresik',
  'palu', 'kendari', 'gorontalo', 'ternate', 'sorong', 'merauke', 'nusantara', 'ikn',
  'tokyo', 'osaka', 'kyoto', 'nagoya', 'yokohama', 'beijing', 'shanghai', 'seoul', 'singapore', 'singapura',
  'kuala lumpur', 'bangkok', 'hanoi', 'ho chi minh city', 'manila', 'phnom penh', 'new york', 'washington',
  'london', 'paris', 'berlin', 'brussels', 'brussel', 'geneva', 'jenewa', 'sydney', 'canberra', 'hong kong',
  'taipei', 'new delhi', 'mumbai', 'dubai', 'riyadh', 'moscow', 'moskow', 'frankfurt', 'san francisco',
];

// Countries open "Indonesia - Japan ..." phrases too often to count as a lone dateline place.
const COUNTRIES = ['indonesia', 'japan', 'jepang', 'china', 'tiongkok', 'malaysia', 'vietnam', 'thailand'];

const CITY_SET = new Set(PLACES);
const PLACE_SET = new Set([...PLACES, ...COUNTRIES]);

export function isKnownPlace(name: string): boolean {
  return PLACE_SET.has(name.toLowerCase());
}

export function isKnownCity(name: string): boolean {
  return CITY_SET.has(name.toLowerCase());
}

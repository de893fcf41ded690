// The look-up mix the benches time: both languages, one- and multi-word
// queries, brief names, people and places, and typos ("ijpea", "recyling").
export const QUERIES = [
  'ijepa',
  'ijpea',
  'biofuel',
  'electric motorcycle',
  'kendaraan listrik',
  'bioetanol',
  'net zero',
  'car ownership',
  'Toyota hydrogen',
  'pelatihan tenaga kerja',
  'battery recyling',
  'midec',
  'Kenji Watanabe',
  'supply chain Karawang',
] as const;

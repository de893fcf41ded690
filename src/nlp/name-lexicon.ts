// Words that are capitalised in news text but are not personal names: titles,
// ministry portfolios, generic organisation words, days and months. Titles are
// what marks the next capitalised run as a person ("Menteri ... Agus", "Minister ... Saito").

const TITLES = `menteri menperin mendag menkeu menlu menko wamen presiden wapres wakil dirjen direktur jenderal kepala ketua
gubernur bupati walikota wali kota perdana sekretaris sekjen duta besar dubes deputi asisten staf khusus juru bicara jubir
kapolri panglima komisaris utama manajer ceo cfo chairman chairwoman founder pendiri
minister president vice prime secretary director general head chief governor mayor ambassador deputy spokesperson
spokesman chair executive officer commissioner mr mrs ms dr prof ir pak bapak ibu bu h hj sir madam senator`;

const NON_NAMES = `kementerian kemenperin perindustrian perdagangan keuangan luar negeri dalam ekonomi industri investasi energi
sumber daya mineral perhubungan pertanian kesehatan pendidikan riset teknologi koordinator bidang kemaritiman
republik indonesia negara badan lembaga asosiasi direktorat komisi dewan perwakilan rakyat otoritas jasa bank pusat
perusahaan pt tbk persero logam mesin alat transportasi elektronika manufaktur otomotif kendaraan listrik program
proyek kerja sama forum dialog pertemuan perjanjian kemitraan komunitas nol emisi koperasi pengembangan
ministry industry economy trade finance foreign affairs energy investment transport agency association department
council commission committee bank company corporation group holdings university institute centre center program
programme project dialogue meeting forum agreement partnership workshop summit conference task force community
automotive automobile vehicle electric motor emission net zero carbon low development manufacturing cooperation
international national global south north east west asia asean japan japanese jepang indonesian china chinese
senin selasa rabu kamis jumat sabtu minggu monday tuesday wednesday thursday friday saturday sunday
januari februari maret april mei juni juli agustus september oktober november desember
january february march may june july august october december the a an of and for on in at to by with
baca juga advertisement
perekonomian transportation coordinating koordinasi division divisi internasional secretariat sekretariat biro bureau
board office export import ekspor impor plant factory pabrik port pelabuhan station stasiun terminal
motors corporation corp industries holdings co ltd inc tbk persero karbon hijau
tahun year bulan month jawa barat timur tengah utara selatan sumatera kalimantan sulawesi java`;

export const TITLE_WORDS: ReadonlySet<string> = new Set(TITLES.split(/\s+/).filter(Boolean));
export const NON_NAME_WORDS: ReadonlySet<string> = new Set([...TITLES.split(/\s+/), ...NON_NAMES.split(/\s+/)].filter(Boolean));

/** Countries and major places, Indonesian and English spellings mapped to one key for cross-language matching. */
const PLACES: [string, string[]][] = [
  ['Indonesia', ['indonesia', 'ri']],
  ['Japan', ['japan', 'jepang']],
  ['China', ['china', 'tiongkok', 'cina']],
  ['South Korea', ['south korea', 'korea selatan']],
  ['United States', ['united states', 'amerika serikat', 'as', 'us', 'usa']],
  ['Germany', ['germany', 'jerman']],
  ['Netherlands', ['netherlands', 'belanda']],
  ['United Kingdom', ['united kingdom', 'inggris', 'uk', 'britain']],
  ['France', ['france', 'prancis', 'perancis']],
  ['Singapore', ['singapore', 'singapura']],
  ['Philippines', ['philippines', 'filipina']],
  ['Saudi Arabia', ['saudi arabia', 'arab saudi']],
  ['Russia', ['russia', 'rusia']],
  ['India', ['india']], ['Malaysia', ['malaysia']], ['Thailand', ['thailand']], ['Vietnam', ['vietnam']],
  ['Australia', ['australia']], ['Jakarta', ['jakarta']], ['Tokyo', ['tokyo']], ['Bali', ['bali']],
  ['Surabaya', ['surabaya']], ['Bandung', ['bandung']], ['Osaka', ['osaka']], ['Beijing', ['beijing']],
  // Indonesian industrial towns and districts, and cities that host talks, as news names them.
  ['Bekasi', ['bekasi']], ['Karawang', ['karawang']], ['Cikarang', ['cikarang']], ['Subang', ['subang']],
  ['Batang', ['batang']], ['Semarang', ['semarang']], ['Medan', ['medan']], ['Makassar', ['makassar']],
  ['Batam', ['batam']], ['Balikpapan', ['balikpapan']], ['Yogyakarta', ['yogyakarta']], ['Senayan', ['senayan']],
  ['Tangerang', ['tangerang']], ['Bogor', ['bogor']], ['Cilegon', ['cilegon']], ['Morowali', ['morowali']],
  ['West Java', ['west java', 'jawa barat']], ['Central Java', ['central java', 'jawa tengah']], ['East Java', ['east java', 'jawa timur']],
  ['Nagoya', ['nagoya']], ['Kyoto', ['kyoto']], ['Hiroshima', ['hiroshima']], ['Nagasaki', ['nagasaki']], ['Yokohama', ['yokohama']],
  ['Seoul', ['seoul']], ['Bangkok', ['bangkok']], ['Hanoi', ['hanoi']], ['Kuala Lumpur', ['kuala lumpur']],
  ['Paris', ['paris']], ['London', ['london']], ['Washington', ['washington']], ['Brussels', ['brussels', 'brussel']],
];

export const PLACE_BY_ALIAS: ReadonlyMap<string, string> = new Map(
  PLACES.flatMap(([name, aliases]) => aliases.map((a) => [a, name] as [string, string])),
);

// Common Indonesian roots used only to settle ambiguous meN-/peN- sound changes
// (k-, p-, t- dropped or not) and to stop stripping at a known root.

const ROOTS = `kembang kuat kirim kelola kurang kena kata kumpul kaji kunjung kuasa kenal kejar keluar kerja kutip klaim
kalah kecil kembali kendali kendara kira kukuh kuat kait kelompok kemas kesan ketahu kuat kupas kurang kontrol
tekan tanam tutup tuju tulis tunjuk tingkat tetap temu terima tarik tambah tanda tanya tawar tolak turun tumbuh
pakai pasok pilih pimpin pindah pinjam pantau perintah pikir proses produksi pasar pusat pulih
milik masuk mulai minta makan muat maju mudah nilai nanti nikmat mohon
ambil ajak ikut ubah atas alami ajar ambil angkat akui ingat isi olah urus usaha ekspor impor investasi
bangun beli bantu buat bahas bawa beri buka butuh dorong dukung dapat capai cipta jadi jual jaga jalan
sedia serah siap sampai susun sebut satu sama selesai
laku lapor latih lindung lihat luncur
industri ekonomi teknologi energi emisi listrik karbon otomotif kerjasama`;

export const KNOWN_ROOTS: ReadonlySet<string> = new Set(ROOTS.split(/\s+/).filter(Boolean));

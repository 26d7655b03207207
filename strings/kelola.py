"""Strings of the Kelola Data page (templates, import, audit trail, rollback)."""

CATALOG = {
    "kelola.status.title": {"id": "Status data per jenis", "en": "Data status per kind"},
    "kelola.status.caption": {
        "id": "Jenis berlabel 'contoh' masih memakai data sintetis, 'campuran' memuat bulan contoh di samping data "
              "nyata. Data contoh diganti hanya bila dipilih saat impor (\"Ganti juga seluruh data contoh\").",
        "en": "Kinds labelled 'sample' still hold synthetic data, 'mixed' holds sample months beside real data. Sample "
              "data are replaced only when chosen at import (\"Also replace all sample data\")."},
    "kelola.asal.demo": {"id": "contoh (sintetis)", "en": "sample (synthetic)"},
    "kelola.asal.impor": {"id": "impor", "en": "imported"},
    "kelola.asal.campuran": {"id": "campuran (nyata dan contoh)", "en": "mixed (real and sample)"},
    "kelola.col.kind": {"id": "Jenis data", "en": "Data kind"},
    "kelola.col.origin": {"id": "Asal", "en": "Origin"},
    "kelola.col.period": {"id": "Periode", "en": "Period"},
    "kelola.col.updated": {"id": "Diperbarui", "en": "Updated"},
    "kelola.tab.import": {"id": "Impor", "en": "Import"},
    "kelola.tab.templates": {"id": "Templat & ekspor", "en": "Templates & export"},
    "kelola.tab.history": {"id": "Riwayat & pembatalan", "en": "History & rollback"},
    "kelola.kind": {"id": "Jenis data", "en": "Data kind"},
    "kelola.format": {"id": "Format berkas", "en": "File format"},
    "kelola.upload": {"id": "Unggah berkas (.csv atau .xlsx, maks. {mb} MB)",
                      "en": "Upload a file (.csv or .xlsx, max. {mb} MB)"},
    "kelola.upload.help": {
        "id": "Seluruh berkas diperiksa dulu; tidak ada yang disimpan sebelum Anda menekan tombol Impor.",
        "en": "The whole file is checked first; nothing is saved until you press Import."},
    "kelola.rejected": {"id": "Berkas ditolak: {n} masalah. Basis data tidak diubah. Perbaiki baris di bawah lalu "
                                "unggah lagi.",
                        "en": "File rejected: {n} problems. The database was not changed. Fix the rows below and "
                              "upload again."},
    "kelola.valid": {"id": "Berkas valid: {rows} baris. Akan ditambah {added}, diubah {changed}, sama {unchanged}, "
                           "dihapus {removed}.",
                     "en": "File is valid: {rows} rows. To add {added}, change {changed}, unchanged {unchanged}, "
                           "remove {removed}."},
    "kelola.rule": {
        "id": "Aturan: berkas mengganti persis laporan yang dicakupnya (data kasus: instansi × bulan; okupansi dan "
              "pelatihan: unit × bulan; formasi SDM: unit × kuartal; pencegahan: instansi × bulan; penempatan: "
              "tahun atau bulan). Baris laporan itu yang tidak ada lagi di berkas dihapus; laporan lain, dari impor "
              "mana pun, tetap. Tiap laporan dicatat sebagai penyerahan. Data contoh diganti hanya bila dipilih.",
        "en": "Rule: a file replaces exactly the reports it covers (case data: agency × month; occupancy and "
              "training: unit × month; staffing: unit × quarter; prevention: agency × month; placements: year or "
              "month). Rows of those reports that the file no longer has are removed; other reports, from any "
              "import, stay. Each report is recorded as a submission. Sample data is replaced only when chosen."},
    "kelola.rule.reference": {
        "id": "Aturan: data rujukan ini diperbarui baris demi baris (ditambah atau diubah); tidak ada yang dihapus "
              "kecuali data contoh bila dipilih.",
        "en": "Rule: this reference data is updated row by row (added or changed); nothing is removed except sample "
              "data when chosen."},
    "kelola.replace_demo": {"id": "Ganti juga seluruh data contoh jenis ini", "en": "Also replace all sample data of this kind"},
    "kelola.replace_demo.help": {
        "id": "Tanpa pilihan ini data contoh di luar laporan berkas tetap ada (jenis data menjadi campuran dan "
              "halaman menandai bulan-bulan contohnya).",
        "en": "Without this, sample rows outside the file's reports stay (the kind becomes mixed and the pages "
              "mark its sample months)."},
    "kelola.demo_replaced": {
        "id": "{n} baris data contoh di luar berkas akan diganti (dihapus, atau unit dinonaktifkan). Pembatalan "
              "impor ini mengembalikannya.",
        "en": "{n} sample rows outside the file will be replaced (deleted, or units set inactive). Rolling this "
              "import back restores them."},
    "kelola.demo_kept": {
        "id": "{n} baris data contoh di luar berkas tetap ada: jenis data ini menjadi campuran dan halaman menandai "
              "bulan-bulan contohnya. Centang \"Ganti juga seluruh data contoh\" untuk menggantinya.",
        "en": "{n} sample rows outside the file stay: this kind becomes mixed and the pages mark its sample months. "
              "Tick \"Also replace all sample data\" to replace them."},
    "kelola.reports": {"id": "{n} laporan akan dicatat sebagai penyerahan (pengirim, waktu, berkas, baris, laporan nol).",
                       "en": "{n} reports will be recorded as submissions (sender, time, file, rows, zero report)."},
    "kelola.month.col.bulan": {"id": "Bulan", "en": "Month"},
    "kelola.month.col.ditambah": {"id": "Ditambah", "en": "Added"},
    "kelola.month.col.diubah": {"id": "Diubah", "en": "Changed"},
    "kelola.month.col.sama": {"id": "Sama", "en": "Unchanged"},
    "kelola.month.col.dihapus": {"id": "Dihapus", "en": "Removed"},
    "kelola.month.col.contoh_diganti": {"id": "Data contoh diganti", "en": "Sample rows replaced"},
    "kelola.warnings": {"id": "{n} peringatan (tidak menghalangi impor); periksa sebelum melanjutkan.",
                        "en": "{n} warnings (they do not block the import); check them before continuing."},
    "kelola.leaves_demo": {
        "id": "Ini data nyata pertama di basis data ini: akun demo dihapus saat impor (sandinya diketahui umum).",
        "en": "These are the first real data in this database: the demo accounts are deleted on import (their "
              "passwords are public)."},
    "kelola.no_real_admin": {
        "id": "Belum ada akun admin_data nyata. Buat dulu dengan 'python manage.py create-user NAMA --role "
              "admin_data', karena akun demo akan dihapus.",
        "en": "There is no real admin_data account yet. Create one first with 'python manage.py create-user NAME "
              "--role admin_data', because demo accounts will be deleted."},
    "kelola.preview": {"id": "Pratinjau (20 baris pertama, setelah pemeriksaan)",
                       "en": "Preview (first 20 rows, after checking)"},
    "kelola.report": {"id": "Laporan pemeriksaan", "en": "Validation report"},
    "kelola.col.row": {"id": "Baris", "en": "Row"},
    "kelola.col.column": {"id": "Kolom", "en": "Column"},
    "kelola.col.level": {"id": "Tingkat", "en": "Level"},
    "kelola.col.problem": {"id": "Masalah", "en": "Problem"},
    "kelola.confirm_check": {"id": "Saya sudah memeriksa pratinjau dan ingin mengimpor berkas ini.",
                             "en": "I have checked the preview and want to import this file."},
    "kelola.import_button": {"id": "Impor", "en": "Import"},
    "kelola.imported": {"id": "Impor #{batch} selesai: {added} ditambah, {changed} diubah, {unchanged} sama, "
                                "{removed} dihapus.",
                        "en": "Import #{batch} done: {added} added, {changed} changed, {unchanged} unchanged, "
                              "{removed} removed."},
    "kelola.imported.reports": {"id": "{n} laporan dicatat sebagai penyerahan.", "en": "{n} reports recorded as submissions."},
    "kelola.imported.mixed": {"id": "Jenis data ini kini campuran (nyata dan contoh); DATA CONTOH tetap tampil.",
                              "en": "This kind is now mixed (real and sample); the SAMPLE DATA notice stays."},
    "kelola.tab.submissions": {"id": "Penyerahan laporan", "en": "Submissions"},
    "kelola.subs.caption": {
        "id": "Setiap impor mencatat satu penyerahan per laporan yang dicakup berkasnya. Kelengkapan dan ketepatan "
              "waktu di Pemantauan Jarnas dihitung dari catatan ini; penyerahan dari impor yang dibatalkan tidak "
              "dihitung dan tidak tampil di sini.",
        "en": "Every import records one submission per report its file covers. Completeness and timeliness on "
              "Jarnas Monitoring are counted from these; submissions of rolled-back imports do not count and are "
              "not shown here."},
    "kelola.subs.empty": {"id": "Belum ada penyerahan laporan.", "en": "No submissions yet."},
    "kelola.subs.col.waktu": {"id": "Diterima", "en": "Received"},
    "kelola.subs.col.jenis": {"id": "Data", "en": "Data"},
    "kelola.subs.col.pelapor": {"id": "Pelapor", "en": "Reporter"},
    "kelola.subs.col.bulan": {"id": "Bulan laporan", "en": "Report month"},
    "kelola.subs.col.baris": {"id": "Baris", "en": "Rows"},
    "kelola.subs.col.total": {"id": "Jumlah", "en": "Total"},
    "kelola.subs.col.nol": {"id": "Laporan nol", "en": "Zero report"},
    "kelola.subs.col.oleh": {"id": "Diimpor oleh", "en": "Imported by"},
    "kelola.subs.col.berkas": {"id": "Berkas", "en": "File"},
    "kelola.subs.col.batch": {"id": "Impor #", "en": "Import #"},
    "kelola.yes": {"id": "ya", "en": "yes"},
    "kelola.no_change": {"id": "Tidak ada perubahan: {unchanged} baris sama dengan data tersimpan; tidak ada yang "
                                "ditulis (data contoh tetap data contoh).",
                         "en": "No change: {unchanged} rows equal the stored data; nothing was written (demo data "
                               "stays demo data)."},
    "kelola.template.caption": {
        "id": "Templat kosong (Excel berisi lembar Petunjuk dan daftar kode) dan ekspor semua data dalam format "
              "impor yang sama: ekspor bisa disunting lalu diimpor kembali.",
        "en": "Empty templates (the Excel file has an instructions sheet and code lists) and an export of all data "
              "in the same import format: an export can be edited and imported again."},
    "kelola.template.download": {"id": "Unduh templat", "en": "Download template"},
    "kelola.export.download": {"id": "Unduh ekspor data", "en": "Download data export"},
    "kelola.history.empty": {"id": "Belum ada impor.", "en": "No imports yet."},
    "kelola.rollback.title": {"id": "Batalkan impor", "en": "Roll back an import"},
    "kelola.rollback.caption": {
        "id": "Mengembalikan keadaan sebelum impor itu. Bila impor yang lebih baru mengubah baris yang sama, "
              "batalkan yang terbaru dulu (urutan terbalik).",
        "en": "Restores the state before that import. If a newer import changed the same rows, roll back the "
              "newest first (reverse order)."},
    "kelola.rollback.none": {"id": "Tidak ada impor aktif yang dapat dibatalkan.",
                             "en": "There is no active import to roll back."},
    "kelola.rollback.select": {"id": "Impor yang dibatalkan", "en": "Import to roll back"},
    "kelola.rollback.confirm": {"id": "Saya yakin ingin membatalkan impor #{batch}.",
                                "en": "I am sure I want to roll back import #{batch}."},
    "kelola.rollback.button": {"id": "Batalkan impor", "en": "Roll back import"},
    "kelola.rollback.done": {"id": "Impor #{batch} dibatalkan: {n} baris dikembalikan.",
                             "en": "Import #{batch} rolled back: {n} rows restored."},
    "kelola.rollback.demo": {"id": "Jenis data ini kembali ke data contoh.",
                             "en": "This kind is back to sample data."},
    "kelola.batch.label": {"id": "#{id} · {jenis} · {file} · {when}", "en": "#{id} · {jenis} · {file} · {when}"},
    "kelola.kind.kasus": {"id": "Korban per bulan (kasus)", "en": "Victims per month (cases)"},
    "kelola.kind.okupansi": {"id": "Okupansi sentra/RPTC", "en": "Unit occupancy"},
    "kelola.kind.staf": {"id": "Formasi SDM per kuartal", "en": "Staffing per quarter"},
    "kelola.kind.unit_layanan": {"id": "Daftar sentra dan RPTC", "en": "Service units"},
    "kelola.kind.standar": {"id": "Standar beban kerja (WISN)", "en": "Workload standards (WISN)"},
    "kelola.kind.waktu_kerja": {"id": "Waktu kerja tersedia (WISN)", "en": "Available working time (WISN)"},
    "kelola.kind.populasi": {"id": "Penduduk per wilayah", "en": "Population per area"},
    "kelola.error": {"id": "Terjadi kesalahan; tidak ada yang diubah. ({detail})",
                     "en": "Something went wrong; nothing was changed. ({detail})"},
    # Streamlit's upload widget has no text options; ui.i18n.localise_uploader draws these over its English.
    "upload.button": {"id": "Unggah", "en": "Upload"},
    "upload.limit": {"id": "Maks. {mb} MB per berkas • {types}", "en": "Max. {mb} MB per file • {types}"},
}

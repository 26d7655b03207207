"""Strings of the Kelola Data page (templates, import, audit trail, rollback)."""

CATALOG = {
    "kelola.status.title": {"id": "Status data per jenis", "en": "Data status per kind"},
    "kelola.status.caption": {
        "id": "Jenis berlabel 'contoh' masih memakai data sintetis; impor data nyata pertama menggantikannya.",
        "en": "Kinds labelled 'sample' still hold synthetic data; the first real import replaces it."},
    "kelola.asal.demo": {"id": "contoh (sintetis)", "en": "sample (synthetic)"},
    "kelola.asal.impor": {"id": "impor", "en": "imported"},
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
    "kelola.valid": {"id": "Berkas valid: {rows} baris. Akan ditambah {added}, diubah {changed}, sama {unchanged}.",
                     "en": "File is valid: {rows} rows. To add {added}, change {changed}, unchanged {unchanged}."},
    "kelola.warnings": {"id": "{n} peringatan (tidak menghalangi impor); periksa sebelum melanjutkan.",
                        "en": "{n} warnings (they do not block the import); check them before continuing."},
    "kelola.leaves_demo": {
        "id": "Ini impor nyata pertama untuk jenis data ini: {n} baris data contoh akan diganti, label DATA CONTOH "
              "hilang untuk jenis ini, dan akun demo dihapus. Pembatalan impor ini mengembalikan data contoh.",
        "en": "This is the first real import of this kind: {n} sample rows will be replaced, the SAMPLE DATA label "
              "goes for this kind, and demo accounts are deleted. Rolling this import back restores the samples."},
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
    "kelola.imported": {"id": "Impor #{batch} selesai: {added} ditambah, {changed} diubah, {unchanged} sama.",
                        "en": "Import #{batch} done: {added} added, {changed} changed, {unchanged} unchanged."},
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

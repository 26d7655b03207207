"""Strings of publishing on Kelola Data: the drift banner and the "Terbitkan" tab (ui/publish_admin.py)."""

CATALOG = {
    "terbit.tab": {"id": "Terbitkan", "en": "Publish"},
    "terbit.caption": {
        "id": "Terbitkan ringkasan publik: tabel terlindungi yang dibaca halaman Ringkasan Publik dan situs publik. "
              "Periksa pratinjau dan perbedaannya dengan rilis yang sedang tampil, lalu terbitkan sebagai versi baru.",
        "en": "Publish the public summary: the protected tables read by the Public Summary page and the public "
              "site. Check the preview and how it differs from the release on show, then publish it as a new "
              "version."},
    "terbit.by": {"id": " oleh {user}", "en": " by {user}"},
    # The banner at the top of Kelola Data.
    "terbit.banner.none": {
        "id": "Belum ada rilis publik: halaman Ringkasan Publik masih kosong. Terbitkan di tab Terbitkan.",
        "en": "There is no public release yet: the Public Summary page is still empty. Publish it in the Publish "
              "tab."},
    "terbit.banner.stale": {
        "id": "Data berubah sejak rilis publik versi {versi} (diterbitkan {date}{by}): {n} sel berbeda",
        "en": "The data changed after public release version {versi} (published {date}{by}): {n} cells differ"},
    "terbit.banner.period": {"id": "Periode data kini {data} (rilis: {release}).",
                             "en": "The data now cover {data} (release: {release})."},
    "terbit.banner.origin": {
        "id": "Label asal data (contoh atau impor) pada rilis tidak lagi sesuai dengan data.",
        "en": "The release's data-origin label (sample or imported) no longer matches the data."},
    "terbit.banner.rules": {
        "id": "Aturan penekanan (ambang atau pembulatan) yang berlaku berbeda dari aturan rilis.",
        "en": "The suppression rules in force (threshold or rounding) differ from the release's rules."},
    "terbit.banner.again": {"id": "Terbitkan ulang di tab Terbitkan?", "en": "Publish again in the Publish tab?"},
    "terbit.banner.no_data": {
        "id": "Data kini tidak memuat korban ditangani, tetapi rilis publik versi {versi} (diterbitkan {date}{by}) "
              "masih menampilkan angka. Rilis baru baru dapat diterbitkan setelah data dimuat kembali.",
        "en": "The data now hold no victims handled, but public release version {versi} (published {date}{by}) "
              "still shows figures. A new release can be published once data are loaded again."},
    "terbit.kind.changed": {"id": "{n} berubah", "en": "{n} changed"},
    "terbit.kind.suppressed": {"id": "{n} baru disembunyikan", "en": "{n} newly suppressed"},
    "terbit.kind.shown": {"id": "{n} baru ditampilkan", "en": "{n} newly shown"},
    "terbit.kind.added": {"id": "{n} sel baru", "en": "{n} new cells"},
    "terbit.kind.removed": {"id": "{n} sel hilang", "en": "{n} cells gone"},
    # Why nothing can be published (domain.publication.PROBLEMS).
    "terbit.problem.no_data": {
        "id": "Belum ada korban ditangani dalam data, jadi belum ada ringkasan publik yang dapat diterbitkan.",
        "en": "The data hold no victims handled yet, so there is no public summary to publish."},
    "terbit.problem.bad_data": {
        "id": "Ringkasan publik tidak dapat dibuat dari data saat ini ({detail}). Perbaiki datanya lewat impor; "
              "rilis yang sedang tampil tidak berubah.",
        "en": "The public summary cannot be built from the current data ({detail}). Fix the data by import; the "
              "release on show is unchanged."},
    "terbit.problem.unsafe": {
        "id": "Tabel publik tidak dapat dilindungi ({detail}). Tidak ada yang dapat diterbitkan; rilis yang sedang "
              "tampil tidak berubah.",
        "en": "The public tables cannot be protected ({detail}). Nothing can be published; the release on show is "
              "unchanged."},
    "terbit.problem.settings": {
        "id": "Pengaturan penekanan tidak valid ({detail}). Perbaiki TPPO_SUPPRESSION_THRESHOLD atau "
              "TPPO_ROUNDING_BASE; tidak ada yang dapat diterbitkan.",
        "en": "The suppression settings are invalid ({detail}). Fix TPPO_SUPPRESSION_THRESHOLD or "
              "TPPO_ROUNDING_BASE; nothing can be published."},
    # The tab.
    "terbit.first_release": {
        "id": "Ini akan menjadi rilis publik pertama: {n} sel di pratinjau akan tampil untuk umum.",
        "en": "This will be the first public release: the {n} cells in the preview will be shown to the public."},
    "terbit.diff.none": {
        "id": "Tidak ada sel yang berbeda dari rilis versi {versi} ({n} sel): menerbitkan sekarang hanya menambah "
              "versi dengan angka yang sama.",
        "en": "No cell differs from release version {versi} ({n} cells): publishing now only adds a version with "
              "the same figures."},
    "terbit.diff.title": {"id": "**Perbedaan dengan rilis versi {versi}** (diterbitkan {date})",
                          "en": "**Differences from release version {versi}** (published {date})"},
    "terbit.diff.counts": {
        "id": "{n} dari {cells} sel berbeda: {changed} berubah angka atau penandanya, {suppressed} baru "
              "disembunyikan, {shown} baru ditampilkan, {added} sel baru, {removed} sel hilang.",
        "en": "{n} of {cells} cells differ: {changed} changed their number or marker, {suppressed} newly "
              "suppressed, {shown} newly shown, {added} new cells, {removed} cells gone."},
    "terbit.change.changed": {"id": "berubah", "en": "changed"},
    "terbit.change.suppressed": {"id": "baru disembunyikan", "en": "newly suppressed"},
    "terbit.change.shown": {"id": "baru ditampilkan", "en": "newly shown"},
    "terbit.change.added": {"id": "sel baru", "en": "new cell"},
    "terbit.change.removed": {"id": "sel hilang", "en": "cell gone"},
    "terbit.col.table": {"id": "Tabel", "en": "Table"},
    "terbit.col.row": {"id": "Baris", "en": "Row"},
    "terbit.col.column": {"id": "Kolom", "en": "Column"},
    "terbit.col.before": {"id": "Rilis versi {versi}", "en": "Release version {versi}"},
    "terbit.col.after": {"id": "Terbitan baru", "en": "New release"},
    "terbit.col.change": {"id": "Perubahan", "en": "Change"},
    "terbit.col.value": {"id": "Nilai terbit", "en": "Published value"},
    "terbit.table.nasional": {"id": "Total nasional", "en": "National total"},
    "terbit.table.tahun": {"id": "Per tahun", "en": "By year"},
    "terbit.table.jenis_kelamin_umur": {"id": "Jenis kelamin × kelompok umur", "en": "Sex × age group"},
    "terbit.table.modus": {"id": "Per modus", "en": "By form of trafficking"},
    "terbit.table.provinsi": {"id": "Per provinsi asal", "en": "By province of origin"},
    "terbit.table.provinsi_tahun": {"id": "Provinsi asal × tahun", "en": "Province of origin × year"},
    "terbit.table.modus_tahun": {"id": "Modus × tahun", "en": "Form of trafficking × year"},
    "terbit.table.jenis_kelamin_umur_tahun": {"id": "Jenis kelamin × kelompok umur × tahun",
                                              "en": "Sex × age group × year"},
    "terbit.table.tujuan_tahun": {"id": "Negara tujuan × tahun", "en": "Destination country × year"},
    "terbit.table.pencegahan_provinsi": {"id": "Peserta pencegahan per provinsi",
                                         "en": "Prevention participants by province"},
    "terbit.preview.title": {"id": "Pratinjau: {n} sel yang akan terbit (periode {period})",
                             "en": "Preview: {n} cells to publish (period {period})"},
    "terbit.check.passed": {
        "id": "Pemeriksaan kerahasiaan lulus: tidak ada sel yang menampilkan angka 1 sampai {largest}, setiap angka "
              "kelipatan {base}, dan {hidden} sel disembunyikan dengan penanda.",
        "en": "Disclosure check passed: no cell shows a count from 1 to {largest}, every number is a multiple of "
              "{base}, and {hidden} cells are hidden behind a marker."},
    "terbit.check.failed": {
        "id": "Pemeriksaan kerahasiaan gagal ({detail}). Tidak dapat diterbitkan.",
        "en": "Disclosure check failed ({detail}). This cannot be published."},
    "terbit.note": {"id": "Catatan terbitan (opsional, disimpan bersama versi)",
                    "en": "Release note (optional, stored with the version)"},
    "terbit.confirm": {
        "id": "Saya sudah memeriksa pratinjau dan perbedaannya, dan ingin menerbitkan versi {versi} untuk umum.",
        "en": "I have checked the preview and its differences and want to publish version {versi} to the public."},
    "terbit.button": {"id": "Terbitkan versi {versi}", "en": "Publish version {versi}"},
    "terbit.done": {
        "id": "Ringkasan publik versi {versi} diterbitkan: {n} sel, periode {period}. Halaman Ringkasan Publik kini "
              "menampilkannya.",
        "en": "Public summary version {versi} published: {n} cells, period {period}. The Public Summary page now "
              "shows it."},
    "terbit.refused.outdated": {
        "id": "Data berubah sejak pratinjau dibuat; tidak ada yang diterbitkan. Periksa pratinjau yang baru, lalu "
              "terbitkan lagi.",
        "en": "The data changed after the preview was made; nothing was published. Check the new preview, then "
              "publish again."},
    "terbit.refused.conflict": {
        "id": "Terbitan lain disimpan pada saat yang sama; tidak ada yang diterbitkan dari sini. Periksa pratinjau "
              "lagi, lalu ulangi bila masih perlu.",
        "en": "Another release was stored at the same moment; nothing was published from here. Check the preview "
              "again and repeat if still needed."},
    "terbit.failed": {"id": "Tidak ada yang diterbitkan: {detail}.", "en": "Nothing was published: {detail}."},
    "terbit.static_site": {
        "id": "Situs publik statis dan paket data terbuka tetap ditulis dari baris perintah: "
              "`python manage.py publish --out FOLDER` (menyimpan versi baru dari data yang sama lalu menulis "
              "berkasnya).",
        "en": "The static public site and open-data package are still written from the command line: "
              "`python manage.py publish --out FOLDER` (stores a new version from the same data, then writes the "
              "files)."},
}

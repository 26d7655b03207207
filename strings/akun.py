"""Strings of account administration: the Akun tab of Kelola Data and the account commands of manage.py."""

CATALOG = {
    "akun.tab": {"id": "Akun", "en": "Accounts"},
    "akun.caption": {
        "id": "Akun lokal untuk masuk ke dasbor. Setiap tindakan tercatat di riwayat (jenis 'akun'). Menonaktifkan, "
              "menghapus, mengatur ulang kata sandi atau terkunci karena gagal masuk mengakhiri semua sesi akun itu: "
              "mengaktifkan kembali atau membuka kunci tidak membuka sesi lama.",
        "en": "Local accounts that sign in to the dashboard. Every action is recorded in the history (kind 'akun'). "
              "Deactivating, deleting, resetting the password or a lock after failed sign-ins ends all of the "
              "account's sessions: reactivating or unlocking never reopens an old one."},
    "akun.none": {"id": "Belum ada akun.", "en": "No accounts yet."},
    "akun.col.username": {"id": "Nama pengguna", "en": "Username"},
    "akun.col.peran": {"id": "Peran", "en": "Role"},
    "akun.col.aktif": {"id": "Aktif", "en": "Active"},
    "akun.col.terkunci_sampai": {"id": "Terkunci sampai", "en": "Locked until"},
    "akun.col.demo": {"id": "Akun demo", "en": "Demo account"},
    "akun.col.dibuat": {"id": "Dibuat", "en": "Created"},
    "akun.col.sesi": {"id": "Sesi terbuka", "en": "Open sessions"},
    "akun.yes": {"id": "ya", "en": "yes"},
    "akun.no": {"id": "tidak", "en": "no"},
    "akun.select": {"id": "Akun", "en": "Account"},
    "akun.action": {"id": "Tindakan", "en": "Action"},
    "akun.action.deactivate": {"id": "Nonaktifkan", "en": "Deactivate"},
    "akun.action.reactivate": {"id": "Aktifkan kembali", "en": "Reactivate"},
    "akun.action.delete": {"id": "Hapus", "en": "Delete"},
    "akun.action.reset_password": {"id": "Atur ulang kata sandi", "en": "Reset password"},
    "akun.action.unlock": {"id": "Buka kunci", "en": "Unlock"},
    "akun.own": {
        "id": "Ini akun yang sedang Anda pakai: menonaktifkan dan menghapusnya tidak tersedia di sini. Mengatur ulang "
              "kata sandinya mengakhiri sesi ini juga; masuk lagi dengan kata sandi baru.",
        "en": "This is the account you are signed in with: deactivating and deleting it are not available here. "
              "Resetting its password ends this session too; sign in again with the new password."},
    "akun.password": {"id": "Kata sandi baru (minimal {min} karakter)",
                      "en": "New password (at least {min} characters)"},
    "akun.password_again": {"id": "Ulangi kata sandi baru", "en": "Repeat the new password"},
    "akun.confirm": {"id": "Saya yakin: {action} akun {name}.", "en": "I am sure: {action} account {name}."},
    "akun.button": {"id": "Jalankan", "en": "Run"},
    "akun.done.create": {"id": "Akun {name} ({role}) dibuat.", "en": "Account {name} ({role}) created."},
    "akun.done.replace": {
        "id": "Akun {name} ({role}) diganti: kata sandi baru, {sessions} sesi diakhiri.",
        "en": "Account {name} ({role}) replaced: new password, {sessions} sessions ended."},
    "akun.done.deactivate": {"id": "Akun {name} dinonaktifkan; {sessions} sesi diakhiri.",
                             "en": "Account {name} deactivated; {sessions} sessions ended."},
    "akun.done.reactivate": {"id": "Akun {name} aktif kembali; pemiliknya perlu masuk lagi.",
                             "en": "Account {name} is active again; its owner must sign in again."},
    "akun.done.delete": {"id": "Akun {name} dihapus; {sessions} sesi diakhiri.",
                         "en": "Account {name} deleted; {sessions} sessions ended."},
    "akun.done.reset_password": {
        "id": "Kata sandi akun {name} diatur ulang; {sessions} sesi diakhiri dan kuncinya dibuka.",
        "en": "The password of account {name} was reset; {sessions} sessions ended and any lock lifted."},
    "akun.done.unlock": {"id": "Kunci akun {name} dibuka; hitungan gagal masuk kembali 0.",
                         "en": "Account {name} unlocked; its failed sign-in count is back to 0."},
    "akun.unchanged.deactivate": {"id": "Akun {name} sudah nonaktif; tidak ada yang diubah.",
                                  "en": "Account {name} is already inactive; nothing was changed."},
    "akun.unchanged.reactivate": {"id": "Akun {name} sudah aktif; tidak ada yang diubah.",
                                  "en": "Account {name} is already active; nothing was changed."},
    "akun.inactive_note": {
        "id": "Akun {name} nonaktif; aktifkan dengan 'manage.py reactivate-user {name}'.",
        "en": "Account {name} is inactive; reactivate it with 'manage.py reactivate-user {name}'."},
    "akun.refused.unknown": {"id": "Akun '{name}' tidak ada; tidak ada yang diubah.",
                             "en": "There is no account '{name}'; nothing was changed."},
    "akun.refused.last_admin": {
        "id": "Akun {name} adalah satu-satunya akun admin_data aktif (bukan demo); tanpa akun itu tidak ada yang dapat "
              "mengelola data dan akun. Buat atau aktifkan admin_data lain dulu. Tidak ada yang diubah.",
        "en": "Account {name} is the only active (non-demo) admin_data account; without it nobody could manage data "
              "and accounts. Create or reactivate another admin_data first. Nothing was changed."},
    "akun.refused.self": {
        "id": "Anda tidak dapat menonaktifkan atau menghapus akun yang sedang Anda pakai ({name}); tidak ada yang "
              "diubah.",
        "en": "You cannot deactivate or delete the account you are signed in with ({name}); nothing was changed."},
    "akun.refused.short_password": {"id": "Kata sandi minimal {min} karakter; tidak ada yang diubah.",
                                    "en": "The password needs at least {min} characters; nothing was changed."},
    "akun.refused.mismatch": {"id": "Kedua kata sandi tidak sama; tidak ada yang diubah.",
                              "en": "The two passwords differ; nothing was changed."},
}

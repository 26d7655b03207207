"""Strings of reporting (submissions): completeness and timeliness on Pemantauan Jarnas, the overdue reports on
Daftar Tindakan, and the data desk's submissions table (domain.submissions)."""

CATALOG = {
    "rep.header": {"id": "Kelengkapan dan ketepatan laporan", "en": "Reporting completeness and timeliness"},
    "rep.as_of.demo": {
        "id": "Dihitung per {as_of}, tanggal acuan data contoh: akhir datanya ({last}) ditambah satu siklus laporan "
              "(bukan hari ini, agar laporan contoh tidak terbaca terlambat bertahun-tahun). Laporan bulan M jatuh "
              "tempo tanggal {day} bulan M+1.",
        "en": "Counted to {as_of}, the demo data's own date: the end of its data ({last}) plus one reporting cycle "
              "(not today, so demo reports do not read as years late). The report for month M is due on day {day} "
              "of month M+1."},
    "rep.as_of.today": {
        "id": "Dihitung per hari ini, {as_of}. Laporan bulan M jatuh tempo tanggal {day} bulan M+1.",
        "en": "Counted to today, {as_of}. The report for month M is due on day {day} of month M+1."},
    "rep.summary": {
        "id": "{reported} dari {expected} laporan {kind} yang jatuh tempo untuk {period} sudah diterima ({rate}), "
              "{on_time} tepat waktu ({on_time_rate}); {missing} belum masuk. Laporan nol: {zero}.",
        "en": "{reported} of {expected} {kind} reports due for {period} have arrived ({rate}), {on_time} on time "
              "({on_time_rate}); {missing} not yet in. Zero reports: {zero}."},
    "rep.summary.complete": {
        "id": "Semua {expected} laporan {kind} yang jatuh tempo untuk {period} sudah diterima, {on_time} tepat waktu "
              "({on_time_rate}). Laporan nol: {zero}.",
        "en": "All {expected} {kind} reports due for {period} have arrived, {on_time} on time ({on_time_rate}). "
              "Zero reports: {zero}."},
    "rep.none_due": {
        "id": "Belum ada laporan {kind} yang jatuh tempo untuk periode dan filter ini.",
        "en": "No {kind} report is due yet for this period and these filters."},
    "rep.rule": {
        "id": "Aturan (seperti DHIS2): tiap instansi mengirim laporan data kasus tiap bulan, tiap sentra dan RPTC "
              "laporan okupansi. Laporan bulan M jatuh tempo tanggal {day} bulan M+1 (WIB); tepat waktu bila "
              "diterima paling lambat tanggal itu. Laporan nol tetap laporan. Tingkat pelaporan = laporan diterima "
              "÷ laporan yang jatuh tempo. Pelapor diharapkan sejak laporan pertamanya; yang belum pernah melapor "
              "diharapkan untuk bulan terakhir yang jatuh tempo. Filter periode memilih bulan; filter instansi "
              "memilih pelapor (sentra dan RPTC milik Kemensos); filter provinsi memilih unit di provinsi itu "
              "(laporan instansi bersifat nasional dan mencakup semua provinsi). Filter modus, jenis kelamin dan "
              "umur tidak berlaku.",
        "en": "Rule (as in DHIS2): every agency sends a case-data report each month, every centre an occupancy "
              "report. The report for month M is due on day {day} of month M+1 (WIB); on time when it arrived by "
              "that day. A zero report is a report. Reporting rate = reports received ÷ reports due. A reporter is "
              "expected from its first report; one that never reported is expected for the latest month due. The "
              "period filter chooses the months; the agency filter the reporters (the centres belong to Kemensos); "
              "the province filter the units in that province (agency reports are national and cover every "
              "province). Form, sex and age filters do not apply."},
    "rep.agencies": {"id": "Laporan data kasus per instansi", "en": "Case-data reports by agency"},
    "rep.units": {"id": "Laporan okupansi sentra dan RPTC", "en": "Occupancy reports of the centres"},
    "rep.grid.title": {"id": "Laporan data kasus bulanan per instansi, {period}",
                       "en": "Monthly case-data reports by agency, {period}"},
    "rep.legend": {"id": "Status laporan", "en": "Report status"},
    "rep.metric_help": {
        "id": "{got} dari {expected} laporan bulanan yang jatuh tempo diterima; {on_time} tepat waktu.",
        "en": "{got} of {expected} monthly reports due have arrived; {on_time} on time."},
    "rep.metric_delta": {"id": "tepat waktu {rate}", "en": "on time {rate}"},
    "rep.metric_none": {"id": "belum jatuh tempo", "en": "none due"},
    "rep.missing": {"id": "Laporan belum masuk", "en": "Reports not yet in"},
    "rep.missing.none": {"id": "Tidak ada laporan yang lewat tanggal jatuh tempo.",
                         "en": "No report is past its due date."},
    "rep.status.tepat_waktu": {"id": "tepat waktu", "en": "on time"},
    "rep.status.terlambat": {"id": "terlambat", "en": "late"},
    "rep.status.belum": {"id": "belum masuk", "en": "missing"},
    "rep.status.belum_jatuh_tempo": {"id": "belum jatuh tempo", "en": "not yet due"},
    "rep.cell.tepat_waktu": {"id": "✓", "en": "✓"},
    "rep.cell.terlambat": {"id": "+{days} hr", "en": "+{days} d"},
    "rep.cell.belum": {"id": "belum", "en": "missing"},
    "rep.cell.belum_jatuh_tempo": {"id": "–", "en": "–"},
    "rep.col.pelapor": {"id": "Pelapor", "en": "Reporter"},
    "rep.col.jenis": {"id": "Data", "en": "Data"},
    "rep.col.provinsi": {"id": "Provinsi", "en": "Province"},
    "rep.col.bulan": {"id": "Bulan laporan", "en": "Report month"},
    "rep.col.jatuh_tempo": {"id": "Jatuh tempo", "en": "Due"},
    "rep.col.hari_terlambat": {"id": "Hari lewat jatuh tempo", "en": "Days overdue"},
    "rep.col.diterima": {"id": "Diterima", "en": "Received"},
    "rep.col.status": {"id": "Status", "en": "Status"},
    "rep.col.unit": {"id": "Unit", "en": "Units"},
    "rep.col.diharapkan": {"id": "Laporan jatuh tempo", "en": "Reports due"},
    "rep.col.dilaporkan": {"id": "Diterima", "en": "Received"},
    "rep.col.tepat_waktu": {"id": "Tepat waktu", "en": "On time"},
    "rep.col.belum": {"id": "Belum masuk", "en": "Missing"},
    "rep.col.tingkat_pelaporan": {"id": "Tingkat pelaporan", "en": "Reporting rate"},
    "rep.col.tingkat_tepat_waktu": {"id": "Tingkat tepat waktu", "en": "On-time rate"},
    "ind.laporan_unit.def": {
        "id": "Laporan okupansi bulanan sentra dan RPTC yang diterima dibagi laporan yang jatuh tempo, per provinsi "
              "lokasi unit.",
        "en": "Monthly occupancy reports of the centres received, divided by the reports due, by the province "
              "where the unit is."},
    "rule.period.jatuh_tempo": {
        "id": "bulan-bulan periode yang laporannya sudah jatuh tempo pada tanggal acuan",
        "en": "the period's months whose reports were due by the as-of date"},
    "rule.province.cakupan_laporan": {
        "id": "laporan yang mencakup provinsi itu: laporan nasional instansi, dan laporan unit di provinsi itu",
        "en": "reports that cover the province: the agencies' national reports, and reports of units there"},
}

"""Plotly.js's own texts (modebar tooltips, notices): "en" is plotly's exact text, the key its lookup in the chart
config's locale dictionary (ui/charts.py)."""

CATALOG = {
    "plotly.download_png": {"id": "Unduh grafik sebagai PNG", "en": "Download plot as a PNG"},
    "plotly.download": {"id": "Unduh grafik", "en": "Download plot"},
    "plotly.preparing": {"id": "Menyiapkan gambar, mohon tunggu beberapa detik",
                         "en": "Preparing image - this may take a few seconds"},
    "plotly.image_done": {"id": "Gambar berhasil diunduh", "en": "Image download succeeded"},
    "plotly.image_failed": {"id": "Maaf, gambar gagal diunduh.", "en": "Sorry, there was a problem downloading your image!"},
    "plotly.zoom": {"id": "Perbesar area", "en": "Zoom"},
    "plotly.pan": {"id": "Geser", "en": "Pan"},
    "plotly.zoom_in": {"id": "Perbesar", "en": "Zoom in"},
    "plotly.zoom_out": {"id": "Perkecil", "en": "Zoom out"},
    "plotly.autoscale": {"id": "Skala otomatis", "en": "Autoscale"},
    "plotly.reset_axes": {"id": "Kembalikan sumbu", "en": "Reset axes"},
    "plotly.reset": {"id": "Kembalikan", "en": "Reset"},
    "plotly.reset_view": {"id": "Kembalikan tampilan", "en": "Reset view"},
    "plotly.reset_views": {"id": "Kembalikan tampilan", "en": "Reset views"},
    "plotly.box_select": {"id": "Pilih dengan kotak", "en": "Box Select"},
    "plotly.lasso_select": {"id": "Pilih dengan laso", "en": "Lasso Select"},
    "plotly.spikes": {"id": "Tampilkan garis bantu", "en": "Toggle Spike Lines"},
    "plotly.hover_closest": {"id": "Tampilkan data terdekat", "en": "Show closest data on hover"},
    "plotly.hover_compare": {"id": "Bandingkan data", "en": "Compare data on hover"},
    "plotly.hover_toggle": {"id": "Tampilkan data terdekat saat disorot", "en": "Toggle show closest data on hover"},
    "plotly.double_click": {"id": "Klik dua kali untuk memperkecil kembali", "en": "Double-click to zoom back out"},
    "plotly.legend_isolate": {"id": "Klik dua kali pada legenda untuk menampilkan satu seri saja",
                              "en": "Double-click on legend to isolate one trace"},
}

"""Makes a publication extract from the case table: entry-stage counts -> protected cells -> a new version.

Building and writing are apart: query_release_draft builds the next version's cells without writing (the preview
on Kelola Data, and the drift check that says when the public extract is older than the data), and
publish_from_cases builds the same cells and stores them: the one publish path of `manage.py publish`, the
Kelola Data action and the demo loader.

Kept apart from data_access.publication on purpose: the public page imports that module only, so nothing it
loads can read the unprotected case counts.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import IntegrityError

from data_access.caching import run_cached
from data_access.cases import query_victims_by
from data_access.importing import RELEASE_AUDIT_KIND
from data_access.prevention import query_prevention_activities
from data_access.publication import get_latest_extract, query_latest_extract, write_extract
from data_access.schema import ImportBatch, Modus, SumberData, Wilayah
from domain.disclosure import DisclosureError, DisclosureRules
from domain.filters import Filters
from domain.publication import (
    DESTINATION_COLUMNS, MONTHLY_COLUMNS, ExtractInfo, NothingToPublish, ReleaseDraft, ReleaseDrift,
    build_release_cells, compare_cells, count_changes, data_period, format_period, release_drift,
)
from settings import load_settings

# The audit trail (import_batch, shown under Kelola Data > Riwayat) records each named publish as a batch of this
# kind. Its status is not "aktif", so it is never offered for rollback (a release is replaced by publishing again).
BATCH_KIND = RELEASE_AUDIT_KIND
BATCH_STATUS = "terbit"


class PublishRefused(ValueError):
    """Nothing was published: the data changed since the preview, or another publish took the version number.
    The message is Indonesian; `reason` is "outdated" or "conflict"."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def rules_from_settings() -> DisclosureRules:
    """Threshold and rounding base in force (TPPO_SUPPRESSION_THRESHOLD, TPPO_ROUNDING_BASE)."""
    settings = load_settings()
    return DisclosureRules(settings.suppression_threshold, settings.rounding_base)


def query_monthly_entry_counts(conn: Connection) -> pd.DataFrame:
    # No filters: the public figures cover every month, province and agency loaded; the destination columns feed the
    # destination x year table (issue 26).
    return query_victims_by(conn, Filters(), (*MONTHLY_COLUMNS[:-1], *DESTINATION_COLUMNS))


def query_case_origin(conn: Connection) -> str:
    row = conn.execute(select(SumberData.asal).where(SumberData.kode == "kasus")).first()
    return str(row[0]) if row else "demo"


def build_release(conn: Connection, rules: DisclosureRules) -> ReleaseDraft:
    """The next version's cells from the current data, written nowhere. Raises NothingToPublish (no victims),
    DisclosureError (the tables cannot be protected) or ValueError (a code outside the reference lists)."""
    monthly = query_monthly_entry_counts(conn)
    provinces = [str(k) for k in conn.execute(
        select(Wilayah.kode).where(Wilayah.tingkat == 1).order_by(Wilayah.kode)).scalars()]
    modus_codes = [str(k) for k in conn.execute(select(Modus.kode).order_by(Modus.urutan, Modus.kode)).scalars()]
    start, end = data_period(monthly)
    # Prevention reach over the same months, by province only (issue 15): kab/kota counts stay internal.
    reach = query_prevention_activities(conn, start, end, (), "provinsi")
    origin = query_case_origin(conn)
    # Protected together with the release the public sees (issue 26, domain.publication.carry_over), when it was
    # made from the same kind of data: the first import replaces the demo data, which shares nothing with it.
    latest = query_latest_extract(conn)
    previous = latest if latest is not None and latest.info.asal_data == origin else None
    cells = build_release_cells(monthly, provinces, modus_codes, reach, rules, previous)
    return ReleaseDraft(cells, format_period(start, end), origin, rules)


def query_release_draft(conn: Connection, rules: DisclosureRules) -> ReleaseDraft:
    """build_release, with the reason instead of an exception when no version can be made (ReleaseDraft.problem:
    no_data, unsafe, bad_data)."""
    try:
        return build_release(conn, rules)
    except NothingToPublish as exc:
        return ReleaseDraft.refused("no_data", str(exc), rules)
    except DisclosureError as exc:
        return ReleaseDraft.refused("unsafe", str(exc), rules)
    except ValueError as exc:
        return ReleaseDraft.refused("bad_data", str(exc), rules)


def get_release_draft(rules: DisclosureRules | None = None) -> ReleaseDraft:
    """The cells a publish would store now (cached per data version), under `rules` or the rules in force; bad
    disclosure settings give a draft with problem "settings"."""
    try:
        rules = rules or rules_from_settings()
    except ValueError as exc:
        return ReleaseDraft.refused("settings", str(exc))
    return run_cached(query_release_draft, rules)


def query_release_publisher(conn: Connection, dibuat: dt.datetime) -> str | None:
    """Who published the version made at `dibuat` (its audit batch has the same time), None when unrecorded."""
    stmt = (select(ImportBatch.oleh).where(ImportBatch.jenis == BATCH_KIND, ImportBatch.waktu == dibuat)
            .order_by(ImportBatch.id.desc()).limit(1))
    row = conn.execute(stmt).first()
    return str(row[0]) if row else None


def query_release_drift(conn: Connection, rules: DisclosureRules | None = None) -> ReleaseDrift:
    """The latest published extract against a fresh build of the current data, uncached (manage.py, tests, or
    inside a transaction just after a rollback)."""
    try:
        rules = rules or rules_from_settings()
    except ValueError as exc:
        draft = ReleaseDraft.refused("settings", str(exc))
    else:
        draft = query_release_draft(conn, rules)
    latest = query_latest_extract(conn)
    publisher = query_release_publisher(conn, latest.info.dibuat) if latest is not None else None
    return release_drift(latest, draft, publisher)


def get_release_drift(rules: DisclosureRules | None = None) -> ReleaseDrift:
    """Is the public extract older than the data? The latest release (version, time, who) and how many of its cells
    a publish now would change (changed, newly suppressed, newly shown, added, removed), plus period, origin and
    rules changes; `is_stale` sums it up. Cached per data version (a fresh build of the demo takes ~0.1 s), so
    after an import or a rollback (both bump the data version) the next call compares against the new data."""
    draft = get_release_draft(rules)
    latest = get_latest_extract()
    publisher = run_cached(query_release_publisher, latest.info.dibuat) if latest is not None else None
    return release_drift(latest, draft, publisher)


def publish_from_cases(
    conn: Connection,
    now: dt.datetime,
    rules: DisclosureRules | None = None,
    catatan: str = "",
    *,
    oleh: str | None = None,
    expected_digest: str | None = None,
) -> ExtractInfo:
    """Read the entry-stage counts, protect every published table together and store the next version.

    Run inside one transaction (engine.begin()). Raises ValueError when there is nothing to publish,
    domain.disclosure.DisclosureError when the tables cannot be protected, and PublishRefused when
    `expected_digest` (the preview's ReleaseDraft.digest) no longer matches the data; nothing is stored then.
    With `oleh`, the publish is recorded in the audit trail (import_batch, jenis "publikasi", status "terbit":
    who, when, the cells' digest, and how many cells were new, changed or equal against the previous version).
    """
    rules = rules or rules_from_settings()
    draft = build_release(conn, rules)
    if expected_digest is not None and draft.digest != expected_digest:
        raise PublishRefused("outdated", "data berubah sejak pratinjau dibuat; periksa pratinjau yang baru")
    previous = query_latest_extract(conn) if oleh is not None else None
    info = write_extract(conn, draft.cells, ambang=rules.threshold, basis_pembulatan=rules.rounding_base,
                         asal_data=draft.asal_data, periode=draft.periode, now=now, catatan=catatan)
    if oleh is not None:
        changes = count_changes(compare_cells(previous.cells if previous is not None else None, draft.cells))
        label = f"Terbitan publik versi {info.versi} (periode {info.periode})"
        conn.execute(insert(ImportBatch), {
            "jenis": BATCH_KIND, "nama_file": (label + (f": {catatan}" if catatan else ""))[:255],
            "sha256": draft.digest, "oleh": (oleh.strip() or "?")[:80], "waktu": now,
            "baris_tambah": changes.added, "baris_ubah": changes.total - changes.added,
            "baris_sama": len(draft.cells) - changes.total + changes.removed, "status": BATCH_STATUS,
        })
    return info


def publish_release(oleh: str, catatan: str = "", expected_digest: str | None = None,
                    rules: DisclosureRules | None = None, now: dt.datetime | None = None) -> ExtractInfo:
    """publish_from_cases in its own transaction on the configured database (the Kelola Data action).
    Raises ValueError (PublishRefused, DisclosureError, nothing to publish); nothing is stored then."""
    from data_access.engine import get_engine

    now = now or dt.datetime.now(dt.UTC)
    try:
        with get_engine().begin() as conn:
            return publish_from_cases(conn, now, rules, catatan, oleh=oleh, expected_digest=expected_digest)
    except IntegrityError as exc:  # two publishes at once: the unique version number lets only one through
        raise PublishRefused("conflict", "terbitan lain disimpan pada saat yang sama; periksa lagi lalu ulangi") \
            from exc

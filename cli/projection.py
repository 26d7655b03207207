"""The proyeksi command: next year's projected victims, places and staff (issue 27), as text or JSON."""

from __future__ import annotations

import argparse
import json

from cli.common import UserError, add_filter_options, filters_from_args, period_from_data, require_database


def cmd_proyeksi(args: argparse.Namespace) -> int:
    from data_access.engine import connect
    from data_access.indicators import connection_runner, data_window
    from data_access.projection import projection_view
    from data_access.reference import query_code_names
    from exports import projection_tables as pt

    filters = filters_from_args(args)
    require_database()
    with connect() as conn:
        run = connection_runner(conn)
        filters = period_from_data(filters, args, data_window(run))
        view = projection_view(filters, run)
        names = run(query_code_names, "id")
    if view.filters is None:
        raise UserError("Periode ini tidak berisi data kasus; tidak ada yang dapat diproyeksikan.")
    if args.json:
        print(json.dumps(pt.projection_json(view, view.demo), ensure_ascii=False, default=str))
        return 0
    lines = [("DATA CONTOH (sintetis). " if view.demo else "") + pt.tr("proy.label", "id"), pt.method_text("id")]
    national = view.national
    if national.withheld:
        lines.append(f"{pt.tr('proy.national.scope', 'id')}: {pt.reason_text(national, 'id')}")
    else:
        lines.append(pt.window_text(view, "id"))
        lines += [f"{pt.tr(key, 'id')}: {value}" for key, value in pt.headline(view, "id").items()]
        lines += [pt.backtest_text(national, "id"), pt.year_text(national, "id")]
    print("\n".join(lines))
    print()
    print(pt.series_table(view, names, "id").to_string(index=False))
    if len(view.places):
        print()
        print(pt.places_summary(view, "id"))
    if len(view.staff_roles):
        print(pt.staff_summary(view, "id"))
        print(pt.staff_table(view, names["peran"], "id").to_string(index=False))
    elif view.staff_reason:
        print(pt.tr(f"proy.staff.{view.staff_reason}", "id"))
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("proyeksi", help="proyeksi 12 bulan ke depan: korban, tempat dan staf (proyeksi, bukan target)")
    p.add_argument("--json", action="store_true", help="cetak satu objek JSON")
    add_filter_options(p)
    p.set_defaults(handler=cmd_proyeksi)

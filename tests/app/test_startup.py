"""Start-up (issue 12): the first page after a fresh start imports no heavy module it does not use, and a database
already at the newest migration is not migrated again (no Alembic import)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.helpers import PROJECT

# Modules that cost seconds to import on the 2-core machine and that the first page does not need.
NOT_AT_START = ("alembic", "mapclassify", "sklearn", "scipy", "lokal", "pptx", "kaleido", "openpyxl")


def _run(code: str, database_url: str) -> dict:
    env_code = f"import os, sys; os.environ['DATABASE_URL'] = {database_url!r}; sys.path.insert(0, {str(PROJECT)!r})\n"
    proc = subprocess.run([sys.executable, "-c", env_code + code], cwd=PROJECT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_the_first_page_after_start_imports_no_heavy_module_it_does_not_need(app_env):
    out = _run(
        "import json, logging; logging.disable(logging.WARNING)\n"
        "from streamlit.testing.v1 import AppTest\n"
        f"at = AppTest.from_file({str(PROJECT / 'app.py')!r}, default_timeout=240)\n"
        "at.run()\n"
        "print(json.dumps({'exception': [e.value for e in at.exception], 'title': [t.value for t in at.title],\n"
        "                  'loaded': sorted(m for m in sys.modules if m.split('.')[0] in " + repr(NOT_AT_START) + ")}))",
        app_env)
    assert not out["exception"]
    assert out["title"], "the public page was drawn"
    assert not {m.split(".")[0] for m in out["loaded"]}, out["loaded"]


def test_a_database_at_the_newest_migration_is_not_migrated_again(app_env):
    out = _run(
        "import json\n"
        "from data_access.engine import head_revision, migrate\n"
        "migrate()\n"
        "print(json.dumps({'alembic': 'alembic' in sys.modules, 'head': head_revision()}))", app_env)
    assert out["alembic"] is False
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(PROJECT / "migrations"))
    assert out["head"] == ScriptDirectory.from_config(cfg).get_current_head()  # the text scan agrees with Alembic

"""Before `make test`: the Debian programs the tests drive are there, installed with apt-get when we may, or one sentence.

The browser tests need Chromium (Debian's, never `playwright install`: STACK-NOTES), the deck tests LibreOffice
and Ghostscript, the proxy test nginx. Without them the browser tests fail at their first fixture and the others
skip, so `make test` checks first: missing packages are installed when this runs as root on a machine with
apt-get (as CI does), and otherwise the run stops before any test with one Indonesian sentence naming the
command that installs them. `--no-install` (or TPPO_NO_INSTALL=1) only checks. Standard library only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser.live import CHROMIUM  # noqa: E402  (where the browser tests look: TPPO_CHROMIUM or /usr/bin)


def _on_path(*names: str, also: tuple[str, ...] = ()) -> Callable[[], bool]:
    return lambda: any(shutil.which(n) for n in names) or any(Path(p).is_file() for p in also)


# Debian package -> how the tests find what it installs (the same lookups as the tests themselves).
PACKAGES: dict[str, Callable[[], bool]] = {
    "chromium": lambda: Path(CHROMIUM).is_file(),                      # tests/browser/live.py, kaleido
    "libreoffice-impress": _on_path("soffice", "libreoffice"),         # tests/db/test_deck*.py, exports/deck.py
    "nginx-light": _on_path("nginx", also=("/usr/sbin/nginx",)),       # tests/browser/test_proxy.py
    "ghostscript": _on_path("gs"),                                     # tests/db/test_deck_render.py
}


def missing_packages() -> list[str]:
    return [package for package, present in PACKAGES.items() if not present()]


def install_command(packages: list[str]) -> str:
    sudo = "" if os.geteuid() == 0 else "sudo "
    return f"{sudo}apt-get install -y {' '.join(packages)}"


def sentence(packages: list[str]) -> str:
    return (f"Uji belum dijalankan karena paket sistem {', '.join(packages)} belum terpasang; "
            f"pasang dulu dengan `{install_command(packages)}`.")


def apt_install(packages: list[str]) -> bool:
    """apt-get update and install, quietly; apt's own errors still reach stderr."""
    apt = shutil.which("apt-get")
    if apt is None:
        return False
    print(f"Memasang paket sistem untuk uji: {' '.join(packages)} (apt-get) ...", file=sys.stderr, flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for args in (["update", "-qq"], ["install", "-y", "-qq", *packages]):
        if subprocess.run([apt, *args], env=env, stdout=subprocess.DEVNULL).returncode != 0:
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-install", action="store_true", help="only check (also TPPO_NO_INSTALL=1)")
    args = parser.parse_args(argv)
    missing = missing_packages()
    if not missing:
        return 0
    may_install = not args.no_install and os.environ.get("TPPO_NO_INSTALL", "") in ("", "0") \
        and os.geteuid() == 0 and shutil.which("apt-get") is not None
    if may_install and apt_install(missing):
        missing = missing_packages()
        if not missing:
            return 0
    print(sentence(missing), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())

"""tools/ensure_test_packages.py, run as `make test` runs it, on a PATH of stub programs (nothing is installed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
SCRIPT = PROJECT / "tools" / "ensure_test_packages.py"
SUDO = "" if os.geteuid() == 0 else "sudo "
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="the script installs only when it runs as root")


def stub(folder: Path, name: str, body: str = "exit 0") -> Path:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return path


@pytest.fixture
def machine(tmp_path: Path) -> dict:
    """A PATH with only stubs of the programs the tests look for, and a Chromium location with nothing there."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("soffice", "gs", "nginx"):
        stub(bin_dir, name)
    return {"bin": bin_dir, "chromium": tmp_path / "chromium", "log": tmp_path / "apt.log",
            "env": {"PATH": str(bin_dir), "TPPO_CHROMIUM": str(tmp_path / "chromium"), "HOME": str(tmp_path)}}


def run(machine: dict, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], env={**machine["env"], **env},
                          capture_output=True, text=True, timeout=60)


def test_nothing_missing_says_nothing(machine):
    machine["chromium"].write_text("")
    result = run(machine)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_missing_chromium_without_installing_stops_with_one_sentence(machine):
    result = run(machine, "--no-install")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == ("Uji belum dijalankan karena paket sistem chromium belum terpasang; pasang dulu dengan "
                             f"`{SUDO}apt-get install -y chromium`.\n")


def test_the_sentence_names_every_missing_package_in_one_command(machine):
    for name in ("soffice", "gs"):
        (machine["bin"] / name).unlink()
    result = run(machine, TPPO_NO_INSTALL="1")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.count("apt-get") == 1
    assert f"`{SUDO}apt-get install -y chromium libreoffice-impress ghostscript`." in result.stderr


@as_root
def test_as_root_it_installs_the_missing_packages_with_apt(machine):
    # The stub apt-get "installs" Chromium where the tests look for it.
    stub(machine["bin"], "apt-get", f'echo "$@" >> "{machine["log"]}"\n'
                                    f'[ "$1" = install ] && : > "{machine["chromium"]}"\nexit 0')
    result = run(machine)
    assert result.returncode == 0, result.stderr
    assert machine["log"].read_text().splitlines() == ["update -qq", "install -y -qq chromium"]
    assert "Memasang paket sistem untuk uji: chromium" in result.stderr


@as_root
@pytest.mark.parametrize("disable", [("--no-install",), ("TPPO_NO_INSTALL", "1")], ids=["flag", "env"])
def test_installing_can_be_switched_off(machine, disable):
    stub(machine["bin"], "apt-get", f'echo "$@" >> "{machine["log"]}"')
    args, env = (disable, {}) if disable[0].startswith("--") else ((), {disable[0]: disable[1]})
    result = run(machine, *args, **env)
    assert result.returncode == 1
    assert not machine["log"].exists()


@as_root
def test_a_failed_install_ends_with_the_sentence(machine):
    stub(machine["bin"], "apt-get", 'echo "E: Unable to locate package chromium" >&2\nexit 100')
    result = run(machine)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == ("Uji belum dijalankan karena paket sistem chromium belum terpasang; "
                                              "pasang dulu dengan `apt-get install -y chromium`.")

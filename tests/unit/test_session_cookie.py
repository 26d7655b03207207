"""The cookie routes send the browser back only to a path on this site (never an open redirect)."""

from __future__ import annotations

import pytest

from ui.session_cookie import safe_return_path


@pytest.mark.parametrize("value, expected", [
    ("/peta-asal-korban?modus=online_scam&jk=P", "/peta-asal-korban?modus=online_scam&jk=P"),
    ("/ringkasan-eksekutif?present=1", "/ringkasan-eksekutif?present=1"),
    ("/", "/"),
    (None, "/"),
    ("", "/"),
    ("https://evil.example/x", "/"),
    ("//evil.example/x", "/"),
    ("/\\evil.example", "/"),
    ("javascript:alert(1)", "/"),
    ("peta-asal-korban", "/"),
])
def test_safe_return_path(value, expected):
    assert safe_return_path(value) == expected

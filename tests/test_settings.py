"""Every setting is declared once, with a default and help text, and documented in the README's table."""

from __future__ import annotations

import re
from pathlib import Path

from core.state import settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme_table() -> None:
    found = re.findall(r"^\| `([A-Z_]+)` \| (`[^`]*`|\(empty\)) \|", README, flags=re.MULTILINE)
    rows = {name: "" if value == "(empty)" else value.strip("`") for name, value in found}
    for setting in settings.SETTINGS:
        assert setting.name in rows, f"{setting.name} is not documented in README.md"
        assert rows[setting.name] == setting.default, f"{setting.name}: README default differs"
        assert setting.help


def test_debug_is_off_unless_asked(monkeypatch) -> None:
    monkeypatch.delenv("DASH_DEBUG", raising=False)
    assert not settings.flag("DASH_DEBUG")
    monkeypatch.setenv("DASH_DEBUG", "true")
    assert settings.flag("DASH_DEBUG")

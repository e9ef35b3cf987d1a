"""Settings read back the schema version they write, migrate older files, and leave newer ones alone."""

from __future__ import annotations

from xhscover.editing import settings as S


def test_schema_is_written_and_read_back(tmp_path):
    path = str(tmp_path / "s.ini")
    first = S.Settings(path)
    first.add_recent_file("/tmp/a.xhscover")
    first.sync()
    again = S.Settings(path)
    assert again.schema_version() == S.SCHEMA and not again.newer
    assert again.recent_files() == ["/tmp/a.xhscover"]


def test_every_older_schema_has_a_migration():
    assert sorted(S.MIGRATIONS) == list(range(1, S.SCHEMA))


def test_settings_of_a_newer_app_are_read_and_kept(tmp_path):
    path = tmp_path / "s.ini"
    path.write_text("[General]\nschema=7\n\n[recent]\nfiles=/tmp/b.xhscover\n", encoding="utf-8")
    s = S.Settings(str(path))
    assert s.newer and s.schema_version() == 7
    assert s.recent_files() == ["/tmp/b.xhscover"]
    s.add_recent_file("/tmp/c.xhscover")
    s.sync()
    assert "schema=7" in path.read_text(encoding="utf-8")  # not downgraded


def test_older_schema_is_migrated(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(S, "SCHEMA", 3)
    monkeypatch.setattr(S, "MIGRATIONS", {1: lambda q: calls.append(1), 2: lambda q: calls.append(2)})
    path = tmp_path / "s.ini"
    path.write_text("[General]\nschema=1\n", encoding="utf-8")
    s = S.Settings(str(path))
    assert calls == [1, 2] and s.schema_version() == 3

"""Default file names from the note title (editing.names) and recent-project thumbnails
(editing.thumbnails): cached by path, size and time, redrawn when the file changes, and a damaged
file raises the project's own error."""

from __future__ import annotations

import os

import pytest

from xhscover.editing import thumbnails
from xhscover.editing.document import EditorDocument
from xhscover.editing.names import MAX_STEM, default_stem, file_stem
from xhscover.errors import ProjectError
from xhscover.model.layouts import get_layout


@pytest.mark.parametrize(("text", "stem"), [
    ("月薪5千\n也能存下\n10万+", "月薪5千也能存下10万+"),
    ("Weekend\ntrip", "Weekend trip"),
    ("杭州/三天: 两晚?", "杭州 三天 两晚"),
    ("  \n ..", ""),
    ("长" * 100, "长" * MAX_STEM),
])
def test_file_stem(text, stem):
    assert file_stem(text) == stem


def test_default_stem_prefers_note_title_then_cover_title():
    assert default_stem("杭州三天两晚｜人均800", "月薪5千", "封面") == "杭州三天两晚｜人均800"
    assert default_stem("", "月薪5千\n也能存下", "封面") == "月薪5千也能存下"
    assert default_stem("", "", "封面") == "封面"


def test_thumbnail_cached_and_redrawn_on_change(tmp_path, monkeypatch):
    monkeypatch.setenv("XHSCOVER_DATA_DIR", str(tmp_path / "data"))
    doc = EditorDocument.from_layout(get_layout("big-title-red"))
    path = tmp_path / "p.xhscover"
    doc.save(path)
    assert thumbnails.cached(path) is None
    img = thumbnails.thumbnail(path)
    assert img.width() == thumbnails.THUMB_W and abs(img.height() - thumbnails.THUMB_W * 4 / 3) <= 1
    assert thumbnails.cached(path) == img
    title = next(t for t in doc.cover.text_layers() if t.role == "title")
    title.text = "改了"
    doc.save(path)
    os.utime(path, ns=(1, 1))  # a different time, whatever the clock resolution
    assert thumbnails.cached(path) is None
    thumbnails.remember(doc.project, path)
    again = thumbnails.cached(path)
    assert again is not None and again != img


def test_damaged_or_missing_project(tmp_path, monkeypatch):
    monkeypatch.setenv("XHSCOVER_DATA_DIR", str(tmp_path / "data"))
    bad = tmp_path / "bad.xhscover"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ProjectError):
        thumbnails.thumbnail(bad)
    with pytest.raises(ProjectError, match="no such file"):
        thumbnails.thumbnail(tmp_path / "gone.xhscover")
    assert thumbnails.cached(tmp_path / "gone.xhscover") is None

"""Save/reopen, export, autosave and crash restore, atomic saves under a full disk."""

from __future__ import annotations

import errno
import json
import os
import zipfile

import pytest

from xhscover.editing import commands as C
from xhscover.editing.autosave import Autosaver, pending_restores
from xhscover.editing.document import EditorDocument
from xhscover.editing.exporting import ExportOptions, export_covers
from xhscover.errors import ProjectError, XhsError
from xhscover.model.serialize import to_dict


def test_save_reopen_compare(doc, tmp_path):
    doc.push(C.SetProps(doc, {"title": {"text": "改过的标题", "style.size": 150.0}}))
    doc.push(C.duplicate_variant(doc))
    path = doc.save(tmp_path / "p.xhscover")
    assert not doc.is_modified()
    again = EditorDocument.open(path)
    assert [to_dict(c) for c in again.project.covers] == [to_dict(c) for c in doc.project.covers]


def test_full_disk_keeps_old_file(doc, tmp_path, monkeypatch):
    path = doc.save(tmp_path / "p.xhscover")
    before = path.read_bytes()
    doc.push(C.SetProps(doc, {"title": {"text": "新"}}))

    def boom(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", boom)
    with pytest.raises(ProjectError, match="No space left"):
        doc.save()
    assert path.read_bytes() == before
    assert doc.is_modified()
    assert [p.name for p in tmp_path.iterdir()] == ["p.xhscover"]


def test_broken_project(tmp_path):
    bad = tmp_path / "x.xhscover"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ProjectError):
        EditorDocument.open(bad)


def test_export_one_and_all(doc, tmp_path):
    doc.push(C.duplicate_variant(doc))
    out = export_covers(doc.project, "A", tmp_path / "a.png", ExportOptions("png", 0.25))
    assert out[0].is_file()
    out = export_covers(doc.project, "A", tmp_path, ExportOptions("jpg", 0.25, 80, all_variants=True))
    assert [p.suffix for p in out] == [".jpg", ".jpg"] and all(p.is_file() for p in out)
    from PySide6.QtGui import QImage

    assert QImage(str(out[0])).width() == 270


def test_export_readonly_folder(doc, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        import os

        if os.access(ro, os.W_OK):
            pytest.skip("running as root: cannot make a read-only folder")
        with pytest.raises(XhsError, match="read-only"):
            export_covers(doc.project, "A", ro / "a.png", ExportOptions())
    finally:
        ro.chmod(0o700)


def test_autosave_and_restore(doc, tmp_path):
    saver = Autosaver(tmp_path)
    saver.start()
    saver.set_document(doc)
    assert not saver.autosave_now()  # nothing unsaved
    doc.push(C.SetProps(doc, {"title": {"text": "崩溃前的修改"}}))
    assert saver.autosave_now()
    assert not saver.autosave_now()  # unchanged since
    # our own live session is never offered
    assert pending_restores(tmp_path) == []
    # pretend the process died: rewrite the marker with a dead pid
    info = json.loads(saver.marker.read_text())
    info["pid"] = 2**22 + 12345
    saver.marker.write_text(json.dumps(info))
    (found,) = pending_restores(tmp_path)
    restored = found.load()
    assert restored.cover.layer("title").text == "崩溃前的修改"
    assert restored.is_modified()
    found.discard()
    assert pending_restores(tmp_path) == []


def test_clean_exit_leaves_nothing(doc, tmp_path):
    saver = Autosaver(tmp_path)
    saver.start()
    saver.set_document(doc)
    doc.push(C.SetProps(doc, {"title": {"text": "x"}}))
    saver.autosave_now()
    saver.finish_clean()
    assert list((tmp_path / "autosave").iterdir()) == []


def _crashed_session(doc, data_dir, text: str, original: str | None = None) -> Autosaver:
    """A session that autosaved `text` and then "died" (its marker names a pid that is not running)."""
    saver = Autosaver(data_dir)
    saver.start()
    saver.set_document(doc)
    if original:
        doc.path = original
        saver._write_marker(None)
    doc.push(C.SetProps(doc, {"title": {"text": text}}))
    assert saver.autosave_now()
    info = json.loads(saver.marker.read_text())
    info["pid"] = 2**22 + 777
    saver.marker.write_text(json.dumps(info))
    return saver


def test_every_crashed_session_is_offered(gui_app, tmp_path):
    from xhscover.model.layouts import get_layout

    first = EditorDocument.from_layout(get_layout("big-title-red"), "3:4")
    second = EditorDocument.from_layout(get_layout("big-title-red"), "3:4")
    _crashed_session(first, tmp_path, "第一个崩溃", str(tmp_path / "mine.xhscover"))
    time_of_second = _crashed_session(second, tmp_path, "第二个崩溃")
    found = pending_restores(tmp_path)
    assert len(found) == 2
    texts = sorted(r.load().cover.layer("title").text for r in found)
    assert texts == ["第一个崩溃", "第二个崩溃"]
    assert {r.name for r in found} == {"mine.xhscover", ""}
    # one opened, the other kept as a file in the recovered folder: nothing is deleted
    kept = found[1].keep(tmp_path / "recovered")
    assert kept.is_file() and "recovered" in kept.name
    assert EditorDocument.open(kept).cover.layer("title").text in texts
    assert len(pending_restores(tmp_path)) == 1
    assert time_of_second.file.parent == tmp_path / "autosave"


def test_autosave_killed_before_its_marker_is_still_found(doc, tmp_path):
    saver = _crashed_session(doc, tmp_path, "标记之前")
    info = json.loads(saver.marker.read_text())
    info["autosave"] = None  # killed between writing the autosave and updating the marker
    saver.marker.write_text(json.dumps(info))
    (found,) = pending_restores(tmp_path)
    assert found.load().cover.layer("title").text == "标记之前"
    saver.marker.unlink()  # and with no marker at all
    (found,) = pending_restores(tmp_path)
    assert found.marker is None and found.load().cover.layer("title").text == "标记之前"


def test_stale_temporary_files_are_removed_on_start(doc, tmp_path):
    saver = _crashed_session(doc, tmp_path, "x")
    folder = saver.file.parent
    dead = folder / f".{saver.file.name}.{2**22 + 99}.abc123.tmp"
    dead.write_bytes(b"half a zip" * 1000)
    alive = folder / f".{saver.file.name}.{os.getpid()}.def456.tmp"
    alive.write_bytes(b"being written")
    other = folder / "notes.tmp"
    other.write_bytes(b"not ours")
    pending_restores(tmp_path)
    assert not dead.exists() and alive.exists() and other.exists()

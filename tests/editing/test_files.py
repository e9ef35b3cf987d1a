"""Save/reopen, export, autosave and crash restore, atomic saves under a full disk."""

from __future__ import annotations

import errno
import json
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

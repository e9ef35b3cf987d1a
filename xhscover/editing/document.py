"""The open project as the editor sees it: project + current cover + selection + one undo stack.

Commands (commands.py) change the model and then call `notify_changed`/`notify_structure`; views
only listen to the signals (orange-canvas-core style). "Unsaved" is exactly `not undo_stack.isClean()`.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from xhscover.model.cover import Cover
from xhscover.model.layers import Layer
from xhscover.model.layouts import Layout, build_cover
from xhscover.model.project import Project, load_project, save_project

log = logging.getLogger(__name__)


class EditorDocument(QObject):
    changed = Signal(str, list)  # cover id, ids of the layers whose properties changed ([] = cover)
    structure_changed = Signal(str)  # cover id: layers added, removed or reordered; variants changed
    selection_changed = Signal()
    current_cover_changed = Signal(str)
    clean_changed = Signal(bool)
    path_changed = Signal()
    shelf_changed = Signal()  # the project's competitor shelf or its feed settings

    def __init__(self, project: Project | None = None, path: str | Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project or Project()
        self.path: Path | None = Path(path) if path else None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self.clean_changed)
        self._cover_id = self.project.covers[0].id
        self._selection: list[str] = []
        self._gesture = 0

    # --- construction -------------------------------------------------------------------------
    @classmethod
    def from_layout(cls, layout: Layout, ratio: str = "3:4", content: dict[str, str] | None = None,
                    parent: QObject | None = None) -> EditorDocument:
        cover = build_cover(layout, ratio, content)
        return cls(Project(covers=[cover], title=layout.name_zh), None, parent)

    @classmethod
    def open(cls, path: str | Path, parent: QObject | None = None) -> EditorDocument:
        """Load a project file; raises ProjectError with a readable message."""
        return cls(load_project(path), path, parent)

    def save(self, path: str | Path | None = None) -> Path:
        """Atomic save (model.project writes a temp file then renames); clean state only on success."""
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("no path to save to")
        save_project(self.project, target)
        if target != self.path:
            self.path = target
            self.path_changed.emit()
        self.undo_stack.setClean()
        return target

    # --- state ----------------------------------------------------------------------------------
    @property
    def cover_id(self) -> str:
        return self._cover_id

    @property
    def cover(self) -> Cover:
        return self.project.cover(self._cover_id)

    @property
    def store(self):
        return self.project.images

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def set_current_cover(self, cover_id: str) -> None:
        self.project.cover(cover_id)  # KeyError for unknown ids
        if cover_id == self._cover_id:
            return
        self._cover_id = cover_id
        self._selection = []
        self.current_cover_changed.emit(cover_id)
        self.selection_changed.emit()

    @property
    def selection(self) -> list[str]:
        return list(self._selection)

    def selected_layers(self) -> list[Layer]:
        cover = self.cover
        return [cover.layer(i) for i in self._selection if _has(cover, i)]

    def set_selection(self, layer_ids: list[str]) -> None:
        ids = [i for i in dict.fromkeys(layer_ids) if _has(self.cover, i)]
        if ids != self._selection:
            self._selection = ids
            self.selection_changed.emit()

    def expand_groups(self, layer_ids: list[str]) -> list[str]:
        """Selecting one member of a group selects the whole group."""
        cover = self.cover
        groups = {cover.layer(i).group for i in layer_ids if _has(cover, i)} - {None}
        extra = [lay.id for lay in cover.layers if lay.group in groups]
        return list(dict.fromkeys([*layer_ids, *extra]))

    # --- undo -----------------------------------------------------------------------------------
    def push(self, command: QUndoCommand) -> None:
        count, text = self.undo_stack.count(), command.text()  # read before: a merged command is deleted
        self.undo_stack.push(command)
        if self.undo_stack.count() > count:  # a new step (a drag's merged moves are logged once)
            log.info("edit: %s", text)

    def new_gesture(self) -> int:
        """A token shared by the commands of one drag/slider gesture so they merge into one step."""
        self._gesture += 1
        return self._gesture

    # --- called by commands -----------------------------------------------------------------------
    def notify_changed(self, cover_id: str, layer_ids: list[str]) -> None:
        self.changed.emit(cover_id, list(layer_ids))

    def notify_structure(self, cover_id: str) -> None:
        if not any(c.id == self._cover_id for c in self.project.covers):
            self._cover_id = self.project.covers[0].id
            self.current_cover_changed.emit(self._cover_id)
        if cover_id == self._cover_id:
            keep = [i for i in self._selection if _has(self.cover, i)]
            if keep != self._selection:
                self._selection = keep
                self.selection_changed.emit()
        self.structure_changed.emit(cover_id)

    def notify_shelf(self) -> None:
        self.shelf_changed.emit()

    def snapshot(self) -> Project:
        """A deep copy for autosave/export in another thread: shares image bytes, not layers."""
        return Project(covers=copy.deepcopy(self.project.covers), images=self.project.images,
                       title=self.project.title, shelf=copy.deepcopy(self.project.shelf))


def _has(cover: Cover, layer_id: str) -> bool:
    return any(lay.id == layer_id for lay in cover.layers)

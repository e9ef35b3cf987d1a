"""Properties of the selection (or of the cover background when nothing is selected).

Each control is bound to a dotted model path; edits push `SetProps` for every selected layer that has
the field. A slider drag shares one gesture token (one undo step); spin boxes merge while typing.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from xhscover.editing import commands as C
from xhscover.editing.document import EditorDocument
from xhscover.editing.names import display_name
from xhscover.editing.props import get_path
from xhscover.editing.signals import connect_all, disconnect_all
from xhscover.errors import XhsError
from xhscover.model.assets import sticker_catalog
from xhscover.model.fonts import font_catalog
from xhscover.model.layers import ImageLayer, StickerLayer, TextLayer
from xhscover.model.styles import Fill, FillKind, Highlight, LabelBox, Shadow, Stroke
from xhscover.render.fonts import make_qfont
from xhscover.ui import dialogs
from xhscover.ui.language import is_english
from xhscover.ui.preset_gallery import PresetGallery


class ColorButton(QWidget):
    """A swatch that opens the colour dialog, plus an eyedropper that samples the rendered canvas."""

    color_chosen = Signal(str)

    def __init__(self, panel: PropertiesPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self._color = "#000000"
        self.swatch = QPushButton(self)
        self.swatch.setFixedSize(44, 22)
        self.swatch.clicked.connect(self._pick)
        self.dropper = QToolButton(self)
        self.dropper.setText(self.tr("Pick"))
        self.dropper.setToolTip(self.tr("Pick a colour from the canvas"))
        self.dropper.clicked.connect(self._eyedrop)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.swatch)
        lay.addWidget(self.dropper)
        lay.addStretch(1)

    def set_color(self, color: str) -> None:
        self._color = color
        c = QColor(color[:7])
        self.swatch.setStyleSheet(f"background:{c.name()}; border:1px solid #888; border-radius:3px;")
        self.swatch.setToolTip(color)

    def color(self) -> str:
        return self._color

    def _pick(self) -> None:
        recent = self.panel.settings.recent_colors() if self.panel.settings else []
        chosen = dialogs.pick_color(self, self._color, recent)
        if chosen:
            self.choose(chosen)

    def choose(self, color: str) -> None:
        self.set_color(color)
        if self.panel.settings:
            self.panel.settings.add_recent_color(color)
        self.color_chosen.emit(color)

    def _eyedrop(self) -> None:
        if self.panel.canvas is not None:
            self.panel.canvas.start_color_pick(self.choose)


class FillEditor:
    """Kind combo plus, for gradients, the angle and an editable stop list (add/remove, position, colour).

    Every edit is one `SetProps` on the panel's targets; position spins share a gesture per stop so
    typing or holding an arrow is one undo step. Stops stay in model order (the renderer sorts them),
    so the selected row does not jump while its position changes.
    """

    def __init__(self, panel: PropertiesPanel, path: str) -> None:
        self.panel = panel
        self.path = path
        self.kind = QComboBox()
        self.kind.setObjectName(f"prop:{path}.kind")
        # literal translate() calls so lupdate files these under the panel's context
        self.kind.addItem(QCoreApplication.translate("PropertiesPanel", "Solid"), "solid")
        self.kind.addItem(QCoreApplication.translate("PropertiesPanel", "Linear gradient"), "linear")
        self.kind.addItem(QCoreApplication.translate("PropertiesPanel", "Radial gradient"), "radial")
        self.kind.currentIndexChanged.connect(lambda i: self.set_kind(self.kind.itemData(i)))
        self.grad = QWidget()
        self.grad.setObjectName(f"gradient:{path}")
        form = QFormLayout(self.grad)
        form.setContentsMargins(16, 0, 0, 0)
        self.angle = panel._spin(form, QCoreApplication.translate("PropertiesPanel", "Gradient angle"),
                                 path + ".angle", -360, 360, 15)
        self.form = form
        self.stops = QListWidget()
        self.stops.setObjectName(f"stops:{path}")
        self.stops.setFixedHeight(72)
        self.stops.currentRowChanged.connect(lambda _r: self._refresh_stop_editors())
        form.addRow(QCoreApplication.translate("PropertiesPanel", "Stops"), self.stops)
        row = QHBoxLayout()
        self.add_btn = QToolButton()
        self.add_btn.setText("+")
        self.add_btn.setToolTip(QCoreApplication.translate("PropertiesPanel", "Add gradient stop"))
        self.add_btn.clicked.connect(self.add_stop)
        self.remove_btn = QToolButton()
        self.remove_btn.setText("−")
        self.remove_btn.setToolTip(QCoreApplication.translate("PropertiesPanel", "Remove gradient stop"))
        self.remove_btn.clicked.connect(self.remove_stop)
        self.pos = QDoubleSpinBox()
        self.pos.setObjectName(f"stop-pos:{path}")
        self.pos.setRange(0.0, 1.0)
        self.pos.setSingleStep(0.05)
        self.pos.setDecimals(2)
        self.pos.setKeyboardTracking(False)
        self.pos.setToolTip(QCoreApplication.translate("PropertiesPanel", "Stop position (0 = start, 1 = end)"))
        self.pos.valueChanged.connect(lambda v: self._set_stop(pos=float(v)))
        self.color = ColorButton(panel)
        self.color.setObjectName(f"stop-color:{path}")
        self.color.color_chosen.connect(lambda c: self._set_stop(color=c))
        for w in (self.add_btn, self.remove_btn, self.pos, self.color):
            row.addWidget(w)
        form.addRow(row)

    def fill(self) -> Fill | None:
        v = self.panel.value(self.path)
        return v if isinstance(v, Fill) else None

    def refresh(self) -> None:
        fill = self.fill()
        kind = fill.kind if fill else "solid"
        with QSignalBlocker(self.kind):
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.grad.setVisible(fill is not None and kind != "solid")
        self.form.setRowVisible(self.angle, kind == "linear")
        stops = list(fill.stops) if fill else []
        row = self.stops.currentRow()
        with QSignalBlocker(self.stops):
            self.stops.clear()
            for pos, color in stops:
                item = QListWidgetItem(f"{pos:.2f}   {color}")
                item.setBackground(QColor(color[:7]))
                item.setForeground(QColor(_contrast(color)))
                self.stops.addItem(item)
            if stops:
                self.stops.setCurrentRow(min(max(row, 0), len(stops) - 1))
        self._refresh_stop_editors()

    def _refresh_stop_editors(self) -> None:
        fill = self.fill()
        stops = fill.stops if fill else []
        i = self.stops.currentRow()
        ok = 0 <= i < len(stops)
        self.pos.setEnabled(ok)
        self.color.setEnabled(ok)
        self.remove_btn.setEnabled(len(stops) > 2)
        if ok:
            self.color.set_color(stops[i][1])
            with QSignalBlocker(self.pos):
                self.pos.setValue(float(stops[i][0]))

    def set_kind(self, kind: str) -> None:
        def change(fill: Fill) -> Fill | None:
            if not isinstance(fill, Fill) or fill.kind == kind:
                return None
            fill.kind = cast(FillKind, kind)
            if kind != "solid" and len(fill.stops) < 2:  # a gradient needs two stops to show
                fill.stops = [(0.0, fill.color), (1.0, _contrast(fill.color))]
            return fill

        self.panel.set_each(self.path, change, text=C.tr("Gradient"))

    def add_stop(self) -> None:
        """Put a new stop in the middle of the widest gap, in the colour the gradient has there."""
        def change(stops: list) -> list | None:
            if len(stops) < 2:
                return None
            ordered = sorted(stops, key=lambda s: s[0])
            a, b = max(zip(ordered, ordered[1:], strict=False), key=lambda ab: ab[1][0] - ab[0][0])
            stops.append((round((a[0] + b[0]) / 2, 3), _mix(a[1], b[1], 0.5)))
            return stops

        n = len(self.fill().stops) if self.fill() else 0
        self.panel.set_each(self.path + ".stops", change, text=C.tr("Add gradient stop"))
        self.stops.setCurrentRow(n)

    def remove_stop(self) -> None:
        i = self.stops.currentRow()
        self.panel.set_each(self.path + ".stops",
                            lambda stops: stops[:i] + stops[i + 1:] if len(stops) > 2 and 0 <= i < len(stops) else None,
                            text=C.tr("Remove gradient stop"))

    def _set_stop(self, pos: float | None = None, color: str | None = None) -> None:
        i = self.stops.currentRow()
        if i < 0:
            return
        sub = f"{self.path}.stops.{i}"

        def change(stop: tuple) -> tuple:
            return (stop[0] if pos is None else pos, stop[1] if color is None else color)

        self.panel.set_each(sub, change, text=C.tr("Gradient"),
                            gesture=f"spin:{sub}.pos" if pos is not None else None)


MIN_WIDTH = 240  # the properties dock is never narrower than this (px)


class PropertiesPanel(QScrollArea):
    def __init__(self, parent: QWidget | None = None, canvas=None, settings=None) -> None:
        super().__init__(parent)
        self.doc: EditorDocument | None = None
        self.canvas = canvas
        self.settings = settings
        self.setWidgetResizable(True)
        # never a horizontal scroll bar (it hid the right half of the spin boxes in English): the
        # controls shrink and long labels wrap above their fields, and the dock is as wide as the
        # narrowest layout of the shown sections needs (`_fit_width`)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(MIN_WIDTH)
        self._updating = False
        self._binders: list[Callable[[], None]] = []  # refresh functions
        self._gesture: Any = None
        self.fill_editors: dict[str, FillEditor] = {}  # by fill path, for tests and scripting
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(6, 6, 6, 6)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight:600; font-size:14px;")
        self.body.addWidget(self.title)
        self._build_geometry()
        self._build_text()
        self._build_image()
        self._build_shape()
        self._build_sticker()
        self._build_background()
        self.body.addStretch(1)
        self.setWidget(body)
        self._compact(body)
        self.refresh()

    def _compact(self, body: QWidget) -> None:
        """Let every row get as narrow as its content allows, in both languages."""
        for combo in body.findChildren(QComboBox):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        for form in body.findChildren(QFormLayout):
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def sizeHint(self) -> QSize:
        """Ask for the minimum width only: the dock stays narrow and the canvas gets the room."""
        return QSize(self.minimumWidth(), super().sizeHint().height())

    def _fit_width(self) -> None:
        """The dock's minimum: what the shown sections need, plus the vertical scroll bar."""
        need = self.widget().minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() \
            + 2 * self.frameWidth()
        self.setMinimumWidth(max(MIN_WIDTH, need))
    # --- plumbing -----------------------------------------------------------------------------------
    def set_document(self, doc: EditorDocument | None) -> None:
        if self.doc is not None:
            disconnect_all(self._connections())
        self.doc = doc
        if doc is not None:
            connect_all(self._connections())
        self.refresh()

    def _connections(self):
        d = self.doc
        return [(d.selection_changed, self.refresh), (d.changed, self._on_changed),
                (d.structure_changed, self.refresh), (d.current_cover_changed, self.refresh)]

    def _on_changed(self, *_a) -> None:
        self.refresh()

    def targets(self, path: str) -> list[str | None]:
        """Selected layers that have `path`; with nothing selected, the cover (None)."""
        if self.doc is None:
            return []
        sel = self.doc.selected_layers()
        if not sel:
            try:
                get_path(self.doc.cover, path)
                return [None]
            except (AttributeError, IndexError, ValueError):
                return []
        out: list[str | None] = []
        for lay in sel:
            try:
                get_path(lay, path)
                out.append(lay.id)
            except (AttributeError, IndexError, ValueError, TypeError):
                continue
        return out

    def value(self, path: str, default: Any = None) -> Any:
        ts = self.targets(path)
        if not ts:
            return default
        obj = self.doc.cover if ts[0] is None else self.doc.cover.layer(ts[0])
        try:
            return get_path(obj, path)
        except (AttributeError, IndexError, ValueError, TypeError):
            return default

    def set_value(self, path: str, value: Any, gesture: Any = None, text: str = "") -> None:
        if self._updating or self.doc is None:
            return
        ts = self.targets(path)
        if not ts:
            return
        changes = {t: {path: copy.deepcopy(value)} for t in ts}
        self.doc.push(C.SetProps(self.doc, changes, text or C.tr("Change properties"), gesture=gesture))

    def set_each(self, path: str, fn: Callable[[Any], Any], text: str = "", gesture: Any = None) -> None:
        """Like `set_value`, but each target's new value is computed from its own current one (`fn`
        returns None to leave that target alone), so multi-selection edits keep per-layer colours."""
        if self._updating or self.doc is None:
            return
        changes: C.Changes = {}
        for t in self.targets(path):
            obj = self.doc.cover if t is None else self.doc.cover.layer(t)
            new = fn(copy.deepcopy(get_path(obj, path)))
            if new is not None:
                changes[t] = {path: new}
        if changes:
            self.doc.push(C.SetProps(self.doc, changes, text or C.tr("Change properties"), gesture=gesture))

    def refresh(self, *_a) -> None:
        self._updating = True
        try:
            sel = self.doc.selected_layers() if self.doc else []
            kinds = {lay.kind for lay in sel}
            if self.doc is None:
                self.title.setText("")
            elif not sel:
                self.title.setText(self.tr("Cover {0} · background").format(self.doc.cover.name))
            elif len(sel) == 1:
                self.title.setText(display_name(sel[0]))
            else:
                self.title.setText(self.tr("{0} layers").format(len(sel)))
            self.geom_box.setVisible(bool(sel))
            self.text_box.setVisible(kinds == {"text"})
            self.image_box.setVisible(kinds == {"image"})
            self.shape_box.setVisible(kinds == {"shape"})
            self.sticker_box.setVisible(kinds == {"sticker"})
            self.bg_box.setVisible(self.doc is not None and not sel)
            for fn in self._binders:
                fn()
        finally:
            self._updating = False
        self._fit_width()

    # --- control factories -------------------------------------------------------------------------
    def _spin(self, form: QFormLayout, label: str, path: str, lo: float, hi: float, step: float = 1.0,
              decimals: int = 0, scale: float = 1.0, suffix: str = "") -> QDoubleSpinBox:
        sb = QDoubleSpinBox()
        sb.setRange(lo, hi)
        sb.setSingleStep(step)
        sb.setDecimals(decimals)
        sb.setSuffix(suffix)
        sb.setKeyboardTracking(False)
        sb.setObjectName("prop:" + path)

        def changed(v: float) -> None:
            self.set_value(path, v / scale, gesture=f"spin:{path}")

        sb.valueChanged.connect(changed)

        def refresh() -> None:
            v = self.value(path)
            if isinstance(v, (int, float)):
                with QSignalBlocker(sb):
                    sb.setValue(float(v) * scale)

        self._binders.append(refresh)
        form.addRow(label, sb)
        return sb

    def _slider(self, form: QFormLayout, label: str, path: str, lo: int, hi: int, scale: float = 1.0) -> QSlider:
        sl = QSlider(Qt.Orientation.Horizontal)
        sl.setRange(lo, hi)
        sl.setObjectName("prop:" + path)
        sl.sliderPressed.connect(self.begin_gesture)
        sl.sliderReleased.connect(self.end_gesture)
        sl.valueChanged.connect(lambda v: self.set_value(path, v / scale, gesture=self._gesture or f"slider:{path}"))

        def refresh() -> None:
            v = self.value(path)
            if isinstance(v, (int, float)):
                with QSignalBlocker(sl):
                    sl.setValue(round(float(v) * scale))

        self._binders.append(refresh)
        form.addRow(label, sl)
        return sl

    def begin_gesture(self) -> None:
        """Slider pressed: every change until release merges into one undo step."""
        self._gesture = self.doc.new_gesture() if self.doc else None

    def end_gesture(self) -> None:
        self._gesture = None

    def _combo(self, form: QFormLayout, label: str, path: str, options: list[tuple[str, Any]],
               text: str = "") -> QComboBox:
        cb = QComboBox()
        cb.setObjectName("prop:" + path)
        for item_text, data in options:
            cb.addItem(item_text, data)
        cb.currentIndexChanged.connect(lambda i: self.set_value(path, cb.itemData(i), text=text))

        def refresh() -> None:
            v = self.value(path)
            i = cb.findData(v)
            with QSignalBlocker(cb):
                cb.setCurrentIndex(max(0, i))

        self._binders.append(refresh)
        form.addRow(label, cb)
        return cb

    def _check(self, form: QFormLayout, label: str, path: str) -> QCheckBox:
        ck = QCheckBox(label)
        ck.setObjectName("prop:" + path)
        ck.toggled.connect(lambda on: self.set_value(path, bool(on)))

        def refresh() -> None:
            with QSignalBlocker(ck):
                ck.setChecked(bool(self.value(path, False)))

        self._binders.append(refresh)
        form.addRow("", ck)
        return ck

    def _color(self, form: QFormLayout, label: str, path: str) -> ColorButton:
        btn = ColorButton(self)
        btn.setObjectName("prop:" + path)
        btn.color_chosen.connect(lambda c: self.set_value(path, c, text=C.tr("Colour")))

        def refresh() -> None:
            v = self.value(path)
            if isinstance(v, str):
                btn.set_color(v)

        self._binders.append(refresh)
        form.addRow(label, btn)
        return btn

    def _optional(self, form: QFormLayout, label: str, path: str, factory: Callable[[], Any],
                  inner: Callable[[QFormLayout], object]) -> QCheckBox:
        """A checkbox that turns an optional style object (shadow, highlight, label) on/off, plus its fields."""
        ck = QCheckBox(label)
        ck.setObjectName("prop:" + path)
        sub = QWidget()
        sub_form = QFormLayout(sub)
        sub_form.setContentsMargins(16, 0, 0, 0)
        inner(sub_form)
        ck.toggled.connect(lambda on: self.set_value(path, factory() if on else None))

        def refresh() -> None:
            on = self.value(path) is not None
            with QSignalBlocker(ck):
                ck.setChecked(on)
            sub.setVisible(on)

        self._binders.append(refresh)
        form.addRow(ck)
        form.addRow(sub)
        return ck

    # --- sections ------------------------------------------------------------------------------------
    def _section(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.body.addWidget(box)
        return box, form

    def _build_geometry(self) -> None:
        self.geom_box, f = self._section(self.tr("Position and size"))
        self._spin(f, "X", "x", -5000, 5000)
        self._spin(f, "Y", "y", -5000, 5000)
        self._spin(f, self.tr("Width"), "w", 1, 10000)
        self._spin(f, self.tr("Height"), "h", 1, 10000)
        self.rotation_slider, self.rotation_spin = self._rotation(f)
        self.opacity_slider = self._slider(f, self.tr("Opacity"), "opacity", 0, 100, scale=100)

    def _rotation(self, form: QFormLayout) -> tuple[QSlider, QDoubleSpinBox]:
        """Rotation: a slider for dragging and a number field for typing an exact angle, side by side."""
        sl = QSlider(Qt.Orientation.Horizontal)
        sl.setRange(-180, 180)
        sl.setObjectName("prop:rotation")
        sl.sliderPressed.connect(self.begin_gesture)
        sl.sliderReleased.connect(self.end_gesture)
        sl.valueChanged.connect(lambda v: self.set_value("rotation", float(v),
                                                         gesture=self._gesture or "slider:rotation"))
        sb = QDoubleSpinBox()
        sb.setObjectName("prop:rotation.number")
        sb.setRange(-180, 180)
        sb.setDecimals(1)
        sb.setSuffix("°")
        sb.setWrapping(True)
        sb.setKeyboardTracking(False)
        sb.valueChanged.connect(lambda v: self.set_value("rotation", float(v), gesture="spin:rotation"))

        def refresh() -> None:
            v = self.value("rotation")
            if isinstance(v, (int, float)):
                with QSignalBlocker(sl), QSignalBlocker(sb):
                    sl.setValue(round(float(v)))
                    sb.setValue(float(v))

        self._binders.append(refresh)
        row = QHBoxLayout()
        row.addWidget(sl, 1)
        row.addWidget(sb)
        form.addRow(self.tr("Rotation"), row)
        return sl, sb

    def apply_text(self) -> None:
        """The text field's content to every selected text layer; styled runs follow the edit."""
        if self._updating or self.doc is None:
            return
        text = self.text_edit.toPlainText()
        for lay in self.doc.selected_layers():
            cmd = C.set_text(self.doc, lay.id, text) if isinstance(lay, TextLayer) else None
            if cmd is not None:
                self.doc.push(cmd)

    def apply_preset(self, preset_id: str) -> None:
        """A 花字 preset on every selected text layer: one undo step."""
        if self.doc is None:
            return
        ids = [lay.id for lay in self.doc.selected_layers() if isinstance(lay, TextLayer)]
        cmd = C.apply_text_preset(self.doc, ids, preset_id) if ids else None
        if cmd is not None:
            self.doc.push(cmd)

    def _text_layer(self) -> TextLayer | None:
        sel = self.doc.selected_layers() if self.doc else []
        return sel[0] if len(sel) >= 1 and isinstance(sel[0], TextLayer) else None

    def _build_text(self) -> None:
        self.text_box, f = self._section(self.tr("Text"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("prop:text")
        self.text_edit.setFixedHeight(64)
        self.text_apply = QPushButton(self.tr("Apply text"))
        self.text_apply.clicked.connect(self.apply_text)

        def refresh_text() -> None:
            v = self.value("text")
            if isinstance(v, str) and v != self.text_edit.toPlainText():
                with QSignalBlocker(self.text_edit):
                    self.text_edit.setPlainText(v)

        self._binders.append(refresh_text)
        f.addRow(self.text_edit)
        f.addRow(self.text_apply)
        f.addRow(QLabel(self.tr("Text styles (花字): click to apply")))
        self.preset_gallery = PresetGallery()
        self.preset_gallery.preset_chosen.connect(self.apply_preset)
        f.addRow(self.preset_gallery)

        def refresh_gallery() -> None:
            lay = self._text_layer()
            if lay is not None and not self.text_box.isHidden():
                self.preset_gallery.show_text(lay.text, lay.style)

        self._binders.append(refresh_gallery)
        self.role_combo = self._combo(f, self.tr("Role"), "role", [
            (self.tr("Title"), "title"), (self.tr("Subtitle"), "subtitle"), (self.tr("Body"), "body"),
            (self.tr("Tag"), "tag"), (self.tr("Caption"), "caption")], text=C.tr("Text role"))
        self.role_combo.setToolTip(self.tr("The attention score reads the Title text as the cover's title"))
        self.family_combo = QComboBox()
        self.family_combo.setObjectName("prop:style.family")
        self.family_combo.currentIndexChanged.connect(lambda i: self.set_family(self.family_combo.itemData(i)))
        self._binders.append(lambda: self._select_data(self.family_combo, self.value("style.family")))
        f.addRow(self.tr("Font"), self.family_combo)
        self._fill_families()
        self.weight_combo = QComboBox()
        self.weight_combo.setObjectName("prop:style.weight")
        self.weight_combo.currentIndexChanged.connect(
            lambda i: self.set_value("style.weight", self.weight_combo.itemData(i)) if i >= 0 else None)
        self._binders.append(self._refresh_weights)
        f.addRow(self.tr("Weight"), self.weight_combo)
        self._build_size(f)
        self._check(f, self.tr("Italic"), "style.italic")
        self._fill_editor(f, "style.fill")
        # strokes
        self.strokes_list = QListWidget()
        self.strokes_list.setObjectName("strokesList")
        self.strokes_list.setFixedHeight(64)
        row = QHBoxLayout()
        add = QToolButton()
        add.setText("+")
        add.setToolTip(self.tr("Add stroke"))
        add.clicked.connect(self.add_stroke)
        rem = QToolButton()
        rem.setText("−")
        rem.setToolTip(self.tr("Remove stroke"))
        rem.clicked.connect(self.remove_stroke)
        self.stroke_color = ColorButton(self)
        self.stroke_color.color_chosen.connect(lambda c: self._set_stroke_field("color", c))
        self.stroke_width = QDoubleSpinBox()
        self.stroke_width.setRange(0, 200)
        self.stroke_width.setKeyboardTracking(False)
        self.stroke_width.valueChanged.connect(lambda v: self._set_stroke_field("width", v))
        for w in (add, rem, self.stroke_color, self.stroke_width):
            row.addWidget(w)
        self.strokes_list.currentRowChanged.connect(lambda _r: self._refresh_stroke_editors())
        f.addRow(self.tr("Strokes"), self.strokes_list)
        f.addRow(row)
        self._binders.append(self._refresh_strokes)
        self._optional(f, self.tr("Shadow"), "style.shadow", Shadow, lambda sf: (
            self._color(sf, self.tr("Colour"), "style.shadow.color"),
            self._spin(sf, "dx", "style.shadow.dx", -200, 200),
            self._spin(sf, "dy", "style.shadow.dy", -200, 200),
            self._spin(sf, self.tr("Blur"), "style.shadow.blur", 0, 200)))
        self._optional(f, self.tr("Highlighter"), "style.highlight", Highlight, lambda sf: (
            self._color(sf, self.tr("Colour"), "style.highlight.color"),
            self._spin(sf, self.tr("Height"), "style.highlight.height", 0, 1.5, 0.05, 2),
            self._spin(sf, self.tr("Offset"), "style.highlight.offset", -1, 1, 0.02, 2),
            self._spin(sf, self.tr("Skew"), "style.highlight.skew", -1, 1, 0.05, 2)))
        self._optional(f, self.tr("Label box"), "style.label", LabelBox, lambda sf: (
            self._color(sf, self.tr("Colour"), "style.label.color"),
            self._spin(sf, self.tr("Padding X"), "style.label.padding_x", 0, 400),
            self._spin(sf, self.tr("Padding Y"), "style.label.padding_y", 0, 400),
            self._spin(sf, self.tr("Radius"), "style.label.radius", 0, 400),
            self._optional(sf, self.tr("Border"), "style.label.border", _default_label_border, lambda bf: (
                self._color(bf, self.tr("Colour"), "style.label.border.color"),
                self._spin(bf, self.tr("Width"), "style.label.border.width", 0, 100, 1, 1)))))
        self._spin(f, self.tr("Letter spacing"), "style.letter_spacing", -50, 200, 1, 1)
        self._spin(f, self.tr("Line height"), "style.line_height", 0.6, 3.0, 0.05, 2)
        self._combo(f, self.tr("Align"), "style.align",
                    [(self.tr("Left"), "left"), (self.tr("Centre"), "center"), (self.tr("Right"), "right")])
        self._combo(f, self.tr("Vertical"), "style.valign",
                    [(self.tr("Top"), "top"), (self.tr("Middle"), "middle"), (self.tr("Bottom"), "bottom")])
        self._check(f, self.tr("Shrink to fit the box"), "style.auto_fit")
        self.min_size_spin = self._spin(f, self.tr("Minimum size"), "style.min_size", 4, 600, 1, suffix=" px")
        self.min_size_spin.setToolTip(self.tr("Shrinking to fit stops at this size"))
        self._binders.append(lambda: self.min_size_spin.setEnabled(self.value("style.auto_fit") is True))

    @staticmethod
    def _select_data(cb: QComboBox, value: Any) -> None:
        with QSignalBlocker(cb):
            cb.setCurrentIndex(max(0, cb.findData(value)))

    def set_family(self, family: str | None) -> None:
        """Change the font; the weight moves to the nearest one the new family has, in the same step."""
        if self._updating or self.doc is None or not family:
            return
        from xhscover.model.presets import nearest_weight

        changes: C.Changes = {}
        for lay in self.doc.selected_layers():
            if isinstance(lay, TextLayer) and lay.style.family != family:
                changes[lay.id] = {"style.family": family, "style.weight": nearest_weight(family, lay.style.weight)}
        if changes:
            self.doc.push(C.SetProps(self.doc, changes, C.tr("Font")))

    def _refresh_weights(self) -> None:
        """Offer only the weights the selected family really has (得意黑 has one)."""
        family, weight = self.value("style.family"), self.value("style.weight")
        weights: list[int] = []
        if isinstance(family, str):
            try:
                from xhscover.model.fonts import get_family

                weights = sorted(get_family(family).weights)
            except XhsError:
                weights = []
        if isinstance(weight, int) and weight not in weights:
            weights = sorted({*weights, weight}) if not weights else weights
        cb = self.weight_combo
        with QSignalBlocker(cb):
            if [cb.itemData(i) for i in range(cb.count())] != weights:
                cb.clear()
                for w in weights:
                    cb.addItem(_weight_name(w), w)
            near = min(weights, key=lambda w: abs(w - weight)) if weights and isinstance(weight, int) else None
            cb.setCurrentIndex(max(0, cb.findData(near)))
        cb.setEnabled(len(weights) > 1)
        cb.setToolTip("" if len(weights) > 1 else self.tr("This font has one weight"))

    def _build_size(self, form: QFormLayout) -> None:
        """Size shows what is drawn: after auto-fit that is often less than the maximum the user set.
        Typing a size sets the maximum; the field then shows what fits."""
        sb = QDoubleSpinBox()
        sb.setObjectName("prop:style.size")
        sb.setRange(4, 600)
        sb.setSingleStep(2)
        sb.setDecimals(1)
        sb.setSuffix(" px")
        sb.setKeyboardTracking(False)
        sb.valueChanged.connect(lambda v: self.set_value("style.size", float(v), gesture="spin:style.size"))
        hint = QLabel()
        hint.setObjectName("sizeHint")
        hint.setStyleSheet("color: #888;")

        def refresh() -> None:
            lay = self._text_layer()
            if lay is None:
                return
            from xhscover.render.text import layout_text

            drawn = layout_text(lay).size
            with QSignalBlocker(sb):
                sb.setValue(drawn)
            shrunk = lay.style.auto_fit and drawn < lay.style.size - 0.25
            hint.setText(self.tr("fitted; max {0:g} px").format(lay.style.size) if shrunk else "")
            hint.setVisible(shrunk)

        self._binders.append(refresh)
        form.addRow(self.tr("Size"), sb)
        form.addRow("", hint)  # its own row: the dock stays narrow in both languages
        self.size_spin, self.size_hint = sb, hint

    def _fill_families(self) -> None:
        """The bundled families, each named in its own face (a broken font bundle fails here, loudly)."""
        cb = self.family_combo
        zh = not is_english()
        with QSignalBlocker(cb):
            for fam in font_catalog().families:
                if fam.is_emoji:
                    continue
                cb.addItem(fam.name_zh if zh else fam.name_en, fam.id)
                cb.setItemData(cb.count() - 1, make_qfont(fam.id, 700, 16), Qt.ItemDataRole.FontRole)

    # fills (solid / gradient with any number of stops) ---------------------------------------------
    def _fill_editor(self, form: QFormLayout, path: str) -> FillEditor:
        """Kind, colour, and for gradients the angle and a stop list; bound to the Fill at `path`."""
        ed = FillEditor(self, path)
        form.addRow(self.tr("Fill"), ed.kind)
        self._color(form, self.tr("Colour"), path + ".color")
        form.addRow(ed.grad)
        self.fill_editors[path] = ed
        self._binders.append(ed.refresh)
        return ed

    # strokes list
    def _strokes(self) -> list[Stroke]:
        v = self.value("style.strokes", [])
        return list(v) if isinstance(v, list) else []

    def _refresh_strokes(self) -> None:
        strokes = self._strokes()
        row = self.strokes_list.currentRow()
        with QSignalBlocker(self.strokes_list):
            self.strokes_list.clear()
            for i, s in enumerate(strokes):
                item = QListWidgetItem(f"{i + 1}. {s.color}  {s.width:g}px")
                item.setBackground(QColor(s.color[:7]).lighter(170))
                self.strokes_list.addItem(item)
            if strokes:
                self.strokes_list.setCurrentRow(min(max(row, 0), len(strokes) - 1))
        self._refresh_stroke_editors()

    def _refresh_stroke_editors(self) -> None:
        strokes = self._strokes()
        i = self.strokes_list.currentRow()
        ok = 0 <= i < len(strokes)
        self.stroke_color.setEnabled(ok)
        self.stroke_width.setEnabled(ok)
        if ok:
            self.stroke_color.set_color(strokes[i].color)
            with QSignalBlocker(self.stroke_width):
                self.stroke_width.setValue(strokes[i].width)

    def add_stroke(self) -> None:
        strokes = self._strokes()
        color = "#FFFFFF" if not strokes else "#1A1A1A"
        width = 8.0 + 6.0 * len(strokes)
        self.set_value("style.strokes", [*strokes, Stroke(color, width)], text=C.tr("Add stroke"))
        self.strokes_list.setCurrentRow(len(strokes))

    def remove_stroke(self) -> None:
        strokes = self._strokes()
        i = self.strokes_list.currentRow()
        if 0 <= i < len(strokes):
            self.set_value("style.strokes", strokes[:i] + strokes[i + 1:], text=C.tr("Remove stroke"))

    def _set_stroke_field(self, field_name: str, value: Any) -> None:
        i = self.strokes_list.currentRow()
        if 0 <= i < len(self._strokes()):
            self.set_value(f"style.strokes.{i}.{field_name}", value, gesture=f"stroke:{i}:{field_name}")

    def _build_image(self) -> None:
        self.image_box, f = self._section(self.tr("Image"))
        btn = QPushButton(self.tr("Replace image…"))
        btn.setObjectName("replaceImage")
        btn.clicked.connect(self.replace_image)
        f.addRow(btn)
        self._combo(f, self.tr("Fit"), "fit", [(self.tr("Fill (crop)"), "cover"), (self.tr("Fit inside"), "contain"),
                                              (self.tr("Stretch"), "free")])
        self.focal_x = QSpinBox()
        self.focal_y = QSpinBox()
        for sb in (self.focal_x, self.focal_y):
            sb.setRange(0, 100)
            sb.setSuffix(" %")
            sb.setKeyboardTracking(False)
            sb.valueChanged.connect(self._set_focal)
        row = QHBoxLayout()
        row.addWidget(self.focal_x)
        row.addWidget(self.focal_y)
        f.addRow(self.tr("Focal point"), row)

        def refresh_focal() -> None:
            v = self.value("focal")
            if isinstance(v, tuple):
                with QSignalBlocker(self.focal_x), QSignalBlocker(self.focal_y):
                    self.focal_x.setValue(round(v[0] * 100))
                    self.focal_y.setValue(round(v[1] * 100))

        self._binders.append(refresh_focal)
        self._optional(f, self.tr("Crop"), "crop", _default_crop, lambda sf: (
            self._spin(sf, "X", "crop.x", 0, 100, 1, 0, 100, " %"),
            self._spin(sf, "Y", "crop.y", 0, 100, 1, 0, 100, " %"),
            self._spin(sf, self.tr("Width"), "crop.w", 1, 100, 1, 0, 100, " %"),
            self._spin(sf, self.tr("Height"), "crop.h", 1, 100, 1, 0, 100, " %")))
        self._spin(f, self.tr("Corner radius"), "corner_radius", 0, 1000)
        self._optional(f, self.tr("Border"), "border", _default_image_border, lambda sf: (
            self._color(sf, self.tr("Colour"), "border.color"),
            self._spin(sf, self.tr("Width"), "border.width", 0, 200, 1, 1)))

    def _set_focal(self) -> None:
        self.set_value("focal", (self.focal_x.value() / 100, self.focal_y.value() / 100), gesture="spin:focal")

    def _ask_image_path(self) -> str | None:
        """One image file from the dialog (through `dialogs`, so tests can answer), or None."""
        folder = self.settings.last_folder() if self.settings else ""
        files = dialogs.ask_image_files(self, folder)
        return files[0] if files else None

    def replace_image(self, path: str | None = None) -> None:
        if self.doc is None:
            return
        sel = [lay for lay in self.doc.selected_layers() if isinstance(lay, ImageLayer)]
        if not sel:
            return
        path = path or self._ask_image_path()
        if not path:
            return
        try:
            self.doc.push(C.replace_image(self.doc, sel[0].id, path))
        except XhsError as exc:
            dialogs.notify_error(self, self.tr("Cannot use this image"), str(exc))

    def set_background_image(self, path: str | None = None) -> None:
        """Ask for a file (through `dialogs`, so tests can answer) and put it under the cover's layers."""
        if self.doc is None:
            return
        path = path or self._ask_image_path()
        if not path:
            return
        try:
            self.doc.push(C.set_background_image(self.doc, path))
        except XhsError as exc:
            dialogs.notify_error(self, self.tr("Cannot use this image"), str(exc))

    def remove_background_image(self) -> None:
        if self.doc is not None and self.doc.cover.background.image:
            self.doc.push(C.set_background_image(self.doc, None))

    def _build_shape(self) -> None:
        self.shape_box, f = self._section(self.tr("Shape"))
        self._combo(f, self.tr("Shape"), "shape",
                    [(self.tr("Rectangle"), "rect"), (self.tr("Rounded rectangle"), "rounded_rect"),
                     (self.tr("Ellipse"), "ellipse"), (self.tr("Line"), "line"), (self.tr("Arrow"), "arrow")])
        self._optional(f, self.tr("Fill"), "fill", _default_shape_fill, lambda sf: self._fill_editor(sf, "fill"))
        self._optional(f, self.tr("Outline"), "stroke", _default_shape_stroke, lambda sf: (
            self._color(sf, self.tr("Colour"), "stroke.color"),
            self._spin(sf, self.tr("Width"), "stroke.width", 0, 200, 1, 1)))
        self._spin(f, self.tr("Corner radius"), "radius", 0, 1000)

    def _build_sticker(self) -> None:
        """Swap a sticker layer's bundled SVG (combo with thumbnails) or its emoji, one undo step each."""
        self.sticker_box, f = self._section(self.tr("Sticker"))
        self.sticker_combo = QComboBox()
        self.sticker_combo.setObjectName("stickerCombo")
        self.sticker_combo.setIconSize(QSize(28, 28))
        self.sticker_combo.currentIndexChanged.connect(
            lambda i: self.set_sticker(self.sticker_combo.itemData(i) or "", "") if i > 0 else None)
        f.addRow(self.tr("Sticker"), self.sticker_combo)
        self.emoji_edit = QLineEdit()
        self.emoji_edit.setObjectName("stickerEmoji")
        self.emoji_edit.setMaxLength(8)
        self.emoji_edit.setPlaceholderText(self.tr("or an emoji, e.g. 🔥"))
        self.emoji_edit.editingFinished.connect(
            lambda: self.set_sticker("", self.emoji_edit.text().strip()) if self.emoji_edit.text().strip() else None)
        f.addRow(self.tr("Emoji"), self.emoji_edit)
        self._binders.append(self._refresh_sticker)

    def _fill_stickers(self) -> None:
        """Thumbnails are drawn on first use, so windows that never select a sticker stay quick to build."""
        cb = self.sticker_combo
        if cb.count():
            return
        from xhscover.ui.sticker_picker import sticker_icon

        with QSignalBlocker(cb):
            cb.addItem(self.tr("(emoji)"), "")
            zh = not is_english()
            for st in sticker_catalog():
                cb.addItem(sticker_icon(str(st.path), 28), st.name_zh if zh else st.name_en, st.id)

    def _refresh_sticker(self) -> None:
        sel = [lay for lay in self.doc.selected_layers() if isinstance(lay, StickerLayer)] if self.doc else []
        if not sel or self.sticker_box.isHidden():
            return
        self._fill_stickers()
        with QSignalBlocker(self.sticker_combo), QSignalBlocker(self.emoji_edit):
            self.sticker_combo.setCurrentIndex(max(0, self.sticker_combo.findData(sel[0].sticker))
                                               if sel[0].sticker else 0)
            self.emoji_edit.setText(sel[0].emoji)

    def set_sticker(self, sticker_id: str = "", emoji: str = "") -> None:
        """Show `sticker_id` (or `emoji`) on every selected sticker layer, as one undo step."""
        if self._updating or self.doc is None:
            return
        ids = [lay.id for lay in self.doc.selected_layers() if isinstance(lay, StickerLayer)]
        cmd = C.set_sticker(self.doc, ids, sticker_id, emoji) if ids else None
        if cmd is not None:
            self.doc.push(cmd)

    def _build_background(self) -> None:
        self.bg_box, f = self._section(self.tr("Background"))
        self._fill_editor(f, "background.fill")
        row = QHBoxLayout()
        self.bg_set_image = QPushButton(self.tr("Set image…"))
        self.bg_set_image.setObjectName("bgSetImage")
        self.bg_set_image.clicked.connect(lambda: self.set_background_image())
        self.bg_remove_image = QPushButton(self.tr("Remove image"))
        self.bg_remove_image.setObjectName("bgRemoveImage")
        self.bg_remove_image.clicked.connect(self.remove_background_image)
        row.addWidget(self.bg_set_image)
        row.addWidget(self.bg_remove_image)
        f.addRow(self.tr("Image"), row)
        self._binders.append(lambda: self.bg_remove_image.setEnabled(
            bool(self.doc is not None and self.doc.cover.background.image)))
        self._slider(f, self.tr("Image dim"), "background.image_dim", 0, 100, scale=100)
        self._spin(f, self.tr("Image blur"), "background.image_blur", 0, 100)
        ratio = QComboBox()
        ratio.setObjectName("ratioCombo")
        for r in ("3:4", "1:1", "4:3"):
            ratio.addItem(r, r)
        ratio.currentIndexChanged.connect(
            lambda i: None if self._updating or self.doc is None or ratio.itemData(i) == self.doc.cover.ratio
            else self.doc.push(C.change_ratio(self.doc, ratio.itemData(i))))

        def refresh_ratio() -> None:
            if self.doc:
                with QSignalBlocker(ratio):
                    ratio.setCurrentIndex(max(0, ratio.findData(self.doc.cover.ratio)))

        self._binders.append(refresh_ratio)
        f.addRow(self.tr("Ratio"), ratio)
        note = QPlainTextEdit()
        note.setObjectName("noteTitle")
        note.setFixedHeight(48)
        note.setPlaceholderText(self.tr("Note title shown under the cover in the feed"))
        note.textChanged.connect(lambda: self.set_value("note_title", note.toPlainText(), gesture="spin:note"))

        def refresh_note() -> None:
            v = self.value("note_title")
            if isinstance(v, str) and v != note.toPlainText():
                with QSignalBlocker(note):
                    note.setPlainText(v)

        self._binders.append(refresh_note)
        f.addRow(self.tr("Note title"), note)


def _weight_name(weight: int) -> str:
    names = {300: "Light", 400: "Regular", 500: "Medium", 700: "Bold", 900: "Black"}
    return f"{weight} {names.get(weight, '')}".strip()


def _default_label_border() -> Stroke:
    return Stroke("#FFFFFF", 4.0)


def _default_image_border() -> Stroke:
    return Stroke("#FFFFFF", 12.0)


def _default_shape_fill() -> Fill:
    return Fill.solid("#FF2442")


def _default_shape_stroke() -> Stroke:
    return Stroke("#1A1A1A", 6.0)


def _contrast(color: str) -> str:
    """A second gradient colour that reads against `color`."""
    return "#FFFFFF" if QColor(color[:7]).lightnessF() < 0.6 else "#1A1A1A"


def _mix(a: str, b: str, t: float) -> str:
    ca, cb = QColor(a[:7]), QColor(b[:7])
    return QColor(round(ca.red() + (cb.red() - ca.red()) * t), round(ca.green() + (cb.green() - ca.green()) * t),
                  round(ca.blue() + (cb.blue() - ca.blue()) * t)).name().upper()


def _default_crop():
    from xhscover.model.layers import Crop

    return Crop()

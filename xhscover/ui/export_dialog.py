"""Export options: PNG or JPEG, scale (size), quality, all variants at once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from xhscover.editing.exporting import ExportOptions


class ExportDialog(QDialog):
    def __init__(self, width: int, height: int, variants: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self._w, self._h = width, height
        form = QFormLayout(self)
        self.fmt = QComboBox()
        self.fmt.addItem("PNG", "png")
        self.fmt.addItem("JPEG", "jpg")
        self.scale = QDoubleSpinBox()
        self.scale.setRange(0.25, 3.0)
        self.scale.setSingleStep(0.25)
        self.scale.setValue(1.0)
        self.scale.setSuffix(" ×")
        self.size_label = QLabel()
        self.quality = QSpinBox()
        self.quality.setRange(50, 100)
        self.quality.setValue(92)
        self.all_variants = QCheckBox(self.tr("All {0} variants").format(variants))
        self.all_variants.setEnabled(variants > 1)
        form.addRow(self.tr("Format"), self.fmt)
        form.addRow(self.tr("Scale"), self.scale)
        form.addRow(self.tr("Size"), self.size_label)
        form.addRow(self.tr("JPEG quality"), self.quality)
        form.addRow("", self.all_variants)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.fmt.currentIndexChanged.connect(self._update)
        self.scale.valueChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        s = self.scale.value()
        self.size_label.setText(f"{round(self._w * s)} × {round(self._h * s)} px")
        self.quality.setEnabled(self.fmt.currentData() == "jpg")

    def options(self) -> ExportOptions:
        return ExportOptions(self.fmt.currentData(), self.scale.value(), self.quality.value(),
                             self.all_variants.isChecked())

"""Every modal question the app asks goes through here, so tests can replace these functions.

Tests monkeypatch e.g. `dialogs.notify_error` to record messages instead of blocking on a box.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QFileDialog, QMessageBox, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def notify_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)


def notify_info(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """'save', 'discard' or 'cancel'."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Unsaved changes"),
                      tr("Save the changes to “{0}” before closing?").format(name), parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(
        QMessageBox.StandardButton(answer), "cancel")


def ask_restore(parent: QWidget | None, count: int) -> bool:
    answer = QMessageBox.question(
        parent, tr("Restore unsaved work"),
        tr("xhscover did not close properly last time. Restore the unsaved work ({0} project(s))?").format(count))
    return answer == QMessageBox.StandardButton.Yes


def ask_open_project(parent: QWidget | None, folder: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, tr("Open project"), folder,
                                          tr("xhscover projects (*.xhscover)"))
    return path


def ask_save_project(parent: QWidget | None, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, tr("Save project"), suggested,
                                          tr("xhscover projects (*.xhscover)"))
    if path and not path.endswith(".xhscover"):
        path += ".xhscover"
    return path


def ask_image_files(parent: QWidget | None, folder: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, tr("Choose images"), folder,
                                            tr("Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)"))
    return paths


def ask_export_target(parent: QWidget | None, suggested: str, folder_only: bool) -> str:
    if folder_only:
        return QFileDialog.getExistingDirectory(parent, tr("Export to folder"), suggested)
    path, _ = QFileDialog.getSaveFileName(parent, tr("Export image"), suggested, tr("Images (*.png *.jpg)"))
    return path


def pick_color(parent: QWidget | None, current: str, recent: list[str]) -> str | None:
    """'#RRGGBB[AA]' or None when cancelled. Recent colours fill the dialog's custom slots."""
    for i, c in enumerate(recent[: QColorDialog.customCount()]):
        QColorDialog.setCustomColor(i, QColor(c))
    color = QColorDialog.getColor(QColor(current), parent, tr("Choose colour"),
                                  QColorDialog.ColorDialogOption.ShowAlphaChannel)
    if not color.isValid():
        return None
    return color_hex(color)


def color_hex(color: QColor) -> str:
    if color.alpha() == 255:
        return f"#{color.red():02X}{color.green():02X}{color.blue():02X}"
    return f"#{color.red():02X}{color.green():02X}{color.blue():02X}{color.alpha():02X}"

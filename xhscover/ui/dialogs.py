"""Every modal question the app asks goes through here, so tests can replace these functions.

Tests monkeypatch e.g. `dialogs.notify_error` to record messages instead of blocking on a box.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)


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


def choose_restores(parent: QWidget | None, items: list[str]) -> tuple[str, list[int]]:
    """Every project a crash left unsaved, each with a tick box: ('restore', chosen indices),
    ('later', []) to be asked again next start, or ('discard', []) to delete them all."""
    box = QDialog(parent)
    box.setWindowTitle(tr("Restore unsaved work"))
    lay = QVBoxLayout(box)
    lay.addWidget(QLabel(tr("xhscover did not close properly. These projects have unsaved work:")))
    listing = QListWidget()
    listing.setObjectName("restoreList")
    for text in items:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        listing.addItem(item)
    lay.addWidget(listing)
    lay.addWidget(QLabel(tr("The first ticked project opens now; the others are kept as files under "
                            "Recent files.")))
    buttons = QDialogButtonBox()
    restore = buttons.addButton(tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
    later = buttons.addButton(tr("Ask me later"), QDialogButtonBox.ButtonRole.RejectRole)
    discard = buttons.addButton(tr("Discard all"), QDialogButtonBox.ButtonRole.DestructiveRole)
    chosen: list[str] = []

    def pick(name: str) -> None:
        chosen.append(name)
        box.accept()

    for button, name in ((restore, "restore"), (later, "later"), (discard, "discard")):
        button.clicked.connect(lambda _=False, name=name: pick(name))
    lay.addWidget(buttons)
    box.exec()
    action = chosen[0] if chosen else "later"
    ticked = [i for i in range(listing.count()) if listing.item(i).checkState() == Qt.CheckState.Checked]
    return action, ticked if action == "restore" else []


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


def notify_crash(parent: QWidget | None, log_path: Path, work: str) -> None:
    """After an unexpected error: where the crash log is, and where the work is. `work` is
    "saved" (autosaved just now), "clean" (nothing unsaved) or "failed" (the autosave failed)."""
    text = {
        "saved": tr("Your unsaved work was autosaved. If xhscover has to close, it is offered for "
                    "restore the next time it starts."),
        "clean": tr("You had no unsaved changes."),
        "failed": tr("The autosave failed too: save your work now (File > Save As) if you can."),
    }[work]
    box = QMessageBox(QMessageBox.Icon.Critical, tr("Something went wrong"),
                      tr("xhscover ran into an error it did not expect and carried on.") + "\n\n" + text
                      + "\n\n" + tr("A crash log was written to:") + f"\n{log_path}", parent=parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    folder = box.addButton(tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()
    if box.clickedButton() is folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_path.parent)))

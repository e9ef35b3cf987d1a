import subprocess
import sys


def test_editing_core_does_not_import_widgets():
    code = (
        "import sys, xhscover.editing.document, xhscover.editing.commands, xhscover.editing.autosave, "
        "xhscover.editing.settings, xhscover.editing.snapping, xhscover.editing.align, xhscover.editing.exporting, "
        "xhscover.editing.feedstate, xhscover.editing.scoring, xhscover.editing.names; "
        "assert 'PySide6.QtWidgets' not in sys.modules, 'QtWidgets imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

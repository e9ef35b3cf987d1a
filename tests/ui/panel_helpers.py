"""Helpers shared by the properties-panel tests: find a widget, a text layer by role, one undo step."""

from __future__ import annotations

LAYOUT = "big-title-red"


def open_layout(window):
    """The window with a new cover from LAYOUT (or the first bundled layout), canvas rendered."""
    from xhscover.model.layouts import bundled_layouts

    ids = [lay.id for lay in bundled_layouts()]
    window.start.layout_chosen.emit(LAYOUT if LAYOUT in ids else ids[0], "3:4")
    assert window.doc is not None
    window.canvas.render_now()
    return window


def role_layer(win, role):
    return next(t for t in win.doc.cover.text_layers() if t.role == role)


def panel_widget(win, cls, name):
    w = win.props.findChild(cls, name)
    assert w is not None, name
    return w


def one_step(win, fn) -> None:
    """Run an edit and check it added exactly one undo step."""
    n = win.doc.undo_stack.index()
    fn()
    assert win.doc.undo_stack.index() == n + 1

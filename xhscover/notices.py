"""What the core left out or drew in place of what was asked, said once to whoever runs it.

Some bad input is not worth stopping for (a damaged photo in a project of ten, a sticker this
version does not ship, an unreadable avatar): the cover is still drawn, with a visible placeholder.
Such a choice must never be silent, so the code that makes it calls `notice("...")`, and the entry
points collect what was said: the CLI prints each as `warning: ...`, the app shows them in its
window (`xhscover.editing.rendering`). Outside any collector a notice goes to the log as a warning.

One sentence each, naming the thing skipped; repeats within one collection are dropped, so a
canvas that repaints sixty times shows a broken photo once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

log = logging.getLogger("xhscover")

_sink: ContextVar[list[str] | None] = ContextVar("xhscover_notices", default=None)


def notice(text: str) -> None:
    """Report something skipped or replaced; collected when a collector is open, else logged."""
    sink = _sink.get()
    if sink is None:
        log.warning("%s", text)
    elif text not in sink:
        sink.append(text)


@contextmanager
def collect() -> Iterator[list[str]]:
    """Gather the notices said inside the block (in order, without repeats) into the yielded list.

    Collectors nest: what an inner one gathered is passed on to the outer one when it closes, so
    a command that collects around a helper that collects still sees everything.
    """
    outer = _sink.get()
    sink: list[str] = []
    token = _sink.set(sink)
    try:
        yield sink
    finally:
        _sink.reset(token)
        if outer is not None:
            outer.extend(text for text in sink if text not in outer)

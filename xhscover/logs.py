"""One logging configuration for the app and the CLI.

Every module logs to `logging.getLogger(__name__)` (all under "xhscover"); `configure` is called
once by the entry point. The CLI shows warnings on stderr (`--debug`: everything, with tracebacks);
the app also writes `xhscover.log` in the user data folder, and both keep the last records in
memory, so a crash log can say what happened just before (`recent()`). Plain logging, no Qt.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from collections import deque
from pathlib import Path

ROOT = "xhscover"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
KEEP = 200  # records remembered for a crash log
LOG_BYTES = 1_000_000  # the app's log file rolls over at this size, one old file kept


class _Recent(logging.Handler):
    """Keeps the last KEEP formatted records, whatever the console shows."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: deque[str] = deque(maxlen=KEEP)
        self.setFormatter(logging.Formatter(FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception:  # logging must never raise into the code that logs; the record is dropped
            self.handleError(record)


class _OneLine(logging.Formatter):
    """`xhscover: warning: ...`, as the CLI prints its own warnings and errors."""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        return f"xhscover: {record.levelname.lower()}: {text}"


_recent = _Recent()
_handlers: list[logging.Handler] = []


def debug_requested(flag: bool = False) -> bool:
    """--debug, or XHSCOVER_DEBUG=1 in the environment (for an app started from a launcher)."""
    return flag or os.environ.get("XHSCOVER_DEBUG", "") not in ("", "0")


def configure(*, debug: bool = False, console: bool = True, log_file: Path | None = None) -> logging.Logger:
    """Set up the "xhscover" logger; calling it again replaces the previous set-up.

    `console`: warnings (with `debug`: everything) to stderr as one line each. `log_file`: info and
    up (with `debug`: everything) appended there, rolled over at LOG_BYTES. The in-memory record
    of recent lines always takes everything at INFO and up (DEBUG with `debug`)."""
    logger = logging.getLogger(ROOT)
    for h in _handlers:
        logger.removeHandler(h)
        h.close()
    _handlers.clear()
    level = logging.DEBUG if debug else logging.INFO
    logger.setLevel(level)
    logger.propagate = False
    _recent.setLevel(level)
    _handlers.append(_recent)
    if console:
        err = logging.StreamHandler()
        err.setLevel(logging.DEBUG if debug else logging.WARNING)
        err.setFormatter(logging.Formatter("%(name)s: %(levelname)s: %(message)s") if debug else _OneLine())
        _handlers.append(err)
    if log_file is not None:
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            fh = logging.handlers.RotatingFileHandler(log_file, maxBytes=LOG_BYTES, backupCount=1, encoding="utf-8")
        except OSError as exc:  # a read-only data folder: log to the console only, and say so
            logger.warning("cannot write the log file %s: %s", log_file, exc)
        else:
            fh.setLevel(level)
            fh.setFormatter(logging.Formatter(FORMAT))
            _handlers.append(fh)
    for h in _handlers:
        logger.addHandler(h)
    return logger


def recent() -> list[str]:
    """The last log lines (oldest first), for crash logs."""
    return list(_recent.lines)

"""One logging configuration for app and CLI (xhscover.logs): warnings on stderr as one line,
--debug turns everything up, the app's log file, and the recent lines a crash log quotes."""

from __future__ import annotations

import logging

import pytest

from xhscover import logs
from xhscover.cli import main


@pytest.fixture(autouse=True)
def _restore():
    yield
    logs.configure(console=False)


def test_console_shows_warnings_as_one_line(capsys):
    logs.configure()
    log = logging.getLogger("xhscover.somewhere")
    log.info("quiet")
    log.warning("the sticker %s is missing", "x")
    err = capsys.readouterr().err
    assert err == "xhscover: warning: the sticker x is missing\n"
    assert any("quiet" in line for line in logs.recent())  # remembered for a crash log all the same


def test_debug_turns_it_up_and_configure_replaces(capsys, monkeypatch):
    logs.configure(debug=True)
    logs.configure(debug=True)  # twice: still one handler per destination
    logging.getLogger("xhscover.x").debug("details")
    err = capsys.readouterr().err
    assert err.count("details") == 1 and "DEBUG" in err
    monkeypatch.setenv("XHSCOVER_DEBUG", "1")
    assert logs.debug_requested(False)
    monkeypatch.setenv("XHSCOVER_DEBUG", "0")
    assert not logs.debug_requested(False) and logs.debug_requested(True)


def test_log_file(tmp_path):
    f = tmp_path / "logs" / "xhscover.log"
    logs.configure(console=False, log_file=f)
    logging.getLogger("xhscover.ui").info("opened %s", "a.xhscover")
    logging.getLogger("xhscover.ui").debug("not at info level")
    text = f.read_text(encoding="utf-8")
    assert "INFO xhscover.ui: opened a.xhscover" in text and "not at info" not in text


def test_cli_debug_flag_sets_debug_level(capsys):
    assert main(["--debug", "fonts"]) == 0
    assert logging.getLogger("xhscover").level == logging.DEBUG
    assert main(["fonts"]) == 0
    assert logging.getLogger("xhscover").level == logging.INFO

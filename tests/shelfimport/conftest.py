"""Generated screenshots shared by the reader's tests (reading one costs OCR time: read once)."""

from __future__ import annotations

import pytest

from tests.shelfimport import shots
from xhscover.shelfimport.reader import ShotReading, read_screenshot


@pytest.fixture(scope="session")
def gen_shot():
    cache: dict[tuple, shots.Shot] = {}

    def make(kind: str, seed: int, **kw) -> shots.Shot:
        key = (kind, seed, tuple(sorted(kw.items())))
        if key not in cache:
            degrade = {k: kw.pop(k) for k in ("scale", "jpeg") if k in kw}
            shot = shots.phone_shot(seed, **kw) if kind == "phone" else shots.web_shot(seed, **kw)
            cache[key] = shots.degrade(shot, **degrade) if degrade else shot
        return cache[key]

    return make


@pytest.fixture(scope="session")
def read_shot():
    # keyed by id, holding the shot itself: a freed shot's id may be reused by a new one
    cache: dict[int, tuple[shots.Shot, ShotReading]] = {}

    def read(shot: shots.Shot) -> ShotReading:
        if id(shot) not in cache:
            cache[id(shot)] = (shot, read_screenshot(shot.image, f"seed{shot.meta.get('seed')}.png"))
        return cache[id(shot)][1]

    return read

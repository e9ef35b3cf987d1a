"""The shared result cache: a hit is not recomputed, the least recently used goes first."""

from __future__ import annotations

from xhscover.attention.lru import Lru


def test_hits_are_remembered_and_the_oldest_goes_first():
    calls: list[str] = []
    cache: Lru[str] = Lru(2)

    def get(key: str) -> str:
        return cache.get_or_compute(key, lambda: calls.append(key) or key.upper())

    assert get("a") == "A" and get("b") == "B" and get("a") == "A"
    assert calls == ["a", "b"]
    get("c")  # "b" was used least recently
    assert len(cache) == 2
    get("a")
    get("b")
    assert calls == ["a", "b", "c", "b"]
    cache.clear()
    get("a")
    assert calls[-1] == "a" and len(cache) == 1

"""Scoring the screenshot reader against generated ground truth: the issue's four bars.

- found: complete cards whose cover was found, importable (not flagged cut), at IoU >= 0.9;
- false cards: cards reported where no card is (IoU < 0.5 with every visible card);
- titles: character accuracy (1 - edit distance / length) of found, uncovered cards' titles;
- likes: exact like counts of found, uncovered cards.
Text is compared after NFKC and without spaces (｜ and | are the same bar to a reader).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from tests.shelfimport.shots import Shot
from xhscover.shelfimport.reader import ShotReading
from xhscover.shelfimport.text import parse_like_count


def iou(a: Any, b: Any) -> float:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    ix = max(0, min(ax + aw, bx + bw) - max(ax, bx))
    iy = max(0, min(ay + ah, by + bh) - max(ay, by))
    inter = ix * iy
    union = aw * ah + bw * bh - inter
    return inter / union if union > 0 else 0.0


def best_match(truth: Any, found: Any) -> tuple[float, Any]:
    """(IoU, card) of the found card whose cover overlaps the true cover box most; (0, None) if none does."""
    best, match = 0.0, None
    for c in found:
        v = iou(truth, c.cover_box)
        if v > best:
            best, match = v, c
    return best, match


def norm_text(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def char_accuracy(got: str, want: str) -> float:
    g, w = norm_text(got), norm_text(want)
    if not w:
        return 1.0 if not g else 0.0
    return max(0.0, 1.0 - edit_distance(g, w) / len(w))


@dataclass
class Score:
    shots: int = 0
    complete: int = 0
    found: int = 0
    false_cards: int = 0
    worst_false: int = 0
    titles: list[float] = field(default_factory=list)
    likes_ok: int = 0
    likes_n: int = 0
    authors: list[float] = field(default_factory=list)
    video_tp: int = 0
    video_fp: int = 0
    video_n: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("shots", "complete", "found", "false_cards", "likes_ok", "likes_n", "video_tp", "video_fp",
                     "video_n"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.worst_false = max(self.worst_false, other.worst_false)
        self.titles += other.titles
        self.authors += other.authors
        self.misses += other.misses

    @property
    def found_rate(self) -> float:
        return self.found / max(1, self.complete)

    @property
    def false_per_shot(self) -> float:
        return self.false_cards / max(1, self.shots)

    @property
    def title_accuracy(self) -> float:
        return sum(self.titles) / max(1, len(self.titles))

    @property
    def likes_rate(self) -> float:
        return self.likes_ok / max(1, self.likes_n)

    def lines(self) -> list[str]:
        return [
            f"screenshots {self.shots}, complete cards {self.complete}",
            f"complete cards found (IoU >= 0.9, not flagged cut): {self.found}/{self.complete} = {self.found_rate:.1%}",
            f"false cards: {self.false_cards} ({self.false_per_shot:.2f} per screenshot, worst {self.worst_false})",
            f"title character accuracy: {self.title_accuracy:.1%} over {len(self.titles)} titles",
            f"likes exact: {self.likes_ok}/{self.likes_n} = {self.likes_rate:.1%}",
            f"nickname character accuracy: {sum(self.authors) / max(1, len(self.authors)):.1%}",
            f"video flag: {self.video_tp}/{self.video_n} found, {self.video_fp} false",
        ]


def score_shot(shot: Shot, reading: ShotReading | None) -> Score:
    s = Score(shots=1)
    found = reading.cards if reading is not None else []
    s.complete = len(shot.complete_cards())
    for t in shot.complete_cards():
        best, match = best_match(t.cover, found)
        if match is None or best < 0.9 or match.cut:
            s.misses.append(f"{shot.meta.get('seed')}: {t.key} {t.cover} best IoU {best:.2f}"
                            f"{' (flagged cut)' if match is not None and match.cut else ''}")
            continue
        s.found += 1
        if t.overlaid:
            continue
        s.titles.append(char_accuracy(match.title, t.title))
        s.authors.append(char_accuracy(match.author, t.author))
        s.likes_n += 1
        want = parse_like_count(t.likes_text)  # what the card shows: 1.2万 is 12000 to any reader
        s.likes_ok += int(match.likes == want)
        if match.likes != want:
            s.misses.append(f"{shot.meta.get('seed')}: likes {match.likes_text!r} -> {match.likes}, want {t.likes_text}")
        s.video_n += int(t.video)
        s.video_tp += int(t.video and match.video)
        s.video_fp += int(match.video and not t.video)
    false = sum(1 for c in found if max([iou(t.cover, c.cover_box) for t in shot.cards] + [0.0]) < 0.5)
    s.false_cards = s.worst_false = false
    return s

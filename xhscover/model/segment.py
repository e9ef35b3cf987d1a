"""Chinese word segmentation for line breaking: the most probable split of a run of hanzi into words.

Line breaking only needs to know where words end, so this is the classic unigram model: every
segmentation of the run is scored by the product of its words' relative frequencies (single
characters included, unknown characters at the lowest frequency), and dynamic programming finds
the best. The word list is `assets/words/words.txt.gz` (trimmed from jieba's MIT dictionary by
`packaging/words/build_words.py`) plus `assets/words/xhs-words.txt`, cover vocabulary written for
this project. It is loaded once, on the first segmentation (about 0.1 s).
"""

from __future__ import annotations

import gzip
import math
import threading
from functools import lru_cache

from xhscover.errors import XhsError
from xhscover.paths import assets_dir

MAX_WORD = 6  # longest word looked up (the lists hold nothing longer)


class Lexicon:
    """Word -> ln(frequency); probabilities are relative to the total, which cancels out in the
    comparison of two segmentations of the same run except through the number of words."""

    def __init__(self, lnfreq: dict[str, float], total: float | None = None) -> None:
        self.lnfreq = lnfreq
        if total is None:
            total = sum(math.exp(v) for v in lnfreq.values())
        self.log_total = math.log(total or 1.0)
        self.unknown = math.log(0.5) - self.log_total  # below anything the lists hold
        self.max_len = min(MAX_WORD, max((len(w) for w in lnfreq), default=1))

    def logp(self, word: str) -> float | None:
        v = self.lnfreq.get(word)
        return None if v is None else v - self.log_total

    def segment(self, run: str) -> list[str]:
        """Split `run` (hanzi, no spaces) into its most probable words."""
        n = len(run)
        if n <= 1:
            return [run] if run else []
        lnfreq, log_total, max_len = self.lnfreq, self.log_total, self.max_len
        best = [0.0] * (n + 1)
        nxt = [n] * (n + 1)
        for i in range(n - 1, -1, -1):
            v = lnfreq.get(run[i])
            top = (v - log_total if v is not None else self.unknown) + best[i + 1]
            end = i + 1
            for j in range(i + 2, min(n, i + max_len) + 1):
                v = lnfreq.get(run[i:j])
                if v is not None and v - log_total + best[j] > top:
                    top, end = v - log_total + best[j], j
            best[i], nxt[i] = top, end
        words = []
        i = 0
        while i < n:
            words.append(run[i:nxt[i]])
            i = nxt[i]
        return words


def _read_lists() -> tuple[dict[str, float], float]:
    """ln(frequency) by word (the classed jieba list, then the cover vocabulary on top) and the total."""
    folder = assets_dir() / "words"
    lnfreq: dict[str, float] = {}
    total = 0.0
    try:
        with gzip.open(folder / "words.txt.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                head, _, words = line.partition(" ")
                ws = words.split()
                lnfreq.update(dict.fromkeys(ws, float(head)))
                total += math.exp(float(head)) * len(ws)
        extra = (folder / "xhs-words.txt").read_text(encoding="utf-8")
    except (OSError, ValueError, EOFError) as exc:
        raise XhsError(f"the word list for line breaking is missing or damaged ({exc}); reinstall xhscover") from None
    for line in extra.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, _, freq = line.partition(" ")
        # cover vocabulary counts as a common word (3000, about 人均) unless the line says otherwise
        ln = math.log(float(freq)) if freq.strip() else math.log(3000.0)
        lnfreq[word] = max(lnfreq.get(word, ln), ln)
        total += math.exp(ln)
    return lnfreq, total


_lock = threading.Lock()
_lexicon: Lexicon | None = None


def lexicon() -> Lexicon:
    """The bundled lexicon, loaded once (the lock keeps two threads from reading it twice)."""
    global _lexicon
    if _lexicon is None:
        with _lock:
            if _lexicon is None:
                _lexicon = Lexicon(*_read_lists())
    return _lexicon


@lru_cache(maxsize=4096)
def segment(run: str) -> tuple[str, ...]:
    """Words of a run of hanzi with the bundled lexicon (cached: titles are re-broken at every size)."""
    return tuple(lexicon().segment(run))

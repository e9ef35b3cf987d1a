"""Chinese line breaking and auto-fit, independent of any font engine.

The renderer passes width callables built on Qt font metrics, so these rules are tested without Qt
and the editor, the exporter and the feed all break lines the same way:

- lines break between words, never inside one: hanzi runs are segmented with the bundled lexicon
  (`xhscover.model.segment`), Latin words and numbers stay whole, and a number keeps its unit
  (800元, 3天, 5千, 10万+);
- 禁则: no line starts with closing punctuation (，。！？」）…) and none ends with an opening one
  (「（《￥);
- no line holds a single character when another break exists, and a title of up to
  MAX_BALANCED_LINES lines is balanced (lines of similar length, breaks after ｜ or ， preferred);
- hand-made line breaks are kept: with auto-fit the text shrinks rather than re-breaking a line the
  user ended, until the minimum size forces a wrap;
- a word wider than the whole line is split by characters only as a last resort.

Positions are character offsets into the layer's text, so styled runs (which are offsets too) and
the line breaker agree on what each line holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from xhscover.model.segment import segment

# A line must not start with these (closing punctuation, separators, prolonged marks).
NO_LINE_START = set("，。！？、；：,.!?;:)]}>）」』】》〉〕〗〙〛｝＞’”…—～·%‰°℃|｜+＋=＝")
# A line must not end with these (opening punctuation, currency prefixes, ×).
NO_LINE_END = set("([{<（「『【《〈〔〖〘〚｛＜‘“￥¥$£€#＃@×")
# A break after these reads naturally: a balanced title prefers it.
GOOD_BREAK_AFTER = set("，。！？、；：,.!?;:｜|·")
# Separators a line break replaces: not drawn at the end of a wrapped line ("杭州三天两晚｜" -> "杭州三天两晚").
HIDDEN_AT_BREAK = set("｜|")
# Particles that lean on the word before them: a line starting with one reads badly.
LEANING = set("的了着过吗呢吧啊呀哦嘛地得")
# Costs a balanced title weighs against uneven lines (squared slack, as a fraction of the box width).
COST_WIDOW = 1.0  # a line of one character
COST_SINGLE_SIDE = 0.06  # a break beside a one-character word (often part of a phrase: 花/了, 吃/遍)
COST_SINGLE_BOTH = 0.15  # a break between two one-character words
COST_LEANING = 0.15  # a line starting with 的, 了 ...
BONUS_GOOD_BREAK = 0.1  # a break at a space or after ，！｜
MAX_BALANCED_LINES = 5  # longer paragraphs are body text: filled greedily (a widow still moves)
MAX_BALANCED_ATOMS = 120

Span = tuple[int, int]
Measure = Callable[[str], float]
SpanMeasure = Callable[[int, int], float]

_LATIN = re.compile(r"[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F'’\-_.+/&%]*")
# A number keeps the word after it when that word starts with a unit or multiplier (800元, 3天, 5千,
# 10万+, 2024年度, 15分钟): the dictionary segments the hanzi, this rule glues them to the number.
UNIT_CHARS = set("万千百亿元块毛角天晚夜日号月年周岁次个件套条本家款种斤克米层楼步招位张篇页集期秒点度倍折分寸")
UNIT_WORDS = {"小时", "公斤", "公里", "平米", "大卡", "毫升", "厘米"}
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]+")
_SPACE = re.compile(r"[ \t\u3000]+")
_PARAGRAPH = re.compile(r"\r\n|\r|\n")
# Characters that belong to the one before them (emoji modifiers, joiners, variation selectors).
_EXTEND = re.compile(r"[\u0300-\u036f\u200d\u20e3\ufe00-\ufe0f\U0001F3FB-\U0001F3FF\U000E0020-\U000E007F]")


@dataclass
class _Atom:
    start: int
    end: int
    space: bool = False
    number: bool = False  # ends with a digit: a unit after it belongs to it


def graphemes(text: str) -> int:
    """Visible characters, counting an emoji sequence (ZWJ, skin tone, flag) as one."""
    n = 0
    prev_join = False
    regional = False
    for ch in text:
        if prev_join or _EXTEND.match(ch):
            prev_join = ch == "\u200d"
            continue
        if "\U0001F1E6" <= ch <= "\U0001F1FF":
            if regional:
                regional = False
                continue
            regional = True
        else:
            regional = False
        n += 1
    return n


def _tokens(text: str, start: int, end: int) -> list[_Atom]:
    """Unbreakable units of text[start:end]: words, numbers with units, single other characters."""
    out: list[_Atom] = []
    i = start
    while i < end:
        m = _SPACE.match(text, i, end)
        if m:
            out.append(_Atom(i, m.end(), True))
            i = m.end()
            continue
        m = _LATIN.match(text, i, end)
        if m:
            out.append(_Atom(i, m.end(), number=text[m.end() - 1].isdigit()))
            i = m.end()
            continue
        m = _HAN.match(text, i, end)
        if m:
            pos = i
            for word in segment(m.group()):
                out.append(_Atom(pos, pos + len(word)))
                pos += len(word)
            i = m.end()
            continue
        j = i + 1
        if "\U0001F1E6" <= text[i] <= "\U0001F1FF" and j < end and "\U0001F1E6" <= text[j] <= "\U0001F1FF":
            j += 1  # a flag is a pair of regional indicators
        while j < end and _EXTEND.match(text[j]):
            j += 2 if text[j] == "\u200d" and j + 1 < end else 1
        out.append(_Atom(i, min(j, end)))
        i = min(j, end)
    return out


def _atoms(text: str, start: int, end: int) -> list[_Atom]:
    """Glue tokens so that no atom starts with closing or ends with opening punctuation."""
    atoms: list[_Atom] = []
    for tok in _tokens(text, start, end):
        if tok.space or not atoms:
            atoms.append(tok)
            continue
        prev = atoms[-1]
        first = text[tok.start]
        if first in NO_LINE_START:
            if not prev.space:
                prev.end = tok.end
                continue
            if len(atoms) >= 2:  # "A ｜ B": the separator stays with A, the break goes after it
                atoms.pop()
                atoms[-1].end = tok.end
                continue
        word = text[tok.start:tok.end]
        if not prev.space and (text[prev.end - 1] in NO_LINE_END or
                               (text[prev.end - 1] == "第" and first.isdigit()) or
                               (prev.number and (first in UNIT_CHARS or word[:2] in UNIT_WORDS))):
            prev.end = tok.end
            prev.number = tok.number
            continue
        atoms.append(tok)
    return atoms


def _split_wide(atoms: list[_Atom], text: str, width_of: SpanMeasure, width: float) -> tuple[list[_Atom], bool]:
    """Atoms wider than the whole line (a very long word) are split by characters as a last resort."""
    out: list[_Atom] = []
    forced = False
    for a in atoms:
        if a.space or a.end - a.start <= 1 or width_of(a.start, a.end) <= width:
            out.append(a)
            continue
        forced = True
        s = a.start
        for i in range(a.start + 1, a.end):
            if _EXTEND.match(text[i]) or text[i - 1] == "\u200d":
                continue  # never inside an emoji sequence
            if width_of(s, i + 1) > width:
                out.append(_Atom(s, i))
                s = i
        out.append(_Atom(s, a.end))
    return out, forced


class _Para:
    """One paragraph's atoms and the visible width of any run of them (cached)."""

    def __init__(self, text: str, atoms: list[_Atom], width_of: SpanMeasure) -> None:
        self.text = text
        self.atoms = atoms
        self.width_of = width_of
        self._w: dict[tuple[int, int], float] = {}

    def span(self, i: int, j: int) -> Span:
        """Visible span of atoms[i:j] (leading and trailing spaces dropped)."""
        a = self.atoms
        while i < j and a[i].space:
            i += 1
        while j > i and a[j - 1].space:
            j -= 1
        if i >= j:
            pos = a[i].start if i < len(a) else (a[-1].end if a else 0)
            return (pos, pos)
        s, e = a[i].start, a[j - 1].end
        if j < len(a):  # a wrapped line: a trailing separator gives way to the break
            t = self.text
            while e > s + 1 and t[e - 1] in HIDDEN_AT_BREAK:
                e -= 1
                while e > s + 1 and t[e - 1] in " \t\u3000":
                    e -= 1
        return (s, e)

    def width(self, i: int, j: int) -> float:
        key = (i, j)
        w = self._w.get(key)
        if w is None:
            s, e = self.span(i, j)
            w = self._w[key] = self.width_of(s, e) if e > s else 0.0
        return w

    def greedy(self, width: float) -> list[tuple[int, int]]:
        """First fit: as many atoms per line as fit; a line never starts with a space."""
        a, n = self.atoms, len(self.atoms)
        lines: list[tuple[int, int]] = []
        i = 0
        while i < n:
            while i < n and a[i].space:
                i += 1
            if i >= n:
                break
            j = i + 1
            while j < n and self.width(i, j + 1) <= width:
                j += 1
            lines.append((i, j))
            i = j
        return lines or [(0, n)]

    def _lone_han(self, k: int) -> bool:
        a = self.atoms[k]
        return a.end - a.start == 1 and bool(_HAN.match(self.text[a.start]))

    def break_cost(self, j: int) -> float:
        """How badly a break before atoms[j] reads (negative: better than average)."""
        a, t = self.atoms, self.text
        if a[j].space or t[a[j - 1].end - 1] in GOOD_BREAK_AFTER:
            return -BONUS_GOOD_BREAK
        left, right = self._lone_han(j - 1), self._lone_han(j)
        cost = COST_SINGLE_BOTH if left and right else COST_SINGLE_SIDE if left or right else 0.0
        if right and t[a[j].start] in LEANING:
            cost += COST_LEANING
        return cost

    def single(self, i: int, j: int) -> bool:
        s, e = self.span(i, j)
        return e > s and graphemes(self.text[s:e]) == 1

    def fix_widow(self, lines: list[tuple[int, int]], width: float) -> list[tuple[int, int]]:
        """A last line of one character takes the previous line's last atom when that still fits."""
        if len(lines) < 2 or not self.single(*lines[-1]):
            return lines
        (pi, pj), (_, lj) = lines[-2], lines[-1]
        k = pj - 1
        while k > pi and self.atoms[k].space:
            k -= 1
        if k <= pi or self.width(k, lj) > width:
            return lines
        return [*lines[:-2], (pi, k), (k, lj)]

    def balance(self, n_lines: int, width: float) -> list[tuple[int, int]] | None:
        """n_lines lines of similar width (least squared slack), no one-character line, breaks after
        punctuation preferred; None when no such set of lines fits."""
        a, n = self.atoms, len(self.atoms)
        total_chars = graphemes(self.text[a[0].start:a[-1].end]) if a else 0
        breaks = [j for j in range(1, n) if not a[j - 1].space]  # a line may end after any non-space atom
        ends = [*breaks, n]
        inf = float("inf")
        # best[m][j]: cost of setting atoms[:j] in m lines; back[m][j]: where the last line starts
        best: list[dict[int, float]] = [{0: 0.0}] + [{} for _ in range(n_lines)]
        back: list[dict[int, int]] = [{} for _ in range(n_lines + 1)]
        for m in range(1, n_lines + 1):
            for j in ends:
                if m == n_lines and j != n:
                    continue
                top, arg = inf, -1
                for i, prev in best[m - 1].items():
                    if i >= j:
                        continue
                    w = self.width(i, j)
                    if w > width:
                        continue
                    slack = (width - w) / width if width > 0 else 0.0
                    cost = prev + slack * slack
                    if total_chars > 1 and self.single(i, j):
                        cost += COST_WIDOW
                    if j < n:
                        cost += self.break_cost(j)
                    if cost < top:
                        top, arg = cost, i
                if arg >= 0:
                    best[m][j] = top
                    back[m][j] = arg
        if n not in best[n_lines]:
            return None
        lines: list[tuple[int, int]] = []
        j = n
        for m in range(n_lines, 0, -1):
            i = back[m][j]
            lines.append((i, j))
            j = i
        lines.reverse()
        return lines


def paragraphs(text: str) -> list[Span]:
    """Spans of the hand-made lines (split at \\n, \\r\\n or \\r)."""
    out: list[Span] = []
    pos = 0
    for m in _PARAGRAPH.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _strip(text: str, s: int, e: int) -> Span:
    while s < e and text[s] in " \t\u3000":
        s += 1
    while e > s and text[e - 1] in " \t\u3000":
        e -= 1
    return (s, e)


def break_spans(text: str, width_of: SpanMeasure, width: float, *, balance: bool = False,
                keep_lines: bool = False) -> tuple[list[Span], bool]:
    """Lines of `text` as (start, end) offsets, and whether a word had to be split to fit.

    `width_of(start, end)` is the drawn width of text[start:end]. With `keep_lines` the hand-made
    lines are returned as they are (their widths are the caller's business).
    """
    out: list[Span] = []
    forced = False
    for ps, pe in paragraphs(text):
        if keep_lines:
            out.append(_strip(text, ps, pe))
            continue
        atoms = _atoms(text, ps, pe)
        if not atoms or all(a.space for a in atoms):
            out.append((ps, ps))
            continue
        atoms, split = _split_wide(atoms, text, width_of, width)
        forced |= split
        para = _Para(text, atoms, width_of)
        lines = para.greedy(width)
        if balance and 2 <= len(lines) <= MAX_BALANCED_LINES and len(atoms) <= MAX_BALANCED_ATOMS:
            lines = para.balance(len(lines), width) or para.fix_widow(lines, width)
        else:
            lines = para.fix_widow(lines, width)
        out.extend(para.span(i, j) for i, j in lines)
    return out, forced


def break_lines(text: str, measure: Measure, width: float, *, balance: bool = False) -> list[str]:
    """The lines of `text` in a box `width` wide, as strings (see the module docstring for the rules)."""
    spans, _ = break_spans(text, lambda s, e: measure(text[s:e]), width, balance=balance)
    return [text[s:e] for s, e in spans]


@dataclass
class LineMetrics:
    """How wide a span of the text is, and how much height a line holding it takes, at one size."""

    width: SpanMeasure
    pitch: SpanMeasure


def plain_metrics(text: str, measure_at: Callable[[float], Measure], line_height: float) -> Callable[[float], LineMetrics]:
    """Metrics for text in one style: widths from a string measure, every line size * line_height."""

    def at(size: float) -> LineMetrics:
        measure = measure_at(size)
        pitch = size * line_height
        return LineMetrics(lambda s, e: measure(text[s:e]), lambda s, e: pitch)

    return at


@dataclass
class FitResult:
    size: float
    lines: list[str]
    fits: bool  # False when even the minimum size overflows the box
    spans: list[Span]


def fit_text(
    text: str,
    metrics_at: Callable[[float], LineMetrics],
    box_w: float,
    box_h: float,
    *,
    size: float,
    min_size: float,
    auto_fit: bool = True,
    balance: bool = True,
) -> FitResult:
    """Largest size <= `size` (down to `min_size`) at which the broken text fits the box.

    With hand-made line breaks, sizes at which every hand-made line fits unwrapped come first; then
    sizes that need no word split; then any. Binary search over half-pixel steps: measuring is the
    expensive part, so keep the calls few.
    """

    def attempt(s: float, mode: str) -> tuple[bool, list[Span]]:
        m = metrics_at(s)
        spans, forced = break_spans(text, m.width, box_w, balance=balance, keep_lines=mode == "keep")
        too_wide = any(m.width(a, b) > box_w + 0.5 for a, b in spans if b > a)
        too_tall = sum(m.pitch(a, b) for a, b in spans) > box_h + 0.5
        return not too_wide and not too_tall and not (forced and mode == "strict"), spans

    def result(s: float, spans: list[Span], ok: bool) -> FitResult:
        return FitResult(s, [text[a:b] for a, b in spans], ok, spans)

    def search(mode: str, lo_size: float, hi_size: float) -> tuple[float, list[Span]] | None:
        lo, hi = int(lo_size * 2), int(hi_size * 2)  # in half pixels
        best = None
        while lo <= hi:
            mid = (lo + hi) // 2
            ok, spans = attempt(mid / 2, mode)
            if ok:
                best = (mid / 2, spans)
                lo = mid + 1
            else:
                hi = mid - 1
        return best

    hand_lines = len(paragraphs(text)) > 1
    if not auto_fit:
        ok, spans = attempt(size, "loose")
        return result(size, spans, ok)
    if hand_lines:
        ok, spans = attempt(size, "keep")
        if ok:
            return result(size, spans, True)
        found = search("keep", min_size, size - 0.5)
        if found:
            return result(found[0], found[1], True)
    ok, spans = attempt(size, "strict")
    if ok:
        return result(size, spans, True)
    loose = search("loose", min_size, size)
    if loose is None:
        ok, spans = attempt(min_size, "loose")
        return result(min_size, spans, ok)
    ok, spans = attempt(loose[0], "strict")
    if ok:
        return result(loose[0], spans, True)
    strict = search("strict", min_size, loose[0] - 0.5)
    return result(*(strict or loose), True)

"""Build the trimmed word list that Chinese line breaking segments with (`assets/words/words.txt.gz`).

Source: jieba 0.42.1's `dict.txt` (MIT, Sun Junyi), from the PyPI sdist:

    .venv/bin/pip download jieba==0.42.1 --no-deps --no-binary :all: -d /tmp/jieba
    tar xzf /tmp/jieba/jieba-0.42.1.tar.gz -C /tmp/jieba
    .venv/bin/python packaging/words/build_words.py /tmp/jieba/jieba-0.42.1/jieba/dict.txt

The app does not depend on jieba: it only needs words and their frequencies to keep words whole at
line ends (`xhscover/model/segment.py`). Kept: every single character (their frequencies weigh
against words), and words of 2-5 characters seen at least MIN_FREQ times, made only of CJK
characters (numbers and Latin words are handled by rules, not by the dictionary). That keeps the
file under 1 MB while the words a cover title uses stay in. Slang the 2020 dictionary lacks
(种草, 平替, 探店 ...) is in `assets/words/xhs-words.txt`, written for this project.
"""

from __future__ import annotations

import argparse
import gzip
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "assets" / "words" / "words.txt.gz"
MIN_FREQ = 5
MAX_LEN = 5
_CJK_WORD = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\u3007]+$")


def build(src: Path, out: Path = OUT) -> tuple[int, int]:
    kept: list[tuple[str, int]] = []
    for line in src.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2 or not _CJK_WORD.match(parts[0]):
            continue
        word, freq = parts[0], int(parts[1])
        if len(word) == 1 or (len(word) <= MAX_LEN and freq >= MIN_FREQ):
            kept.append((word, freq))
    # One line per frequency class: "LN_FREQ word word ...", ln(frequency) rounded to 1/4. Loading
    # is then one split and one dict.fromkeys per line, several times faster than a line per word.
    classes: dict[float, list[str]] = {}
    for word, freq in kept:
        classes.setdefault(round(math.log(freq) * 4) / 4, []).append(word)
    text = "".join(f"{c:g} {' '.join(sorted(ws))}\n" for c, ws in sorted(classes.items()))
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same input gives the same bytes, so rebuilding leaves git clean
    with open(out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    return len(kept), out.stat().st_size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dict_txt", type=Path, help="jieba-0.42.1/jieba/dict.txt")
    args = ap.parse_args()
    n, size = build(args.dict_txt)
    print(f"{OUT.relative_to(ROOT)}: {n} words, {size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

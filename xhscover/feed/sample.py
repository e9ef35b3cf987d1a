"""Generated placeholder competitors (soft gradients with blocks) until assets/shelf/ is filled.

Also used by tests and benchmarks: deterministic, no files, no fonts needed.
"""

from __future__ import annotations

import numpy as np

from xhscover.feed.cards import Card

SAMPLE_TITLES = [
    "秋冬氛围感穿搭｜小个子也能穿出大长腿",
    "一周通勤早餐不重样 5分钟搞定",
    "去了10次的宝藏咖啡店，终于舍得分享了",
    "平价好物分享！学生党闭眼入",
    "新手化妆教程 | 超详细底妆步骤",
    "周末去哪儿｜城市近郊露营攻略",
    "租房改造｜3000块打造ins风小屋",
    "低卡减脂餐，好吃到停不下来",
    "iPhone 15 Pro 使用一个月真实感受",
    "这家日料人均100吃到扶墙出",
    "ootd | 今日份温柔奶茶色",
    "读书笔记：《被讨厌的勇气》",
    "猫咪的迷惑行为大赏",
    "考研上岸经验贴，时间规划表分享",
    "手机摄影技巧｜随手拍出大片感",
    "超治愈的海边日落",
    "健身三个月前后对比，真的有用",
    "秋天的第一杯奶茶",
    "Citywalk路线推荐：老城区慢游",
    "极简护肤流程，敏感肌亲测有效",
]
SAMPLE_AUTHORS = ["momo", "穿搭日记", "是小鹿呀", "吃不胖的阿花", "Lily的日常", "旅行的猫", "小红薯5F2A1C",
                  "家居控Anna", "健身girl", "读书的鱼", "咖啡探店王", "一只橘子"]


def synthetic_cover(rng: np.random.Generator, width: int, height: int) -> np.ndarray:
    """A smooth two-colour gradient with a soft blob: photo-like enough for layout and blur checks."""
    c1, c2 = rng.integers(40, 235, size=(2, 3))
    y = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None, None]
    x = np.linspace(0.0, 1.0, width, dtype=np.float32)[None, :, None]
    t = np.clip(0.7 * y + 0.3 * x, 0, 1)
    img = c1 * (1 - t) + c2 * t
    cx, cy, r = rng.uniform(0.25, 0.75), rng.uniform(0.3, 0.7), rng.uniform(0.15, 0.3)
    d = np.sqrt((x - cx) ** 2 + ((y - cy) * height / width) ** 2)
    blob = np.clip(1.0 - d / r, 0, 1) ** 0.7
    img = img * (1 - blob) + rng.integers(0, 255, size=3) * blob
    return np.ascontiguousarray(img.astype(np.uint8))


def synthetic_shelf(n: int = 20, seed: int = 7, width: int = 540) -> list[Card]:
    """n competitor cards, mostly 3:4, some 1:1 and 4:3 (roughly the app's mix)."""
    rng = np.random.default_rng(seed)
    cards = []
    for i in range(n):
        ratio = rng.choice([3 / 4, 3 / 4, 3 / 4, 3 / 4, 1.0, 4 / 3])
        h = round(width / ratio)
        likes = int(10 ** rng.uniform(1.3, 5.2))
        cards.append(Card(id=f"sample-{i + 1:02d}", image=synthetic_cover(rng, width, h), aspect=width / h,
                          title=SAMPLE_TITLES[i % len(SAMPLE_TITLES)],
                          author=SAMPLE_AUTHORS[i % len(SAMPLE_AUTHORS)], likes=likes))
    return cards

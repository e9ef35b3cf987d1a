"""Device, theme and feed-metric profiles, loaded from the one data file `assets/feed/devices.json`.

Plain data, no Qt: the masonry geometry and the CLI use these without starting an application.
Numbers are approximations measured from the app (see XHS.md); correct them in the JSON, not here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from xhscover.errors import XhsError
from xhscover.paths import assets_dir


class ProfileError(XhsError):
    """An unknown device, theme or page, or a broken profile file."""


@dataclass(frozen=True)
class Device:
    """A phone screen: logical size in pt/dp, pixel ratio and the system bars it reserves."""

    id: str
    name: str
    platform: str
    width: float
    height: float
    pixel_ratio: float
    status_bar: float
    home_indicator: float
    ppi: float
    corner_radius: float = 0.0

    @property
    def pixel_size(self) -> tuple[int, int]:
        """Screenshot size in pixels, e.g. (1179, 2556) for a 393x852 pt phone at 3x."""
        return round(self.width * self.pixel_ratio), round(self.height * self.pixel_ratio)

    @property
    def true_size_mm(self) -> tuple[float, float]:
        """Physical screen size, for a 1:1 "true size" view on a desktop monitor."""
        px_w, px_h = self.pixel_size
        return px_w / self.ppi * 25.4, px_h / self.ppi * 25.4


@dataclass(frozen=True)
class Profiles:
    """Everything in devices.json, parsed once."""

    devices: dict[str, Device]
    default_device: str
    themes: dict[str, dict[str, str]]
    feed: dict[str, float]
    pages: dict[str, dict[str, Any]]
    first_screen_slots: int = 6
    source: Path | None = field(default=None, compare=False)

    def device(self, device_id: str) -> Device:
        try:
            return self.devices[device_id]
        except KeyError:
            known = ", ".join(self.devices)
            raise ProfileError(f"Unknown device '{device_id}'; choose one of: {known}.") from None

    def theme(self, name: str) -> dict[str, str]:
        try:
            return self.themes[name]
        except KeyError:
            raise ProfileError(f"Unknown theme '{name}'; choose light or dark.") from None

    def page(self, name: str) -> dict[str, Any]:
        try:
            return self.pages[name]
        except KeyError:
            known = ", ".join(self.pages)
            raise ProfileError(f"Unknown page '{name}'; choose one of: {known}.") from None


def profiles_path() -> Path:
    return assets_dir() / "feed" / "devices.json"


def parse_profiles(data: dict[str, Any], source: Path | None = None) -> Profiles:
    """Build Profiles from the decoded JSON; keys starting with '_' are comments."""
    try:
        devices = {}
        for raw in data["devices"]:
            d = {k: v for k, v in raw.items() if not k.startswith("_")}
            devices[d["id"]] = Device(**d)
        feed = {k: v for k, v in data["feed"].items() if not k.startswith("_")}
        return Profiles(
            devices=devices,
            default_device=data.get("default_device", next(iter(devices))),
            themes=data["themes"],
            feed=feed,
            pages=data["pages"],
            first_screen_slots=int(data.get("first_screen_slots", 6)),
            source=source,
        )
    except (KeyError, TypeError) as exc:
        where = source or "profile data"
        raise ProfileError(f"{where} is missing or has a wrong field: {exc}.") from None


@lru_cache(maxsize=4)
def _load_cached(path: str) -> Profiles:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ProfileError(f"Cannot read feed profiles {p}: {exc}.") from None
    return parse_profiles(data, p)


def load_profiles(path: Path | None = None) -> Profiles:
    """The feed profiles (cached); pass a path to try a corrected copy of the data file."""
    return _load_cached(str(path or profiles_path()))


def device_ids() -> list[str]:
    return list(load_profiles().devices)

"""Shared fixtures: the real seed bulletins in samples/ and their gold structure."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = Path(__file__).resolve().parent / "gold"
SEEDS = sorted(p for p in SAMPLES.glob("*.txt") if p.name.count(".") == 1)
SEED_IDS = [p.name[:3] for p in SEEDS]


def seed_path(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


def gold_for(path: Path) -> dict:
    return yaml.safe_load((GOLD / (path.name.split(".")[0] + ".yaml")).read_text(encoding="utf-8"))


@pytest.fixture(params=SEEDS, ids=SEED_IDS)
def seed(request) -> Path:
    return request.param

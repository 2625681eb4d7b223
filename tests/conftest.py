from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def coder():
    """One default coder for the whole session (loading spaCy takes a second)."""
    from detente import Coder

    return Coder()


@pytest.fixture
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared reference data is not present")
    return SHARED

"""Dyad charts: files written in the right format, with the title and labels asked for."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from detente.errors import DetenteError
from detente.plot import CHROME_IN, DPI, KEY_LINE_IN, PANEL_HEIGHTS_IN, WIDTH_IN, plot_dyad
from detente.relations import EVENT_COLUMNS

NAMES = {"AZE": "Azerbaijan", "IRN": "Iran"}
# (cameo, quad class, goldstein, sentence) as a wire story would word them.
ACTS = [
    ("036", 1, 4.0, "{s} expressed its intent to meet {t} to settle the border question."),
    ("042", 1, 1.9, "The foreign minister of {s} visited {t} for talks on transit corridors."),
    ("057", 1, 8.0, "{s} and {t} signed a memorandum on a new gas swap arrangement."),
    ("0841", 2, 7.0, "{s} released two detained citizens of {t} as a goodwill gesture."),
    ("112", 3, -2.0, "{s} accused {t} of interfering in its internal affairs, officials said."),
    ("111", 3, -2.0, "{s} criticized {t} over comments made by a senior cleric on state television."),
    ("138", 3, -7.0, "{s} threatened {t} with military action if the exercises near the border went ahead."),
    ("161", 4, -4.0, "{s} reduced diplomatic relations with {t} and recalled its ambassador."),
    ("190", 4, -10.0, "Forces of {s} fired artillery toward positions in {t}, a ministry statement said."),
]  # fmt: skip


def realistic_dyad(seed: int = 7) -> pd.DataFrame:
    """Two years of Azerbaijan–Iran events: a hostile 2023 spike, then a thaw, plus noise dyads."""
    rng = np.random.default_rng(seed)
    rows = []
    months = pd.period_range("2023-01", "2024-12", freq="M")
    for m, month in enumerate(months):
        hostility = 0.75 if 0 <= m < 4 or 9 <= m < 11 else max(0.15, 0.55 - 0.03 * m)
        for i in range(int(rng.integers(4, 18))):
            hostile = rng.random() < hostility
            options = [a for a in ACTS if (a[1] >= 3) == hostile]
            cameo, quad, goldstein, text = options[int(rng.integers(len(options)))]
            source, target = ("AZE", "IRN") if rng.random() < 0.55 else ("IRN", "AZE")
            day = month.start_time + pd.Timedelta(days=int(rng.integers(0, month.days_in_month)))
            rows.append({"event_id": f"{month}-{i}", "date": day, "source": source, "target": target,
                         "cameo": cameo, "cameo_root": cameo[:2], "quad_class": quad,
                         "goldstein": goldstein, "num_mentions": int(rng.integers(1, 40)),
                         "num_sources": 1, "num_articles": 1, "historical": False,
                         "evidence": text.format(s=NAMES[source], t=NAMES[target])})  # fmt: skip
    rows.append({**rows[0], "event_id": "other", "source": "TUR", "target": "ARM"})
    return pd.DataFrame(rows, columns=list(EVENT_COLUMNS))


@pytest.fixture(scope="module")
def dyad() -> pd.DataFrame:
    return realistic_dyad()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def test_plot_writes_png(dyad: pd.DataFrame, tmp_path: Path) -> None:
    out = plot_dyad(dyad, "AZE", "IRN", tmp_path / "dyad.png", names=NAMES)
    assert out == tmp_path / "dyad.png"
    width, height = png_size(out.read_bytes())
    assert width == round(WIDTH_IN * DPI)
    assert height == round((sum(PANEL_HEIGHTS_IN) + CHROME_IN + KEY_LINE_IN * 4) * DPI)


def test_plot_writes_svg_with_title_and_labels(dyad: pd.DataFrame, tmp_path: Path) -> None:
    out = plot_dyad(dyad, "AZE", "IRN", str(tmp_path / "dyad.SVG"), names=NAMES, annotate=2)
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "Azerbaijan – Iran, Jan 2023 – Dec 2024" in text
    for label in ("Goldstein sum per period", "Mean Goldstein score", "Events per period", "Month",
                  "material conflict", "verbal cooperation"):  # fmt: skip
        assert label in text
    assert "CAMEO 190" in text  # the largest events are listed in the key


def test_plot_directed_custom_title_and_codes(dyad: pd.DataFrame, tmp_path: Path) -> None:
    out = plot_dyad(dyad, "IRN", "AZE", tmp_path / "d.svg", directed=True, freq="week", annotate=0,
                    start="2024-01-01", end="2024-03-31")  # fmt: skip
    text = out.read_text(encoding="utf-8")
    assert "IRN → AZE, 01 Jan 2024 – 31 Mar 2024" in text and "weekly" in text
    assert "CAMEO" not in text  # annotate=0: no key
    custom = plot_dyad(dyad, "AZE", "IRN", tmp_path / "c.svg", title="Caspian neighbours & rivals")
    assert "Caspian neighbours &amp; rivals" in custom.read_text(encoding="utf-8")


def test_plot_unknown_suffix_raises(dyad: pd.DataFrame, tmp_path: Path) -> None:
    for name in ("dyad.pdf", "dyad"):
        with pytest.raises(DetenteError, match="unsupported plot format"):
            plot_dyad(dyad, "AZE", "IRN", tmp_path / name)
        assert not (tmp_path / name).exists()


def test_plot_empty_dyad_raises(dyad: pd.DataFrame, tmp_path: Path) -> None:
    with pytest.raises(DetenteError, match="no dated events between AZE – RUS"):
        plot_dyad(dyad, "AZE", "RUS", tmp_path / "x.png")
    with pytest.raises(DetenteError, match="no dated events"):
        plot_dyad(dyad, "AZE", "IRN", tmp_path / "x.png", start="2030-01-01", end="2030-12-31")
    undated = dyad.assign(date=pd.NaT, historical=False)
    with pytest.raises(DetenteError, match="no dated events"):
        plot_dyad(undated, "AZE", "IRN", tmp_path / "x.png")
    assert not (tmp_path / "x.png").exists()


def test_plot_evidence_with_dollar_signs_is_literal(dyad: pd.DataFrame, tmp_path: Path) -> None:
    odd = dyad.assign(evidence="A $5 billion deal_with $x^2$ terms " * 10)
    out = plot_dyad(odd, "AZE", "IRN", tmp_path / "odd.svg", annotate=1)
    assert "A $5 billion deal_with $x^2$ terms" in out.read_text(encoding="utf-8")


def test_plot_leaves_pyplot_alone(dyad: pd.DataFrame, tmp_path: Path) -> None:
    import matplotlib

    backend = matplotlib.rcParams["backend"]
    fonttype = matplotlib.rcParams["svg.fonttype"]
    plot_dyad(dyad, "AZE", "IRN", tmp_path / "p.svg", freq="year")
    assert matplotlib.rcParams["backend"] == backend
    assert matplotlib.rcParams["svg.fonttype"] == fonttype

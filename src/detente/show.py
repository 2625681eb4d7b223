"""Render a stored article with its events highlighted, for the terminal (rich)."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

QUAD_STYLES = {1: "bold green", 2: "bold cyan", 3: "bold yellow", 4: "bold red"}


def render_article(article: dict[str, Any], events: list[dict[str, Any]]) -> Group:
    """A rich renderable: header, text with evidence spans styled by quad class, event table."""
    header = Text(article.get("title") or article["article_id"], style="bold underline")
    meta = Text(" · ".join(str(v) for v in (article["article_id"], article.get("published"),
                                            article.get("source"), article.get("url")) if v),
                style="dim")  # fmt: skip
    body = Text(article["text"])
    for e in events:
        body.stylize(QUAD_STYLES[e["quad_class"]], e["evidence"]["start"], e["evidence"]["end"])
    table = Table(title=f"{len(events)} events", show_lines=False, box=box.SIMPLE_HEAD, pad_edge=False)
    for col in ("#", "source", "cameo", "plover", "target", "score", "conf", "when", "where", "modality"):
        wraps = col in ("modality", "where")  # codes and dates never wrap
        table.add_column(col, no_wrap=not wraps, min_width=12 if wraps else None)
    for e in events:
        table.add_row(
            str(e["sentence_index"]), e["source"]["code"] or e["source"]["text"],
            f"{e['cameo']}", e["plover"]["type"] or "-",
            (e["target"]["code"] or e["target"]["text"]) if e["target"] else "-",
            f"{e['goldstein']:+.1f}", f"{e['confidence']:.2f}", _when(e), _where(e["location"]),
            _modality(e["modality"]),
            style=QUAD_STYLES[e["quad_class"]].replace("bold ", ""),
        )
    return Group(header, meta, Text(""), body, Text(""), table)


def _modality(m: dict[str, Any]) -> str:
    flags = [name for name in ("negated", "hypothetical", "future") if m[name]]
    if m["attributed_to"]:
        flags.append(f"per {m['attributed_to']}")
    return ", ".join(flags) or "-"


def _when(e: dict[str, Any]) -> str:
    """The event date cut to its precision ("2020-03" for a month), marked when historical."""
    if not e["date"]:
        return "-"
    precision = e["date_precision"] or "day"
    day = e["date"][: {"year": 4, "month": 7}.get(precision, 10)]
    day = f"wk {day}" if precision == "week" else day
    return day + (" (historical)" if e["historical"] else "")


def _where(place: dict[str, Any] | None) -> str:
    if place is None:
        return "-"
    name = place["name"] or place["text"]
    return f"{name} ({place['country']})" if place["country"] else name

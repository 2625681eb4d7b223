"""Render a stored article with its events highlighted, for the terminal (rich)."""

from __future__ import annotations

from typing import Any

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
    table = Table(title=f"{len(events)} events", show_lines=False)
    for col in ("sent", "source", "cameo", "plover", "target", "goldstein", "modality", "conf"):
        table.add_column(col)
    for e in events:
        table.add_row(
            str(e["sentence_index"]), e["source"]["code"] or e["source"]["text"],
            f"{e['cameo']}", e["plover"]["type"] or "-",
            (e["target"]["code"] or e["target"]["text"]) if e["target"] else "-",
            f"{e['goldstein']:+.1f}", _modality(e["modality"]), f"{e['confidence']:.2f}",
            style=QUAD_STYLES[e["quad_class"]].replace("bold ", ""),
        )
    return Group(header, meta, Text(""), body, Text(""), table)


def _modality(m: dict[str, Any]) -> str:
    flags = [name for name in ("negated", "hypothetical", "future") if m[name]]
    if m["attributed_to"]:
        flags.append(f"per {m['attributed_to']}")
    return ", ".join(flags) or "-"

"""Read events from the store into pandas DataFrames for :mod:`detente.relations`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from detente.relations import EVENT_COLUMNS
from detente.store import EventStore


def events_frame(store: EventStore, *, dyad: tuple[str, str] | None = None,
                 actors: Sequence[str] | None = None, start: date | None = None,
                 end: date | None = None, evidence: bool = True) -> pd.DataFrame:  # fmt: skip
    """Event clusters (one row per real event) with the columns of ``relations.EVENT_COLUMNS``.

    ``dyad`` keeps the events between two actors (both directions), ``actors`` those involving
    any of them; ``start``/``end`` bound the date (inclusive). Filters run in SQL on indexes, so
    a dyad query reads only that dyad's rows. ``evidence=False`` leaves the ``evidence`` column
    empty (None), so a dyad query reads only the covering index: use it for counts and series.
    """
    where: list[str] = []
    params: list[object] = []
    if dyad is not None:
        a, b = dyad
        where.append("((source = ? AND target = ?) OR (source = ? AND target = ?))")
        params += [a, b, b, a]
    if actors:
        marks = ", ".join("?" for _ in actors)
        where.append(f"(source IN ({marks}) OR target IN ({marks}))")
        params += [*actors, *actors]
    if start is not None:
        where.append("date >= ?")
        params.append(start.isoformat())
    if end is not None:
        where.append("date <= ?")
        params.append(end.isoformat())
    columns = [c if evidence or c != "evidence" else "NULL AS evidence" for c in EVENT_COLUMNS]
    sql = f"SELECT {', '.join(columns)} FROM events" + (" WHERE " + " AND ".join(where) if where else "")
    cursor = store.conn.cursor()
    cursor.row_factory = None  # plain tuples: several times faster than sqlite3.Row here
    frame = pd.DataFrame(cursor.execute(sql, params).fetchall(), columns=list(EVENT_COLUMNS))
    return _typed(frame)


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce", format="ISO8601")
    frame["target"] = frame["target"].where(frame["target"] != "", None)
    frame["historical"] = frame["historical"].astype(bool)
    for col in ("quad_class", "num_mentions", "num_sources", "num_articles"):
        frame[col] = frame[col].astype("int64")
    frame["goldstein"] = frame["goldstein"].astype("float64")
    return frame[list(EVENT_COLUMNS)]

"""A readable terminal view of one Article record (Rich)."""
from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from ..record import Article

__all__ = ["render_article"]


def _table(title: str, columns: list[str]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, expand=True)
    for col in columns:
        table.add_column(col, overflow="fold")
    return table


def _clip(text: str | None, n: int = 90) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


def render_article(record: Article, console: Console | None = None) -> None:
    console = console or Console()
    head = f"[bold]{record.title or '(no title)'}[/bold]\n" \
           f"id {record.id} · published {record.published or 'unknown'} ({record.published_source}) · " \
           f"language {record.language} · {len(record.sentences)} sentences · schema {record.schema_version}"
    console.print(Panel(head, title="tidings", expand=True))
    for warning in record.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")
    for err in record.errors:
        console.print(f"[red]stage {err.stage} failed:[/red] {err.message}")

    if record.entities:
        t = _table("Entities", ["id", "type", "name", "role", "country", "actor", "aliases", "n"])
        for e in record.entities:
            t.add_row(e.id, e.type, e.name, e.role or "", e.affiliation or "", e.actor_code or "",
                      _clip(", ".join(e.aliases), 60), str(len(e.mentions)))
        console.print(t)
    if record.quotes:
        t = _table("Quotes", ["id", "kind", "speaker", "cue", "text"])
        for q in record.quotes:
            who = q.speaker.name or (q.speaker.mention.text if q.speaker.mention else "?")
            if q.speaker.anonymous:
                who = f"anonymous: {q.speaker.anonymous.description}"
            t.add_row(q.id, q.kind, who, q.cue.text if q.cue else "", _clip(q.text))
        console.print(t)
    if record.events:
        t = _table("Events", ["id", "source", "code", "name", "target", "modality", "date", "goldstein"])
        for v in record.events:
            t.add_row(v.id, (v.source.code or v.source.name or "") if v.source else "", v.cameo, _clip(v.name, 40),
                      (v.target.code or v.target.name or "") if v.target else "", v.modality,
                      v.date.value or "", "" if v.goldstein is None else f"{v.goldstein:+.1f}")
        console.print(t)
    if record.quantities:
        t = _table("Quantities", ["id", "text", "value", "counted", "qualifier", "category"])
        for n in record.quantities:
            value = "" if n.value is None else f"{n.value:g}"
            t.add_row(n.id, _clip(n.text, 40), value, n.counted or n.unit or "", n.qualifier, n.category or "")
        console.print(t)
    if record.times:
        t = _table("Times", ["id", "text", "type", "value", "mod"])
        for x in record.times:
            t.add_row(x.id, x.text, x.type, x.value, x.mod or "")
        console.print(t)
    if record.places:
        t = _table("Places", ["id", "text", "name", "country", "lat", "lon", "feature"])
        for p in record.places:
            t.add_row(p.id, p.text, p.name, p.country or "", f"{p.lat:.2f}", f"{p.lon:.2f}", p.feature_code or "")
        console.print(t)
    if record.tone:
        console.print(f"Tone: {record.tone.score:+.2f} (positive {record.tone.positive:.2f}, "
                      f"negative {record.tone.negative:.2f}, {record.tone.method})")
    if record.removed_lines:
        t = _table("Removed lines", ["line", "reason", "text"])
        for r in record.removed_lines:
            t.add_row(str(r.line), r.reason, _clip(r.text))
        console.print(t)
    if record.mt_artifacts:
        t = _table("Machine-translation artifacts", ["at", "kind", "text", "suggestion"])
        for a in record.mt_artifacts:
            t.add_row(f"{a.start}-{a.end}", a.kind, _clip(a.text, 50), a.suggestion or "")
        console.print(t)

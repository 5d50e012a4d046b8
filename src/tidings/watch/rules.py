"""Alert rules: a YAML list, validated on load, each evaluated over the store's events and quotes.

A rule holds when all its keys hold:
  dyad: "USA-RUS"      events between the two (either direction unless `directed: true`)
  actor: "RUS"         events with this actor as source or target (code prefix)
  roots: ["13", "15"]  or codes: ["154"]   CAMEO roots / code prefixes
  modality: asserted   (default; `any` for all)
  min_events: 3        within `window` ("1d", "7d", "30d"; default 1d), counted on event dates
  escalation_z: 2.0    the dyad's (or actor's) escalation index on the last day is this many
                       standard deviations above its trailing 30 days
  speaker: "Putin"     a quote by this speaker in the articles stored by this poll
"""
from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from ..errors import ConfigError

__all__ = ["Rule", "load_rules", "parse_rules", "evaluate"]

KEYS = {"name", "dyad", "directed", "actor", "roots", "codes", "modality", "min_events", "window", "escalation_z",
        "speaker"}
MODALITIES = {"asserted", "negated", "conditional", "future", "historical", "claimed", "any"}


@dataclass
class Rule:
    name: str
    dyad: tuple[str, str] | None = None
    directed: bool = False
    actor: str | None = None
    roots: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    modality: str = "asserted"
    min_events: int = 1
    window_days: int = 1
    escalation_z: float | None = None
    speaker: str | None = None

    @property
    def watches_events(self) -> bool:
        return bool(self.dyad or self.actor or self.roots or self.codes or self.escalation_z is not None)


def _window(value, where: str) -> int:
    m = re.fullmatch(r"\s*(\d+)\s*([dw])\s*", str(value))
    if not m:
        raise ConfigError(f"{where}: window {value!r} is not like '1d', '7d' or '2w'")
    return int(m[1]) * (7 if m[2] == "w" else 1)


def parse_rules(data, origin: str = "rules") -> list[Rule]:
    if not isinstance(data, list):
        raise ConfigError(f"{origin}: the rules file must be a YAML list of rules")
    rules, names = [], set()
    for i, raw in enumerate(data, 1):
        where = f"{origin}: rule {i}"
        if not isinstance(raw, dict):
            raise ConfigError(f"{where} is not a mapping")
        unknown = set(raw) - KEYS
        if unknown:
            raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}", hint=f"keys are {', '.join(sorted(KEYS))}")
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{where} needs a `name`")
        where = f"{origin}: rule {name!r}"
        if name in names:
            raise ConfigError(f"{where} is defined twice")
        names.add(name)
        rule = Rule(name=name, directed=bool(raw.get("directed", False)))
        if "dyad" in raw:
            parts = str(raw["dyad"]).upper().split("-")
            if len(parts) != 2 or not all(re.fullmatch(r"[A-Z]{3}[A-Z]*", p) for p in parts):
                raise ConfigError(f"{where}: dyad {raw['dyad']!r} is not like 'USA-RUS'")
            rule.dyad = (parts[0], parts[1])
        if "actor" in raw:
            if not re.fullmatch(r"[A-Za-z]{3,12}", str(raw["actor"])):
                raise ConfigError(f"{where}: actor {raw['actor']!r} is not an actor code like 'RUS' or 'RUSMIL'")
            rule.actor = str(raw["actor"]).upper()
        for key, pattern in (("roots", r"\d{2}"), ("codes", r"\d{2,4}")):
            if key in raw:
                values = raw[key] if isinstance(raw[key], list) else [raw[key]]
                values = [str(v).zfill(2) for v in values]
                if not all(re.fullmatch(pattern, v) for v in values):
                    raise ConfigError(f"{where}: {key} must be CAMEO {key} like {'13' if key == 'roots' else '154'}")
                setattr(rule, key, values)
        modality = str(raw.get("modality", "asserted"))
        if modality not in MODALITIES:
            raise ConfigError(f"{where}: modality {modality!r} is not one of {', '.join(sorted(MODALITIES))}")
        rule.modality = modality
        try:
            rule.min_events = int(raw.get("min_events", 1))
        except (TypeError, ValueError):
            raise ConfigError(f"{where}: min_events must be a whole number") from None
        if rule.min_events < 1:
            raise ConfigError(f"{where}: min_events must be at least 1")
        rule.window_days = _window(raw.get("window", "1d"), where)
        if "escalation_z" in raw:
            try:
                rule.escalation_z = float(raw["escalation_z"])
            except (TypeError, ValueError):
                raise ConfigError(f"{where}: escalation_z must be a number") from None
            if not (rule.dyad or rule.actor):
                raise ConfigError(f"{where}: escalation_z needs a dyad or an actor")
        if "speaker" in raw:
            rule.speaker = str(raw["speaker"]).strip() or None
        if not (rule.watches_events or rule.speaker):
            raise ConfigError(f"{where} watches nothing: give a dyad, actor, roots, codes, escalation_z or speaker")
        rules.append(rule)
    return rules


def load_rules(path: str | Path) -> list[Rule]:
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read the rules file: {exc.strerror or exc}", item=str(path)) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"the rules file is not valid YAML: {exc}", item=str(path)) from exc
    return parse_rules(data or [], str(path))


# ---- evaluation -----------------------------------------------------------------------
def _event_filter(rule: Rule) -> tuple[list[str], list]:
    where, params = ["e.event_date IS NOT NULL"], []
    if rule.dyad:
        a, b = rule.dyad
        pair = "(e.source_code LIKE ? AND e.target_code LIKE ?)"
        if rule.directed:
            where.append(pair)
            params += [a + "%", b + "%"]
        else:
            where.append(f"({pair} OR {pair})")
            params += [a + "%", b + "%", b + "%", a + "%"]
    if rule.actor:
        where.append("(e.source_code LIKE ? OR e.target_code LIKE ?)")
        params += [rule.actor + "%"] * 2
    if rule.roots:
        where.append("e.root IN (" + ", ".join("?" for _ in rule.roots) + ")")
        params += rule.roots
    if rule.codes:
        where.append("(" + " OR ".join("e.cameo LIKE ?" for _ in rule.codes) + ")")
        params += [c + "%" for c in rule.codes]
    if rule.modality != "any":
        where.append("e.modality = ?")
        params.append(rule.modality)
    return where, params


def _events(store, rule: Rule) -> list[dict]:
    where, params = _event_filter(rule)
    rows = store.query_dicts(
        "SELECT e.article_id, e.id AS event_id, e.event_date, e.source_code, e.target_code, e.source_country, "
        "e.target_country, e.cameo, e.name, e.modality, e.quad_class, a.source_name "
        f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {' AND '.join(where)} ORDER BY e.event_date", params)
    if not rows:
        return []
    last = max(r["event_date"] for r in rows)
    start = last - timedelta(days=rule.window_days - 1)
    return [r for r in rows if r["event_date"] >= start]


def _escalation_z(store, rule: Rule, events: list[dict]) -> float | None:
    """z of the last day's escalation index against the 30 days before it (formula in corpus.series)."""
    from ..corpus.series import series

    kwargs = {"dyad": "-".join(rule.dyad)} if rule.dyad else {"actor": rule.actor}
    rows = series(store, by="day", directed=rule.directed, modality=None if rule.modality == "any" else rule.modality,
                  **kwargs)
    if len(rows) < 2:
        return None
    today, history = rows[-1]["escalation"], [r["escalation"] for r in rows[-31:-1]]
    mean = sum(history) / len(history)
    std = math.sqrt(sum((x - mean) ** 2 for x in history) / len(history))
    return (today - mean) / std if std > 0 else (math.inf if today > mean else 0.0)


def _alert_id(rule: Rule, keys: list[str]) -> str:
    return hashlib.sha256((rule.name + "|" + "|".join(sorted(keys))).encode()).hexdigest()[:20]


def _summary(events: list[dict]) -> str:
    groups: dict[tuple, list[dict]] = {}
    for e in events:
        groups.setdefault((e["source_country"] or e["source_code"], e["target_country"] or e["target_code"], e["cameo"],
                           e["name"], e["modality"]), []).append(e)
    (src, tgt, code, name, modality), members = max(groups.items(), key=lambda kv: len(kv[1]))
    sources = len({m["source_name"] or m["article_id"] for m in members})
    more = f" (+{len(events) - len(members)} more)" if len(events) > len(members) else ""
    return f"{src or '?'} → {tgt or '?'} {code} {name or ''} ({modality}) — {sources} source{'s' if sources != 1 else ''}{more}"


def evaluate(store, rule: Rule, *, new_article_ids: list[str] | None = None) -> dict | None:
    """The alert a rule raises now (not yet checked against those already sent), or None."""
    events: list[dict] = []
    if rule.watches_events:
        events = _events(store, rule)
        if len(events) < rule.min_events:
            return None
        if rule.escalation_z is not None:
            z = _escalation_z(store, rule, events)
            if z is None or z < rule.escalation_z:
                return None
    quotes: list[dict] = []
    if rule.speaker:
        ids = list(new_article_ids or [])
        if not ids:
            return None
        marks = ", ".join("?" for _ in ids)
        like = "%" + rule.speaker.replace("%", "") + "%"
        quotes = store.query_dicts(
            "SELECT q.article_id, q.id AS quote_id, q.text, coalesce(q.speaker_name, q.speaker_anonymous) AS speaker "
            f"FROM quotes q WHERE q.article_id IN ({marks}) AND (q.speaker_name ILIKE ? OR q.speaker_anonymous ILIKE ?)",
            [*ids, like, like])
        if not quotes:
            return None
    keys = [f"{e['article_id']}:{e['event_id']}" for e in events] + [f"{q['article_id']}:{q['quote_id']}" for q in quotes]
    summary = _summary(events) if events else f"{quotes[0]['speaker']}: “{quotes[0]['text'][:120]}”" + \
        (f" (+{len(quotes) - 1} more)" if len(quotes) > 1 else "")
    return {"id": _alert_id(rule, keys), "rule": rule.name, "summary": summary,
            "events": [{"article_id": e["article_id"], "event_id": e["event_id"], "date": str(e["event_date"]),
                        "code": e["cameo"], "source": e["source_code"], "target": e["target_code"],
                        "modality": e["modality"], "link": f"/articles/{e['article_id']}"} for e in events],
            "quotes": [{"article_id": q["article_id"], "quote_id": q["quote_id"], "speaker": q["speaker"],
                        "text": q["text"], "link": f"/articles/{q['article_id']}"} for q in quotes]}

"""An actor as an event names it: code, entity, name and span (shared by the resolver and the sense checks)."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ActorRef"]


@dataclass(slots=True, frozen=True)
class ActorRef:  # frozen: the resolver hands the same refs to every event that asks
    code: str | None
    entity: str | None
    name: str | None
    start: int | None
    end: int | None

    @property
    def country(self) -> str | None:
        return self.code[:3] if self.code else None

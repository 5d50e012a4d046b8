"""`tidings watch`: follow feeds as they publish, store what is new, alert when a rule holds."""
from .rules import Rule, load_rules
from .runner import WatchSummary, watch

__all__ = ["watch", "WatchSummary", "Rule", "load_rules"]

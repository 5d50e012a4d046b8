"""How `tidings serve` runs the app: uvicorn with header and keep-alive timeouts, the store opened
(and a locked one refused) before the address is printed, and optionally the watch loop beside it."""
from __future__ import annotations

import ipaddress

from uvicorn.protocols.http.h11_impl import H11Protocol

from .app import create_app

__all__ = ["serve_dashboard", "is_loopback", "timed_protocol", "HEADER_SECONDS"]

HEADER_SECONDS = 10.0  # a request's headers must arrive within this (slowloris); its body: app.BODY_SECONDS
KEEP_ALIVE_SECONDS = 5


def timed_protocol(header_seconds: float = HEADER_SECONDS):
    """uvicorn's h11 protocol, closing a connection whose request headers take longer than `header_seconds`."""

    class TimedH11Protocol(H11Protocol):
        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            self._header_timer = self.loop.call_later(header_seconds, self._headers_too_slow)

        def data_received(self, data: bytes) -> None:
            before = self.cycle
            if self._header_timer is None and (before is None or before.response_complete):
                self._header_timer = self.loop.call_later(header_seconds, self._headers_too_slow)
            super().data_received(data)
            if self.cycle is not before:  # a request's headers are in
                self._cancel_header_timer()

        def _cancel_header_timer(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _headers_too_slow(self) -> None:
            self._header_timer = None
            if (self.cycle is None or self.cycle.response_complete) and not self.transport.is_closing():
                self.transport.close()

        def connection_lost(self, exc) -> None:
            self._cancel_header_timer()
            super().connection_lost(exc)

    return TimedH11Protocol


def is_loopback(host: str) -> bool:
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve_dashboard(db: str | None = None, *, host: str = "127.0.0.1", port: int = 8000,
                    open_article: str | None = None, watch: dict | None = None,
                    header_seconds: float = HEADER_SECONDS) -> None:
    """Run the app with uvicorn until Ctrl-C; print the address of the page to open.

    The store is opened first: a store another process holds fails here, before any address is
    printed. `watch` ({"sources", "rules", "sinks", "interval"}) runs the watch loop in this process.
    """
    import uvicorn
    from urllib.parse import quote

    app = create_app(db)
    if watch and watch.get("sources"):
        from .watching import InServerWatch

        state = app.state.tidings
        state.background.append(InServerWatch(state, watch["sources"], rules=watch.get("rules", ()),
                                              sinks=watch.get("sinks", ()), interval=watch.get("interval", 900.0)))
    if not is_loopback(host) and not app.state.tidings.token:
        print("warning: serving beyond this machine with no TIDINGS_TOKEN: reads are open, writes refused")
    path = f"/articles/{quote(open_article, safe='/')}" if open_article else "/"
    print(f"tidings dashboard: http://{host}:{port}{path}  (API docs at /docs; Ctrl-C stops)")
    # No access log (a formatted line per request costs more than a cached answer).
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False,
                            http=timed_protocol(header_seconds), timeout_keep_alive=KEEP_ALIVE_SECONDS)
    uvicorn.Server(config).run()

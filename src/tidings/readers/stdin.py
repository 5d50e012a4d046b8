"""Standard input ("-"): sniffed from its first bytes, then read in bounded pieces like a file of its kind."""
from __future__ import annotations

import gzip
import io
from typing import IO, Iterator

from ..errors import InputError
from ..items import InputItem
from ._common import sniff_kind

__all__ = ["read_stdin"]

_SNIFF = 4096


class _Prefixed(io.RawIOBase):
    """The bytes already read for sniffing, then the rest of the stream."""

    def __init__(self, head: bytes, rest: IO[bytes]):
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def read_stdin(stream: IO[bytes], kind: str, name: str, fields, defaults: dict, meta: dict
               ) -> Iterator[InputItem | InputError]:
    from .feeds import MAX_FEED_BYTES, read_feed_bytes
    from .files import MAX_FILE_BYTES, item_from_bytes, read_limited
    from .jsonl import bounded_lines, read_jsonl_lines
    from .warc import read_warc_stream

    head = stream.read(_SNIFF)
    if kind == "sniff":
        kind = sniff_kind(head)
    joined = io.BufferedReader(_Prefixed(head, stream), 1 << 16)
    try:
        if kind == "jsonl":  # line by line, each line bounded; gzip inflated as it is read
            lines = gzip.GzipFile(fileobj=joined) if head[:2] == b"\x1f\x8b" else joined
            yield from read_jsonl_lines(bounded_lines(lines), name, fields, defaults)
        elif kind == "feed":
            yield from read_feed_bytes(read_limited(joined, name, MAX_FEED_BYTES), name, defaults)
        elif kind == "warc":  # warcio seeks: held as given (records are bounded one by one)
            yield from read_warc_stream(io.BytesIO(joined.read()), name, defaults)
        else:
            yield item_from_bytes(read_limited(joined, name, MAX_FILE_BYTES), name,
                                  "html" if kind == "html" else "text", **meta)
    except InputError as exc:
        yield exc
    except (OSError, EOFError) as exc:  # a damaged gzip stream
        yield InputError(f"cannot read standard input: {exc}", item=name)

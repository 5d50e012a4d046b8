"""Pipeline.extract releases the doc's view: its Tokens and lists are freed by reference counts, not left
as cyclic garbage for the collector (the stage tables hold the view: DocInfo, DocIndex)."""
from __future__ import annotations

import gc

TEXT = ("Officials in the northern province said on Monday that the two bridges damaged by the floods "
        "will be rebuilt by the end of the year. \"We have the money,\" the governor told reporters in "
        "Lakeview, adding that the national government had promised 40 million dollars.\n\n"
        "Critics in the opposition said the plan came too late. The ministry of transport did not comment.")


def test_extract_leaves_no_cyclic_garbage(pipeline):
    pipeline(TEXT)  # warm: lazily loaded tables are made outside the measured call
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        pipeline(TEXT)
        pipeline(TEXT)  # the newest view stays in view_of's slot: the first one is the one to look at
        unreachable = gc.collect()
    finally:
        if was:
            gc.enable()
    assert unreachable < 60, f"{unreachable} objects left in reference cycles by one article"


def test_release_drops_the_stage_tables(nlp):
    from tidings.extract import DocView
    from tidings.extract.actors.code import DocInfo

    view = DocView(nlp(TEXT))
    info = view.part(DocInfo)
    assert view.made(DocInfo) is info
    view.release()
    assert view.made(DocInfo) is None
    assert view.part(DocInfo) is not info  # made again when asked after all

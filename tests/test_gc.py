"""floorplan._gc.paused_gc: no collection inside, the collector restored after, and what
the block made neither walked at once nor kept from being freed."""

from __future__ import annotations

import gc
import weakref

import pytest

from floorplan._gc import paused_gc


class Node:
    def __init__(self):
        self.me = self  # a cycle: only the collector can free it


@pytest.fixture(autouse=True)
def _collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_no_collection_inside_and_enabled_after():
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_left_disabled_when_it_was_disabled():
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()


def test_restored_when_the_block_raises():
    with pytest.raises(ValueError), paused_gc():
        raise ValueError("boom")
    assert gc.isenabled()


def test_results_go_to_the_oldest_generation():
    # left in the youngest, 50,000 new objects would be walked by the first collection
    # after the block (and again on the way up); moved to the oldest, only a full
    # collection walks them
    with paused_gc(results=True):
        keep = [[i] for i in range(50_000)]
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert id(keep) in oldest and id(keep[-1]) in oldest


def test_other_blocks_leave_their_objects_young():
    # a block that leaves cyclic garbage (an ezdxf drawing) must not send it where only a
    # full collection would free it
    with paused_gc():
        keep = [[i] for i in range(50_000)]
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert id(keep) not in oldest


@pytest.mark.parametrize("results", [False, True])
def test_cycles_made_inside_are_still_freed_by_a_collection(results):
    with paused_gc(results=results):
        node = Node()
        alive = weakref.ref(node)
    del node
    assert alive() is not None  # a cycle: reference counting alone does not free it
    gc.collect()
    assert alive() is None

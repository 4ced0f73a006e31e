"""load._proxy_option_once: ezdxf's proxy-graphics option is read once for a whole load
(ezdxf reads it from its configuration parser for every entity), answers what it was
at the start, and ezdxf's own property is back afterwards, loads in threads included."""

from __future__ import annotations

import threading

import ezdxf
import pytest

from floorplan.io.dxf.load import document as dxf_load


@pytest.fixture
def original():
    prop = type(ezdxf.options).__dict__["load_proxy_graphics"]
    was = ezdxf.options.load_proxy_graphics
    yield prop
    ezdxf.options.load_proxy_graphics = was
    assert type(ezdxf.options).__dict__["load_proxy_graphics"] is prop


@pytest.mark.parametrize("value", [True, False])
def test_the_value_at_the_start_without_the_parser(original, monkeypatch, value):
    ezdxf.options.load_proxy_graphics = value
    calls = []
    real = type(ezdxf.options).get_bool
    monkeypatch.setattr(type(ezdxf.options), "get_bool",
                        lambda self, *a, **k: calls.append(a) or real(self, *a, **k))
    with dxf_load._proxy_option_once():
        assert [ezdxf.options.load_proxy_graphics for _ in range(1000)] == [value] * 1000
    assert len(calls) == 1  # read once, when the load began, not a thousand times
    assert type(ezdxf.options).__dict__["load_proxy_graphics"] is original
    assert ezdxf.options.load_proxy_graphics is value


def test_nested_loads_restore_once_the_last_ends(original):
    with dxf_load._proxy_option_once():
        patched = type(ezdxf.options).__dict__["load_proxy_graphics"]
        assert patched is not original
        with dxf_load._proxy_option_once():
            assert type(ezdxf.options).__dict__["load_proxy_graphics"] is patched
        assert type(ezdxf.options).__dict__["load_proxy_graphics"] is patched
    assert type(ezdxf.options).__dict__["load_proxy_graphics"] is original


def test_restored_when_the_load_fails(original, tmp_path):
    bad = tmp_path / "bad.dxf"
    bad.write_text("not a drawing")
    with pytest.raises(Exception):  # noqa: B017 - whatever the reader says, the option is back
        dxf_load.load(bad)
    assert type(ezdxf.options).__dict__["load_proxy_graphics"] is original


def test_threads_share_one_patch(original, tmp_path):
    doc = ezdxf.new("R2010")
    doc.modelspace().add_line((0, 0), (1, 0))
    path = tmp_path / "line.dxf"
    doc.saveas(path)
    errors = []

    def work():
        try:
            for _ in range(5):
                assert len(dxf_load.load(path).doc.modelspace()) == 1
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert type(ezdxf.options).__dict__["load_proxy_graphics"] is original

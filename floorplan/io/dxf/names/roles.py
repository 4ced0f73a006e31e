"""What one text says of a room: its name, its number, its stated area (by an attribute's
tag, the layer it is on, or its words). Shared by the naming step
(:mod:`~floorplan.io.dxf.names.assign`) and the label blocks (:mod:`~floorplan.io.dxf.names.owners`).
"""

from __future__ import annotations

import re

from floorplan.classify import classify
from floorplan.io.dxf.text import figures as dxf_figures
from floorplan.io.dxf.text import kind as dxf_text
from floorplan.model import Use

NAME_TAGS = {"NAME", "ROOM", "ROOMNAME", "ROOM_NAME", "ROOM-NAME", "SPACE", "SPACENAME",
             "SPACE_NAME", "RAUM", "RAUMNAME", "ROOMLABEL"}
ID_TAGS = {"ID", "ROOMID", "ROOM_ID", "NUMBER", "ROOMNO", "ROOM_NO", "REF", "NO"}
DWELLING_TAGS = {"DWELLING", "FLAT", "UNIT", "APARTMENT", "APT", "WOHNUNG"}
AREA_TAGS = {"AREA", "ROOMAREA", "ROOM_AREA"}
USE_TAGS = {"USE", "ROOMUSE", "ROOM_USE", "ROOMTYPE", "ROOM_TYPE", "NUTZUNG"}
HEIGHT_TAGS = {"HEIGHT", "CH", "CEILING", "CEILING_HEIGHT", "CLG"}
_DIGIT = re.compile(r"\d")


def is_name_text(t) -> bool:
    if t.tag:
        return (t.tag or "").upper() in NAME_TAGS
    says = dxf_text.layer_says(t.layer)
    if says in ("id", "mark") or (says == "area" and is_figure_text(t)):
        return False
    name, _ = dxf_text.split_label(dxf_text.peel_code(t.text)[1])
    return (bool(name) and dxf_text.kind(name)[0] == "name" and not dxf_text.is_note(name)
            and not dxf_text.is_code(name))


def is_id_text(t) -> bool:
    """A room's number by its attribute's tag or its layer's name (``ROOM NUMBER``)."""
    if t.tag:
        return (t.tag or "").upper() in ID_TAGS
    return dxf_text.layer_says(t.layer) == "id" and number_like(t.text)


def number_like(text: str) -> bool:
    """One token with a digit (``Bg04``, ``104C``, ``1.05``): a number, where a layer says
    it holds numbers; ``Bedroom 2`` there is still a name."""
    t = text.strip()
    return bool(_DIGIT.search(t)) and len(t.split()) == 1


def is_figure_text(t) -> bool:
    if t.tag:
        return (t.tag or "").upper() in AREA_TAGS
    if dxf_text.layer_says(t.layer) == "area" and stated_area(t.text, whole=False):
        return True
    return any(k == "figure" for k, _ in dxf_text.split_label(t.text)[1])


def stated_area(text: str, whole: bool = True):
    """The area an area tag or a text on an area layer states (``28.51 m2``, ``28.51``), or
    ``None``. A bare whole number is an area only where ``whole`` (an attribute tagged AREA):
    on a layer named for areas it may be a room's number."""
    fig = dxf_figures.parse(text)
    if fig is None:
        t = text.strip().replace(",", ".")
        if not whole and "." not in t:
            return None
        try:
            v = float(t)
        except ValueError:
            return None
        if v > 0:
            fig = dxf_figures.Figure("area", text, "m2", area_m2=v)
    return fig if fig is not None and fig.kind == "area" else None


def text_role(t) -> tuple[str | None, object]:
    """What a text says of a room, for grouping a room's texts into label blocks:
    ``("id", number)``, ``("name", name)``, ``("area", m²)`` or ``(None, None)``."""
    if is_id_text(t) or (not t.tag and dxf_text.layer_says(t.layer) is None
                          and dxf_text.is_code(t.text)):
        return "id", t.text.strip()
    if is_figure_text(t):
        if t.tag or dxf_text.layer_says(t.layer) == "area":
            fig = stated_area(t.text, whole=bool(t.tag))
            if fig is not None and fig.area_m2:
                return "area", fig.area_m2
        areas = [v.area_m2 if k == "figure" else v for k, v in dxf_text.split_label(t.text)[1]
                 if (k == "figure" and v.kind == "area" and v.area_m2) or (k == "area" and v)]
        return ("area", areas[0]) if len(areas) == 1 else (None, None)
    if is_name_text(t):
        return "name", dxf_text.split_label(dxf_text.peel_code(t.text)[1])[0]
    return None, None


def small_kind(name: str) -> bool:
    """A name that says a small room's kind: a cupboard or store, a plant or switch room,
    a riser, duct or shaft (what a drawing labels from outside when it is too small to
    write in)."""
    return classify(name) in (Use.STORAGE, Use.PLANT) or dxf_text.is_shaft_name(name)

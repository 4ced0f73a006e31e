"""Labels written as keys and values: ``房间名称：培训教室``, ``Room name: Bedroom 2``.

A facilities drawing, or a BIM tool's room tag exported to DXF, writes each room's label
as lines of ``key: value``: its number, its name, its use, its areas, its occupants
(``房间编号：202 / 房间名称：实验人员备课室 / 房间属性：办公室 / 使用面积：61.42㎡ /
建筑面积：70.45㎡ / 使用人员：…``). Read line by line as words, the whole label became the
room's name, or a line of occupants did. :func:`read` tells a line's role by its key:

- ``name``: the room's name is the value (名称, 房间名称, name, room name, nombre, nom,
  nome, bezeichnung, raumname, navn);
- ``area``: the room's own (net, usable) area is the value (使用面积, 面积, area, net area,
  superficie, fläche, areal); a gross or building area is not the room's floor, and is
  ``other``;
- ``use``: the room's use or type is the value (use, room use, space use, type, room type,
  function, FICM, 房间属性, 用途, Nutzung, uso): a line that names what the room is, which
  names the room where no line is keyed as its name and the value says a use
  (``Bldg.1, Room 304 / 128300-FacMgmt-Custodial Services / FICM: Women's Restroom``: the
  room is a restroom, not its building, its number or the department that cleans it);
- ``other``: any other key (a number, the occupants, a department): a line that says
  something about the room but is not its name.

A value-less key (``使用人员：``) is ``other`` too; a line with no key is none of these
(``None``).

>>> read("房间名称：实验人员备课室"), read("使用面积：61.42㎡"), read("建筑面积：70.45㎡")
(('name', '实验人员备课室'), ('area', '61.42㎡'), ('other', '70.45㎡'))
>>> read("管理人员：王旭辉 （信息与网络中心）"), read("Room name: Bedroom 2"), read("Bedroom 2")
(('other', '王旭辉 （信息与网络中心）'), ('name', 'Bedroom 2'), None)
>>> read("FICM: Women's Restroom"), read("房间属性：办公室")
(('use', "Women's Restroom"), ('use', '办公室'))
"""

from __future__ import annotations

import re

#: a key (a few words, no digits at its end), a colon (ASCII or full-width) or an equals
#: sign, and the value
_KEYED = re.compile(r"^\s*(?P<key>[^\W\d_][^:：=\d]{0,23}?)\s*[:：=]\s*(?P<value>.*?)\s*$")
#: keys whose value is the room's name
NAME_KEYS = frozenset({"名称", "房间名称", "房间名", "室名", "名前", "name", "room name",
                       "space name", "nombre", "nom", "nome", "bezeichnung",
                       "raumname", "raumbezeichnung", "navn", "naam", "rumnavn"})
#: keys whose value is the room's use or type (FICM: the US facilities inventory's room
#: use code, as university space drawings write it)
USE_KEYS = frozenset({"use", "room use", "space use", "type", "room type", "space type",
                      "function", "room function", "ficm", "房间属性", "房间用途", "用途",
                      "nutzung", "raumnutzung", "uso", "usage", "fonction", "funktion"})
#: keys whose value is the room's own (net, usable) area
AREA_KEYS = frozenset({"使用面积", "面积", "面積", "area", "net area", "usable area",
                       "superficie", "superficie útil", "superficie utile", "fläche",
                       "nutzfläche", "areal", "nettoareal"})


def read(line: str) -> tuple[str, str] | None:
    """``(role, value)`` of one line of a label written as ``key: value`` (see the module's
    docstring), or ``None`` for a line with no key."""
    m = _KEYED.match(line)
    if m is None:
        return None
    key = " ".join(m.group("key").split()).casefold()
    value = m.group("value")
    if key in NAME_KEYS and value:
        return "name", value
    if key in AREA_KEYS and value:
        return "area", value
    if key in USE_KEYS and value:
        return "use", value
    return "other", value


#: a new key in the middle of a line: a space, then a key and its colon
_NEXT_KEY = re.compile(r"\s+(?=[^\W\d_][^:：=\s\d]{0,23}\s*[:：])")


def lines_of(part: str) -> list[str]:
    """``part`` cut before each key that follows another key's value on one line
    (``名称：楼梯间 使用面积：28.26㎡``).

    >>> lines_of("名称：楼梯间 使用面积：28.26㎡"), lines_of("Kitchen: 12.5 m2")
    (['名称：楼梯间', '使用面积：28.26㎡'], ['Kitchen: 12.5 m2'])
    """
    if sum(part.count(c) for c in ":：") < 2 or _KEYED.match(part) is None:
        return [part]
    return [p for p in _NEXT_KEY.split(part) if p.strip()]


def bracketed(line: str) -> bool:
    """The whole line stands in brackets (``（信息与网络中心）``, ``(EXISTING)``): an aside to a
    label (a department, a state), not a room's name.

    >>> bracketed("（计算机与信息工程学院）"), bracketed("(EXISTING)"), bracketed("Store (B)")
    (True, True, False)
    """
    t = line.strip()
    return len(t) > 2 and t[0] in "(（[［" and t[-1] in ")）]］" and not any(
        c in t[1:-1] for c in "()（）[]［］")

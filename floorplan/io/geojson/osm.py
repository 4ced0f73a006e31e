"""OpenStreetMap indoor exports (Simple Indoor Tagging): what their tags mean here."""

from __future__ import annotations

from floorplan.model import Use

#: OSM ``room=*`` values that name a use
OSM_ROOM_USES = {
    "toilets": Use.WC, "toilet": Use.WC, "office": Use.OFFICE, "kitchen": Use.KITCHEN,
    "bedroom": Use.BEDROOM, "bathroom": Use.BATHROOM, "living_room": Use.LIVING,
    "storage": Use.STORAGE, "technical": Use.PLANT, "stairs": Use.STAIRS,
    "corridor": Use.CORRIDOR, "hall": Use.HALL,
}

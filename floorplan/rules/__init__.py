"""The rule registry: every rule floorplan knows, listed explicitly, by code.

A profile (``floorplan/profiles/*.toml``) picks rules from here and sets their options,
severity and reference; the engine runs them. Importing this package loads no shapely,
matplotlib or ezdxf, so ``floorplan rules`` starts fast.

>>> REGISTRY["FP101"].name
'bedroom-area'
>>> by_name("turning-circle").code
'FP201'
"""

from __future__ import annotations

from floorplan.rules import (
    access,
    area,
    height,
    homes,
    input,
    layout,
    mix,
    route,
    scheme,
    storage,
    storeys,
    wheelchair,
    width,
)
from floorplan.rules.base import Option, Rule

#: the rule families, in catalogue order, with the module that holds each
FAMILIES: dict[str, str] = {
    "input": "Input integrity",
    "area": "Areas",
    "storage": "Built-in storage",
    "mix": "Bedroom mix",
    "height": "Heights",
    "width": "Widths",
    "access": "Access",
    "wheelchair": "Wheelchair spaces",
    "route": "Wheelchair route",
    "layout": "Layout and provision",
    "homes": "What each home has",
    "storeys": "Storeys",
    "scheme": "Scheme size",
}

_RULES = [
    input.unclosed_outline, input.invalid_geometry, input.overlapping_rooms,
    input.unclassified_room, input.unconnected_door, input.units_assumed,
    input.units_contradicted, input.stated_figure_mismatch, input.low_confidence_room,
    input.unplaced_label, input.correction_unmatched, input.plans_apart,
    input.hidden_layer_room,
    input.floor_in_no_room,
    area.bedroom_area, area.wheelchair_bedroom_area, area.dwelling_area, area.communal_area,
    area.wheelchair_bathroom_area, storage.built_in_storage,
    mix.double_bedroom,
    height.ceiling_height,
    width.bedroom_width,
    access.turning_circle, access.door_clear_width, access.hall_width,
    access.bedroom_door_space,
    wheelchair.wheelchair_storage, wheelchair.liftway, wheelchair.kitchen_clear_zone,
    route.wheelchair_route,
    layout.bedroom_opens_onto_communal, layout.bathroom_provision, layout.staff_sleep_in,
    layout.no_office, layout.meter_location, layout.aerial_points,
    homes.self_contained_flat, homes.bedsit, homes.ensuite_preferred,
    storeys.living_on_entrance_storey, storeys.entrance_storey_wet_room,
    storeys.bathroom_by_principal_bedroom,
    scheme.scheme_size, scheme.shared_house_tenancies, scheme.several_units, scheme.declared_tenants,
]

#: code -> rule, in code order
REGISTRY: dict[str, Rule] = {fn.rule.code: fn.rule for fn in sorted(_RULES, key=lambda f: f.rule.code)}
_BY_NAME: dict[str, Rule] = {r.name: r for r in REGISTRY.values()}
#: the input rules: run for every plan whatever the profile says
INPUT_CODES: tuple[str, ...] = tuple(c for c, r in REGISTRY.items() if r.family == "input")


def by_name(name: str) -> Rule:
    return _BY_NAME[name]


def lookup(key: str) -> Rule | None:
    """A rule by code (``FP101``) or name (``bedroom-area``)."""
    return REGISTRY.get(key.upper()) or _BY_NAME.get(key)


__all__ = ["REGISTRY", "FAMILIES", "INPUT_CODES", "Rule", "Option", "by_name", "lookup"]

"""Where an IFC model lies on the map: its ``IfcMapConversion`` as a 2D affine transform.

A model may say how its local coordinates (the world coordinate system of its 3D
``Model`` context) map onto a projected coordinate reference system, a national grid or
a UTM zone:

* IFC4 and later: an ``IfcMapConversion`` whose ``SourceCRS`` is the model context and
  whose ``TargetCRS`` is an ``IfcProjectedCRS`` (its ``Name`` an identifier such as
  ``EPSG:27700``, its ``MapUnit`` the map's length unit);
* IFC2X3, which has neither entity: the property sets ``ePSet_MapConversion`` and
  ``ePSet_ProjectedCRS`` on the ``IfcProject`` (or its ``IfcSite``), as buildingSMART's
  *User Guide for Geo-referencing in IFC* has them.

A local point ``(x, y)`` (in the model's length unit) lies on the map at::

    E = Eastings  + Scale * (x cos t - y sin t)
    N = Northings + Scale * (x sin t + y cos t)

in map units, where ``t`` is the angle of the vector ``(XAxisAbscissa, XAxisOrdinate)``:
the direction of the local x axis on the map, anticlockwise from east. ``Scale`` (1 when
omitted) converts the model's unit into the map's, and may carry the grid's scale factor
too. ``MapUnit`` omitted, the map is in the model's unit (so ``Scale`` is about 1), or in
metres where ``Scale`` says so (0.001 on a millimetre model).

Models are written both ways where the units differ: ``Scale`` 0.001 on a millimetre
model with a map in metres (IfcOpenShell's reading), or ``Scale`` left out and the units
converted by ``MapUnit`` (buildingSMART's own IFC4 example, ``geographic-referencing.ifc``).
A real grid's scale factor is within :data:`UNIT_TOLERANCE` of 1, so only one reading
puts a metre of the model within that of a metre on the map: that one is taken. A model
for which neither does (``Scale`` 0.5 on a millimetre model) is not placed: the notes say
why, and the GeoJSON report stays in local metres.

The plan is in local metres; :func:`read` gives the transform from them to map units.

Nothing here is needed to check a plan: only the GeoJSON report uses the transform. BCF
viewpoints stay in the model's own coordinates, as BCF has them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

#: ``Scale`` may differ from the ratio of the model's unit to the map's by a grid's scale
#: factor (UTM's 0.9996, the British grid's 0.9996 to 1.0007), not by more than this share
UNIT_TOLERANCE = 0.01
#: a context's world coordinate system further than this from the identity is not read
#: (model units for the origin, unit vector parts for the axes)
WCS_TOLERANCE = 1e-9
#: map unit labels of ``ePSet_ProjectedCRS.MapUnit`` (IFC2X3), in metres
UNIT_LABELS = {"METRE": 1.0, "METER": 1.0, "M": 1.0, "MILLIMETRE": 0.001, "MILLIMETER": 0.001,
               "MM": 0.001, "CENTIMETRE": 0.01, "CENTIMETER": 0.01, "FOOT": 0.3048, "FT": 0.3048,
               "US SURVEY FOOT": 1200 / 3937, "USSURVEYFOOT": 1200 / 3937, "FOOT_US": 1200 / 3937}


@dataclass(frozen=True)
class MapConversion:
    """A model's map conversion, read and checked."""

    #: the target CRS by the name the model gives it (``EPSG:27700``)
    crs: str
    eastings: float
    northings: float
    #: angle of the local x axis on the map, degrees anticlockwise from east
    rotation: float
    #: ``Scale`` as the model states it (1 when omitted)
    scale: float
    #: map units per local metre (``Scale`` over the model's unit in metres)
    factor: float
    #: the map's unit in metres, where known
    map_unit_m: float | None
    #: what it was read from: ``IfcMapConversion`` or ``ePSet_MapConversion``
    source: str
    #: scale factors of an ``IfcMapConversionScaled`` (1 otherwise)
    factor_x: float = 1.0
    factor_y: float = 1.0
    #: how an unusual ``Scale`` was read (see :func:`_checked`), for the notes
    reading: str = ""

    def affine(self) -> tuple[float, float, float, float, float, float]:
        """``(a, b, d, e, xoff, yoff)`` for :func:`shapely.affinity.affine_transform`:
        local metres to map coordinates."""
        t = math.radians(self.rotation)
        c, s = math.cos(t), math.sin(t)
        fx, fy = self.factor * self.factor_x, self.factor * self.factor_y
        return (fx * c, -fy * s, fx * s, fy * c, self.eastings, self.northings)

    def words(self) -> str:
        unit = "" if self.map_unit_m is None else f", map unit {self.map_unit_m:g} m"
        return (f"from the model's {self.source}: Eastings {self.eastings:g}, Northings "
                f"{self.northings:g}, local x axis {self.rotation:g}° anticlockwise from east, "
                f"Scale {self.scale:g}{unit}{self.reading}")


def read(model: Any, unit_m: float) -> tuple[MapConversion | None, list[str]]:
    """The model's map conversion (``unit_m``: its length unit in metres), or ``None``;
    and the notes saying what was read or why it was not used."""
    try:
        found = _from_entities(model, unit_m)
        if found is None:
            found = _from_psets(model, unit_m)
    except _Unusable as why:
        return None, [f"{why}; the GeoJSON report stays in the model's local metres"]
    if found is None:
        return None, []
    return found, [f"GeoJSON report in {found.crs}, {found.words()}"]


class _Unusable(Exception):
    """A map conversion the model has but that cannot be used (said in the notes)."""


def _from_entities(model: Any, unit_m: float) -> MapConversion | None:
    try:
        conversions = model.by_type("IfcMapConversion")
    except RuntimeError:  # IFC2X3 has no such entity
        return None
    if not conversions:
        return None
    on_model = [c for c in conversions if _is_model_context(c.SourceCRS)]
    if not on_model:
        raise _Unusable("the model's IfcMapConversion is not on its 3D model context")
    if len({_key(c) for c in on_model}) > 1:
        raise _Unusable(f"the model has {len(on_model)} different IfcMapConversion on its "
                        "model context")
    conv = on_model[0]
    target = conv.TargetCRS
    if target is None or not target.is_a("IfcProjectedCRS"):
        kind = target.is_a() if target is not None else "nothing"
        raise _Unusable(f"the IfcMapConversion's target is {kind}, not an IfcProjectedCRS "
                        "(eastings and northings need a map projection)")
    name = str(target.Name or "").strip()
    if not name:
        raise _Unusable("the IfcMapConversion's IfcProjectedCRS has no Name (such as EPSG:27700)")
    wcs = conv.SourceCRS.WorldCoordinateSystem
    if wcs is not None and not _identity(wcs):
        raise _Unusable("the model context's WorldCoordinateSystem is not at the origin along "
                        "the axes, and floorplan does not read such a model's map conversion")
    map_unit = None
    if getattr(target, "MapUnit", None) is not None:
        import ifcopenshell.util.unit as uu

        map_unit = float(uu.get_unit_scale(target.MapUnit))
    fx = fy = 1.0
    if conv.is_a("IfcMapConversionScaled"):
        fx, fy = float(conv.FactorX), float(conv.FactorY)
    return _checked(name, conv.Eastings, conv.Northings, conv.XAxisAbscissa, conv.XAxisOrdinate,
                    conv.Scale, map_unit, unit_m, "IfcMapConversion", fx, fy)


def _from_psets(model: Any, unit_m: float) -> MapConversion | None:
    import ifcopenshell.util.element as uel

    holders = [*model.by_type("IfcProject"), *model.by_type("IfcSite")]
    # exporters spell the names ePSet_, EPset_ or ePset_: matched without case
    psets = [{k.lower(): v for k, v in uel.get_psets(h).items()} for h in holders]
    for holder, found in zip(holders, psets, strict=True):
        conv = found.get("epset_mapconversion")
        if not conv:
            continue
        crs = found.get("epset_projectedcrs") or next(
            (p["epset_projectedcrs"] for p in psets if p.get("epset_projectedcrs")), None) or {}
        name = str(crs.get("Name") or "").strip()
        if not name:
            raise _Unusable(f"the {holder.is_a()}'s ePSet_MapConversion has no "
                            "ePSet_ProjectedCRS.Name (such as EPSG:27700) to say which map it is on")
        map_unit = None
        label = crs.get("MapUnit")
        if label is not None:
            key = str(label).strip().strip(".").replace("_", " ").upper()
            map_unit = UNIT_LABELS.get(key, UNIT_LABELS.get(key.replace(" ", "")))
            if map_unit is None:
                raise _Unusable(f"ePSet_ProjectedCRS.MapUnit {label!r} is no length unit "
                                "floorplan knows")
        return _checked(name, conv.get("Eastings"), conv.get("Northings"),
                        conv.get("XAxisAbscissa"), conv.get("XAxisOrdinate"), conv.get("Scale"),
                        map_unit, unit_m, "ePSet_MapConversion")
    return None


def _checked(name: str, eastings: Any, northings: Any, abscissa: Any, ordinate: Any,
             scale: Any, map_unit: float | None, unit_m: float, source: str,
             fx: float = 1.0, fy: float = 1.0) -> MapConversion:
    """The conversion, once its numbers and units agree (else :class:`_Unusable`)."""
    def number(value: Any, default: float, what: str) -> float:
        if value is None:
            return default
        try:
            x = float(value)
        except (TypeError, ValueError):
            raise _Unusable(f"the {source}'s {what} is not a number ({value!r:.40})") from None
        if not math.isfinite(x):
            raise _Unusable(f"the {source}'s {what} is not a finite number")
        return x

    e = number(eastings, 0.0, "Eastings")
    n = number(northings, 0.0, "Northings")
    xa = number(abscissa, 1.0, "XAxisAbscissa")
    xo = number(ordinate, 0.0, "XAxisOrdinate")
    if abscissa is None and ordinate is not None:
        xa = 0.0  # only the ordinate given: the vector is (0, ordinate)
    if math.hypot(xa, xo) == 0.0:
        raise _Unusable(f"the {source}'s x axis (XAxisAbscissa, XAxisOrdinate) is (0, 0), "
                        "no direction")
    k = number(scale, 1.0, "Scale")
    if k <= 0 or fx <= 0 or fy <= 0:
        raise _Unusable(f"the {source}'s Scale is {k:g}: it must be above 0")
    if map_unit is None:
        # the map is in the model's unit (Scale about 1) or Scale says which unit it is in
        # (0.001 on a millimetre model: metres)
        if abs(k - 1.0) <= UNIT_TOLERANCE:
            map_unit = unit_m
        elif abs(unit_m / k - 1.0) <= UNIT_TOLERANCE:
            map_unit = 1.0
        else:
            raise _Unusable(f"the {source}'s Scale {k:g} with the model in {unit_m:g} m units and "
                            "no MapUnit leaves the map's unit unknown")
    ratio = unit_m / map_unit  # map units to the model's unit
    reading = ""
    if abs(k / ratio - 1.0) <= UNIT_TOLERANCE:
        factor = k / unit_m  # Scale converts the units (times any grid factor)
    elif abs(k - 1.0) <= UNIT_TOLERANCE:
        # Scale about 1 although the units differ: Scale is the grid's factor alone and
        # MapUnit converts the units, as buildingSMART's own IFC4 example has it
        factor = k / map_unit
        reading = (f"; Scale {k:g} read as the grid's scale factor, the model's units "
                   f"({unit_m:g} m) converted to the map's ({map_unit:g} m) by its MapUnit")
    else:
        raise _Unusable(f"the {source}'s Scale is {k:g}, but the model's unit is {unit_m:g} m "
                        f"and the map's {map_unit:g} m (so Scale should be about {ratio:g}, or 1 "
                        "if the units are left to MapUnit): the model's units and its map "
                        "conversion disagree")
    return MapConversion(crs=name, eastings=e, northings=n,
                         rotation=round(math.degrees(math.atan2(xo, xa)), 9) + 0.0,
                         scale=k, factor=factor, map_unit_m=map_unit, source=source,
                         factor_x=fx, factor_y=fy, reading=reading)


def _is_model_context(ctx: Any) -> bool:
    return (ctx is not None and ctx.is_a("IfcGeometricRepresentationContext")
            and not ctx.is_a("IfcGeometricRepresentationSubContext")
            and str(ctx.ContextType or "").lower() in ("model", ""))


def _key(conv: Any) -> tuple:
    return (conv.Eastings, conv.Northings, conv.XAxisAbscissa, conv.XAxisOrdinate, conv.Scale,
            getattr(conv.TargetCRS, "Name", None))


def _identity(placement: Any) -> bool:
    import ifcopenshell.util.placement as up

    m = np.asarray(up.get_axis2placement(placement), dtype=float)
    return bool(np.abs(m - np.eye(4)).max() <= WCS_TOLERANCE)

"""Walls: the wall linework sealed at its openings and gaps, and its faces found.

- :mod:`.linework` picks the lines read as walls; :mod:`.marks` the glazing and headers beside them,
  and the linework that is no wall of the plan; :mod:`.nibs` the wall nibs on door layers;
- :mod:`.faces` seals the walls (:mod:`.openings` the jambed openings, :mod:`.doorseals` the door
  swings' seals, :mod:`.joins` the near-misses, :mod:`.closing` the free ends, :mod:`.morph` the
  wall band's closing, :mod:`.pinch` the pinched doorways) and finds the faces;
- :mod:`.bands` and :mod:`.entries` set aside the faces that are wall body or solid mass;
- :mod:`.bridges` offers the bridges that may close a gap, for the room labels to choose;
- :mod:`.rejoin` joins stairs parted off a room back to it.
"""

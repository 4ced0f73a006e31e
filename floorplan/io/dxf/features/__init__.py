"""Features: fittings, ceilings, meters, aerials, rooflights, and the drawing's own linework for
the image.

- :mod:`.fittings` reads fittings and ceilings; :mod:`.meters` meters and aerials;
  :mod:`.rooflights` rooflights;
- :mod:`.underlay` keeps the linework of the views read, to draw under the rooms.
"""

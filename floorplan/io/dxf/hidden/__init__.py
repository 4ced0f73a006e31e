"""Rooms read from frozen or switched-off layers, where the drawing as shown proves them.

The reader reads what the drawing shows (:mod:`floorplan.io.dxf.rooms.hidden`); a hidden
layer of outlines is used only where it proves itself on the visible reading:

- :mod:`.mend` replaces rooms the visible walls misread (cut, joined) by the outlines their
  labels' written areas bear out, before the rooms are named;
- :mod:`.proof` closes the rooms whose labels the visible reading lost.
"""

"""Doors: door symbols, and the swings drawn with the walls.

- :mod:`.symbols` finds doors (INSERTs, arcs and leaves on door layers);
- :mod:`.drawn` finds the blocks that draw a door though no name or layer says so;
- :mod:`.swings` finds the swings drawn on wall layers and takes them out of the walls.
"""

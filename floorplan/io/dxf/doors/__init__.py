"""Doors: door symbols, and the swings drawn with the walls.

- :mod:`.symbols` finds doors (INSERTs, arcs and leaves on door layers);
- :mod:`.swings` finds the swings drawn on wall layers and takes them out of the walls.
"""

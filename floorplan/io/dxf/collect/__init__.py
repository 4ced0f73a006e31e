"""Stage 2, collect: walk model space once and sort what is drawn into primitives (drawing units).

- :mod:`.modelspace` walks the layout; :mod:`.blocks` expands INSERTs once per block and pose;
- :mod:`.prims` is what the walk makes; :mod:`.budget` guards it; :mod:`.curves` flattens bulges;
- :mod:`.aecspace` reads AutoCAD Architecture spaces kept as proxy graphics.
"""

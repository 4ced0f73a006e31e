"""Stage 2, collect: walk model space once and sort what is drawn into primitives (drawing units).

- :mod:`.modelspace` walks the layout; :mod:`.blocks` expands INSERTs once per block and pose;
- :mod:`.shapes` gives an entity's points (curves flattened, OCS to WCS), :mod:`.curves`
  flattens bulges in numpy;
- :mod:`.prims` is what the walk makes; :mod:`.budget` guards it;
- :mod:`.aecspace` reads AutoCAD Architecture spaces kept as proxy graphics.
"""

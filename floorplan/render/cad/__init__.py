"""The marked-up DXF for the architect's CAD: the drawing's own entities with floorplan's
mark-up on ``FLOORPLAN-*`` layers (:mod:`.markup` writes it, :mod:`.draw` draws each kind
of mark, :mod:`.layers` names the layers and their colours)."""

"""Stage 3, units: decide the drawing's units from the evidence in it, and move to local metres.

- :mod:`.evidence` gathers the evidence; :mod:`.decide` weighs it; :mod:`.frame` moves the points.
"""

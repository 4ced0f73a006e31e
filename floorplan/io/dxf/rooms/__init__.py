"""Rooms: which spaces of a drawing are rooms, from outlines or from the wall linework.

- :mod:`.spaces` chooses the source and the views, and runs the rest;
- :mod:`.outlines` reads closed outlines on room layers; :mod:`.sourcechoice` and :mod:`.bounds`
  decide between outlines and walls;
- :mod:`.wallrooms` finds rooms in the wall linework, with :mod:`.seeding` (labels decide what else
  needs closing; :mod:`.parting` parts a space holding several), :mod:`.cupboards` and
  :mod:`.joinery` (small and fitted spaces);
- :mod:`.shafts`, :mod:`.voids` and :mod:`.outdoor` set aside what is no room;
- :mod:`.hidden` says what is drawn on hidden layers.
"""

"""Names: which text names which room, and what else a label says (its number, its area).

- :mod:`.assign` gives each room the texts in it, and :mod:`.labels` its name from its labels;
  :mod:`.labelkind` says which texts are room labels;
- :mod:`.leaders` joins labels outside their room to it; :mod:`.owners` and :mod:`.numbered` read
  drawings that number their rooms; :mod:`.roles` says what one text is; :mod:`.written` reads the
  areas a drawing writes for its rooms.
"""

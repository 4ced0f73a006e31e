"""What a drawing's text says: a room name, an area, a height, a dimension or nothing.

- :mod:`.kind` classifies one text; :mod:`.mtext` reads MTEXT content; :mod:`.figures` reads
  dimension strings and area tags.
"""

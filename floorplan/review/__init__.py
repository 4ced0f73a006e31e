"""``floorplan review``: a page in the browser where the assessor corrects what the reader
got wrong, and saves it as the plan's corrections file (:mod:`floorplan.corrections`).

:mod:`~floorplan.review.session` holds the drawing as read, the corrections so far and the
check of the result; :mod:`~floorplan.review.server` serves the page (the standard
library's ``http.server``, on 127.0.0.1 with a token); :mod:`~floorplan.review.state` is
what the page is sent; ``static/`` is the page itself (plain JavaScript and SVG).
"""

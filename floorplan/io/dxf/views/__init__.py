"""Views: the separate drawings on one sheet, and which of them are floor plans.

- :mod:`.grid` parts the sheet into views, :mod:`.floors` parts a view holding floors side
  by side under their level titles (:mod:`.paper`: titles written in paper space under
  the viewports); :mod:`.sheet` picks the plans among them, with
  :mod:`.score` scoring each view and :mod:`.copies` finding the views that draw the
  same floor again;
- :mod:`.tiles` finds cells that tile an area (paving, ceiling grids, schedules).
"""

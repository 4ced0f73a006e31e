"""Views: the separate drawings on one sheet, and which of them are floor plans.

- :mod:`.sheet` parts the sheet into views and picks the plans; :mod:`.score` scores one view;
- :mod:`.tiles` finds cells that tile an area (paving, ceiling grids, schedules).
"""

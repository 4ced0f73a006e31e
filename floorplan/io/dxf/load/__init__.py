"""Stage 1, load: open the DXF file (recover mode for damaged files), its text encoding, and the
facts kept in its custom properties.

- :mod:`.document` opens the file and says what was repaired;
- :mod:`.tags` reads the DXF text into tags in bulk; :mod:`.encoding` decides its code page;
- :mod:`.props` reads the plan facts in DWGPROPS.
"""

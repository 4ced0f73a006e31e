"""``python -m floorplan``: the same command as ``floorplan``, for when the script is not
on the PATH (a virtual environment that is not activated, a Windows shell)."""

from floorplan.cli import main

if __name__ == "__main__":
    main()

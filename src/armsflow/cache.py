"""Where armsflow keeps data it derives from its own and its dependencies' files.

Two things are derived once and then mapped or read in milliseconds: simplemma's dictionaries as
MARISA tries (``armsflow.text.lemma``) and the indexed lexicons (``armsflow.lexicons``). Both live under
one folder, ``$ARMSFLOW_CACHE`` or the platform's user cache folder (``~/.cache/armsflow``); deleting
it is always safe, and where it cannot be written armsflow builds what it needs in memory instead.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def cache_root() -> Path:
    """``$ARMSFLOW_CACHE`` or the user cache folder."""
    root = os.environ.get("ARMSFLOW_CACHE")
    if not root:
        from platformdirs import user_cache_dir

        root = user_cache_dir("armsflow")
    return Path(root)


def write_atomically(path: Path, data: bytes) -> bool:
    """Write ``data`` under a temporary name and rename it into place, so that a concurrent reader never
    sees half a file; False (and nothing written) where the folder cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        return True
    except OSError:
        return False
    finally:
        Path(tmp).unlink(missing_ok=True)

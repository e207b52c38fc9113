"""``python -m armsflow.cli``: the same as the ``armsflow`` command."""

import sys

from armsflow.cli import main

sys.exit(main())

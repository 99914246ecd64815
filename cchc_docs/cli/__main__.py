"""``python -m cchc_docs.cli``: the same as the ``cchc-docs`` command."""

import sys

from cchc_docs.cli.app import main

sys.exit(main())

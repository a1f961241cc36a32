"""`python -m gateway`: the same command line as `baocao`."""

import sys

from gateway.cli import main

sys.exit(main())

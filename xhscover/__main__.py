import sys

from xhscover.cli import main

sys.exit(main())

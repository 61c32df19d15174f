"""Entry point for ``python -m lint``."""

from lint.cli.main import main

raise SystemExit(main())

"""Entry point for ``python -m copydesk``."""

from .cli.main import main

raise SystemExit(main())

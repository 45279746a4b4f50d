"""``python -m actexplorer`` starts the application."""

from actexplorer.app import main

raise SystemExit(main())

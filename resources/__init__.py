"""Icons, translations and other files ActExplorer ships; installed as actexplorer.resources."""

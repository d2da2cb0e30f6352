"""History import and export: readers for other apps' CSV exports (readers.py, pure
Python), the import service (services.py), the exports (export.py) and their pages."""

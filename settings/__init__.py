"""Settings package: base.py (production-safe), dev.py, test.py, production.py."""

"""`make prod-check`: the production topology, started here and checked in Chromium.

Run with `python -m deploy.check`; see deploy/README.md for what it proves.
"""

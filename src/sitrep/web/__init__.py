"""The analyst's web view: a map, a timeline, event pages with their evidence, a JSON API.

Needs: a database written by ``sitrep extract`` and the ``web`` extra (FastAPI, uvicorn,
Jinja2). Adds: nothing; it only reads, through a store opened read-only.

``sitrep.web.app.create_app(store)`` builds the application; ``sitrep.web.app.serve``
runs it. Importing this package loads nothing.
"""

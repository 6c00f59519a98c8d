"""The HTTP API (Flask). ``create_app`` in app.py is the entry point."""

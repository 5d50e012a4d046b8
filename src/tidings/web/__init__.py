"""The web face of tidings: a FastAPI app serving the REST API and the dashboard (`tidings serve`)."""

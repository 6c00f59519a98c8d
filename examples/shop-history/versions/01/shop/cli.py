"""Command line: ``shop serve`` for local development.

Loads .env first, so the secrets named in settings.toml are available locally.
"""

from __future__ import annotations

import click
from dotenv import load_dotenv

from shop.config import load_settings


@click.group()
def main() -> None:
    load_dotenv()


@main.command()
@click.option("--debug", is_flag=True, help="Flask debug mode with the reloader.")
def serve(debug: bool) -> None:
    """Runs the development server over HTTPS (make dev-cert creates the certificate)."""
    from shop.api.app import create_app

    settings = load_settings()
    app = create_app(settings)
    app.run(
        host=settings.server_host,
        port=settings.server_port,
        debug=debug,
        ssl_context=(str(settings.tls_cert), str(settings.tls_key)),
    )


if __name__ == "__main__":
    main()

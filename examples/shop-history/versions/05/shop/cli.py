"""Command line: ``shop serve`` for local development, ``shop report ...`` for finance.

Loads .env first, so the secrets named in settings.toml are available locally.
"""

from __future__ import annotations

import click
from dotenv import load_dotenv

from shop import db
from shop.config import load_settings
from shop.reports.revenue import revenue_by_category, revenue_by_month


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


@main.group()
def report() -> None:
    """Read-only reports, printed as tab-separated values."""


@report.command("revenue")
@click.option("--from", "start", type=click.DateTime(["%Y-%m-%d"]), required=True)
@click.option(
    "--to", "end", type=click.DateTime(["%Y-%m-%d"]), required=True, help="Exclusive end day."
)
@click.option("--by", type=click.Choice(["month", "category"]), default="month")
def revenue(start, end, by: str) -> None:
    """Revenue (price paid) of paid and shipped orders, by month or by month and category."""
    with _connection() as conn:
        if by == "month":
            click.echo("month\torders\tunits\trevenue")
            for row in revenue_by_month(conn, start.date(), end.date()):
                click.echo(f"{row.month:%Y-%m}\t{row.orders}\t{row.units}\t{row.revenue}")
        else:
            click.echo("month\tcategory\tunits\trevenue")
            for row in revenue_by_category(conn, start.date(), end.date()):
                click.echo(f"{row.month:%Y-%m}\t{row.category}\t{row.units}\t{row.revenue}")


def _connection():
    return db.init_pool(load_settings().database).connection()


if __name__ == "__main__":
    main()

"""Application factory: settings, connection pool, JSON encoding, blueprints, error pages."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from flask import Flask, jsonify
from flask.json.provider import DefaultJSONProvider
from werkzeug.exceptions import HTTPException

from shop import db
from shop.api.routes_customers import bp as customers_bp
from shop.api.routes_products import bp as products_bp
from shop.config import Settings, load_settings


class ShopJSONProvider(DefaultJSONProvider):
    """ISO-8601 timestamps and exact decimal strings instead of Flask's HTTP dates and floats."""

    @staticmethod
    def default(o):
        if isinstance(o, (datetime, date)):
            return o.isoformat()
        if isinstance(o, Decimal):
            return str(o)
        return DefaultJSONProvider.default(o)


def create_app(settings: Settings | None = None) -> Flask:
    settings = settings or load_settings()
    app = Flask("shop")
    app.json = ShopJSONProvider(app)
    app.config["SECRET_KEY"] = settings.session_signing_key
    app.extensions["shop.settings"] = settings
    db.init_pool(settings.database)

    app.register_blueprint(customers_bp)
    app.register_blueprint(products_bp)

    @app.get("/healthz")
    def healthz():
        with db.connection() as conn:
            conn.execute("SELECT 1")
        return {"status": "ok"}

    @app.errorhandler(HTTPException)
    def http_error(e: HTTPException):
        return jsonify(error=e.name, message=e.description), e.code

    return app

"""Settings: non-secret values from config/settings.toml, secrets from environment variables.

settings.toml names the environment variable that holds each secret (the ``*_env`` keys), so
the file can be committed while the values live in ``.env`` (git-ignored) or in the
deployment's environment.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from psycopg.conninfo import make_conninfo

DEFAULT_SETTINGS_PATH = Path(__file__).resolve().parent.parent / "config" / "settings.toml"


class ConfigError(RuntimeError):
    """A setting is missing or invalid; the message names it."""


@dataclass(frozen=True)
class DatabaseSettings:
    host: str
    port: int
    name: str
    user: str
    password: str
    pool_min_size: int
    pool_max_size: int

    def conninfo(self) -> str:
        return make_conninfo(
            host=self.host, port=self.port, dbname=self.name, user=self.user, password=self.password
        )


@dataclass(frozen=True)
class Settings:
    database: DatabaseSettings
    server_host: str
    server_port: int
    tls_cert: Path
    tls_key: Path
    session_signing_key: str
    payment_provider_url: str
    payment_webhook_secret: str
    payment_webhook_tolerance_seconds: int


def load_settings(path: Path | None = None) -> Settings:
    """Reads settings.toml (SHOP_SETTINGS overrides the path) and the secrets it names."""
    path = Path(os.environ.get("SHOP_SETTINGS") or path or DEFAULT_SETTINGS_PATH)
    try:
        with path.open("rb") as f:
            raw = tomllib.load(f)
    except FileNotFoundError as e:
        raise ConfigError(f"settings file not found: {path}") from e

    db, server, payments = (_section(raw, name) for name in ("database", "server", "payments"))
    root = path.resolve().parent.parent
    return Settings(
        database=DatabaseSettings(
            host=os.environ.get("SHOP_DATABASE_HOST", db["host"]),
            port=int(os.environ.get("SHOP_DATABASE_PORT", db["port"])),
            name=os.environ.get("SHOP_DATABASE_NAME", db["name"]),
            user=db["user"],
            password=_secret(db, "password_env"),
            pool_min_size=int(db.get("pool_min_size", 1)),
            pool_max_size=int(db.get("pool_max_size", 10)),
        ),
        server_host=server["host"],
        server_port=int(server["port"]),
        tls_cert=root / server["tls_cert"],
        tls_key=root / server["tls_key"],
        session_signing_key=_secret(server, "session_signing_key_env"),
        payment_provider_url=payments["provider_url"],
        payment_webhook_secret=_secret(payments, "webhook_secret_env"),
        payment_webhook_tolerance_seconds=int(payments.get("webhook_tolerance_seconds", 300)),
    )


def _section(raw: dict, name: str) -> dict:
    if name not in raw:
        raise ConfigError(f"settings.toml has no [{name}] section")
    return raw[name]


def _secret(section: dict, key: str) -> str:
    env_name = section.get(key)
    if not env_name:
        raise ConfigError(f"settings.toml: missing {key}")
    value = os.environ.get(env_name)
    if not value:
        raise ConfigError(f"environment variable {env_name} is not set (copy .env.example to .env)")
    return value

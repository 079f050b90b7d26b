"""Create the integration test database on PostgreSQL if it does not exist yet (used by make)."""

import sys
from urllib.parse import urlparse

import psycopg


def ensure_database(url):
    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin_url = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    ensure_database(sys.argv[1])

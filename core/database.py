"""What the database needs after a bulk load."""

from django.db import connection


def refresh_planner_statistics():
    """Let SQLite's query planner see what a bulk load wrote. PostgreSQL's autovacuum
    analyses tables by itself; SQLite never does, and without statistics it sorts all
    of a language's cases to find the home page's six latest (23 ms at 10,000 cases)
    instead of walking the publication-date index (2 ms)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

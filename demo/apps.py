from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Development only: demo content, the factories the tests share, and the judged
    relevance sets. Development and test settings install it; production's do not, and
    no product app imports it (tests/test_production_without_demo.py)."""

    name = "demo"
    verbose_name = "Demo content (development only)"

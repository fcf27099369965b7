import os

from django.core.asgi import get_asgi_application

# A server started without DJANGO_SETTINGS_MODULE must never run with debug on.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usesite.settings.production")

application = get_asgi_application()

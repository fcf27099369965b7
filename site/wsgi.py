import os

from django.core.wsgi import get_wsgi_application

# A server started without DJANGO_SETTINGS_MODULE must never run with debug on.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usesite.settings.production")

application = get_wsgi_application()

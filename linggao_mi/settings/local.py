"""A developer's machine: `make run`. Embedded SQLite and file-system Celery broker unless configured."""

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY

# DEBUG stays as base reads it (off unless DJANGO_DEBUG=1): a newcomer's `make run` must show the portal's own
# Chinese error pages, never Django's technical page with every URL and setting.
SECRET_KEY = SECRET_KEY or "local-development-only-not-secret"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEMO_ACCOUNTS_ALLOWED = True
# Serve static files straight from the source folders (no collectstatic step before running); WhiteNoise serves
# them with DEBUG off too.
WHITENOISE_USE_FINDERS = True

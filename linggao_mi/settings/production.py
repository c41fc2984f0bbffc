"""Production: every secret comes from the environment; the process refuses to start without one.

HTTPS is the rule: HSTS and the redirect to HTTPS are on. Behind a TLS-terminating proxy that already redirects
DJANGO_SECURE_SSL_REDIRECT=0 turns the redirect off; DJANGO_HSTS_SECONDS=0
turns HSTS off (a site that browsers have once seen with HSTS stays HTTPS-only for them until it expires).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import BASE_DIR, DEBUG, SECRET_KEY

if not SECRET_KEY:
    raise ImproperlyConfigured("生产环境必须设置 DJANGO_SECRET_KEY。")
if DEBUG:
    raise ImproperlyConfigured("生产环境不得开启 DEBUG（DJANGO_DEBUG 须为空）。")

DEMO_ACCOUNTS_ALLOWED = False
STATIC_ROOT = BASE_DIR / "staticfiles"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "1") != "0"
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("DJANGO_HSTS_INCLUDE_SUBDOMAINS", "1") != "0"
SECURE_HSTS_PRELOAD = os.environ.get("DJANGO_HSTS_PRELOAD", "1") != "0"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

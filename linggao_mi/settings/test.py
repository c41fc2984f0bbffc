from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks queued by the code under test (the e-mail after a commit) run in the test's process, so tests read
# mail.outbox; tests of a real worker turn this off (the `broker` fixture, linggao_mi/deadlines/tests/test_celery.py).
CELERY_TASK_ALWAYS_EAGER = True
DEMO_ACCOUNTS_ALLOWED = True
AXES_ENABLED = True
# Serve static files straight from the source folders (no collectstatic step before running).
WHITENOISE_USE_FINDERS = True
INSTALLED_APPS += ["tests.caseapp"]  # noqa: F405  (a concrete Case for the shared machinery's tests)

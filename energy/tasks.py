"""The energy app's Celery tasks, where the worker's autodiscovery looks for them."""

from .fixed_asset.tasks import detect_not_started

__all__ = ["detect_not_started"]

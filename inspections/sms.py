"""Text messages to the public, through a pluggable backend (settings.SMS_BACKEND).

The default `RecordingBackend` sends nothing: it records the outgoing message (inspections.OutgoingMessage), which
the bureau's SMS gateway or a clerk picks up. A deployment with a gateway sets SMS_BACKEND to a class with the same
`send(*, complaint, to, body)` method; every message is recorded whichever backend sends it.
"""

from django.conf import settings
from django.utils.module_loading import import_string

from .models import OutgoingMessage


class RecordingBackend:
    def send(self, *, complaint, to: str, body: str) -> None:
        """Nothing leaves the portal: the record is the message."""


def sms_send(*, complaint, to: str, body: str) -> OutgoingMessage:
    backend = import_string(settings.SMS_BACKEND)()
    backend.send(complaint=complaint, to=to, body=body)
    return OutgoingMessage.objects.create(
        complaint=complaint, channel="sms", to=to, body=body, backend=settings.SMS_BACKEND
    )

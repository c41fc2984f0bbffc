"""Printable forms of the energy regime (not numbered documents): the 现场监察笔录 of 三（四）5(3)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from linggao_mi.deadlines.periods import cn_date
from linggao_mi.documents.pdf import html_to_pdf
from linggao_mi.org.models import Certificate

from .choices import FindingResult, Measure, SignerCapacity
from .models import InspectionCase

SITE_RECORD_TEMPLATE = "energy/pdf/site_record.html"


def _clock(moment) -> str:
    return f"{moment.hour}时{moment.minute:02d}分"


def _planned_inspectors(case: InspectionCase) -> list[dict]:
    """The case's inspectors with the certificate each may show on the planned day (blank if none is valid then)."""
    day = case.planned_date
    inspectors = []
    for user in case.inspectors.order_by("pk"):
        certificate = Certificate.objects.valid_on(day).filter(holder=user).order_by("-valid_to").first()
        inspectors.append(
            {"name": user.get_full_name() or user.username, "certificate": certificate.number if certificate else ""}
        )
    return inspectors


def site_record_context(case: InspectionCase) -> dict:
    """Before the record is filed, the form the inspectors take on site: what the case already says, with tick
    boxes and blank lines for the rest. After, the same form filled from the record, as it was signed."""
    record = getattr(case, "site_record", None)
    findings = list(case.findings.all())
    context = {
        "issuer": settings.BUREAU_NAME,
        "case": case,
        "unit": case.unit,
        "record": record,
        "results": [(value, label) for value, label in FindingResult.choices if value != FindingResult.UNCHECKED],
        "capacities": SignerCapacity.choices,
    }
    if record is None:
        context.update(
            day=cn_date(case.planned_date),
            inspectors=_planned_inspectors(case),
            measures=[(value, label, False) for value, label in Measure.choices],
            findings=[{"item": f.get_item_display(), "result": "", "facts": ""} for f in findings],
        )
    else:
        ticked = set(record.measures)
        started, ended = timezone.localtime(record.started_at), timezone.localtime(record.ended_at)
        context.update(
            day=cn_date(started),
            started=_clock(started),
            ended=_clock(ended) if ended.date() == started.date() else cn_date(ended) + _clock(ended),
            inspectors=record.inspectors,
            measures=[(value, label, value in ticked) for value, label in Measure.choices],
            findings=[{"item": f.get_item_display(), "result": f.result, "facts": f.facts} for f in findings],
            filed_by=record.filed_by.get_full_name() or record.filed_by.username,
        )
    return context


def site_record_pdf(case: InspectionCase) -> bytes:
    """The 现场监察笔录 of `case` as a PDF: blank for signing on site before it is filed, filled in after."""
    return html_to_pdf(render_to_string(SITE_RECORD_TEMPLATE, site_record_context(case)))

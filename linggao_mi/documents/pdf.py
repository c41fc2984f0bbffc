"""Rendering an official document to PDF with WeasyPrint (GB/T 9704 layout from documents/pdf/base.html)."""

import datetime
import functools

from django.conf import settings
from django.template.loader import get_template, render_to_string
from django.utils import timezone

from .choices import ServiceMethod
from .content import content_labelled, document_content

GENERIC_TEMPLATE = "documents/pdf/generic.html"
RECEIPT_TEMPLATE = "documents/pdf/receipt.html"


def document_pdf_context(*, document, case, draft: bool, issued_on: datetime.date | None = None) -> dict:
    content = document_content(document)
    return {
        "document": document,
        "content": content,
        "labelled": content_labelled(document, content),
        "case": case,
        "issuer": settings.BUREAU_NAME,
        "seal_text": settings.BUREAU_SEAL_TEXT,
        "number": document.number,
        "issued_on": issued_on or document.issued_on or timezone.localdate(),
        "draft": draft,
    }


def render_document_html(*, document, case, draft: bool, issued_on: datetime.date | None = None) -> str:
    """The document as the HTML its PDF is made from (also the page's preview)."""
    template = get_template(document.kind.template_name or GENERIC_TEMPLATE)
    return template.render(
        document_pdf_context(document=document, case=case, draft=draft, issued_on=issued_on)
    )


def render_document_pdf(*, document, case, draft: bool, issued_on: datetime.date | None = None) -> bytes:
    """The PDF bytes of `document` from its kind's template; `draft` adds the 草稿 watermark."""
    return html_to_pdf(render_document_html(document=document, case=case, draft=draft, issued_on=issued_on))


def render_receipt_pdf(*, document) -> bytes:
    """The 送达回证 of an issued document: a form to print, filled in with what the document already knows
    (and, once the service is recorded, with how it was served); the rest is written by hand on the spot."""
    content = document_content(document)
    context = {
        "document": document,
        "issuer": settings.BUREAU_NAME,
        "recipient": document.served_recipient
        or content.get("addressee")
        or content.get("unit_name", ""),
        "address": content.get("address", ""),
        "methods": ServiceMethod.choices,
    }
    return html_to_pdf(render_to_string(RECEIPT_TEMPLATE, context))


@functools.cache
def _weasyprint():
    """WeasyPrint's HTML class and one font configuration, made once per process (web worker, Celery worker).

    Imported on first use: WeasyPrint loads Pango at import time, which only PDF work needs; the font
    configuration (Pango's font map over fontconfig's CJK fonts) is then reused by every later render.
    """
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    return HTML, FontConfiguration()


def html_to_pdf(html: str) -> bytes:
    """PDF bytes of an HTML page laid out for print (documents, and forms such as a 笔录 or a 送达回证).

    Past the first render, about half the time is WeasyPrint subsetting each CJK face used (regular and bold), once
    a document: it keeps the glyph ids of Noto CJK's 65,535-glyph collections, so each subset is ~0.8 MB, and
    compresses them. Parsing the <style> takes a few ms of the rest (layout, drawing), so it is not cached apart.
    """
    html_class, font_config = _weasyprint()
    return html_class(string=html, base_url=".").write_pdf(font_config=font_config)

"""For the migrations that added Case.next_deadline and next_due: fill them in for the cases that exist."""

from django.db.models import OuterRef, Subquery

RUNNING = ("open", "overdue")  # DeadlineState's running values, as the migration's historical models store them


def next_deadlines_backfill(*labels: str):
    """A RunPython operation's function: for each case model ("energy.InspectionCase"), every case's running
    deadline due first (as deadlines.services.next_deadlines_refresh keeps it from then on)."""

    def run(apps, schema_editor):
        content_types = apps.get_model("contenttypes", "ContentType")
        deadlines = apps.get_model("deadlines", "Deadline")
        for label in labels:
            app_label, name = label.split(".")
            content_type = content_types.objects.filter(app_label=app_label, model=name.lower()).first()
            if content_type is None:  # a new database: no case and no deadline yet
                continue
            first = deadlines.objects.filter(
                content_type=content_type, object_id=OuterRef("pk"), state__in=RUNNING
            ).order_by("due", "pk")[:1]
            apps.get_model(app_label, name).objects.update(
                next_deadline=Subquery(first.values("pk")), next_due=Subquery(first.values("due"))
            )

    return run

"""What every regime's API shares (DESIGN.md §5a): the router, serializers whose fields are the models', dates the
calendar can count, refusals by a rule as 400 with the rule's code and clause, a case's deadlines in one shape, and the
list of document kinds.

A regime's api.py:

    router = api_router()
    router.register("energy/cases", CaseViewSet, basename="energy-case")

    class CaseSerializer(ModelSerializer):          # this module's: lengths, ranges and choices from the model
        deadlines = CaseDeadlinesField()            # Meta.fields lists "deadlines"

    class StepBodySerializer(serializers.Serializer):
        received_on = CalendarDateField()           # every date a user types
        summary = serializers.CharField(max_length=4000)  # the column's length; a cap on a text column

    class CaseViewSet(viewsets.ReadOnlyModelViewSet):
        def get_queryset(self):
            return with_deadlines(cases_list(self.request.user))

Refusals need nothing in the viewset: REST_FRAMEWORK["EXCEPTION_HANDLER"] is `exception_handler`, and the schema's
error answers are added by casework.schema.AutoSchema.
"""

from django.apps import apps
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter
from rest_framework.views import exception_handler as drf_exception_handler

from linggao_mi.deadlines.models import Deadline, DeadlineState
from linggao_mi.deadlines.periods import PeriodError, validate_in_calendar
from linggao_mi.documents.kinds import KINDS
from linggao_mi.documents.models import DocumentKind

from .rules import RuleViolation


def api_router() -> SimpleRouter:
    """A router whose paths answer with and without the trailing slash, with no redirect (a redirected POST
    loses its body). The schema lists each path once, with the slash."""
    router = SimpleRouter()
    # DRF's constructor only takes a boolean; the regex is what its route templates put at the end.
    router.trailing_slash = "/?"
    return router


# ---------------------------------------------------------------- dates the calendar can count

class CalendarDateField(serializers.DateField):
    """A date the working-day calendar can count from (1900-01-01 to 2199-12-31): any other answers 400 here, not
    later in a step that computes a period from it."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(validate_in_calendar)


class CalendarDateTimeField(serializers.DateTimeField):
    """A moment on a date the calendar can count from (so a year at the edge of what Python holds is refused, not
    overflowed when it is moved to another time zone)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(validate_in_calendar)


# ---------------------------------------------------------------- serializers from the models


class OptionalChoiceField(serializers.ChoiceField):
    """A choice the model stores as "" until it is made (CharField(choices=..., blank=True)): null in the API, both
    ways, so that a string in the answer is always one of the enum's values."""

    def __init__(self, **kwargs):
        kwargs.pop("allow_blank", None)
        kwargs["allow_null"] = True
        super().__init__(**kwargs)

    def validate_empty_values(self, data):
        if data in (None, ""):
            return True, ""
        return super().validate_empty_values(data)

    def to_representation(self, value):
        return None if value in (None, "") else super().to_representation(value)


class ModelSerializer(serializers.ModelSerializer):
    """The API's ModelSerializer: each field's length, range and choices are the model field's, and a blank choice is
    null (OptionalChoiceField)."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DateField: CalendarDateField,
        models.DateTimeField: CalendarDateTimeField,
    }

    def build_standard_field(self, field_name, model_field):
        field_class, field_kwargs = super().build_standard_field(field_name, model_field)
        if model_field.choices and model_field.blank and not model_field.null and issubclass(
            field_class, serializers.ChoiceField
        ):
            field_class = OptionalChoiceField
        return field_class, field_kwargs


# ---------------------------------------------------------------- refusals


def exception_handler(exc, context):
    """Every API view's refusals (REST_FRAMEWORK["EXCEPTION_HANDLER"]): a RuleViolation answers 400 {"detail":
    message, "rule": code, "clause": clause, "explanation": detail (when there is one)}; a model validation error or
    a period the engine cannot count (PeriodError) 400 {"detail": the first message, "errors": {field: [messages]}};
    the rest as DRF answers them."""
    if isinstance(exc, RuleViolation):
        body = {"detail": exc.rule.message, "rule": exc.rule.code, "clause": exc.rule.clause}
        if exc.detail:
            body["explanation"] = exc.detail
        return Response(body, status=400)
    if isinstance(exc, PeriodError):
        return Response({"detail": str(exc), "errors": {"non_field_errors": [str(exc)]}}, status=400)
    if isinstance(exc, DjangoValidationError):
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        return Response({"detail": next(iter(errors.values()))[0], "errors": errors}, status=400)
    return drf_exception_handler(exc, context)


# ---------------------------------------------------------------- a case's deadlines


class CaseDeadlineSerializer(ModelSerializer):
    rule = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="期限规则代码")
    met_on = serializers.SerializerMethodField(help_text="按期办结之日；尚未办结或已免除的为空")

    class Meta:
        model = Deadline
        fields = ["rule", "due", "provisional", "met_on"]
        read_only_fields = fields

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_met_on(self, deadline: Deadline) -> str | None:
        return deadline.closed_on.isoformat() if deadline.state == DeadlineState.MET else None


class CaseDeadlinesField(serializers.ListSerializer):
    """`deadlines = CaseDeadlinesField()` on a case serializer: every deadline of the case, earliest due first.
    Without `with_deadlines` on the queryset it costs one query per case."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "本案的期限")
        super().__init__(child=CaseDeadlineSerializer(), read_only=True, **kwargs)


# The fields every regime's case serializer shows alike: its 案号, its state in words and its deadlines (the regime's
# Meta lists them in its own order, with its workflow's `next_steps = NextStepsField(WORKFLOW)`). A comment, not a
# docstring: drf-spectacular would publish a docstring as each case schema's description.
class CaseSerializerBase(ModelSerializer):
    reference = serializers.CharField(read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    deadlines = CaseDeadlinesField()


def with_deadlines(queryset: QuerySet) -> QuerySet:
    """Cases with their deadlines and the deadlines' rules fetched in one query for the whole list."""
    return queryset.prefetch_related(Prefetch("deadlines", queryset=Deadline.objects.select_related("rule")))


# ---------------------------------------------------------------- document kinds


class DocumentKindSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(help_text="文书名称（管理员可修改）")
    regime = serializers.CharField(help_text="所属监管业务的应用代码，如 energy")
    regime_name = serializers.CharField(help_text="所属监管业务，如 节能监察")


class DocumentKindViewSet(viewsets.ViewSet):
    """各项监管业务的文书种类。"""

    serializer_class = DocumentKindSerializer

    @extend_schema(summary="文书种类列表", tags=["文书"])
    def list(self, request):
        names = dict(DocumentKind.objects.filter(code__in=KINDS).values_list("code", "name"))
        kinds = [
            {
                "code": spec.code,
                "name": names.get(spec.code, spec.name),
                "regime": spec.regime,
                "regime_name": apps.get_app_config(spec.regime).verbose_name,
            }
            for spec in sorted(KINDS.values(), key=lambda spec: spec.code)
        ]
        return Response(DocumentKindSerializer(kinds, many=True).data)


router = api_router()
router.register("document-kinds", DocumentKindViewSet, basename="document-kind")
urlpatterns = router.urls

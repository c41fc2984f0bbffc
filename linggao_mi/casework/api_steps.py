"""A regime's API transition endpoints, made from its workflow table: one `POST .../{id}/<step-name>` per step.

    ENDPOINTS = {"notice_draft": StepEndpoint(NoticeDraftSerializer, services.notice_draft), ...}

    @step_actions(WORKFLOW, ENDPOINTS, tag="节能监察")
    class CaseViewSet(viewsets.ReadOnlyModelViewSet): ...

Each endpoint reads the case through the viewset's queryset (outside the user's scope → 404), refuses a user
without the step's permission (403), validates the body with the step's serializer and calls the step's service
with the actor and the case; it answers the case as the viewset serializes it. Every step of the table that a user
can take by a request must have an endpoint: `missing_endpoints` tells the tests which have none.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from linggao_mi.documents.choices import ServiceMethod
from linggao_mi.documents.services import document_serve

from .api import CalendarDateField
from .workflow import Workflow


@dataclass(frozen=True)
class StepEndpoint:
    serializer: type[serializers.Serializer]
    service: Callable


class ServeSerializer(serializers.Serializer):
    """The body of a step taken by serving the case's document (送达)."""

    method = serializers.ChoiceField(choices=ServiceMethod.choices)
    served_on = CalendarDateField()
    recipient = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    refused = serializers.BooleanField(required=False, default=False)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


def serve_step(workflow: Workflow, name: str) -> Callable:
    """The service of a step taken by serving the case's document (Step.document): the documents' serve, whose
    kind's on_served hook takes the step. The step's guards are checked first, so a refusal names what is missing
    (no document yet, not issued)."""
    step = workflow[name]

    def serve(*, actor, case, **data):
        step.check(case)
        document_serve(actor=actor, document=getattr(case, step.document), **data)

    return serve


def _endpoint(workflow: Workflow, name: str, endpoint: StepEndpoint, tag: str, answer):
    step = workflow[name]

    def take(self, request, pk=None):
        case = self.get_object()  # 404 outside the user's scope
        if not workflow.may(request.user, case, step):
            raise PermissionDenied
        data = endpoint.serializer(data=request.data, context={"case": case, "request": request})
        data.is_valid(raise_exception=True)
        endpoint.service(actor=request.user, case=case, **data.validated_data)
        fresh = self.get_queryset().get(pk=case.pk)
        return Response(self.get_serializer(fresh).data)

    take.__name__ = name
    take.__doc__ = step.help or step.label
    take = action(
        detail=True, methods=["post"], url_path=name.replace("_", "-"),
        parser_classes=[JSONParser, MultiPartParser, FormParser],
    )(take)
    return extend_schema(
        summary=step.label, tags=[tag], request=endpoint.serializer,
        responses={200: answer},
    )(take)


def step_actions(workflow: Workflow, endpoints: dict[str, StepEndpoint], *, tag: str):
    """Class decorator: add one transition endpoint per entry of `endpoints` (step name → body and service)."""

    def decorate(viewset):
        for name, endpoint in endpoints.items():
            setattr(viewset, name, _endpoint(workflow, name, endpoint, tag, viewset.serializer_class))
        return viewset

    return decorate


def missing_endpoints(workflow: Workflow, endpoints: dict[str, StepEndpoint]) -> list[str]:
    """Steps of the table taken on an existing case that have no endpoint (the creating step is the list's POST)."""
    return [step.name for step in workflow if step.sources and step.name not in endpoints]


class NextStepSerializer(serializers.Serializer):
    step = serializers.CharField(help_text="步骤名（即办理接口路径中的名称）")
    label = serializers.CharField()
    blocked = serializers.CharField(allow_null=True, help_text="不能办理的原因（规则及其依据），可办理时为空")


@extend_schema_field(NextStepSerializer(many=True))
class NextStepsField(serializers.Field):
    """`next_steps = NextStepsField(WORKFLOW)`: the steps the requesting user may take now, each with what blocks it."""

    def __init__(self, workflow: Workflow, **kwargs):
        self.workflow = workflow
        kwargs.update(read_only=True, source="*", help_text="当前用户现在可办理的步骤；blocked 为不能办理的原因")
        super().__init__(**kwargs)

    def to_representation(self, case):
        request = self.context.get("request")
        if request is None:
            return []
        return [
            {"step": n.step.name, "label": n.step.label, "blocked": str(n.blocker) if n.blocker else None}
            for n in self.workflow.next_steps(request.user, case)
        ]

"""The OpenAPI schema's view of the answers every API view can give besides its own (DEFAULT_SCHEMA_CLASS).

A view documents its success; this adds, from what the view is, the refusals DRF and the kit give it:
400 when it reads a body or filters a list (field errors, or a rule's refusal with its code and clause), 401 when it
authenticates (a wrong or revoked token), 403 when a permission guards it, 404 for an object outside the user's
scope or a page past the last. An answer a view declares without a body gets the body it really has.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework.permissions import AllowAny

BAD_REQUEST = {
    "type": "object",
    "description": (
        "输入有误：各字段的错误以字段名为键、错误说明列表为值；规则不允许时为 detail（规则的中文说明）、"
        "rule（规则代码）、clause（依据条款）及 explanation（补充说明）"
    ),
    "properties": {
        "detail": {"type": "string", "description": "错误的中文说明"},
        "rule": {"type": "string", "description": "规则代码"},
        "clause": {"type": "string", "description": "依据条款，如 三（四）5(2)"},
        "explanation": {"type": "string", "description": "本次情况的补充说明"},
        "errors": {
            "type": "object",
            "description": "各字段的错误",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "additionalProperties": True,
}
ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string", "description": "错误的中文说明"}},
    "required": ["detail"],
}
DESCRIPTIONS = {
    "400": _("输入有误或规则不允许"),
    "401": _("未登录或令牌无效"),
    "403": _("无权办理"),
    "404": _("不存在或不在本人可见范围内"),
}


class AutoSchema(SpectacularAutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code in self._error_codes():
            if "content" in responses.get(code, {}):
                continue  # the view's own description of this answer
            body = self._component("BadRequest" if code == "400" else "Error", BAD_REQUEST if code == "400" else ERROR)
            responses[code] = {
                "description": DESCRIPTIONS[code],
                "content": {"application/json": {"schema": body}},
            }
        return dict(sorted(responses.items()))

    def _error_codes(self) -> list[str]:
        codes = []
        reads_body = self.method in ("POST", "PUT", "PATCH")
        is_list = self._is_list_view() and self.method == "GET"
        if reads_body or (is_list and self._get_filter_parameters()):
            codes.append("400")
        if self.view.authentication_classes:
            codes.append("401")
        if not all(isinstance(permission, AllowAny) for permission in self.view.get_permissions()):
            codes.append("403")
        if "{" in self.path or (is_list and self._get_paginator()):
            codes.append("404")
        return codes

    def _component(self, name: str, schema: dict) -> dict:
        component = ResolvedComponent(name=name, type=ResolvedComponent.SCHEMA, schema=schema, object=name)
        self.registry.register_on_missing(component)
        return component.ref

from django.shortcuts import render

from linggao_mi import search
from linggao_mi.registers import AddPage, RegisterEntity

from . import selectors, services
from .forms import (
    AssignmentCreateForm,
    AssignmentForm,
    BoundaryCaseCreateForm,
    BoundaryCaseForm,
    BoundaryMatterForm,
    LegalBasisCreateForm,
    LegalBasisForm,
    LookupForm,
)


def register_list(request):
    """二、职责边界表 with the “这件事归谁管？” lookup (across the public registers), public; ?q= works with and
    without htmx."""
    form = LookupForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    result = search.public_search(query) if "q" in request.GET else None
    context = {"query": query, "result": result}
    if request.htmx and request.htmx.target == "search-results":
        return render(request, "_search_results.html", context)
    context["matters"] = selectors.matter_list()
    return render(request, "boundaries/matter_list.html", context)


def _in_matter(row) -> str:
    return f"管理事项：{row.matter}"


MATTER = RegisterEntity(
    name="matter",
    path="matters/",
    get=selectors.matter_get,
    form=BoundaryMatterForm,
    update=services.boundary_matter_update,
    edit_title=lambda matter: f"修改管理事项 {matter.number}",
    history_title=lambda matter: f"管理事项“{matter.name}”的修改记录",
)
ASSIGNMENT = RegisterEntity(
    name="assignment",
    path="assignments/",
    get=selectors.assignment_get,
    form=AssignmentForm,
    update=services.assignment_update,
    edit_title=lambda assignment: f"修改职责分工：{assignment.department}",
    subject=_in_matter,
    history_title=lambda assignment: f"职责分工（{assignment.matter} · {assignment.department}）的修改记录",
    add=AddPage(
        parent=MATTER,
        form=AssignmentCreateForm,
        create=services.assignment_create,
        title=lambda matter: f"为“{matter.name}”新增职责分工",
    ),
)
BASIS = RegisterEntity(
    name="basis",
    path="bases/",
    get=selectors.legal_basis_get,
    form=LegalBasisForm,
    update=services.legal_basis_update,
    edit_title=lambda basis: "修改相关依据",
    subject=_in_matter,
    history_title=lambda basis: f"相关依据（{basis.matter}）的修改记录",
    add=AddPage(
        parent=MATTER,
        form=LegalBasisCreateForm,
        create=services.legal_basis_create,
        title=lambda matter: f"为“{matter.name}”新增相关依据",
    ),
)
CASE = RegisterEntity(
    name="case",
    path="cases/",
    get=selectors.case_get,
    form=BoundaryCaseForm,
    update=services.boundary_case_update,
    edit_title=lambda case: "修改案例",
    subject=_in_matter,
    history_title=lambda case: f"案例“{case.title}”的修改记录",
    add=AddPage(
        parent=MATTER,
        form=BoundaryCaseCreateForm,
        create=services.boundary_case_create,
        title=lambda matter: f"为“{matter.name}”新增案例",
    ),
)

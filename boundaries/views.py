from django.shortcuts import render
from django.urls import reverse

from linggao_mi.registers import edit_page, edit_permission_required, history_page

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
    """二、职责边界表 with the “这件事归谁管？” lookup, public; ?q= works with and without htmx."""
    form = LookupForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    result = selectors.boundary_lookup(query=query) if "q" in request.GET else None
    context = {"form": form, "result": result}
    if request.htmx and request.htmx.target == "lookup-results":
        return render(request, "boundaries/_lookup_results.html", context)
    context["matters"] = selectors.matter_list()
    return render(request, "boundaries/matter_list.html", context)


def _list_url(anchor: str) -> str:
    return f"{reverse('boundaries:list')}#{anchor}"


@edit_permission_required("boundaries.change_boundarymatter")
def matter_edit(request, pk: int):
    matter = selectors.matter_get(user=request.user, pk=pk)
    return edit_page(
        request,
        form=BoundaryMatterForm(request.POST or None, instance=matter),
        save=lambda d: services.boundary_matter_update(
            actor=request.user, matter_id=matter.pk, name=d["name"], reason=d["reason"]
        ),
        title=f"修改管理事项 {matter.number}",
        back_url=_list_url(f"matter-{matter.pk}"),
        history_url=reverse("boundaries:matter_history", args=[matter.pk]),
    )


@edit_permission_required("boundaries.view_boundarymatter")
def matter_history(request, pk: int):
    matter = selectors.matter_get(user=request.user, pk=pk)
    return history_page(
        request,
        obj=matter,
        title=f"管理事项“{matter.name}”的修改记录",
        back_url=_list_url(f"matter-{matter.pk}"),
        edit_url=reverse("boundaries:matter_edit", args=[matter.pk]),
    )


@edit_permission_required("boundaries.change_assignment")
def assignment_edit(request, pk: int):
    assignment = selectors.assignment_get(user=request.user, pk=pk)
    return edit_page(
        request,
        form=AssignmentForm(request.POST or None, instance=assignment),
        save=lambda d: services.assignment_update(
            actor=request.user,
            assignment_id=assignment.pk,
            department=d["department"],
            order=d["order"],
            duties=d["duties"],
            reason=d["reason"],
        ),
        title=f"修改职责分工：{assignment.department}",
        subject=f"管理事项：{assignment.matter}",
        back_url=_list_url(f"assignment-{assignment.pk}"),
        history_url=reverse("boundaries:assignment_history", args=[assignment.pk]),
    )


@edit_permission_required("boundaries.view_assignment")
def assignment_history(request, pk: int):
    assignment = selectors.assignment_get(user=request.user, pk=pk)
    return history_page(
        request,
        obj=assignment,
        title=f"职责分工（{assignment.matter} · {assignment.department}）的修改记录",
        back_url=_list_url(f"assignment-{assignment.pk}"),
        edit_url=reverse("boundaries:assignment_edit", args=[assignment.pk]),
    )


@edit_permission_required("boundaries.add_assignment")
def assignment_add(request, matter_pk: int):
    matter = selectors.matter_get(user=request.user, pk=matter_pk)
    return edit_page(
        request,
        form=AssignmentCreateForm(request.POST or None),
        save=lambda d: services.assignment_create(
            actor=request.user,
            matter_id=matter.pk,
            department=d["department"],
            duties=d["duties"],
            reason=d["reason"],
        ),
        title=f"为“{matter.name}”新增职责分工",
        back_url=_list_url(f"matter-{matter.pk}"),
    )


@edit_permission_required("boundaries.change_legalbasis")
def basis_edit(request, pk: int):
    basis = selectors.legal_basis_get(user=request.user, pk=pk)
    return edit_page(
        request,
        form=LegalBasisForm(request.POST or None, instance=basis),
        save=lambda d: services.legal_basis_update(
            actor=request.user, basis_id=basis.pk, order=d["order"], text=d["text"], reason=d["reason"]
        ),
        title="修改相关依据",
        subject=f"管理事项：{basis.matter}",
        back_url=_list_url(f"basis-{basis.pk}"),
        history_url=reverse("boundaries:basis_history", args=[basis.pk]),
    )


@edit_permission_required("boundaries.view_legalbasis")
def basis_history(request, pk: int):
    basis = selectors.legal_basis_get(user=request.user, pk=pk)
    return history_page(
        request,
        obj=basis,
        title=f"相关依据（{basis.matter}）的修改记录",
        back_url=_list_url(f"basis-{basis.pk}"),
        edit_url=reverse("boundaries:basis_edit", args=[basis.pk]),
    )


@edit_permission_required("boundaries.add_legalbasis")
def basis_add(request, matter_pk: int):
    matter = selectors.matter_get(user=request.user, pk=matter_pk)
    return edit_page(
        request,
        form=LegalBasisCreateForm(request.POST or None),
        save=lambda d: services.legal_basis_create(
            actor=request.user, matter_id=matter.pk, text=d["text"], reason=d["reason"]
        ),
        title=f"为“{matter.name}”新增相关依据",
        back_url=_list_url(f"matter-{matter.pk}"),
    )


@edit_permission_required("boundaries.change_boundarycase")
def case_edit(request, pk: int):
    case = selectors.case_get(user=request.user, pk=pk)
    return edit_page(
        request,
        form=BoundaryCaseForm(request.POST or None, instance=case),
        save=lambda d: services.boundary_case_update(
            actor=request.user,
            case_id=case.pk,
            order=d["order"],
            title=d["title"],
            text=d["text"],
            departments=d["departments"],
            reason=d["reason"],
        ),
        title="修改案例",
        subject=f"管理事项：{case.matter}",
        back_url=_list_url(f"case-{case.pk}"),
        history_url=reverse("boundaries:case_history", args=[case.pk]),
    )


@edit_permission_required("boundaries.view_boundarycase")
def case_history(request, pk: int):
    case = selectors.case_get(user=request.user, pk=pk)
    return history_page(
        request,
        obj=case,
        title=f"案例“{case.title}”的修改记录",
        back_url=_list_url(f"case-{case.pk}"),
        edit_url=reverse("boundaries:case_edit", args=[case.pk]),
    )


@edit_permission_required("boundaries.add_boundarycase")
def case_add(request, matter_pk: int):
    matter = selectors.matter_get(user=request.user, pk=matter_pk)
    return edit_page(
        request,
        form=BoundaryCaseCreateForm(request.POST or None),
        save=lambda d: services.boundary_case_create(
            actor=request.user,
            matter_id=matter.pk,
            title=d["title"],
            text=d["text"],
            departments=d["departments"],
            reason=d["reason"],
        ),
        title=f"为“{matter.name}”新增案例",
        back_url=_list_url(f"matter-{matter.pk}"),
    )

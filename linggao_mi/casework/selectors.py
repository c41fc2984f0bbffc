from django.contrib.auth.models import User
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Concat
from django.shortcuts import get_object_or_404

from linggao_mi.org.models import Section
from linggao_mi.org.services import SECTION_GROUP_PREFIX

from .models import Case, CaseEvent, of_case


def case_perm(model, action: str) -> str:
    """The permission `action` ("view", "change", …) on a case model or case, e.g. "energy.change_inspectioncase"."""
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def user_may(user: User, case: Case | type[Case], action: str) -> bool:
    """Whether `user` holds permission `action` ("add", "change", "decide", …) on `case`: globally or on this case
    (given a case model, globally: "add" opens a case of that model).

    A superuser is an administrator, not a case handler: on cases they only read (Django's has_perm would
    grant a superuser everything, so they are refused before it is asked).
    """
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser and action != "view":
        return False
    perm = case_perm(case, action)
    return user.has_perm(perm) or (not isinstance(case, type) and user.has_perm(perm, case))


def user_may_change_case(user: User, case: Case) -> bool:
    """Handling a case (its inspectors, its section's chief): documents, evidence and the handler's steps."""
    return user_may(user, case, "change")


def user_may_see_case(user: User, case: Case) -> bool:
    return user.is_authenticated and cases_visible(user, type(case)._default_manager.filter(pk=case.pk)).exists()


def sees_every_case(user: User, model) -> bool:
    """A superuser, or a global view permission on the regime's cases (leaders, admins): no case is out of scope."""
    return user.is_superuser or user.has_perm(case_perm(model, "view"))


def cases_visible(user: User, queryset: QuerySet) -> QuerySet:
    """The cases of `queryset` that `user` may see, as one indexed filter on the case row itself.

    Exactly what guardian's get_objects_for_user(user, "view_<case>", accept_global_perms=True) answers over
    the grants `services.case_grant_access` makes, without reading the object-permission tables (a list
    would hash every case's group grant on each request): a superuser or a global view permission (leaders,
    admins) sees all; anyone else sees the cases of the sections whose group they belong to (the section's
    view grant) and the cases they are an inspector of (their own view grant, revoked when they leave).
    """
    model = queryset.model
    if sees_every_case(user, model):
        return queryset
    if not user.is_authenticated:
        return queryset.none()
    group_name = Concat(Value(SECTION_GROUP_PREFIX), "code", output_field=CharField())
    member_of = Section.objects.alias(group_name=group_name).filter(group_name__in=user.groups.values("name"))
    # A probe of the (case, user) unique index per case read, not a hash of every case the user ever handled.
    inspector_of = model.inspectors.through.objects.filter(
        user_id=user.pk, **{model.inspectors.field.m2m_field_name(): OuterRef("pk")}
    )
    visible = Q(section__in=member_of.values("pk")) | Q(Exists(inspector_of))
    also = model.also_visible_to(user)
    return queryset.filter(visible if also is None else visible | also)


def case_get(user: User, queryset: QuerySet, pk: int) -> Case:
    """One visible case; a case outside the user's scope is a 404, the same as a missing one."""
    return get_object_or_404(cases_visible(user, queryset), pk=pk)


def case_timeline(case: Case) -> QuerySet:
    return CaseEvent.objects.filter(of_case(case)).select_related("actor")

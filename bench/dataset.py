"""The scale benchmark's dataset (bench/scale.py): N energy-inspection cases with everything a real case has,
written server-side with INSERT … SELECT in a few statements (100 000 cases in about two minutes)."""

import datetime

BENCH_SERIAL = 100000  # the bench's cases are numbered after it (the demo's from 1)


def literal(value) -> str:
    """`value` as an SQL literal (lists become arrays), for the generated INSERT … SELECT statements."""
    from django.db import connection

    with connection.cursor() as cursor:
        return cursor.cursor.mogrify("%s", [value]).decode()


def insert_select(model, source: str, exprs: dict[str, str]) -> int:
    """INSERT INTO model's table SELECT exprs FROM source; fields not given take NULL, their default or ''."""
    from django.db import connection
    from django.db.models import CharField, FileField, TextField

    columns, values = [], []
    for field in model._meta.concrete_fields:
        if field.name in exprs or field.attname in exprs:
            expr = exprs.get(field.name, exprs.get(field.attname))
        elif field.primary_key or field.null:
            continue
        elif field.has_default():
            default = field.get_db_prep_value(field.get_default(), connection)
            expr = literal(default)
        elif isinstance(field, CharField | FileField | TextField):
            expr = "''"
        else:
            raise ValueError(f"{model.__name__}.{field.name} needs a value")
        columns.append(connection.ops.quote_name(field.column))
        values.append(str(expr))
    sql = f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) SELECT {', '.join(values)} FROM {source}"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.rowcount


def bench_users():
    """The demo's accounts plus two inspectors and a chief for every other section."""
    from django.contrib.auth.models import User

    from linggao_mi.org.choices import Role
    from linggao_mi.org.models import Section
    from linggao_mi.org.services import staff_set_role

    sections = [Section.objects.get(code="industry")] + list(Section.objects.exclude(code="industry").order_by("pk"))
    inspectors = {sections[0].pk: [User.objects.get(username="inspector1"), User.objects.get(username="inspector2")]}
    for n, section in enumerate(sections[1:], start=1):
        people = []
        for k in (1, 2):
            user = User.objects.create_user(f"bench_{section.code}_{k}", first_name=f"执法{n}{k}")
            staff_set_role(user=user, role=Role.INSPECTOR, section=section)
            people.append(user)
        inspectors[section.pk] = people
        if section.chief_id is None:
            chief = User.objects.create_user(f"bench_{section.code}_chief", first_name=f"股长{n}")
            staff_set_role(user=chief, role=Role.CHIEF, section=section)
            section.chief = chief
            section.save(update_fields=["chief"])
    return sections, inspectors


def build(n: int, today: datetime.date) -> None:
    from django.contrib.auth.models import Permission, User
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from energy import rules
    from energy.choices import CaseState
    from energy.models import (
        EnergyUnit,
        InspectionCase,
        InspectionCaseGroupObjectPermission,
        InspectionCaseUserObjectPermission,
    )
    from linggao_mi.casework.models import CaseEvent
    from linggao_mi.deadlines.models import Deadline, DeadlineRule
    from linggao_mi.deadlines.services import next_deadlines_update
    from linggao_mi.documents.models import DocumentKind, OfficialDocument
    from linggao_mi.org.services import section_group

    sections, inspectors = bench_users()
    creator = User.objects.get(username="inspector1").pk
    units = max(n // 20, 10)
    first_unit = EnergyUnit.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    insert_select(EnergyUnit, f"generate_series(1, {units}) g", {
        "name": "'用能单位' || g", "credit_code": "'91469028' || lpad(g::text, 10, '0')",
        "address": "'临高县' || g || '号'",
        "legal_representative": "'法人' || g", "contact_person": "'联系人' || g", "contact_phone": "'0898-' || g",
        "industry": "(ARRAY['化工','建材','电力','食品'])[1 + g % 4]", "is_key_unit": "g % 7 = 0",
        "annual_energy_use": "(g % 5000)::numeric", "created_by_id": creator, "created_at": "now()",
        "updated_at": "now()",
    })

    # 55 % of the cases in 工业股 (inspector1's section), the rest shared by the other sections, over three years.
    states = [state.value for state in CaseState]
    insert_select(InspectionCase, f"generate_series(1, {n}) g", {
        "state": f"({literal(states)}::text[])[1 + (g * 7) % {len(states)}]",
        "section_id": f"({literal([s.pk for s in sections])}::bigint[])"
                      f"[CASE WHEN g % 20 < 11 THEN 1 ELSE 2 + g % {len(sections) - 1} END]",
        "year": "2024 + g % 3", "serial": f"{BENCH_SERIAL} + g", "created_by_id": creator,
        "created_at": f"timestamptz '2024-01-01' + (g::float / {n}) * interval '1060 days' "
                      "+ (g % 97) * interval '1 minute'",
        "updated_at": "now()",
        "unit_id": f"{first_unit} + 1 + g % {units}",
        "mode": "CASE WHEN g % 3 = 0 THEN 'written' ELSE 'onsite' END",
        "trigger": "(ARRAY['plan','case','report','spot'])[1 + g % 4]",
        "planned_date": f"date '2024-01-10' + (g::float / {n} * 1060)::int",
        "basis": "'《中华人民共和国节约能源法》《节能监察办法》'",
    })
    cases = f"energy_inspectioncase c WHERE c.serial > {BENCH_SERIAL}"

    # Inspectors: one of the section's two on every case, both on every third.
    through = InspectionCase.inspectors.through._meta.db_table
    pairs = ", ".join(f"({sid}, {a.pk}, {b.pk})" for sid, (a, b) in inspectors.items())
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {through} (inspectioncase_id, user_id) "
            f"SELECT c.id, x.user_id FROM energy_inspectioncase c "
            f"JOIN (VALUES {pairs}) p(section_id, a, b) ON p.section_id = c.section_id "
            f"CROSS JOIN LATERAL (VALUES (CASE WHEN c.id % 2 = 0 THEN p.a ELSE p.b END), "
            f"(CASE WHEN c.id % 3 = 0 THEN (CASE WHEN c.id % 2 = 0 THEN p.b ELSE p.a END) END)) x(user_id) "
            f"WHERE c.serial > {BENCH_SERIAL} AND x.user_id IS NOT NULL"
        )

    # The grants case_grant_access makes: inspectors view + change, the section's group view, the chief the rest.
    ct = ContentType.objects.get_for_model(InspectionCase).pk
    perm = dict(Permission.objects.filter(content_type_id=ct).values_list("codename", "pk"))
    for codename in ("view_inspectioncase", "change_inspectioncase"):
        insert_select(InspectionCaseUserObjectPermission, f"{through} t WHERE t.inspectioncase_id IN "
                      f"(SELECT c.id FROM {cases})", {
            "permission_id": perm[codename], "user_id": "t.user_id", "content_object_id": "t.inspectioncase_id",
        })
    for codename in ("change_inspectioncase", "decide_inspectioncase"):
        insert_select(InspectionCaseUserObjectPermission, f"{cases} AND EXISTS (SELECT 1 FROM org_section s "
                      "WHERE s.id = c.section_id AND s.chief_id IS NOT NULL)", {
            "permission_id": perm[codename], "content_object_id": "c.id",
            "user_id": "(SELECT s.chief_id FROM org_section s WHERE s.id = c.section_id)",
        })
    groups = ", ".join(f"({s.pk}, {section_group(s).pk})" for s in sections)
    insert_select(InspectionCaseGroupObjectPermission, f"energy_inspectioncase c JOIN (VALUES {groups}) "
                  f"sg(section_id, group_id) ON sg.section_id = c.section_id WHERE c.serial > {BENCH_SERIAL}", {
        "permission_id": perm["view_inspectioncase"], "group_id": "sg.group_id", "content_object_id": "c.id",
    })

    # Deadlines: one per case and a second on two cases in three; open on open cases, due over the 200 days from
    # yesterday (about 2.5 % in the daily reminder window); met on closed cases.
    rule = DeadlineRule.objects.get(code=rules.RULE_DELIVERY).pk
    closed = f"c.state = ANY({literal(list(InspectionCase.CLOSED_STATES))})"
    spread = f"{literal(today)}::date - 1 + ((c.id * 7 + k) % 200)::int"
    due = f"CASE WHEN {closed} THEN c.planned_date + 15 ELSE {spread} END"
    insert_select(Deadline, f"energy_inspectioncase c CROSS JOIN generate_series(1, 2) k "
                  f"WHERE c.serial > {BENCH_SERIAL} AND (k = 1 OR c.id % 3 <> 0)", {
        "content_type_id": ct, "object_id": "c.id", "rule_id": rule, "start": "c.planned_date", "amount": 15,
        "unit": "'days'", "nominal": due, "due": due, "state": f"CASE WHEN {closed} THEN 'met' ELSE 'open' END",
        "closed_on": f"CASE WHEN {closed} THEN c.planned_date + 15 END", "section_id": "c.section_id",
        "created_at": "c.created_at", "updated_at": "c.created_at",
    })
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {Deadline.responsible.through._meta.db_table} (deadline_id, user_id) "
            f"SELECT d.id, t.user_id FROM deadlines_deadline d JOIN {through} t ON t.inspectioncase_id = d.object_id "
            f"WHERE d.content_type_id = {ct} AND d.object_id IN (SELECT c.id FROM {cases})"
        )
    next_deadlines_update(InspectionCase.objects.filter(serial__gt=BENCH_SERIAL))  # as the deadline services keep it

    # An issued 节能监察通知书 for every case past planning.
    kind = DocumentKind.objects.get(code=rules.KIND_INSPECTION_NOTICE).pk
    insert_select(OfficialDocument, f"{cases} AND c.state <> 'planned'", {
        "kind_id": kind, "content_type_id": ct, "object_id": "c.id", "section_id": "c.section_id",
        "state": "'issued'", "title": "'节能监察通知书'",
        "number": "'临工信节监通〔' || c.year || '〕' || c.serial || '号'",
        "drafted_by_id": creator, "drafted_at": "c.created_at", "issued_at": "c.created_at",
        "issued_on": "c.planned_date",
    })

    # About ten history rows a case: four timeline events, four historical case rows, its deadlines' history.
    four_per_case = f"energy_inspectioncase c CROSS JOIN generate_series(1, 4) k WHERE c.serial > {BENCH_SERIAL}"
    insert_select(CaseEvent, four_per_case, {
        "content_type_id": ct, "object_id": "c.id", "step": "'step' || k", "action": "'办理' || k",
        "actor_id": "c.created_by_id", "from_state": "'planned'", "to_state": "c.state",
        "at": "c.created_at + k * interval '1 day'",
    })
    for model, alias, source in (
        (InspectionCase, "c", four_per_case),
        (Deadline, "c", f"deadlines_deadline c CROSS JOIN generate_series(1, 1) k WHERE c.object_id IN "
                        f"(SELECT id FROM energy_inspectioncase WHERE serial > {BENCH_SERIAL})"),
    ):
        history = model.history.model
        columns = {f.attname: f"{alias}.{f.column}" for f in model._meta.concrete_fields}
        insert_select(history, source, {
            **{f.attname: columns[f.attname] for f in history._meta.concrete_fields if f.attname in columns},
            "history_date": f"{alias}.created_at + k * interval '1 day'",
            "history_type": "CASE WHEN k = 1 THEN '+' ELSE '~' END", "history_change_reason": "NULL",
        })
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")

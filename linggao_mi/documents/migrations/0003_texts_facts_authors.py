"""A document's content splits into the texts its drafter writes (the old `content`) and the facts of its case,
kept from issue on. Documents issued before hold their whole content in `texts`, which is what they keep showing.
Every drafter so far becomes an author of their document."""

from django.conf import settings
from django.db import migrations, models


def drafters_are_authors(apps, schema_editor):
    OfficialDocument = apps.get_model("documents", "OfficialDocument")
    Authors = OfficialDocument.authors.through
    db = schema_editor.connection.alias
    Authors.objects.using(db).bulk_create(
        Authors(officialdocument_id=pk, user_id=drafter)
        for pk, drafter in OfficialDocument.objects.using(db).values_list("pk", "drafted_by_id")
    )


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0002_delete_numberseries'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name='officialdocument', old_name='content', new_name='texts'),
        migrations.AlterField(
            model_name='officialdocument',
            name='texts',
            field=models.JSONField(blank=True, default=dict, verbose_name='正文内容'),
        ),
        migrations.AddField(
            model_name='officialdocument',
            name='facts',
            field=models.JSONField(blank=True, default=dict, verbose_name='案件事实（签发时定稿）'),
        ),
        migrations.AddField(
            model_name='officialdocument',
            name='authors',
            field=models.ManyToManyField(related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='起草或修改人'),
        ),
        migrations.RunPython(drafters_are_authors, migrations.RunPython.noop),
    ]

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('testcases', '0002_democase_year_serial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='democase',
            name='serial',
            field=models.PositiveIntegerField(editable=False, verbose_name='序号'),
        ),
        migrations.AlterField(
            model_name='democase',
            name='year',
            field=models.PositiveSmallIntegerField(editable=False, verbose_name='年度'),
        ),
        migrations.AddConstraint(
            model_name='democase',
            constraint=models.UniqueConstraint(fields=('year', 'serial'), name='testcases_democase_year_serial_unique'),
        ),
    ]

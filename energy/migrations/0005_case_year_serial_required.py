# Separate from 0004 so that, on PostgreSQL, the data update is committed before the tables are altered.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('energy', '0004_case_year_serial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalinspectioncase',
            name='serial',
            field=models.PositiveIntegerField(editable=False, verbose_name='序号'),
        ),
        migrations.AlterField(
            model_name='historicalinspectioncase',
            name='year',
            field=models.PositiveSmallIntegerField(editable=False, verbose_name='年度'),
        ),
        migrations.AlterField(
            model_name='inspectioncase',
            name='serial',
            field=models.PositiveIntegerField(editable=False, verbose_name='序号'),
        ),
        migrations.AlterField(
            model_name='inspectioncase',
            name='year',
            field=models.PositiveSmallIntegerField(editable=False, verbose_name='年度'),
        ),
        migrations.AddConstraint(
            model_name='inspectioncase',
            constraint=models.UniqueConstraint(fields=('year', 'serial'), name='energy_inspectioncase_year_serial_unique'),
        ),
    ]

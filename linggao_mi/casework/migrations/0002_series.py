from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('casework', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='Series',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, verbose_name='序列')),
                ('year', models.PositiveSmallIntegerField(verbose_name='年份')),
                ('last', models.PositiveIntegerField(default=0, verbose_name='已用至')),
            ],
            options={
                'verbose_name': '编号序列',
                'verbose_name_plural': '编号序列',
                'ordering': ['name', '-year'],
                'constraints': [models.UniqueConstraint(fields=('name', 'year'), name='casework_series_name_year_unique')],
            },
        ),
    ]

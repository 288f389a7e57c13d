# Courier rounds: address table and locations, kept round plans.

from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('order', '0083_merge_20200421_0529'),
        ('local_merchants', '0002_product_name_index'),
        ('account', '0045_auto_20200427_0425'),
        ('grouped_delivery', '0002_orderdeliveryslot_released'),
    ]

    operations = [
        migrations.CreateModel(
            name='AddressLocation',
            fields=[
                ('address', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='location', serialize=False, to='account.address')),
                ('latitude', models.FloatField(blank=True, null=True)),
                ('longitude', models.FloatField(blank=True, null=True)),
                ('precision', models.CharField(choices=[('HOUSENUMBER', 'HOUSENUMBER'), ('STREET', 'STREET'), ('POSTCODE', 'POSTCODE'), ('UNKNOWN', 'UNKNOWN')], db_index=True, max_length=11)),
                ('located_at', models.DateTimeField(auto_now=True)),
            ],
        ),
        migrations.CreateModel(
            name='KnownAddress',
            fields=[
                ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('postcode', models.CharField(max_length=5)),
                ('street_key', models.CharField(max_length=200)),
                ('street', models.CharField(max_length=200)),
                ('number', models.PositiveIntegerField()),
                ('suffix', models.CharField(blank=True, default='', max_length=10)),
                ('latitude', models.FloatField()),
                ('longitude', models.FloatField()),
                ('source', models.CharField(choices=[('BAN', 'Base Adresse Nationale'), ('DEMO', 'Quartier de démonstration')], max_length=4)),
            ],
        ),
        migrations.CreateModel(
            name='PlannedRoute',
            fields=[
                ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('courier', models.PositiveSmallIntegerField()),
                ('metres', models.PositiveIntegerField()),
                ('duration_minutes', models.PositiveIntegerField()),
            ],
            options={
                'ordering': ('courier',),
            },
        ),
        migrations.CreateModel(
            name='RoundPlan',
            fields=[
                ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('couriers', models.PositiveSmallIntegerField()),
                ('planned_at', models.DateTimeField(auto_now=True)),
                ('metres', models.PositiveIntegerField()),
                ('per_shop_metres', models.PositiveIntegerField()),
                ('unrouted', models.JSONField(default=list)),
                ('slot', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='plan', to='grouped_delivery.deliveryslot')),
            ],
            options={
                'permissions': (('ride_rounds', 'Faire les tournées de livraison (coursier).'),),
            },
        ),
        migrations.CreateModel(
            name='PlannedStop',
            fields=[
                ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sequence', models.PositiveSmallIntegerField()),
                ('kind', models.CharField(choices=[('PICKUP', 'PICKUP'), ('DELIVERY', 'DELIVERY'), ('DROP_OFF', 'DROP_OFF')], max_length=8)),
                ('latitude', models.FloatField()),
                ('longitude', models.FloatField()),
                ('arrival', models.DateTimeField()),
                ('load_kg', models.DecimalField(decimal_places=3, max_digits=7)),
                ('status', models.CharField(choices=[('PLANNED', 'À faire'), ('DONE', 'Fait'), ('FAILED', 'Non livré')], default='PLANNED', max_length=8)),
                ('reason', models.CharField(blank=True, default='', max_length=300)),
                ('done_at', models.DateTimeField(blank=True, null=True)),
                ('done_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('merchant', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='local_merchants.merchant')),
                ('orders', models.ManyToManyField(related_name='+', to='order.Order')),
                ('route', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='stops', to='grouped_delivery.plannedroute')),
            ],
            options={
                'ordering': ('route__courier', 'sequence'),
            },
        ),
        migrations.AddField(
            model_name='plannedroute',
            name='plan',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='routes', to='grouped_delivery.roundplan'),
        ),
        migrations.AddIndex(
            model_name='knownaddress',
            index=models.Index(fields=['postcode', 'street_key'], name='grouped_del_postcod_f35c6e_idx'),
        ),
        migrations.AddConstraint(
            model_name='knownaddress',
            constraint=models.UniqueConstraint(fields=('postcode', 'street_key', 'number', 'suffix'), name='one_known_address'),
        ),
        migrations.AddConstraint(
            model_name='plannedstop',
            constraint=models.UniqueConstraint(fields=('route', 'sequence'), name='one_stop_per_sequence'),
        ),
        migrations.AddConstraint(
            model_name='plannedroute',
            constraint=models.UniqueConstraint(fields=('plan', 'courier'), name='one_route_per_bike'),
        ),
    ]

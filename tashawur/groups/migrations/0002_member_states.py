"""Load the 193 UN member states (ISO data from pycountry; names come from CLDR at run time)."""

from django.db import migrations


def load_member_states(apps, schema_editor):
    from tashawur.groups.member_states import ensure_member_states

    ensure_member_states(apps.get_model("groups", "MemberState"))


class Migration(migrations.Migration):
    dependencies = [("groups", "0001_initial")]
    operations = [migrations.RunPython(load_member_states, migrations.RunPython.noop)]

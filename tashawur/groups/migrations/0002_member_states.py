"""Load the 193 UN member states (ISO data from pycountry; names come from CLDR at run time)."""

from django.db import migrations


def load_member_states(apps, schema_editor):
    from tashawur.groups.member_states import UN_MEMBER_STATES, iso_record

    MemberState = apps.get_model("groups", "MemberState")
    existing = set(MemberState.objects.values_list("code", flat=True))
    MemberState.objects.bulk_create(
        MemberState(code=code, alpha3=record.alpha_3, numeric=record.numeric)
        for code in UN_MEMBER_STATES
        if code not in existing
        for record in [iso_record(code)]
    )


class Migration(migrations.Migration):
    dependencies = [("groups", "0001_initial")]
    operations = [migrations.RunPython(load_member_states, migrations.RunPython.noop)]

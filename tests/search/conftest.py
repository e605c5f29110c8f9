from tests.opendata_world import (  # noqa: F401  (fixtures)
    _open_data_settings, api, consultation, secretariat, secretariat_token, world,
)

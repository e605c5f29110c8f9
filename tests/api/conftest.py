from tests.opendata_world import (  # noqa: F401  (fixtures)
    _generous_rate_limits, api, consultation, secretariat, secretariat_token, world,
)

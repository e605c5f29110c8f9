"""OpenAPI additions: the token scheme, and the problem responses every operation may give."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "An RFC 9457 problem.",
    "properties": {
        "type": {"type": "string", "description": "A URI naming the kind of problem, or about:blank."},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "errors": {
            "type": "object", "additionalProperties": True,
            "description": "For a validation problem: the messages for each field that is not valid.",
        },
    },
    "required": ["type", "title", "status", "detail", "instance"],
}
_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
_COMMON = {
    "400": "The request is not valid.",
    "401": "A token was sent, but it is not valid (reading needs no token).",
    "404": "Not found, or not public.",
    "406": "The Accept header names no format this operation gives.",
    "429": "Too many requests: wait the number of seconds in Retry-After.",
    "500": "The server failed.",
}
_WRITES = {
    "403": "The token's user may not do this.",
    "405": "This method is not allowed here.",
    "409": "The step does not apply now (closed consultation, wrong status).",
    "415": "The body is not JSON.",
    "422": "The response cannot be accepted.",
}
_RETRY_AFTER = {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}}


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "tashawur.api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "A token from `manage.py issue_api_token`."}


def add_problem_responses(result, generator, request, public):
    """Document the problem+json answers of every operation, so clients (and Schemathesis) can rely on them."""
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            extra = dict(_COMMON)
            if method != "get":
                extra.update(_WRITES)
            else:
                responses.setdefault("304", {"description": "Not modified since the ETag given in If-None-Match."})
            for code, description in extra.items():
                response = responses.setdefault(code, {"description": description})
                response.setdefault("content", {})["application/problem+json"] = {"schema": _PROBLEM_REF}
                if code == "429":
                    response["headers"] = _RETRY_AFTER
    return result

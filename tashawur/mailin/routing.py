"""Which consultations a message is addressed to (Res. 1336 rule 8: "an announced address").

A consultation answers at ``<slug>@MAIL_DOMAIN`` (any case, with or without a
``+tag``) and at each of its aliases.
"""

from django.conf import settings
from django.db.models import Q

from tashawur.consultations.models import Consultation
from tashawur.mailin.models import ConsultationAlias


def split_address(address: str) -> tuple[str, str]:
    """(local part without ``+tag``, domain), both lower case."""
    local, _at, domain = address.strip().strip("<>").lower().rpartition("@")
    return local.split("+", 1)[0], domain


def plain_address(address: str) -> str:
    local, domain = split_address(address)
    return f"{local}@{domain}" if local and domain else ""


def mail_domains() -> set[str]:
    """The domains this platform receives mail for: MAIL_DOMAIN and the domains of the aliases."""
    aliases = ConsultationAlias.objects.values_list("address", flat=True)
    return {settings.MAIL_DOMAIN.lower()} | {address.rpartition("@")[2] for address in aliases}


def accepts_domain(address: str) -> bool:
    return split_address(address)[1] in mail_domains()


def consultations_for(addresses) -> list[Consultation]:
    """The consultations among ``addresses``, in the order they were first named, each once."""
    plain = list(dict.fromkeys(filter(None, (plain_address(address) for address in addresses))))
    if not plain:
        return []
    domain = settings.MAIL_DOMAIN.lower()
    slugs = [address.rpartition("@")[0] for address in plain if address.endswith(f"@{domain}")]
    wanted = Q(mail_aliases__address__in=plain)
    for slug in slugs:
        wanted |= Q(slug__iexact=slug)
    found = Consultation.objects.select_related("group", "topic").prefetch_related("mail_aliases").filter(
        wanted
    ).distinct()
    by_address = {}
    for consultation in found:
        by_address[f"{consultation.slug.lower()}@{domain}"] = consultation
        for alias in consultation.mail_aliases.all():
            by_address[alias.address] = consultation
    ordered = [by_address[address] for address in plain if address in by_address]
    return list({consultation.pk: consultation for consultation in ordered}.values())

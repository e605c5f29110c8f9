"""Sample responses in the six UN languages, for tests and for the documentation's pictures."""

from tests.documents.factories import published_response

ARABIC_ANSWER = "نرى أن النفاذ الميسور التكلفة هو أساس التنمية، كما قال John Smith من منظمة Internet Society في عام 2017 بنسبة 42 في المائة."
FORM_LETTER = "Protect the open Internet: keep access affordable for all 8 billion people."


def six_language_responses(consultation) -> dict:
    """Responses in the six languages, an anonymous one, a group-only one, a form letter sent three times."""
    made = {
        "ar": published_response(
            consultation, answers={1: ARABIC_ANSWER, 2: "سياسات النطاق العريض الوطنية 2020"}, language="ar",
            name="أمينة حداد", organisation="مختبر الحقوق الرقمية", country="TN", stakeholder_group="civil_society",
            attachments=[("موقف-2017.pdf", b"%PDF-1.4 position paper", False)],
        ),
        "en": published_response(
            consultation, answers={1: "Spectrum costs and rural backhaul are the main barriers.",
                                   2: "Universal service funds since 2009."},
            language="en", name="John Smith", organisation="Internet Society", country="US",
            stakeholder_group="academic_technical",
        ),
        "fr": published_response(
            consultation, answers={1: "Le coût des terminaux reste l'obstacle principal."}, language="fr",
            name="Claire Dubois", organisation="Association des usagers", country="FR", channel="email",
            body="Veuillez trouver notre contribution ci-dessous.",
        ),
        "es": published_response(
            consultation, answers={1: "La falta de contenido local limita la demanda."}, language="es",
            name="Diego Fernández", organisation="Ministerio de Comunicaciones", country="AR",
            stakeholder_group="government",
        ),
        "ru": published_response(
            consultation, answers={1: "Высокая стоимость подключения в сельских районах."}, language="ru",
            name="Ирина Петрова", organisation="Ростелеком", country="RU", stakeholder_group="private_sector",
            channel="email",
        ),
        "zh": published_response(
            consultation, answers={1: "农村地区的宽带覆盖仍然不足。"}, language="zh", name="王伟",
            organisation="中国互联网协会", country="CN", stakeholder_group="private_sector",
        ),
        "anonymous": published_response(
            consultation, answers={2: "Community networks, licensed since 2015."}, language="en",
            name="Hidden Person", organisation="Hidden Organisation", country="KE", stakeholder_group="individual",
            publication="anonymous",
        ),
        "group_only": published_response(
            consultation, answers={1: "Confidential: our regulator's draft tariff plan XJ-2017."}, language="en",
            name="Secret Sender", organisation="Confidential Ministry", country="BR", stakeholder_group="government",
            publication="group_only",
        ),
        "unpublished": published_response(
            consultation, answers={1: "Still in the moderation queue."}, language="en", name="Queued Person",
            status="received",
        ),
    }
    made["form_letters"] = [
        published_response(consultation, answers={1: text}, language="en", name=name, country="DE",
                           stakeholder_group="individual", channel="email")
        for name, text in (("Anna Weber", FORM_LETTER), ("Jonas Becker", FORM_LETTER.upper()),
                           ("Lena Wolf", "  " + FORM_LETTER.replace(" ", "  ")))
    ]
    return made

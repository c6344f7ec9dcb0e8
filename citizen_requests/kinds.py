"""The kinds of request, their statuses and the closed lists the law gives for them.

Kept free of models so that the deadline engine, the forms and the admin share one source.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestKind(models.TextChoices):
    """A kind of request: each has its own law, clocks and registration-number prefix."""

    INFORMATION = "information", _("Information request")
    MEDIA = "media", _("Media request")
    CLARIFICATION = "clarification", _("Clarification of an official message")
    APPEAL = "appeal", _("Appeal")


#: Registration-number prefix per kind: ``АҚ-2026-000017``. Letters from the Kazakh names
#: (ақпарат, БАҚ, түсіндіру, өтініш) so the number reads the same in every language.
NUMBER_PREFIXES = {
    RequestKind.INFORMATION: "АҚ",
    RequestKind.MEDIA: "БАҚ",
    RequestKind.CLARIFICATION: "ТС",
    RequestKind.APPEAL: "ӨТ",
}


class Signature(models.TextChoices):
    """How a request filed through the site was certified (AIL Art. 11 p.5). Blank: not filed
    through the site's form, or filed before it asked for a signature."""

    SIGNED = "signed", _("Signed with ЭЦП")
    UNSIGNED = "unsigned", _("Not signed")
    FLAGGED = "flagged", _("Not signed (flagged)")


class UnsignedPolicy(models.TextChoices):
    """What the site does with an electronic request sent without an ЭЦП."""

    ACCEPT = "accept", _("Accept it as a request under the law")
    FLAG = "flag", _("Accept it, flagged as unsigned, and tell the requester")
    REFUSE = "refuse", _("Do not accept it: a signature is required")


class Status(models.TextChoices):
    """Where a case stands. Extensions and sub-tasks do not change it; they are on the timeline."""

    REGISTERED = "registered", _("Registered")
    IN_PROGRESS = "in_progress", _("In progress")
    ANSWERED = "answered", _("Answered")
    REFUSED = "refused", _("Refused")
    FORWARDED = "forwarded", _("Forwarded to another body")

    @classmethod
    def closed(cls) -> tuple[str, ...]:
        return (cls.ANSWERED, cls.REFUSED, cls.FORWARDED)


class RequesterType(models.TextChoices):
    INDIVIDUAL = "individual", _("An individual")
    LEGAL_ENTITY = "legal_entity", _("A legal entity")


class Channel(models.TextChoices):
    """How the requester wants the answer (Access to Information Law Art. 11 p.12)."""

    EMAIL = "email", _("By e-mail")
    POST = "post", _("By post")


class RefusalGround(models.TextChoices):
    """The closed lists of refusal grounds: Access to Information Law Art. 11 p.16 (``ail_``)
    and Mass Media Law Art. 36 p.2 (``mml_``)."""

    AIL_UNIDENTIFIABLE = (
        "ail_unidentifiable",
        _("The content of the request does not allow the information to be identified"),
    )
    AIL_REQUIREMENTS = (
        "ail_requirements",
        _("The request does not meet the requirements of the law"),
    )
    AIL_RESTRICTED = "ail_restricted", _("The information is restricted-access information")
    AIL_ANALYSIS = (
        "ail_analysis",
        _("The request asks for a legal assessment or an analysis that is not finished"),
    )
    AIL_CONTROL = (
        "ail_control",
        _("No decision has yet been taken on the results of a state control"),
    )
    AIL_PENDING = "ail_pending", _("A final decision is still being worked out")
    AIL_FOREIGN = (
        "ail_foreign",
        _(
            "Disclosure of documents from a foreign state or international organisation is not yet agreed"
        ),
    )
    MML_COMPETENCE = "mml_competence", _("The request is outside the competence of the body")
    MML_REQUIREMENTS = (
        "mml_requirements",
        _("The request does not meet the requirements of the law"),
    )
    MML_RESTRICTED = "mml_restricted", _("The information is restricted-access information")
    MML_CONTROL = (
        "mml_control",
        _("No decision has yet been taken on the results of a state control"),
    )
    MML_PENDING = "mml_pending", _("A final decision is still being worked out")
    MML_FOREIGN = (
        "mml_foreign",
        _(
            "Disclosure of documents from a foreign state or international organisation is not yet agreed"
        ),
    )


REFUSAL_GROUNDS = {
    RequestKind.INFORMATION: [g for g in RefusalGround if g.value.startswith("ail_")],
    RequestKind.MEDIA: [g for g in RefusalGround if g.value.startswith("mml_")],
    RequestKind.CLARIFICATION: [g for g in RefusalGround if g.value.startswith("mml_")],
    RequestKind.APPEAL: [],
}

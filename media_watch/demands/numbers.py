"""The register series of the demands to outlets (no models here: ``AppConfig`` imports it).

A refutation is «теріске шығару» (ТШ), a reply «жауап құқығы» (ЖҚ).
"""

REFUTATION_SERIES = "mw_refutation"
REPLY_SERIES = "mw_reply"
NUMBER_SERIES = {REFUTATION_SERIES: "ТШ", REPLY_SERIES: "ЖҚ"}
SERIES_BY_KIND = {"refutation": REFUTATION_SERIES, "reply": REPLY_SERIES}

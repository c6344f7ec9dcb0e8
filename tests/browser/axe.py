"""axe-core in the browser tests: which violations fail a test, and how each one reads."""

BLOCKING_IMPACTS = {"serious", "critical"}


def serious_violations(browser_page, where: str = "") -> list[str]:
    """The serious and critical violations axe-core finds on the page as it is now, one line
    each: where, the rule, its impact and help, and the elements."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(browser_page)
    prefix = f"[{where}] " if where else ""
    return [
        f"{prefix}{violation['id']} ({violation['impact']}): {violation['help']} "
        + "; ".join(", ".join(map(str, node["target"])) for node in violation["nodes"])
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]

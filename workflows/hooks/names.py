"""Workflow and task names in the page history, in the reader's language.

Wagtail writes the workflow's and the task's names into each moderation entry of the audit log
when it happens, with their ids. The history shows them in the reader's language: the entry is
formatted from a copy whose titles are replaced by the names the ids have now in that language
(:mod:`agency.names`); the stored entry is not changed, and a removed object keeps its title.
"""

import copy

from wagtail import hooks
from wagtail.log_actions import LogFormatter

from agency.names import name_in

WORKFLOW_ACTIONS = (
    "wagtail.workflow.start",
    "wagtail.workflow.approve",
    "wagtail.workflow.reject",
    "wagtail.workflow.resume",
    "wagtail.workflow.cancel",
)


def _named(entry: dict | None, label: str) -> dict | None:
    if not isinstance(entry, dict) or not entry.get("title"):
        return entry
    return {**entry, "title": name_in(label, entry.get("id"), entry["title"])}


def named_workflow_data(data):
    """A copy of a moderation entry's ``data`` with the names in the reader's language."""
    workflow = (data or {}).get("workflow") if isinstance(data, dict) else None
    if not isinstance(workflow, dict):
        return data
    named = dict(_named(workflow, "wagtailcore.workflow"))
    for step in ("task", "next"):
        named[step] = _named(workflow.get(step), "wagtailcore.task")
    return {**data, "workflow": named}


class NamesInReaderLanguage(LogFormatter):
    """Formats a moderation entry with its workflow and task named in the reader's language."""

    def __init__(self, formatter: LogFormatter):
        self.formatter = formatter
        self.label = formatter.label

    def _named_entry(self, log_entry):
        named = copy.copy(log_entry)
        named.data = named_workflow_data(log_entry.data)
        return named

    def format_message(self, log_entry):
        return self.formatter.format_message(self._named_entry(log_entry))

    def format_comment(self, log_entry):
        return self.formatter.format_comment(log_entry)


@hooks.register("register_log_actions", order=110)
def name_workflows_in_reader_language(actions):
    """After Wagtail's formatters (order 0) and the automatic check's (order 100)."""
    for action in WORKFLOW_ACTIONS:
        formatter = actions.formatters.get(action)
        if formatter is not None and not isinstance(formatter, NamesInReaderLanguage):
            actions.formatters[action] = NamesInReaderLanguage(formatter)

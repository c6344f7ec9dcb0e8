"""Answers read once per approval: the required languages, the stop-list, clearances granted.

An approval asks for them a dozen times (the press secretary's task, the finish action, the
guard of each page it publishes); none of them changes while it runs, and the stop-list's
version check reads every term. Inside :func:`same_answers` each is computed once.
"""

from contextlib import contextmanager
from contextvars import ContextVar

_answers: ContextVar[dict | None] = ContextVar("workflows_guard_answers", default=None)


@contextmanager
def same_answers():
    """Within the block, the answers asked through :func:`answer` are read once."""
    if _answers.get() is not None:
        yield
        return
    token = _answers.set({})
    try:
        yield
    finally:
        _answers.reset(token)


def answering() -> bool:
    """Whether the caller runs inside :func:`same_answers`."""
    return _answers.get() is not None


def answer(key, compute):
    """``compute()``, asked once per ``key`` inside :func:`same_answers`, every time outside."""
    answers = _answers.get()
    if answers is None:
        return compute()
    if key not in answers:
        answers[key] = compute()
    return answers[key]


def known(key) -> bool:
    """Whether ``key`` was remembered as true inside the current :func:`same_answers`."""
    answers = _answers.get()
    return answers is not None and bool(answers.get(key))


def remember(key) -> None:
    """Remember ``key`` as true for the rest of the current :func:`same_answers`, if any."""
    answers = _answers.get()
    if answers is not None:
        answers[key] = True

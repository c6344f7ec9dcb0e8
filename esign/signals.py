"""Signals of the signing step, for the services that file signed submissions.

``signature_checked`` is sent after the commit of every check appended to a signed submission
(the first one and each re-check), with ``submission`` and ``check``: a service whose request
was filed with an unknown revocation status learns here how it was settled.
"""

from django.dispatch import Signal

signature_checked = Signal()

"""Electronic digital signatures (ЭЦП) of the National Certification Authority: verification.

A layer above the kernel (``agency``), beside ``press_pages`` and ``workflows``, used by the
services whose submissions are signed (citizen requests, accreditation applications). The
public API for a form is in :mod:`esign.services`; the verdict on one signature is
:func:`esign.verification.verify`.
"""

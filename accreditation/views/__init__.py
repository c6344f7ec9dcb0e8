"""Public views of the accreditation page and of registration for press events, one module per
area; :mod:`accreditation.routes` gives them their addresses."""

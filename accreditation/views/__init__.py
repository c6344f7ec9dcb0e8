"""Public views of the accreditation page, one module per area."""

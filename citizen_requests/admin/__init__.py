"""Admin views of the forms module, one module per area, registered from ``wagtail_hooks``."""

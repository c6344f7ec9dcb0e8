"""The requests service's admin: the case list and the case (:mod:`.cases`, with the case's
page, actions, files and FAQ draft in :mod:`.case_page`, :mod:`.case_actions`,
:mod:`.case_files` and :mod:`.case_faq`), the reports and the deadline settings. The viewsets
are registered from ``citizen_requests.wagtail_hooks``."""

"""Demo content for ``manage.py seed_demo``: a fictional ministry's press site.

``data/`` holds the content as YAML, ids and structure in ``data/<kind>.yaml`` and the
texts in ``data/kk``, ``data/ru`` and ``data/en``; ``loader`` reads and checks those files
and ``content`` builds the records of ``records`` from them. ``media`` draws the pictures
and writes the documents, ``fields`` turns texts into page field values, ``localize`` feeds
translations to wagtail-localize and ``roles`` sets up groups and users. ``builder`` puts it
all together, with one module per step: ``site_setup``, ``moderated`` and ``bulk_news``.
"""

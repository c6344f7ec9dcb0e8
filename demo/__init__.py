"""Demo content for ``manage.py seed_demo``: a fictional ministry's press site.

``*_content`` modules hold the trilingual texts, ``media`` draws the pictures
and writes the documents, ``fields`` turns texts into page field values,
``localize`` feeds translations to wagtail-localize, ``roles`` sets up groups
and users, and ``builder`` puts it all together.
"""

"""Private file storage for requests: attachments and answer letters.

It is the ``requests`` entry of ``STORAGES``: a directory outside ``MEDIA_ROOT`` with no base
URL, so no file in it can be reached by address. Staff get files through a view that checks
permission and logs the access.
"""

from django.core.files.storage import storages


def private_storage():
    return storages["requests"]

"""Public views that are not pages: search and robots.txt."""


def search(request):
    raise NotImplementedError


def robots_txt(request):
    raise NotImplementedError

def sitemap_view(request):
    raise NotImplementedError

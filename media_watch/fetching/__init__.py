"""Reading the outlets: guarded HTTP (:mod:`.http`, :mod:`.guard`, :mod:`.throttle`), feeds
and sitemaps (:mod:`.feeds`), article pages (:mod:`.articles`), canonical addresses
(:mod:`.urls`) and languages (:mod:`.language`). Nothing here touches the database."""

"""The "Media watch" admin menu's items that are not viewsets of its group."""

from wagtail.admin.menu import SubmenuMenuItem


def join_media_watch_menu(menu_items, item) -> None:
    """Add ``item`` to the "Media watch" submenu among ``menu_items`` (the
    ``construct_main_menu`` hook's list), once."""
    for menu_item in menu_items:
        if isinstance(menu_item, SubmenuMenuItem) and menu_item.name == "media-watch":
            registered = menu_item.menu.registered_menu_items
            if not any(entry.name == item.name for entry in registered):
                registered.append(item)

"""Signal receivers of the moderation app."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.signals import page_published

from . import roles
from .guard import publish_companions
from .mixins import is_guarded
from .records import Withdrawal


@receiver(page_published)
def publish_translations_together(sender, instance, revision, **kwargs):
    """When a moderated page goes live, its cleared required translations go live with it."""
    page = instance.specific
    if page.live and is_guarded(page):
        publish_companions(page, user=revision.user if revision else None)


@receiver(post_save)
def grant_permissions_on_new_tree_pages(sender, instance, created, raw=False, **kwargs):
    """A new language tree's home gets the group page permissions the existing home has, and
    every new FAQ index the permissions the groups' ``faq_index`` lists."""
    if not created or raw:
        return
    if sender._meta.label == "press_pages.HomePage":
        roles.grant_home_permissions(instance)
    elif sender._meta.label == "press_pages.FAQIndexPage":
        roles.grant_faq_index_permissions(instance)


@receiver(page_published)
def end_withdrawal_notice(sender, instance, **kwargs):
    """A page that goes live again replaces its withdrawal notice."""
    Withdrawal.objects.filter(page_id=instance.pk, active=True).update(active=False)

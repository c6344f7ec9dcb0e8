"""New staff work in the state language: a new account's admin language is Kazakh.

Wagtail otherwise follows the browser's language until the user picks one, so an officer with a
Russian or English browser would meet a Russian or English admin. The account's own preference
(Account → Preferences) still changes it.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.users.models import UserProfile


@receiver(post_save, sender=get_user_model(), dispatch_uid="staff_auth_kazakh_admin")
def kazakh_admin_for_new_accounts(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        # By id: a profile bound to ``instance`` would stay cached on it, and a later change of
        # the preference made through another copy would not be seen through this one.
        UserProfile.objects.get_or_create(
            user_id=instance.pk, defaults={"preferred_language": settings.LANGUAGE_CODE}
        )

"""A page's history names its workflow and tasks in the reader's language (workflows.hooks.names)."""

from django.urls import reverse

from wagtail.models import PageLogEntry
from wagtail.users.models import UserProfile

from bs4 import BeautifulSoup

from agency import names
from tests.signin import staff_login
from tests.workflows.helpers import IIN, GuardTestCase
from tests.workflows.moderation import submit


def speak(user, language: str) -> None:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])


class NamesInHistoryTests(GuardTestCase):
    def setUp(self):
        names.forget()

    def history_text(self, page, user) -> str:
        staff_login(self.client, user)
        response = self.client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
        return BeautifulSoup(response.content.decode(), "html.parser").get_text(" ")

    def test_a_kazakh_reader_reads_kazakh_names(self):
        page = self.draft()
        submit(page, self.author)
        speak(self.press, "kk")

        text = self.history_text(page, self.press)

        self.assertIn("Жаңалықтар", text)
        self.assertIn("Шектеулі ақпаратты тексеру", text)
        self.assertIn("Баспасөз хатшысының мақұлдауы", text)
        self.assertNotIn("Restricted-information check", text)
        self.assertNotIn("'News'", text)

    def test_the_automatic_rejection_names_the_check_in_russian(self):
        page = self.draft(f"Өтініш берушінің ЖСН: {IIN}.")
        submit(page, self.author)
        speak(self.press, "ru")

        text = self.history_text(page, self.press)

        self.assertIn("«Проверка на информацию ограниченного доступа»", text)
        self.assertNotIn("Restricted-information check", text)

    def test_the_stored_entry_keeps_the_names_as_they_were(self):
        page = self.draft()
        submit(page, self.author)
        speak(self.press, "kk")
        self.history_text(page, self.press)

        entry = PageLogEntry.objects.get(page=page, action="wagtail.workflow.start")
        self.assertEqual(entry.data["workflow"]["title"], "News")
        self.assertEqual(entry.data["workflow"]["next"]["title"], "Press secretary approval")

"""Workflow, task, group and collection names in the reader's language (agency.names)."""

import json
import pickle

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.forms.models import model_to_dict
from django.template import Context, Template
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html

from wagtail.models import Collection, Locale, Task, Workflow
from wagtail.users.models import UserProfile

from bs4 import BeautifulSoup

from agency import names
from agency.models import NameTranslation
from tests.signin import staff_login
from workflows.models import PressSecretaryApprovalTask


def name(obj, kk="", ru="", en=""):
    model = obj._meta.get_field("name").model
    return NameTranslation.objects.create(
        content_type=ContentType.objects.get_for_model(model),
        object_id=obj.pk,
        kk=kk,
        ru=ru,
        en=en,
    )


class ReaderNameTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.workflow = Workflow.objects.create(name="Statements")
        name(cls.workflow, kk="Мәлімдемелер", ru="Заявления")

    def setUp(self):
        names.forget()
        self.workflow.refresh_from_db()

    def test_printing_the_name_gives_the_reader_language(self):
        with translation.override("kk"):
            self.assertEqual(str(self.workflow.name), "Мәлімдемелер")
            self.assertEqual(f"{self.workflow.name}", "Мәлімдемелер")
            self.assertEqual("«%s»" % self.workflow.name, "«Мәлімдемелер»")  # noqa: UP031
            self.assertEqual(format_html("<b>{}</b>", self.workflow.name), "<b>Мәлімдемелер</b>")
            self.assertEqual(str(self.workflow), "Мәлімдемелер")
            self.assertEqual(f"{self.workflow}", "Мәлімдемелер")
        with translation.override("ru"):
            rendered = Template("{{ workflow.name }}|{{ workflow }}").render(
                Context({"workflow": self.workflow})
            )
            self.assertEqual(rendered, "Заявления|Заявления")

    def test_a_language_without_a_name_falls_back_to_the_stored_one(self):
        with translation.override("en"):
            self.assertEqual(str(self.workflow.name), "Statements")

    def test_the_value_stays_the_stored_name(self):
        with translation.override("ru"):
            value = self.workflow.name
            self.assertEqual(value, "Statements")
            self.assertEqual(json.dumps({"title": value}), '{"title": "Statements"}')
            unpickled = pickle.loads(pickle.dumps(value))  # noqa: S301 (the test's own value)
            self.assertEqual(unpickled, "Statements")
            self.assertIs(type(unpickled), str)
            self.workflow.save()
        self.assertTrue(Workflow.objects.filter(pk=self.workflow.pk, name="Statements").exists())

    def test_forms_edit_the_stored_name(self):
        with translation.override("kk"):
            self.assertEqual(model_to_dict(self.workflow)["name"], "Statements")
            self.assertIs(type(model_to_dict(self.workflow)["name"]), str)

    def test_specific_tasks_share_the_task_name(self):
        task = PressSecretaryApprovalTask.objects.create(name="Head's approval")
        name(Task.objects.get(pk=task.pk), kk="Басшының мақұлдауы")
        with translation.override("kk"):
            self.assertEqual(str(Task.objects.get(pk=task.pk).specific.name), "Басшының мақұлдауы")
            self.assertEqual(str(task.name), "Басшының мақұлдауы")

    def test_a_saved_translation_shows_at_once_in_this_process(self):
        with translation.override("kk"):
            self.assertEqual(str(self.workflow.name), "Мәлімдемелер")
            row = NameTranslation.objects.get(
                content_type=ContentType.objects.get_for_model(Workflow), object_id=self.workflow.pk
            )
            row.kk = "Жаңа атау"
            row.save()
            self.assertEqual(str(self.workflow.name), "Жаңа атау")

    def test_removing_the_object_removes_its_names(self):
        group = Group.objects.create(name="Photographers")
        name(group, kk="Фотографтар")
        group.delete()
        self.assertFalse(
            NameTranslation.objects.filter(
                content_type=ContentType.objects.get_for_model(Group), object_id=group.pk
            ).exists()
        )

    def test_unsaved_objects_print_as_stored(self):
        with translation.override("kk"):
            self.assertEqual(str(Workflow(name="Draft").name), "Draft")


class StartingNamesTests(TestCase):
    """The names the press office starts with come with the migrations."""

    def test_groups_tasks_workflows_and_the_root_collection_are_named(self):
        names.forget()
        with translation.override("kk"):
            self.assertEqual(str(Group.objects.get(name="Editors").name), "Редакторлар")
            self.assertEqual(str(Workflow.objects.get(name="News").name), "Жаңалықтар")
            self.assertEqual(
                str(Task.objects.get(name="Press secretary approval").specific.name),
                "Баспасөз хатшысының мақұлдауы",
            )
            self.assertEqual(str(Collection.get_first_root_node().name), "Түбір")
        with translation.override("ru"):
            self.assertEqual(str(Group.objects.get(name="Heads").name), "Руководители")

    def test_content_languages_are_named_in_the_reader_language(self):
        english = Locale.objects.get(language_code="en")
        with translation.override("kk"):
            self.assertEqual(str(english.get_display_name()), "Ағылшынша")
        with translation.override("ru"):
            self.assertEqual(str(english.get_display_name()), "Английский")


class AdminScreensTests(TestCase):
    """Wagtail's own screens print the names in the admin language; its forms keep the stored one."""

    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser(
            "names-admin", "names-admin@example.kz", "x"
        )

    def setUp(self):
        names.forget()
        staff_login(self.client, self.admin)

    def speak(self, language):
        profile = UserProfile.get_for_user(self.admin)
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])

    def test_the_workflow_and_task_lists_name_them_in_kazakh(self):
        self.speak("kk")
        workflows = self.client.get(reverse("wagtailadmin_workflows:index")).content.decode()
        self.assertIn("Жаңалықтар", workflows)
        self.assertIn("Шектеулі ақпаратты тексеру", workflows)
        self.assertNotIn(">News<", workflows)
        tasks = self.client.get(reverse("wagtailadmin_workflows:task_index")).content.decode()
        self.assertIn("Баспасөз хатшысының мақұлдауы", tasks)

    def test_the_workflow_edit_form_edits_the_stored_name(self):
        self.speak("ru")
        workflow = Workflow.objects.get(name="News")
        response = self.client.get(reverse("wagtailadmin_workflows:edit", args=[workflow.pk]))
        field = BeautifulSoup(response.content.decode(), "html.parser").find(
            "input", attrs={"name": "name"}
        )
        self.assertEqual(field["value"], "News")

    def test_the_group_list_names_groups_in_russian(self):
        self.speak("ru")
        page = self.client.get(reverse("wagtailusers_groups:index")).content.decode()
        self.assertIn("Пресс-секретари", page)


class NamesScreenTests(TestCase):
    """Settings → Names in languages."""

    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser(
            "names-admin", "names-admin@example.kz", "x"
        )
        cls.group = Group.objects.create(name="Photographers")

    def setUp(self):
        names.forget()
        staff_login(self.client, self.admin)
        profile = UserProfile.get_for_user(self.admin)
        profile.preferred_language = "en"
        profile.save(update_fields=["preferred_language"])

    def choice(self, obj):
        model = obj._meta.get_field("name").model
        return f"{ContentType.objects.get_for_model(model).pk}:{obj.pk}"

    def test_an_administrator_names_a_new_group(self):
        add = reverse("agency_names:add")
        form = self.client.get(add).content.decode()
        self.assertIn(self.choice(self.group), form)
        response = self.client.post(
            add,
            {"named_object": self.choice(self.group), "kk": "Фотографтар", "ru": "Фотографы"},
        )
        self.assertEqual(response.status_code, 302)
        with translation.override("kk"):
            self.assertEqual(str(Group.objects.get(pk=self.group.pk).name), "Фотографтар")
        listing = self.client.get(reverse("agency_names:index")).content.decode()
        self.assertIn("Photographers", listing)
        self.assertIn("Фотографтар", listing)

    def test_a_name_in_no_language_is_refused_and_the_choice_kept(self):
        response = self.client.post(
            reverse("agency_names:add"), {"named_object": self.choice(self.group), "en": ""}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Give the name in at least one language.")
        self.assertContains(response, f'value="{self.choice(self.group)}" selected')

    def test_an_object_named_already_is_refused(self):
        row = name(self.group, kk="Фотографтар")
        response = self.client.post(
            reverse("agency_names:add"), {"named_object": self.choice(self.group), "kk": "Басқа"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            NameTranslation.objects.filter(
                content_type=ContentType.objects.get_for_model(Group), object_id=self.group.pk
            ).count(),
            1,
        )
        row.refresh_from_db()
        self.assertEqual(row.kk, "Фотографтар")

    def test_editors_may_not_open_the_screen(self):
        editor = get_user_model().objects.create_user("names-editor", "e@example.kz", "x")
        editor.groups.add(Group.objects.get(name="Editors"))
        self.client.logout()
        staff_login(self.client, editor)
        response = self.client.get(reverse("agency_names:index"))
        self.assertEqual(response.status_code, 403)

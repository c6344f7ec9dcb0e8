"""From an answered request to a draft FAQ answer: personal data removed, never live, moderated."""

from django.urls import reverse

from wagtail.models import WorkflowState

import pytest

from citizen_requests import faq, services
from citizen_requests.kinds import Status
from citizen_requests.models import RequestEvent
from press_pages.models import FAQAnswerPage
from tests.citizen_requests.helpers import agency, make_case, officer
from tests.press_pages.factories import FAQCategoryFactory, FAQIndexPageFactory, kk_home
from tests.signin import staff_login
from tests.workflows.moderation import approve_all, member, prefer_english, submit

pytestmark = pytest.mark.django_db

IIN = "900115300122"
OTHER_IIN = "850407301235"


def answered_case(**fields):
    case = make_case(
        full_name="Асқар Тестов",
        iin=IIN,
        email="asqar.testov@mail.kz",
        phone="+7 701 234 56 78",
        subject="Асқар Тестовтың бюджет туралы сұрағы",
        **fields,
    )
    services.answer(
        case,
        officer(),
        body=(
            "<p>Құрметті Асқар Тестов! Сіздің ЖСН 9001 1530 0122 бойынша сұрағыңызға жауап: "
            "бюджет толық орындалды.</p>"
            '<p>Сұрақтар болса, <a href="mailto:asqar.testov@mail.kz">asqar.testov@mail.kz</a> '
            "немесе 8 701 234 56 78 арқылы хабарласамыз. Көршіңіздің ЖСН "
            f"{OTHER_IIN}, телефоны +7 (702) 555-44-33.</p>"
            "<p>Министрліктің баспасөз қызметі: press@gov.kz</p>"
        ),
        signatory_name="Ә. Бекова",
        signatory_position="Басшы",
    )
    case.refresh_from_db()
    return case


@pytest.fixture
def editor_officer():
    """A request officer who is also an editor, so may add pages to the FAQ."""
    user = officer()
    member("editors", user.username)
    prefer_english(user)
    return user


@pytest.fixture
def faq_index():
    return FAQIndexPageFactory(parent=kk_home())


def test_scrub_removes_the_requesters_data_and_what_the_check_finds():
    agency()
    case = answered_case()
    content = faq.suggested_content(case)
    everything = " ".join(content.values())
    for personal in (
        "Асқар",
        "Тестов",
        "Тестовтың",
        IIN,
        "9001 1530 0122",
        OTHER_IIN,
        "asqar.testov@mail.kz",
        "701 234 56 78",
        "555-44-33",
        "mailto:",
    ):
        assert personal not in everything, personal
    assert "бюджет толық орындалды" in content["full_answer"]
    assert "press@gov.kz" in content["full_answer"], "the agency's own contacts stay"
    assert "[…]" in content["title"]


def test_an_officer_who_may_add_faq_pages_creates_a_draft(editor_officer, faq_index):
    case = answered_case()
    category = FAQCategoryFactory()
    content = faq.suggested_content(case)
    page = faq.publish_as_faq(
        case,
        editor_officer,
        index=faq_index,
        category=category,
        title="Бюджет қалай орындалды, Асқар?",
        short_answer=content["short_answer"] + " Тестов",
        full_answer=content["full_answer"],
    )
    page = FAQAnswerPage.objects.get(pk=page.pk)
    assert not page.live and page.get_parent().pk == faq_index.pk
    assert page.owner == editor_officer and page.latest_revision is not None
    assert "Асқар" not in page.title and "Тестов" not in page.short_answer, "scrubbed again"
    assert IIN not in str(page.full_answer.raw_data)
    [drafted] = case.events.filter(action=RequestEvent.Action.PUBLISHED_FAQ)
    assert drafted.data["page"] == page.pk

    # The draft goes through the FAQ workflow: its restricted-information check passes it.
    assert page.get_workflow().name == "FAQ answers"
    state = approve_all(submit(page, member("editors", "faq-author")))
    assert state.status == WorkflowState.STATUS_APPROVED
    page.refresh_from_db()
    assert page.live


def test_only_answered_requests_by_permitted_users(faq_index):
    category = FAQCategoryFactory()
    case = answered_case()
    plain_officer = officer("plain")
    assert faq.can_publish_faq(case, plain_officer), "Request officers may add to the FAQ"
    editor = member("editors", "plain-editor")
    assert not faq.can_publish_faq(case, editor), "editors do not handle requests"
    with pytest.raises(Exception):  # noqa: B017 - PermissionDenied
        faq.publish_as_faq(
            case,
            editor,
            index=faq_index,
            category=category,
            title="Q",
            short_answer="A",
            full_answer="<p>A</p>",
        )
    open_case = make_case()
    assert open_case.status == Status.REGISTERED
    assert not faq.can_publish_faq(open_case, plain_officer)
    assert not FAQAnswerPage.objects.exists()


def test_the_admin_form_prefills_and_creates_the_draft(client, editor_officer, faq_index):
    category = FAQCategoryFactory()
    case = answered_case()
    staff_login(client, editor_officer)
    url = reverse("citizen_requests_cases:faq", args=[case.pk])
    html = client.get(reverse("citizen_requests_cases:case", args=[case.pk])).content.decode()
    assert url in html, "the case offers Publish as FAQ answer"
    response = client.get(url)
    assert response.status_code == 200
    initial = response.context["form"].initial
    assert IIN not in initial["full_answer"] and "Асқар" not in initial["title"]
    response = client.post(
        url,
        {
            "index": faq_index.pk,
            "category": category.pk,
            "title": "Бюджет қалай орындалды?",
            "short_answer": "Толық орындалды.",
            "full_answer": '{"blocks":[{"key":"a","type":"unstyled","text":"Толық орындалды.",'
            '"depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
        },
    )
    page = FAQAnswerPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live


def test_officers_without_page_permissions_are_told_why(client):
    user = officer("plain")
    prefer_english(user)
    staff_login(client, user)
    case = answered_case()
    response = client.get(reverse("citizen_requests_cases:faq", args=[case.pk]))
    assert response.status_code == 403
    assert "add pages to the FAQ" in response.content.decode()

"""The names staff read for the workflows, tasks and groups the press office starts with.

Wagtail and Django store one name per object, and code finds groups by it, so those names stay in
English; these are the names shown in each admin language (:mod:`agency.names`). A migration and
``seed_demo`` call :func:`sync_names`, which adds what is missing and keeps what an administrator
changed under Settings.
"""

#: (app_label, model, stored name): (kk, ru, en)
NAMES = {
    ("wagtailcore", "workflow", "News"): ("Жаңалықтар", "Новости", "News"),
    ("wagtailcore", "workflow", "Briefings"): ("Брифингтер", "Брифинги", "Briefings"),
    ("wagtailcore", "workflow", "FAQ answers"): (
        "Жиі қойылатын сұрақтарға жауаптар",
        "Ответы на частые вопросы",
        "FAQ answers",
    ),
    ("wagtailcore", "workflow", "Obligatory messages"): (
        "Міндетті хабарламалар",
        "Обязательные сообщения",
        "Obligatory messages",
    ),
    ("wagtailcore", "workflow", "Moderators approval"): (
        "Модераторлардың мақұлдауы",
        "Одобрение модераторами",
        "Moderators approval",
    ),
    ("wagtailcore", "task", "Restricted-information check"): (
        "Шектеулі ақпаратты тексеру",
        "Проверка на информацию ограниченного доступа",
        "Restricted-information check",
    ),
    ("wagtailcore", "task", "Legal review"): (
        "Заңгерлік сараптама",
        "Юридическая экспертиза",
        "Legal review",
    ),
    ("wagtailcore", "task", "Press secretary approval"): (
        "Баспасөз хатшысының мақұлдауы",
        "Согласование пресс-секретарём",
        "Press secretary approval",
    ),
    ("wagtailcore", "task", "Head approval"): (
        "Басшының бекітуі",
        "Утверждение руководителем",
        "Head approval",
    ),
    ("wagtailcore", "task", "Translation completeness"): (
        "Аудармалардың толықтығы",
        "Полнота переводов",
        "Translation completeness",
    ),
    ("wagtailcore", "task", "Moderators approval"): (
        "Модераторлардың мақұлдауы",
        "Одобрение модераторами",
        "Moderators approval",
    ),
    ("auth", "group", "Editors"): ("Редакторлар", "Редакторы", "Editors"),
    ("auth", "group", "Press secretaries"): (
        "Баспасөз хатшылары",
        "Пресс-секретари",
        "Press secretaries",
    ),
    ("auth", "group", "Legal reviewers"): ("Заңгерлер", "Юристы", "Legal reviewers"),
    ("auth", "group", "Request officers"): (
        "Өтініштер жөніндегі қызметкерлер",
        "Сотрудники по обращениям",
        "Request officers",
    ),
    ("auth", "group", "Accreditation officers"): (
        "Аккредиттеу жөніндегі қызметкерлер",
        "Сотрудники по аккредитации",
        "Accreditation officers",
    ),
    ("auth", "group", "Heads"): ("Басшылар", "Руководители", "Heads"),
    ("wagtailcore", "collection", "Root"): ("Түбір", "Корень", "Root"),
}


def sync_names(apps) -> None:
    """Name each object listed in :data:`NAMES` that exists and has no translations yet."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    NameTranslation = apps.get_model("agency", "NameTranslation")
    for (app_label, model, stored), (kk, ru, en) in NAMES.items():
        Model = apps.get_model(app_label, model)
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for pk in Model.objects.filter(name=stored).values_list("pk", flat=True):
            NameTranslation.objects.get_or_create(
                content_type=content_type,
                object_id=pk,
                defaults={"kk": kk, "ru": ru, "en": en},
            )


def remove_names(apps) -> None:
    """Remove the translations of the objects listed in :data:`NAMES`."""
    NameTranslation = apps.get_model("agency", "NameTranslation")
    for app_label, model, stored in NAMES:
        named = apps.get_model(app_label, model).objects.filter(name=stored)
        NameTranslation.objects.filter(
            content_type__app_label=app_label,
            content_type__model=model,
            object_id__in=named.values_list("pk", flat=True),
        ).delete()

"""Ten press events: six past ones with materials and four upcoming ones.

Dates are relative to the day the command runs, so the demo always has
upcoming events.
"""

from dataclasses import dataclass

from .text import L


@dataclass(frozen=True)
class BriefingItem:
    """A press event. ``days_from_now`` is negative for past events."""

    key: str
    kind: str
    days_from_now: int
    start: tuple[int, int]
    minutes: int
    venue: str  # a key of ``site_content.VENUES``
    speakers: tuple[str, ...]  # keys of ``site_content.SPEAKERS``
    accreditation_required: bool
    registration_hours_before: int | None
    streamed: bool
    title: L
    announcement: tuple[L, ...]
    transcript: tuple[tuple[str, L], ...] = ()  # (speaker key or "journalist", words)
    document: str = ""  # a key of ``site_content.DOCUMENTS``


JOURNALIST = L(kk="Журналист", ru="Журналист", en="Journalist")

BRIEFINGS = [
    BriefingItem(
        key="half-year-digitalisation",
        kind="press_conference",
        days_from_now=-55,
        start=(11, 0),
        minutes=60,
        venue="communications-centre",
        speakers=("minister", "digital-director"),
        accreditation_required=True,
        registration_hours_before=24,
        streamed=True,
        title=L(
            kk="Мемлекеттік қызметтерді цифрландырудың жарты жылдық қорытындылары",
            ru="Итоги цифровизации государственных услуг за полугодие",
            en="Half-year results of the digitalisation of public services",
        ),
        announcement=(
            L(
                kk="Министр мемлекеттік қызметтерді электрондық форматқа көшіру барысы және "
                "жылдың екінші жартысына арналған жоспарлар туралы айтып береді.",
                ru="Министр расскажет о ходе перевода государственных услуг в электронный формат "
                "и о планах на второе полугодие.",
                en="The minister will speak about progress in moving public services online and "
                "about plans for the second half of the year.",
            ),
            L(
                kk="Баспасөз конференциясына тек аккредиттелген журналистер қатыса алады.",
                ru="На пресс-конференции могут присутствовать только аккредитованные журналисты.",
                en="Only accredited journalists may attend the press conference.",
            ),
        ),
        transcript=(
            (
                "minister",
                L(
                    kk="Жарты жылда 38 мемлекеттік қызмет толығымен онлайн форматқа көшті. "
                    "Енді азаматтар оларды мекемеге бармай-ақ алады.",
                    ru="За полугодие 38 государственных услуг полностью перешли в онлайн. Теперь "
                    "граждане получают их, не посещая учреждения.",
                    en="In six months, 38 public services moved fully online. Citizens now "
                    "receive them without visiting an office.",
                ),
            ),
            (
                "journalist",
                L(
                    kk="Интернеті нашар ауылдардың тұрғындары не істеуі керек?",
                    ru="Что делать жителям сёл со слабым интернетом?",
                    en="What should people in villages with a poor connection do?",
                ),
            ),
            (
                "digital-director",
                L(
                    kk="Халыққа қызмет көрсету орталықтарында кеңесшілер жұмыс істейді, ал "
                    "жыл соңына дейін тағы 400 ауыл жоғары жылдамдықты интернетке қосылады.",
                    ru="В центрах обслуживания населения работают консультанты, а до конца года "
                    "к скоростному интернету подключат ещё 400 сёл.",
                    en="Consultants work in the public service centres, and another 400 "
                    "villages will be connected to high-speed internet by the end of the year.",
                ),
            ),
        ),
        document="annual-report",
    ),
    BriefingItem(
        key="budget-nine-months-briefing",
        kind="briefing",
        days_from_now=-40,
        start=(10, 0),
        minutes=45,
        venue="press-hall",
        speakers=("finance-director",),
        accreditation_required=False,
        registration_hours_before=None,
        streamed=True,
        title=L(
            kk="Бюджеттің тоғыз айдағы атқарылуы туралы брифинг",
            ru="Брифинг об исполнении бюджета за девять месяцев",
            en="Briefing on budget execution for nine months",
        ),
        announcement=(
            L(
                kk="Қаржы департаментінің директоры бюджет бағдарламаларының атқарылуы және "
                "үнемделген қаражат туралы айтады.",
                ru="Директор департамента финансов расскажет об исполнении бюджетных программ и "
                "о сложившейся экономии.",
                en="The director of the Finance Department will present the execution of budget "
                "programmes and the savings achieved.",
            ),
        ),
        transcript=(
            (
                "finance-director",
                L(
                    kk="Жоспарланған 48,6 млрд теңгенің 47,3 млрд теңгесі игерілді. Үнемдеудің "
                    "негізгі бөлігі конкурстық сатып алулардан түсті.",
                    ru="Из запланированных 48,6 млрд тенге освоено 47,3 млрд. Основная часть "
                    "экономии получена на конкурсных закупках.",
                    en="Of the 48.6 billion tenge planned, 47.3 billion was spent. Most of the "
                    "savings came from competitive procurement.",
                ),
            ),
            (
                "journalist",
                L(
                    kk="Үнемделген қаражат қайда жұмсалады?",
                    ru="Куда будут направлены сэкономленные средства?",
                    en="Where will the savings go?",
                ),
            ),
            (
                "finance-director",
                L(
                    kk="Қаражат белгіленген тәртіппен қайта бөлінеді немесе республикалық "
                    "бюджетке қайтарылады. Шешім «Ашық бюджет» бөлімінде жарияланады.",
                    ru="Средства будут перераспределены в установленном порядке или возвращены в "
                    "республиканский бюджет. Решение будет опубликовано в разделе «Открытый "
                    "бюджет».",
                    en="The money will be redistributed in the established way or returned to "
                    "the republican budget. The decision will be published in the Open Budget "
                    "section.",
                ),
            ),
        ),
        document="budget-report",
    ),
    BriefingItem(
        key="accreditation-briefing",
        kind="briefing",
        days_from_now=-27,
        start=(15, 0),
        minutes=30,
        venue="press-hall",
        speakers=("press-secretary",),
        accreditation_required=False,
        registration_hours_before=None,
        streamed=False,
        title=L(
            kk="Келесі жылға аккредиттеу тәртібі туралы брифинг",
            ru="Брифинг о порядке аккредитации на следующий год",
            en="Briefing on accreditation for next year",
        ),
        announcement=(
            L(
                kk="Баспасөз хатшысы аккредиттеу қағидаларының өзгерістерін түсіндіріп, "
                "редакциялардың сұрақтарына жауап береді.",
                ru="Пресс-секретарь разъяснит изменения в правилах аккредитации и ответит на "
                "вопросы редакций.",
                en="The press secretary will explain the changes to the accreditation rules and "
                "answer editors' questions.",
            ),
        ),
        transcript=(
            (
                "press-secretary",
                L(
                    kk="Өтінімдер он жұмыс күні ішінде қабылданады және үш жұмыс күні ішінде "
                    "қаралады. Уақытша аккредиттеу іс-шарадан кемінде бір жұмыс күні бұрын "
                    "беріледі.",
                    ru="Заявки принимаются в течение десяти рабочих дней и рассматриваются за три "
                    "рабочих дня. Временная аккредитация выдаётся не позднее чем за один рабочий "
                    "день до мероприятия.",
                    en="Applications are accepted for ten working days and reviewed within "
                    "three. Temporary accreditation is granted at least one working day before "
                    "the event.",
                ),
            ),
            (
                "journalist",
                L(
                    kk="Фрилансер-журналист өтінім бере ала ма?",
                    ru="Может ли подать заявку журналист-фрилансер?",
                    en="Can a freelance journalist apply?",
                ),
            ),
            (
                "press-secretary",
                L(
                    kk="Заң бойынша өтінімді бұқаралық ақпарат құралы береді, сондықтан "
                    "фрилансер өзі жұмыс істейтін редакция арқылы аккредиттеледі.",
                    ru="По закону заявку подаёт средство массовой информации, поэтому фрилансер "
                    "аккредитуется через редакцию, с которой сотрудничает.",
                    en="Under the law the media outlet applies, so a freelancer is accredited "
                    "through the editorial office they work with.",
                ),
            ),
        ),
        document="accreditation-rules",
    ),
    BriefingItem(
        key="open-data-interview",
        kind="interview",
        days_from_now=-18,
        start=(12, 30),
        minutes=40,
        venue="online",
        speakers=("vice-minister", "open-data-head"),
        accreditation_required=False,
        registration_hours_before=None,
        streamed=True,
        title=L(
            kk="Вице-министрдің ашық деректер туралы сұхбаты",
            ru="Интервью вице-министра об открытых данных",
            en="Interview with the vice minister on open data",
        ),
        announcement=(
            L(
                kk="Вице-министр мен ашық деректер басқармасының басшысы жаңа деректер "
                "жиынтықтары және оларды қалай пайдалануға болатыны туралы сұрақтарға жауап "
                "береді.",
                ru="Вице-министр и руководитель управления открытых данных ответят на вопросы о "
                "новых наборах данных и о том, как их использовать.",
                en="The vice minister and the head of the Open Data Division will answer "
                "questions about the new datasets and how to use them.",
            ),
        ),
        transcript=(
            (
                "vice-minister",
                L(
                    kk="Биыл біз 120 жаңа жиынтық жарияладық және олардың барлығы ай сайын "
                    "жаңартылады.",
                    ru="В этом году мы опубликовали 120 новых наборов, и все они обновляются "
                    "ежемесячно.",
                    en="This year we published 120 new datasets, and all of them are updated "
                    "monthly.",
                ),
            ),
            (
                "open-data-head",
                L(
                    kk="Ең көп жүктелетіні — халыққа қызмет көрсету орталықтарындағы күту "
                    "уақыты туралы деректер.",
                    ru="Чаще всего скачивают данные о времени ожидания в центрах обслуживания "
                    "населения.",
                    en="The most downloaded data is on waiting times at public service centres.",
                ),
            ),
        ),
    ),
    BriefingItem(
        key="cybersecurity-press-approach",
        kind="press_approach",
        days_from_now=-10,
        start=(13, 15),
        minutes=15,
        venue="government-house",
        speakers=("security-head",),
        accreditation_required=True,
        registration_hours_before=None,
        streamed=False,
        title=L(
            kk="Үкімет отырысынан кейінгі баспасөз тәсілі: киберқауіпсіздік",
            ru="Подход к прессе после заседания Правительства: кибербезопасность",
            en="Press approach after the government meeting: cybersecurity",
        ),
        announcement=(
            L(
                kk="Ақпараттық қауіпсіздік басқармасының басшысы мемлекеттік сайттардың "
                "қорғалуы туралы журналистердің сұрақтарына жауап береді.",
                ru="Руководитель управления информационной безопасности ответит на вопросы "
                "журналистов о защите государственных сайтов.",
                en="The head of the Information Security Division will answer journalists' "
                "questions about the protection of state websites.",
            ),
        ),
        transcript=(
            (
                "security-head",
                L(
                    kk="Аудит барысында табылған 40 осал тұстың барлығы жойылды, олардың "
                    "бірде-біреуін зиянкестер пайдаланбаған.",
                    ru="Все 40 уязвимостей, найденных в ходе аудита, устранены, ни одна из них "
                    "не была использована злоумышленниками.",
                    en="All 40 vulnerabilities found during the audit have been fixed, and none "
                    "of them had been exploited.",
                ),
            ),
        ),
    ),
    BriefingItem(
        key="online-requests-launch",
        kind="briefing",
        days_from_now=-3,
        start=(11, 30),
        minutes=45,
        venue="press-hall",
        speakers=("press-secretary", "digital-director"),
        accreditation_required=False,
        registration_hours_before=24,
        streamed=True,
        title=L(
            kk="БАҚ сұрауларының онлайн нысанын таныстыру",
            ru="Презентация онлайн-формы для запросов СМИ",
            en="Presentation of the online form for media requests",
        ),
        announcement=(
            L(
                kk="Журналистерге сұрауларды онлайн жіберу және олардың мәртебесін қадағалау "
                "тәртібі көрсетіледі.",
                ru="Журналистам покажут, как отправлять запросы онлайн и следить за их статусом.",
                en="Journalists will be shown how to send requests online and follow their status.",
            ),
        ),
        transcript=(
            (
                "digital-director",
                L(
                    kk="Сұрау жіберілген сәтте тіркеліп, жауап беру мерзімі автоматты түрде "
                    "есептеледі.",
                    ru="Запрос регистрируется в момент отправки, а срок ответа рассчитывается "
                    "автоматически.",
                    en="A request is registered the moment it is sent, and the answer deadline "
                    "is calculated automatically.",
                ),
            ),
            (
                "journalist",
                L(
                    kk="Сұрауға цифрлық қолтаңба қажет пе?",
                    ru="Нужна ли для запроса цифровая подпись?",
                    en="Does a request need a digital signature?",
                ),
            ),
            (
                "press-secretary",
                L(
                    kk="Иә, жазбаша сұрауға бас редактор, уәкілетті тұлға немесе аккредиттелген "
                    "журналист электрондық цифрлық қолтаңбамен қол қояды.",
                    ru="Да, письменный запрос подписывает электронной цифровой подписью главный "
                    "редактор, уполномоченное лицо или аккредитованный журналист.",
                    en="Yes. A written request is signed with an electronic digital signature by "
                    "the editor-in-chief, an authorised person or an accredited journalist.",
                ),
            ),
        ),
        document="request-form",
    ),
    BriefingItem(
        key="satisfaction-survey-briefing",
        kind="briefing",
        days_from_now=2,
        start=(11, 0),
        minutes=45,
        venue="press-hall",
        speakers=("digital-director",),
        accreditation_required=False,
        registration_hours_before=24,
        streamed=True,
        title=L(
            kk="Электрондық қызметтердің сапасы туралы сауалнама нәтижелері",
            ru="Результаты опроса о качестве электронных услуг",
            en="Results of the survey on the quality of electronic services",
        ),
        announcement=(
            L(
                kk="Цифрлық қызметтер департаментінің директоры 8 000 пайдаланушы қатысқан "
                "сауалнаманың нәтижелерін және қызметтерді жақсарту шараларын таныстырады.",
                ru="Директор департамента цифровых услуг представит результаты опроса 8 000 "
                "пользователей и меры по улучшению услуг.",
                en="The director of the Digital Services Department will present the results of "
                "a survey of 8,000 users and the steps planned to improve services.",
            ),
            L(
                kk="Журналистер брифингке бір күн бұрын тіркелуі тиіс.",
                ru="Журналистам необходимо зарегистрироваться за день до брифинга.",
                en="Journalists must register a day before the briefing.",
            ),
        ),
    ),
    BriefingItem(
        key="three-year-budget",
        kind="press_conference",
        days_from_now=5,
        start=(10, 30),
        minutes=60,
        venue="communications-centre",
        speakers=("minister", "finance-director"),
        accreditation_required=True,
        registration_hours_before=48,
        streamed=True,
        title=L(
            kk="Министрліктің үш жылдық бюджет жобасы",
            ru="Проект бюджета министерства на три года",
            en="The ministry's draft budget for three years",
        ),
        announcement=(
            L(
                kk="Министр және қаржы департаментінің директоры бюджет жобасын және қоғамдық "
                "кеңестің ұсынымдары қалай ескерілгенін таныстырады.",
                ru="Министр и директор департамента финансов представят проект бюджета и "
                "расскажут, как учтены рекомендации общественного совета.",
                en="The minister and the director of the Finance Department will present the "
                "draft budget and explain how the public council's recommendations were taken "
                "into account.",
            ),
            L(
                kk="Баспасөз конференциясына тек аккредиттелген журналистер қатыса алады; "
                "тіркеу екі күн бұрын жабылады.",
                ru="На пресс-конференции могут присутствовать только аккредитованные "
                "журналисты; регистрация закрывается за два дня.",
                en="Only accredited journalists may attend; registration closes two days before.",
            ),
        ),
    ),
    BriefingItem(
        key="hackathon-next-steps",
        kind="briefing",
        days_from_now=9,
        start=(15, 0),
        minutes=30,
        venue="press-hall",
        speakers=("open-data-head",),
        accreditation_required=False,
        registration_hours_before=None,
        streamed=True,
        title=L(
            kk="Ашық деректер хакатонынан кейін: жобалар қалай іске асырылады",
            ru="После хакатона по открытым данным: как будут реализованы проекты",
            en="After the open data hackathon: how the projects will be taken forward",
        ),
        announcement=(
            L(
                kk="Ашық деректер басқармасының басшысы жеңімпаз командалардың жобаларын "
                "сынау кестесі туралы айтады.",
                ru="Руководитель управления открытых данных расскажет о графике испытаний "
                "проектов команд-победителей.",
                en="The head of the Open Data Division will set out the testing schedule for "
                "the winning teams' projects.",
            ),
        ),
    ),
    BriefingItem(
        key="website-security-results",
        kind="press_conference",
        days_from_now=16,
        start=(11, 0),
        minutes=60,
        venue="communications-centre",
        speakers=("vice-minister", "security-head"),
        accreditation_required=True,
        registration_hours_before=48,
        streamed=True,
        title=L(
            kk="Мемлекеттік сайттардың киберқауіпсіздігі: қайта тексеру нәтижелері",
            ru="Кибербезопасность государственных сайтов: итоги повторной проверки",
            en="Cybersecurity of state websites: results of the follow-up check",
        ),
        announcement=(
            L(
                kk="Вице-министр және ақпараттық қауіпсіздік басқармасының басшысы қайта "
                "тексеру нәтижелерін және сайттарды қорғаудың жаңа талаптарын таныстырады.",
                ru="Вице-министр и руководитель управления информационной безопасности "
                "представят итоги повторной проверки и новые требования к защите сайтов.",
                en="The vice minister and the head of the Information Security Division will "
                "present the results of the follow-up check and new requirements for "
                "protecting websites.",
            ),
        ),
    ),
]

"""The fictional ministry: its profile, sections, vocabularies, people and shared pieces.

Everything here is invented for the demo: the ministry, its people, figures and
addresses. Laws and their numbers are real (see ``/work/shared/domain/legal-basis.md``).
"""

from dataclasses import dataclass, field

from .text import L

# ---------------------------------------------------------------------------
# The agency
# ---------------------------------------------------------------------------
AGENCY = {
    "name": L(
        kk="Қазақстан Республикасы Цифрлық қоғамдық коммуникациялар министрлігі",
        ru="Министерство цифровых общественных коммуникаций Республики Казахстан",
        en="Ministry of Digital Public Communications of the Republic of Kazakhstan",
    ),
    "short_name": L(kk="ЦҚКМ (демо)", ru="МЦОК (демо)", en="MDPC (demo)"),
    "address": L(
        kk="010000, Астана қаласы, Есіл ауданы, Мәңгілік Ел даңғылы, 8, "
        "«Министрліктер үйі» әкімшілік ғимараты, 18-кіреберіс",
        ru="010000, город Астана, район Есиль, проспект Мангилик Ел, 8, "
        "административное здание «Дом министерств», подъезд 18",
        en="Entrance 18, House of Ministries, 8 Mangilik El Avenue, Yesil District, "
        "Astana 010000, Kazakhstan",
    ),
    "phone": L(kk="+7 7172 55 01 00", ru="+7 7172 55 01 00", en="+7 7172 55 01 00"),
    "reception_hours": L(
        kk="Дүйсенбі–жұма, 09:00–18:30, түскі үзіліс 13:00–14:30",
        ru="Понедельник–пятница, 09:00–18:30, перерыв 13:00–14:30",
        en="Monday to Friday, 09:00–18:30, lunch break 13:00–14:30",
    ),
    "press_secretary_name": L(
        kk="Әлия Нұрланқызы Сейітова",
        ru="Алия Нурлановна Сеитова",
        en="Aliya Seitova",
    ),
    "press_secretary_position": L(
        kk="Министрдің баспасөз хатшысы",
        ru="Пресс-секретарь министра",
        en="Press Secretary to the Minister",
    ),
    "press_secretary_phone": L(kk="+7 7172 55 01 17", ru="+7 7172 55 01 17", en="+7 7172 55 01 17"),
}
# E-mail fields are synchronised, not translated: one address for all languages.
AGENCY_EMAIL = "info@mdpc.example"
PRESS_EMAIL = "press@mdpc.example"

# Extra footer links (the main sections are listed there already).
FOOTER_LINKS = [
    (
        L(
            kk="Электрондық үкімет порталы",
            ru="Портал электронного правительства",
            en="eGov portal",
        ),
        "https://egov.kz/",
    ),
    (
        L(kk="Ашық деректер порталы", ru="Портал открытых данных", en="Open data portal"),
        "https://data.egov.kz/",
    ),
    (
        L(
            kk="Нормативтік құқықтық актілер",
            ru="Нормативные правовые акты",
            en="Legal acts (Adilet)",
        ),
        "https://adilet.zan.kz/",
    ),
]

SOCIAL_LINKS = {
    "telegram_url": "https://t.me/mdpc_demo",
    "facebook_url": "https://www.facebook.com/mdpc.demo",
    "instagram_url": "https://www.instagram.com/mdpc.demo",
    "youtube_url": "https://www.youtube.com/@mdpc-demo",
    "x_url": "https://x.com/mdpc_demo",
}
STREAM_URL = "https://www.youtube.com/@mdpc-demo/live"

# ---------------------------------------------------------------------------
# Home page and section indexes
# ---------------------------------------------------------------------------
HOME = {
    "title": L(kk="Басты бет", ru="Главная", en="Home"),
    "slug": L(kk="home", ru="glavnaya", en="home-en"),
    "intro": L(
        kk="Цифрлық қоғамдық коммуникациялар министрлігінің баспасөз орталығы. "
        "Бұл — демонстрациялық сайт: министрлік, адамдар, оқиғалар мен сандар ойдан шығарылған.",
        ru="Пресс-центр Министерства цифровых общественных коммуникаций. "
        "Это демонстрационный сайт: министерство, люди, события и цифры вымышлены.",
        en="Press centre of the Ministry of Digital Public Communications. "
        "This is a demonstration site: the ministry, people, events and figures are fictional.",
    ),
}

INDEXES = {
    "news": {
        "title": L(kk="Жаңалықтар", ru="Новости", en="News"),
        "slug": L(kk="news", ru="novosti", en="news"),
        "intro": L(
            kk="Министрліктің ресми хабарламалары, баспасөз релиздері және өңірлердегі жұмыс "
            "туралы жаңалықтар.",
            ru="Официальные сообщения и пресс-релизы министерства, новости о работе в регионах.",
            en="Official messages and press releases of the ministry, and news about its work "
            "in the regions.",
        ),
    },
    "briefings": {
        "title": L(kk="Брифингтер", ru="Брифинги", en="Briefings"),
        "slug": L(kk="briefings", ru="brifingi", en="briefings"),
        "intro": L(
            kk="Алдағы баспасөз конференциялары мен брифингтердің хабарландырулары, өткен "
            "іс-шаралардың стенограммалары мен материалдары.",
            ru="Анонсы предстоящих пресс-конференций и брифингов, стенограммы и материалы "
            "прошедших мероприятий.",
            en="Announcements of upcoming press conferences and briefings, and transcripts and "
            "materials of past events.",
        ),
    },
    "faq": {
        "title": L(kk="Жиі қойылатын сұрақтар", ru="Вопросы и ответы", en="Questions and answers"),
        "slug": L(kk="faq", ru="voprosy-i-otvety", en="faq"),
        "intro": L(
            kk="Азаматтар мен журналистердің ең жиі қоятын сұрақтарына жауаптар. Әр жауапта "
            "жауапты бөлімше мен соңғы тексерілген күні көрсетілген.",
            ru="Ответы на вопросы, которые чаще всего задают граждане и журналисты. В каждом "
            "ответе указаны ответственное подразделение и дата последней проверки.",
            en="Answers to the questions citizens and journalists ask most often. Each answer "
            "names the responsible department and the date it was last checked.",
        ),
    },
}

# ---------------------------------------------------------------------------
# Vocabularies
# ---------------------------------------------------------------------------
TOPICS = {
    "digital-services": L(kk="Цифрлық қызметтер", ru="Цифровые услуги", en="Digital services"),
    "open-data": L(kk="Ашық деректер", ru="Открытые данные", en="Open data"),
    "budget": L(kk="Бюджет және қаржы", ru="Бюджет и финансы", en="Budget and finance"),
    "media": L(kk="БАҚ-пен жұмыс", ru="Работа со СМИ", en="Working with the media"),
    "citizen-requests": L(
        kk="Азаматтардың өтініштері", ru="Обращения граждан", en="Citizen requests"
    ),
    "cybersecurity": L(kk="Киберқауіпсіздік", ru="Кибербезопасность", en="Cybersecurity"),
    "regions": L(kk="Өңірлер", ru="Регионы", en="Regions"),
}


@dataclass(frozen=True)
class Category:
    name: L
    description: L


FAQ_CATEGORIES = {
    "accreditation": Category(
        L(kk="Журналистерді аккредиттеу", ru="Аккредитация журналистов", en="Accreditation"),
        L(
            kk="Министрлікте тұрақты және уақытша аккредиттеу, журналистердің құқықтары.",
            ru="Постоянная и временная аккредитация при министерстве, права журналистов.",
            en="Permanent and temporary accreditation with the ministry, and journalists' rights.",
        ),
    ),
    "information-requests": Category(
        L(
            kk="Ақпарат алуға сұрау салу",
            ru="Информационные запросы",
            en="Information requests",
        ),
        L(
            kk="Сұрау салуды қалай беруге болады, жауап беру мерзімдері және бас тарту негіздері.",
            ru="Как подать запрос, сроки ответа и основания для отказа.",
            en="How to make a request, answer deadlines and grounds for refusal.",
        ),
    ),
    "digital-services": Category(
        L(kk="Цифрлық қызметтер", ru="Цифровые услуги", en="Digital services"),
        L(
            kk="Электрондық үкімет қызметтері және есептік жазбаның қауіпсіздігі.",
            ru="Услуги электронного правительства и безопасность учётной записи.",
            en="E-government services and the security of your account.",
        ),
    ),
    "open-data": Category(
        L(kk="Ашық деректер", ru="Открытые данные", en="Open data"),
        L(
            kk="Министрліктің деректер жиынтықтары және оларды пайдалану шарттары.",
            ru="Наборы данных министерства и условия их использования.",
            en="The ministry's datasets and the terms for using them.",
        ),
    ),
    "about-ministry": Category(
        L(kk="Министрліктің қызметі", ru="О министерстве", en="About the ministry"),
        L(
            kk="Қабылдау, бюджет, бос орындар және баспасөз қызметінің жұмысы.",
            ru="Приём граждан, бюджет, вакансии и работа пресс-службы.",
            en="Receptions, budget, vacancies and the work of the press office.",
        ),
    ),
}

DEPARTMENTS = {
    "press-office": L(kk="Баспасөз қызметі", ru="Пресс-служба", en="Press Office"),
    "digital-services": L(
        kk="Цифрлық қызметтер департаменті",
        ru="Департамент цифровых услуг",
        en="Digital Services Department",
    ),
    "open-data": L(
        kk="Ашық деректер басқармасы", ru="Управление открытых данных", en="Open Data Division"
    ),
    "documents": L(
        kk="Құжаттамалық қамтамасыз ету басқармасы",
        ru="Управление документационного обеспечения",
        en="Document Management Division",
    ),
    "legal": L(kk="Заң департаменті", ru="Юридический департамент", en="Legal Department"),
    "finance": L(kk="Қаржы департаменті", ru="Департамент финансов", en="Finance Department"),
    "hr": L(
        kk="Адам ресурстары басқармасы",
        ru="Управление человеческих ресурсов",
        en="Human Resources Division",
    ),
    "security": L(
        kk="Ақпараттық қауіпсіздік басқармасы",
        ru="Управление информационной безопасности",
        en="Information Security Division",
    ),
}

# ---------------------------------------------------------------------------
# People and places
# ---------------------------------------------------------------------------
SPEAKERS = {
    "minister": (
        L(kk="Дәурен Оспанов", ru="Даурен Оспанов", en="Dauren Ospanov"),
        L(kk="Министр", ru="Министр", en="Minister"),
    ),
    "vice-minister": (
        L(kk="Ержан Сәрсенбаев", ru="Ержан Сарсенбаев", en="Yerzhan Sarsenbayev"),
        L(kk="Вице-министр", ru="Вице-министр", en="Vice Minister"),
    ),
    "digital-director": (
        L(kk="Айгүл Серікова", ru="Айгуль Серикова", en="Aigul Serikova"),
        L(
            kk="Цифрлық қызметтер департаментінің директоры",
            ru="Директор департамента цифровых услуг",
            en="Director of the Digital Services Department",
        ),
    ),
    "open-data-head": (
        L(kk="Мәдина Қасымова", ru="Мадина Касымова", en="Madina Kassymova"),
        L(
            kk="Ашық деректер басқармасының басшысы",
            ru="Руководитель управления открытых данных",
            en="Head of the Open Data Division",
        ),
    ),
    "finance-director": (
        L(kk="Нұрлан Жақыпов", ru="Нурлан Жакупов", en="Nurlan Zhakupov"),
        L(
            kk="Қаржы департаментінің директоры",
            ru="Директор департамента финансов",
            en="Director of the Finance Department",
        ),
    ),
    "security-head": (
        L(kk="Руслан Әбдіков", ru="Руслан Абдиков", en="Ruslan Abdikov"),
        L(
            kk="Ақпараттық қауіпсіздік басқармасының басшысы",
            ru="Руководитель управления информационной безопасности",
            en="Head of the Information Security Division",
        ),
    ),
    "press-secretary": (AGENCY["press_secretary_name"], AGENCY["press_secretary_position"]),
}


def speaker_line(key: str) -> L:
    """ "Name, position" in each language, for quote attributions."""
    name, position = SPEAKERS[key]
    return L(
        kk=f"{name.kk}, {position.kk[0].lower()}{position.kk[1:]}",
        ru=f"{name.ru}, {position.ru[0].lower()}{position.ru[1:]}",
        en=f"{name.en}, {position.en}",
    )


VENUES = {
    "press-hall": L(
        kk="Министрліктің баспасөз залы, Мәңгілік Ел даңғылы, 8, 18-кіреберіс, Астана",
        ru="Пресс-зал министерства, проспект Мангилик Ел, 8, подъезд 18, Астана",
        en="Ministry press hall, 8 Mangilik El Avenue, entrance 18, Astana",
    ),
    "communications-centre": L(
        kk="Орталық коммуникациялар қызметінің брифинг залы, Астана",
        ru="Брифинг-зал Службы центральных коммуникаций, Астана",
        en="Briefing hall of the Central Communications Service, Astana",
    ),
    "government-house": L(
        kk="Үкімет үйі, Астана",
        ru="Дом Правительства, Астана",
        en="Government House, Astana",
    ),
    "online": L(
        kk="Онлайн, министрліктің YouTube арнасында",
        ru="Онлайн, на YouTube-канале министерства",
        en="Online, on the ministry's YouTube channel",
    ),
}

# ---------------------------------------------------------------------------
# Legal acts that FAQ answers rely on
# ---------------------------------------------------------------------------
LEGAL_ACTS = {
    "mass-media": (
        L(
            kk="«Масс-медиа туралы» Қазақстан Республикасының Заңы",
            ru="Закон Республики Казахстан «О масс-медиа»",
            en="Law of the Republic of Kazakhstan “On Mass Media”",
        ),
        L(
            kk="2024 жылғы 19 маусымдағы № 93-VIII ҚРЗ",
            ru="от 19 июня 2024 года № 93-VIII ЗРК",
            en="No. 93-VIII of 19 June 2024",
        ),
        "https://adilet.zan.kz/kaz/docs/Z2400000093",
    ),
    "access-to-information": (
        L(
            kk="«Ақпаратқа қол жеткізу туралы» Қазақстан Республикасының Заңы",
            ru="Закон Республики Казахстан «О доступе к информации»",
            en="Law of the Republic of Kazakhstan “On Access to Information”",
        ),
        L(
            kk="2015 жылғы 16 қарашадағы № 401-V ҚРЗ",
            ru="от 16 ноября 2015 года № 401-V ЗРК",
            en="No. 401-V of 16 November 2015",
        ),
        "https://adilet.zan.kz/kaz/docs/Z1500000401",
    ),
    "personal-data": (
        L(
            kk="«Дербес деректер және оларды қорғау туралы» Қазақстан Республикасының Заңы",
            ru="Закон Республики Казахстан «О персональных данных и их защите»",
            en="Law of the Republic of Kazakhstan “On Personal Data and Their Protection”",
        ),
        L(
            kk="2013 жылғы 21 мамырдағы № 94-V",
            ru="от 21 мая 2013 года № 94-V",
            en="No. 94-V of 21 May 2013",
        ),
        "https://adilet.zan.kz/kaz/docs/Z1300000094",
    ),
    "administrative-code": (
        L(
            kk="Қазақстан Республикасының Әкімшілік рәсімдік-процестік кодексі",
            ru="Административный процедурно-процессуальный кодекс Республики Казахстан",
            en="Administrative Procedural and Process Code of the Republic of Kazakhstan",
        ),
        L(
            kk="2020 жылғы 29 маусымдағы № 350-VI ҚРЗ",
            ru="от 29 июня 2020 года № 350-VI ЗРК",
            en="No. 350-VI of 29 June 2020",
        ),
        "https://adilet.zan.kz/kaz/docs/K2000000350",
    ),
    "informatization": (
        L(
            kk="«Ақпараттандыру туралы» Қазақстан Республикасының Заңы",
            ru="Закон Республики Казахстан «Об информатизации»",
            en="Law of the Republic of Kazakhstan “On Informatization”",
        ),
        L(
            kk="2015 жылғы 24 қарашадағы № 418-V ҚРЗ",
            ru="от 24 ноября 2015 года № 418-V ЗРК",
            en="No. 418-V of 24 November 2015",
        ),
        "https://adilet.zan.kz/kaz/docs/Z1500000418",
    ),
    "model-regulation": (
        L(
            kk="Бұқаралық ақпарат құралдарымен өзара іс-қимыл жөніндегі уәкілетті тұлға "
            "(бөлімше) туралы үлгілік ереже",
            ru="Типовое положение об уполномоченном лице (подразделении) по взаимодействию "
            "со средствами массовой информации",
            en="Model Regulation on the person (unit) authorised to interact with the media",
        ),
        L(
            kk="Мәдениет және ақпарат министрінің 2024 жылғы 29 тамыздағы № 387-НҚ бұйрығы",
            ru="приказ Министра культуры и информации от 29 августа 2024 года № 387-НҚ",
            en="Order No. 387-НҚ of the Minister of Culture and Information, 29 August 2024",
        ),
        "",
    ),
}

# ---------------------------------------------------------------------------
# Tables (TableBlock values) used in bodies
# ---------------------------------------------------------------------------


def _table(caption: str, rows: list[list[str]]) -> dict:
    return {
        "data": rows,
        "table_header_choice": "row",
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": caption,
        "cell": [],
        "mergedCells": [],
    }


TABLES = {
    "budget": {
        "kk": _table(
            "Бюджеттің атқарылуы, млрд теңге",
            [
                ["Бағдарлама", "Жоспар", "Игерілді", "%"],
                ["Электрондық үкімет инфрақұрылымы", "21,4", "20,9", "97,7"],
                ["Халыққа қызмет көрсету орталықтары", "14,2", "14,0", "98,6"],
                ["Ашық деректер және ашық бюджет", "3,1", "2,9", "93,5"],
                ["Ақпараттық қауіпсіздік", "6,3", "6,1", "96,8"],
                ["Әкімшілік шығыстар", "3,6", "3,4", "94,4"],
                ["Барлығы", "48,6", "47,3", "97,3"],
            ],
        ),
        "ru": _table(
            "Исполнение бюджета, млрд тенге",
            [
                ["Программа", "План", "Освоено", "%"],
                ["Инфраструктура электронного правительства", "21,4", "20,9", "97,7"],
                ["Центры обслуживания населения", "14,2", "14,0", "98,6"],
                ["Открытые данные и открытый бюджет", "3,1", "2,9", "93,5"],
                ["Информационная безопасность", "6,3", "6,1", "96,8"],
                ["Административные расходы", "3,6", "3,4", "94,4"],
                ["Итого", "48,6", "47,3", "97,3"],
            ],
        ),
        "en": _table(
            "Budget execution, billion tenge",
            [
                ["Programme", "Plan", "Spent", "%"],
                ["E-government infrastructure", "21.4", "20.9", "97.7"],
                ["Public service centres", "14.2", "14.0", "98.6"],
                ["Open data and open budget", "3.1", "2.9", "93.5"],
                ["Information security", "6.3", "6.1", "96.8"],
                ["Administrative costs", "3.6", "3.4", "94.4"],
                ["Total", "48.6", "47.3", "97.3"],
            ],
        ),
    },
    "services": {
        "kk": _table(
            "Электрондық мемлекеттік қызметтер тоқсандар бойынша",
            [
                ["Тоқсан", "Қызметтер саны", "Өтінімдер, мың", "Қанағаттану, %"],
                ["I тоқсан", "412", "2 310", "89"],
                ["II тоқсан", "428", "2 545", "90"],
                ["III тоқсан", "441", "2 702", "92"],
            ],
        ),
        "ru": _table(
            "Электронные государственные услуги по кварталам",
            [
                ["Квартал", "Число услуг", "Заявки, тыс.", "Удовлетворённость, %"],
                ["I квартал", "412", "2 310", "89"],
                ["II квартал", "428", "2 545", "90"],
                ["III квартал", "441", "2 702", "92"],
            ],
        ),
        "en": _table(
            "Electronic public services by quarter",
            [
                ["Quarter", "Services", "Applications, thousands", "Satisfaction, %"],
                ["Q1", "412", "2,310", "89"],
                ["Q2", "428", "2,545", "90"],
                ["Q3", "441", "2,702", "92"],
            ],
        ),
    },
    "requests": {
        "kk": _table(
            "Өтініштердің түсу арналары",
            [
                ["Арна", "Саны", "Үлесі, %"],
                ["Электрондық үкімет порталы", "684", "54,9"],
                ["Мобильді қосымша", "240", "19,3"],
                ["Пошта және кеңсе", "203", "16,3"],
                ["Жеке қабылдау", "118", "9,5"],
                ["Барлығы", "1 245", "100"],
            ],
        ),
        "ru": _table(
            "Каналы поступления обращений",
            [
                ["Канал", "Количество", "Доля, %"],
                ["Портал электронного правительства", "684", "54,9"],
                ["Мобильное приложение", "240", "19,3"],
                ["Почта и канцелярия", "203", "16,3"],
                ["Личный приём", "118", "9,5"],
                ["Итого", "1 245", "100"],
            ],
        ),
        "en": _table(
            "Requests by channel",
            [
                ["Channel", "Number", "Share, %"],
                ["E-government portal", "684", "54.9"],
                ["Mobile app", "240", "19.3"],
                ["Post and front office", "203", "16.3"],
                ["Personal reception", "118", "9.5"],
                ["Total", "1,245", "100"],
            ],
        ),
    },
    "open-data": {
        "kk": _table(
            "Жарияланған деректер жиынтықтары",
            [
                ["Санат", "Жиынтықтар", "Жаңарту"],
                ["Мемлекеттік қызметтер", "46", "ай сайын"],
                ["Байланыс инфрақұрылымы", "31", "тоқсан сайын"],
                ["Азаматтардың өтініштері", "28", "ай сайын"],
                ["Бюджет", "15", "тоқсан сайын"],
            ],
        ),
        "ru": _table(
            "Опубликованные наборы данных",
            [
                ["Категория", "Наборы", "Обновление"],
                ["Государственные услуги", "46", "ежемесячно"],
                ["Инфраструктура связи", "31", "ежеквартально"],
                ["Обращения граждан", "28", "ежемесячно"],
                ["Бюджет", "15", "ежеквартально"],
            ],
        ),
        "en": _table(
            "Published datasets",
            [
                ["Category", "Datasets", "Updated"],
                ["Public services", "46", "monthly"],
                ["Communications infrastructure", "31", "quarterly"],
                ["Citizen requests", "28", "monthly"],
                ["Budget", "15", "quarterly"],
            ],
        ),
    },
    "deadlines": {
        "kk": _table(
            "Жауап беру мерзімдері",
            [
                ["Өтініш түрі", "Мерзім", "Құқықтық негіз"],
                ["Азаматтың ақпарат алуға сұрауы", "15 күнтізбелік күн", "401-V Заң, 11-бап"],
                ["БАҚ сұрауы", "5 жұмыс күні", "93-VIII Заң, 36-бап"],
                ["Ресми хабарламаны нақтылау", "2 жұмыс күні", "93-VIII Заң, 35-бап"],
                ["Құзыретке жатпайтын сұрауды жіберу", "3 жұмыс күні", "401-V Заң, 11-бап"],
            ],
        ),
        "ru": _table(
            "Сроки ответа",
            [
                ["Вид обращения", "Срок", "Правовое основание"],
                ["Запрос гражданина", "15 календарных дней", "Закон 401-V, ст. 11"],
                ["Запрос СМИ", "5 рабочих дней", "Закон 93-VIII, ст. 36"],
                ["Уточнение официального сообщения", "2 рабочих дня", "Закон 93-VIII, ст. 35"],
                ["Перенаправление не по компетенции", "3 рабочих дня", "Закон 401-V, ст. 11"],
            ],
        ),
        "en": _table(
            "Answer deadlines",
            [
                ["Kind of request", "Deadline", "Legal basis"],
                ["Citizen's information request", "15 calendar days", "Law 401-V, Art. 11"],
                ["Media request", "5 working days", "Law 93-VIII, Art. 36"],
                ["Clarification of an official message", "2 working days", "Law 93-VIII, Art. 35"],
                ["Forwarding outside our competence", "3 working days", "Law 401-V, Art. 11"],
            ],
        ),
    },
}

# ---------------------------------------------------------------------------
# Generated images and documents
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ImageSpec:
    """A picture drawn with Pillow: a motif over a gradient in the ministry's palette."""

    key: str
    motif: str
    alt: L
    caption: L = field(default_factory=lambda: L("", "", ""))


def _alt(kk: str, ru: str, en: str) -> L:
    return L(f"Иллюстрация: {kk}", f"Иллюстрация: {ru}", f"Illustration: {en}")


HERO_IMAGES = [
    ImageSpec(
        "network-1",
        "network",
        _alt(
            "көгілдір фондағы бір-бірімен байланысқан түйіндер желісі",
            "сеть связанных между собой узлов на голубом фоне",
            "a network of connected nodes on a sky-blue background",
        ),
        L(
            kk="Электрондық қызметтер бір желіге біріктірілген",
            ru="Электронные услуги объединены в единую сеть",
            en="Electronic services joined into one network",
        ),
    ),
    ImageSpec(
        "network-2",
        "network",
        _alt(
            "күңгірт көк фондағы алтын түсті түйіндер мен сызықтар",
            "золотые узлы и линии на тёмно-синем фоне",
            "gold nodes and lines on a dark blue background",
        ),
        L(
            kk="Мемлекеттік жүйелер арасындағы байланыс",
            ru="Связи между государственными системами",
            en="Links between state information systems",
        ),
    ),
    ImageSpec(
        "grid-1",
        "grid",
        _alt(
            "әртүрлі түсті шаршылардан тұратын деректер торы",
            "сетка данных из разноцветных квадратов",
            "a data grid of squares in several colours",
        ),
        L(
            kk="Ашық деректер машинамен оқылатын форматта",
            ru="Открытые данные в машиночитаемом формате",
            en="Open data in machine-readable formats",
        ),
    ),
    ImageSpec(
        "grid-2",
        "grid",
        _alt(
            "көгілдір және алтын түсті шаршылар торы",
            "сетка голубых и золотых квадратов",
            "a grid of sky-blue and gold squares",
        ),
        L(
            kk="Деректер жиынтықтары ай сайын жаңартылады",
            ru="Наборы данных обновляются ежемесячно",
            en="Datasets are updated every month",
        ),
    ),
    ImageSpec(
        "bars-1",
        "bars",
        _alt(
            "бюджеттің атқарылуын бейнелейтін бағаналы диаграмма",
            "столбчатая диаграмма исполнения бюджета",
            "a bar chart showing budget execution",
        ),
        L(
            kk="Бюджеттің атқарылуы тоқсандар бойынша",
            ru="Исполнение бюджета по кварталам",
            en="Budget execution by quarter",
        ),
    ),
    ImageSpec(
        "bars-2",
        "bars",
        _alt(
            "көк фондағы өсіп келе жатқан бағаналар",
            "растущие столбцы на синем фоне",
            "rising bars on a blue background",
        ),
        L(
            kk="Шығыстар туралы ашық есептер",
            ru="Открытые отчёты о расходах",
            en="Open reports on spending",
        ),
    ),
    ImageSpec(
        "bubbles-1",
        "bubbles",
        _alt(
            "бір-бірімен қиылысқан сөйлеу бұлттары",
            "пересекающиеся облака реплик",
            "overlapping speech bubbles",
        ),
        L(
            kk="Журналистермен ашық диалог",
            ru="Открытый диалог с журналистами",
            en="An open dialogue with journalists",
        ),
    ),
    ImageSpec(
        "bubbles-2",
        "bubbles",
        _alt(
            "алтын фондағы ақ сөйлеу бұлттары",
            "белые облака реплик на золотом фоне",
            "white speech bubbles on a gold background",
        ),
        L(
            kk="БАҚ сұрауларына уақтылы жауап",
            ru="Своевременные ответы на запросы СМИ",
            en="Timely answers to media requests",
        ),
    ),
    ImageSpec(
        "letters-1",
        "letters",
        _alt(
            "көгілдір фондағы конверттер тізбегі",
            "вереница конвертов на голубом фоне",
            "a row of envelopes on a sky-blue background",
        ),
        L(
            kk="Әрбір өтініш тіркеліп, оған жауап беріледі",
            ru="Каждое обращение регистрируется и получает ответ",
            en="Every request is registered and answered",
        ),
    ),
    ImageSpec(
        "letters-2",
        "letters",
        _alt(
            "күңгірт фондағы ашық конверт пен құжат",
            "раскрытый конверт и документ на тёмном фоне",
            "an open envelope with a document on a dark background",
        ),
        L(
            kk="Өтініштердің мәртебесін онлайн қадағалау",
            ru="Статус обращения можно отследить онлайн",
            en="Request status can be followed online",
        ),
    ),
    ImageSpec(
        "shield-1",
        "shield",
        _alt(
            "шеңберлермен қоршалған қалқан",
            "щит в окружении концентрических кругов",
            "a shield surrounded by concentric circles",
        ),
        L(
            kk="Мемлекеттік сайттарды қорғау",
            ru="Защита государственных сайтов",
            en="Protecting state websites",
        ),
    ),
    ImageSpec(
        "shield-2",
        "shield",
        _alt(
            "күңгірт көк фондағы алтын қалқан",
            "золотой щит на тёмно-синем фоне",
            "a gold shield on a dark blue background",
        ),
        L(
            kk="Киберқауіпсіздік — әр пайдаланушының ісі",
            ru="Кибербезопасность — дело каждого пользователя",
            en="Cybersecurity is every user's business",
        ),
    ),
    ImageSpec(
        "map-1",
        "map",
        _alt(
            "нүктелермен белгіленген өңірлер картасының сұлбасы",
            "схема карты регионов с отмеченными точками",
            "an outline map of the regions marked with dots",
        ),
        L(
            kk="Жобалар барлық өңірлерде іске асырылуда",
            ru="Проекты реализуются во всех регионах",
            en="Projects under way in every region",
        ),
    ),
    ImageSpec(
        "map-2",
        "map",
        _alt(
            "дала көкжиегі мен байланыс нүктелері",
            "линия степного горизонта и точки связи",
            "a steppe horizon with connection points",
        ),
        L(
            kk="Ауылдарды интернетке қосу",
            ru="Подключение сёл к интернету",
            en="Connecting villages to the internet",
        ),
    ),
]

TOPIC_IMAGES = {
    "digital-services": ("network-1", "network-2"),
    "open-data": ("grid-1", "grid-2"),
    "budget": ("bars-1", "bars-2"),
    "media": ("bubbles-1", "bubbles-2"),
    "citizen-requests": ("letters-1", "letters-2"),
    "cybersecurity": ("shield-1", "shield-2"),
    "regions": ("map-1", "map-2"),
}

PHOTO_IMAGES = [
    ImageSpec(
        f"hall-{number}",
        "hall",
        _alt(
            "минбер мен орындық қатарлары бар баспасөз залы",
            "пресс-зал с трибуной и рядами кресел",
            "a press hall with a lectern and rows of chairs",
        ),
        caption,
    )
    for number, caption in enumerate(
        [
            L(
                kk="Брифинг министрліктің баспасөз залында өтті",
                ru="Брифинг прошёл в пресс-зале министерства",
                en="The briefing took place in the ministry's press hall",
            ),
            L(
                kk="Спикерлер журналистердің сұрақтарына жауап берді",
                ru="Спикеры ответили на вопросы журналистов",
                en="The speakers answered journalists' questions",
            ),
            L(
                kk="Іс-шара тікелей эфирде көрсетілді",
                ru="Мероприятие транслировалось в прямом эфире",
                en="The event was streamed live",
            ),
        ],
        start=1,
    )
]

LOGO_ALT = L(
    kk="Цифрлық қоғамдық коммуникациялар министрлігінің эмблемасы: шаңырақ пен күн",
    ru="Эмблема Министерства цифровых общественных коммуникаций: шанырак и солнце",
    en="Emblem of the Ministry of Digital Public Communications: a shanyrak and a sun",
)


@dataclass(frozen=True)
class DocumentSpec:
    """A document generated for the demo; ``kind`` picks the generator."""

    key: str
    kind: str
    title: L
    filename: str


DOCUMENTS = {
    "accreditation-rules": DocumentSpec(
        "accreditation-rules",
        "text",
        L(
            kk="Журналистерді аккредиттеу қағидалары (демо)",
            ru="Правила аккредитации журналистов (демо)",
            en="Rules for the accreditation of journalists (demo)",
        ),
        "accreditation-rules.txt",
    ),
    "request-form": DocumentSpec(
        "request-form",
        "text",
        L(
            kk="Ақпарат алуға сұрау салу үлгісі",
            ru="Образец информационного запроса",
            en="Sample information request",
        ),
        "information-request-sample.txt",
    ),
    "annual-report": DocumentSpec(
        "annual-report",
        "text",
        L(
            kk="Министрдің халық алдындағы есебі: қысқаша мазмұны",
            ru="Отчёт министра перед населением: краткое содержание",
            en="The minister's report to the population: summary",
        ),
        "annual-report-summary.txt",
    ),
    "budget-report": DocumentSpec(
        "budget-report",
        "pdf",
        L(
            kk="Бюджеттің атқарылуы: инфографика",
            ru="Исполнение бюджета: инфографика",
            en="Budget execution: infographic",
        ),
        "budget-execution.pdf",
    ),
    "open-data-catalogue": DocumentSpec(
        "open-data-catalogue",
        "csv",
        L(
            kk="Ашық деректер жиынтықтарының каталогы",
            ru="Каталог наборов открытых данных",
            en="Catalogue of open datasets",
        ),
        "open-data-catalogue.csv",
    ),
}

CLOSING_PARAGRAPH = L(
    kk="Бұқаралық ақпарат құралдары қосымша ақпаратты министрліктің баспасөз қызметіне "
    "сұрау жіберу арқылы ала алады.",
    ru="Дополнительную информацию СМИ могут получить, направив запрос в пресс-службу министерства.",
    en="The media can obtain further information by sending a request to the ministry's press "
    "office.",
)

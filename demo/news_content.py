"""Thirty hand-written news items and the per-topic pieces their bodies share.

A body is: the item's own paragraph, the topic's heading and background
paragraph, one extra block (image, quote, table or document) and a closing line.
"""

from dataclasses import dataclass

from .text import L


@dataclass(frozen=True)
class TopicPieces:
    heading: L
    background: tuple[L, L]
    quote: L
    quote_by: str  # a key of ``site_content.SPEAKERS``


TOPIC_PIECES = {
    "digital-services": TopicPieces(
        heading=L(
            kk="Азаматтар үшін не өзгереді",
            ru="Что меняется для граждан",
            en="What changes for citizens",
        ),
        background=(
            L(
                kk="Министрліктің мақсаты — кез келген мемлекеттік қызметті мекемеге бармай және "
                "мемлекетте бұрыннан бар құжаттарды ұсынбай алуға мүмкіндік жасау. Электрондық "
                "қызметтер өңірлермен бірлесіп әзірленеді және іске қосылар алдында "
                "пайдаланушылардың қатысуымен сынақтан өтеді.",
                ru="Цель министерства — чтобы любую государственную услугу можно было получить "
                "без посещения учреждения и без предоставления документов, которые уже есть у "
                "государства. Электронные услуги разрабатываются совместно с регионами и до "
                "запуска проходят проверку с участием пользователей.",
                en="The ministry's goal is that every public service can be obtained without "
                "visiting an office and without presenting documents the state already holds. "
                "Electronic services are developed together with the regions and tested with "
                "users before launch.",
            ),
            L(
                kk="Егер қызмет тиісінше жұмыс істемесе, пайдаланушылар бұл туралы электрондық "
                "үкімет порталы арқылы немесе 1414 бірыңғай байланыс орталығына қоңырау шалып "
                "хабарлай алады. Әрбір хабарлама тіркеліп, оған жауап беріледі.",
                ru="Если услуга работает не так, как должна, пользователи могут сообщить о "
                "проблеме через портал электронного правительства или по номеру единого "
                "контакт-центра 1414. Каждое сообщение регистрируется, и на него даётся ответ.",
                en="If a service does not work as it should, users can report the problem "
                "through the e-government portal or by calling the unified contact centre on "
                "1414. Every report is registered and answered.",
            ),
        ),
        quote=L(
            kk="Мемлекеттік қызмет азаматтың уақытын үнемдеуі керек, оған кедергі болмауы тиіс.",
            ru="Государственная услуга должна экономить время гражданина, а не становиться "
            "препятствием.",
            en="A public service should save citizens' time, not stand in their way.",
        ),
        quote_by="vice-minister",
    ),
    "open-data": TopicPieces(
        heading=L(
            kk="Деректерді қалай пайдалануға болады",
            ru="Как использовать данные",
            en="How to use the data",
        ),
        background=(
            L(
                kk="Ашық деректер еркін лицензия шарттарымен жарияланады: оларды дереккөзге "
                "сілтеме жасай отырып көшіруге, өңдеуге және коммерциялық мақсатта пайдалануға "
                "болады. Әр жиынтықтың өрістерінің сипаттамасы, жаңарту жиілігі және жауапты "
                "маманның байланыс деректері бар.",
                ru="Открытые данные публикуются на условиях свободной лицензии: их можно "
                "копировать, обрабатывать и использовать в коммерческих целях со ссылкой на "
                "источник. У каждого набора есть описание полей, периодичность обновления и "
                "контакты ответственного специалиста.",
                en="Open data is published under a free licence: it can be copied, processed "
                "and used commercially with a reference to the source. Every dataset has a "
                "description of its fields, an update frequency and the contact details of the "
                "specialist responsible for it.",
            ),
            L(
                kk="Дербес деректер мен қолжетімділігі шектеулі ақпарат ашық жиынтықтарға "
                "ешқашан енгізілмейді. Жарияланар алдында әрбір жиынтық заң қызметінде "
                "тексеріліп, қажет болса иесіздендіріледі.",
                ru="Персональные данные и информация с ограниченным доступом в открытые наборы "
                "не включаются. Перед публикацией каждый набор проверяется юридической службой "
                "и при необходимости обезличивается.",
                en="Personal data and restricted information are never included in open "
                "datasets. Before publication every dataset is checked by the legal department "
                "and anonymised where necessary.",
            ),
        ),
        quote=L(
            kk="Ашық деректер — мемлекет пен қоғам арасындағы сенімнің негізі.",
            ru="Открытые данные — основа доверия между государством и обществом.",
            en="Open data is the foundation of trust between the state and society.",
        ),
        quote_by="open-data-head",
    ),
    "budget": TopicPieces(
        heading=L(
            kk="Қаражат қалай жұмсалады", ru="Как расходуются средства", en="How the money is spent"
        ),
        background=(
            L(
                kk="Министрлік өз бюджетін, оның атқарылуы туралы тоқсан сайынғы есептерді және "
                "сатып алу жоспарларын «Ашық бюджет» бөлімінде жариялайды. Заң бойынша бюджет "
                "қаражатын қалыптастыру және жұмсау туралы ақпаратқа қол жеткізуді шектеуге "
                "болмайды.",
                ru="Министерство публикует свой бюджет, ежеквартальные отчёты о его исполнении и "
                "планы закупок в разделе «Открытый бюджет». По закону доступ к информации о "
                "формировании и расходовании бюджетных средств не может быть ограничен.",
                en="The ministry publishes its budget, quarterly execution reports and "
                "procurement plans in the Open Budget section. By law, access to information on "
                "how budget funds are formed and spent cannot be restricted.",
            ),
            L(
                kk="Әрбір ірі шартқа не сатып алынатыны және қандай нәтиже күтілетіні туралы "
                "қысқаша сипаттама беріледі. Азаматтар шығыстардың кез келген бабы бойынша "
                "ақпарат алуға сұрау салу нысаны арқылы сұрақ қоя алады.",
                ru="Каждый крупный договор сопровождается кратким описанием того, что "
                "приобретается и какой результат ожидается. Граждане могут задать вопрос по "
                "любой статье расходов через форму информационного запроса.",
                en="Every large contract comes with a short description of what is being bought "
                "and what result is expected. Citizens can ask about any item of spending "
                "through the information request form.",
            ),
        ),
        quote=L(
            kk="Бюджеттің әр теңгесі үшін есеп беру — біздің міндетіміз.",
            ru="Отчитываться за каждый тенге бюджета — наша обязанность.",
            en="Accounting for every tenge of the budget is our duty.",
        ),
        quote_by="finance-director",
    ),
    "media": TopicPieces(
        heading=L(
            kk="Журналистерге арналған ақпарат",
            ru="Информация для журналистов",
            en="Information for journalists",
        ),
        background=(
            L(
                kk="Баспасөз қызметі брифингтер мен баспасөз конференциялары туралы сайтта алдын "
                "ала хабарлайды және аккредиттелген журналистерге шақырулар жібереді. Әр "
                "іс-шарадан кейін стенограммалар, фотосуреттер мен презентациялар жарияланады.",
                ru="Пресс-служба заранее объявляет о брифингах и пресс-конференциях на сайте и "
                "рассылает приглашения аккредитованным журналистам. После каждого мероприятия "
                "публикуются стенограммы, фотографии и презентации.",
                en="The press office announces briefings and press conferences on the website "
                "in advance and sends invitations to accredited journalists. Transcripts, photos "
                "and presentations are published after every event.",
            ),
            L(
                kk="Ресми хабарламалар меншік нысанына қарамастан барлық БАҚ-қа тең жағдайда "
                "жіберіледі. Түсініктеме мен сұхбат алу туралы сұрауларды БАҚ сұрауы нысаны "
                "арқылы жіберуге болады.",
                ru="Официальные сообщения направляются всем СМИ на равных условиях, независимо "
                "от формы собственности. Запросы на комментарии и интервью можно направить "
                "через форму запроса СМИ.",
                en="Official messages go to all media on equal terms, whoever owns them. "
                "Requests for comments and interviews can be sent through the media request "
                "form.",
            ),
        ),
        quote=L(
            kk="Журналистің сұрағына уақтылы әрі толық жауап беру — ашықтықтың ең қарапайым "
            "көрінісі.",
            ru="Своевременный и полный ответ на вопрос журналиста — самое простое проявление "
            "открытости.",
            en="A timely and complete answer to a journalist's question is the simplest form of "
            "openness.",
        ),
        quote_by="press-secretary",
    ),
    "citizen-requests": TopicPieces(
        heading=L(
            kk="Өтінішті қалай беруге болады",
            ru="Как подать обращение",
            en="How to submit a request",
        ),
        background=(
            L(
                kk="Өтінішті жазбаша түрде, цифрлық қолтаңбамен электрондық түрде немесе жеке "
                "қабылдауда ауызша беруге болады. Ақпарат алуға жазбаша сұрау салуға ол түскен "
                "күннен бастап күнтізбелік он бес күн ішінде жауап беріледі.",
                ru="Обращение можно подать письменно, в электронном виде с цифровой подписью или "
                "устно на личном приёме. На письменный запрос информации ответ даётся в течение "
                "пятнадцати календарных дней со дня его поступления.",
                en="A request can be made in writing, electronically with a digital signature, "
                "or orally at a personal reception. A written request for information is "
                "answered within fifteen calendar days of the day it is received.",
            ),
            L(
                kk="Анонимді жазбаша өтініштер қаралмайды. Жауап өтініш тілінде беріледі, ал "
                "өтініш беруші оның мәртебесін тіркеу нөмірі бойынша онлайн қадағалай алады.",
                ru="Анонимные письменные обращения не рассматриваются. Ответ даётся на языке "
                "обращения, а заявитель может следить за его статусом онлайн по "
                "регистрационному номеру.",
                en="Anonymous written requests are not considered. The answer is given in the "
                "language of the request, and the applicant can follow its status online using "
                "the registration number.",
            ),
        ),
        quote=L(
            kk="Әрбір өтініштің артында нақты адам мен оның нақты мәселесі тұр.",
            ru="За каждым обращением стоит конкретный человек и его конкретная проблема.",
            en="Behind every request there is a real person with a real problem.",
        ),
        quote_by="minister",
    ),
    "cybersecurity": TopicPieces(
        heading=L(
            kk="Өзіңізді қалай қорғауға болады",
            ru="Как защитить себя",
            en="How to protect yourself",
        ),
        background=(
            L(
                kk="Электрондық үкімет есептік жазбасы үшін екі факторлы аутентификацияны "
                "пайдаланыңыз және бір реттік кодтарды ешкімге, оның ішінде өздерін мемлекеттік "
                "қызметші ретінде таныстыратын адамдарға да айтпаңыз. Деректеріңізді енгізбес "
                "бұрын сайттың мекенжайын тексеріңіз.",
                ru="Используйте двухфакторную аутентификацию для учётной записи электронного "
                "правительства и никому не сообщайте одноразовые коды, в том числе людям, "
                "представляющимся госслужащими. Проверяйте адрес сайта, прежде чем вводить свои "
                "данные.",
                en="Use two-factor authentication for your e-government account and never share "
                "one-time codes with anyone, including people who introduce themselves as civil "
                "servants. Check the address of a website before you enter your details.",
            ),
            L(
                kk="Мемлекеттік органдар өз жүйелерін осал тұстарға үнемі тексеріп, нәтижелерін "
                "жинақталған түрде жариялайды. Күдікті инцидент туралы компьютерлік "
                "инциденттерге ден қою жөніндегі ұлттық қызметке тәулік бойы хабарлауға болады.",
                ru="Государственные органы регулярно проверяют свои системы на уязвимости и "
                "публикуют обобщённые результаты. О подозрении на инцидент можно круглосуточно "
                "сообщить в национальную службу реагирования на компьютерные инциденты.",
                en="State bodies regularly test their systems for vulnerabilities and publish a "
                "summary of the results. A suspected incident can be reported at any time of "
                "day or night to the national computer incident response service.",
            ),
        ),
        quote=L(
            kk="Киберқауіпсіздік — тек мамандардың емес, әр пайдаланушының ісі.",
            ru="Кибербезопасность — дело не только специалистов, но и каждого пользователя.",
            en="Cybersecurity is the business not only of specialists but of every user.",
        ),
        quote_by="security-head",
    ),
    "regions": TopicPieces(
        heading=L(kk="Өңірлердегі жұмыс", ru="Работа в регионах", en="Work in the regions"),
        background=(
            L(
                kk="Министрлік барлық 17 облыстың және Астана, Алматы, Шымкент қалаларының "
                "әкімдіктерімен жұмыс істейді. Өңірлік жобалар алдымен бір-екі өңірде сынақтан "
                "өтіп, содан кейін бүкіл елге таратылады.",
                ru="Министерство работает с акиматами всех 17 областей и городов Астаны, Алматы "
                "и Шымкента. Региональные проекты сначала испытываются в одном-двух регионах, а "
                "затем распространяются на всю страну.",
                en="The ministry works with the akimats of all 17 regions and of the cities of "
                "Astana, Almaty and Shymkent. Regional projects are first tested in one or two "
                "regions and then extended to the whole country.",
            ),
            L(
                kk="Тұрғындар өңірлік жобалардың барысын интерактивті картадан қадағалап, пікір "
                "қалдыра алады. Өңірлік баспасөз қызметтері жаңалықтарды қазақ және орыс "
                "тілдерінде жариялайды.",
                ru="Жители могут следить за ходом региональных проектов на интерактивной карте и "
                "оставлять комментарии. Региональные пресс-службы публикуют новости на "
                "казахском и русском языках.",
                en="Residents can follow regional projects on the interactive map and leave "
                "comments. Regional press services publish news in Kazakh and Russian.",
            ),
        ),
        quote=L(
            kk="Жаңа қызмет ауылда да, қалада да бірдей жұмыс істеуі керек.",
            ru="Новая услуга должна одинаково работать и в селе, и в городе.",
            en="A new service must work equally well in a village and in a city.",
        ),
        quote_by="digital-director",
    ),
}


@dataclass(frozen=True)
class NewsItem:
    """A hand-written news item. ``extra`` is "image", "quote", "table:<key>" or "document:<key>"."""

    key: str
    days_ago: int
    topics: tuple[str, ...]
    extra: str
    title: L
    lead: L
    text: L


NEWS = [
    NewsItem(
        "online-media-requests",
        0,
        ("media", "digital-services"),
        "document:request-form",
        L(
            kk="Журналистер енді министрлікке сұрау салуды онлайн жібере алады",
            ru="Журналисты теперь могут направлять запросы в министерство онлайн",
            en="Journalists can now send requests to the ministry online",
        ),
        L(
            kk="Министрлік сайтындағы жаңа нысан БАҚ сұрауын бірден тіркеп, жауап берудің бес "
            "жұмыс күндік мерзімін көрсетеді.",
            ru="Новая форма на сайте министерства сразу регистрирует запрос СМИ и показывает "
            "срок ответа — пять рабочих дней.",
            en="A new form on the ministry's website registers a media request at once and shows "
            "the five-working-day deadline for the answer.",
        ),
        L(
            kk="Нысан қазақ, орыс және ағылшын тілдерінде қолжетімді. Сұрауды жібергеннен кейін "
            "журналист тіркеу нөмірін алады және оның мәртебесін жеке кабинетте қадағалай алады. "
            "Электрондық цифрлық қолтаңбамен қол қойылған сұраулар «Масс-медиа туралы» Заңда "
            "белгіленген тәртіппен қаралады.",
            ru="Форма доступна на казахском, русском и английском языках. После отправки "
            "журналист получает регистрационный номер и может следить за статусом запроса в "
            "личном кабинете. Запросы, подписанные электронной цифровой подписью, рассматриваются "
            "в порядке, установленном Законом «О масс-медиа».",
            en="The form is available in Kazakh, Russian and English. After sending a request, "
            "the journalist receives a registration number and can follow its status in a "
            "personal account. Requests signed with an electronic digital signature are "
            "considered in the manner set by the Law “On Mass Media”.",
        ),
    ),
    NewsItem(
        "open-data-120-datasets",
        1,
        ("open-data",),
        "table:open-data",
        L(
            kk="Ашық деректер порталында 120 жаңа деректер жиынтығы жарияланды",
            ru="На портале открытых данных опубликовано 120 новых наборов данных",
            en="120 new datasets published on the open data portal",
        ),
        L(
            kk="Министрлік мемлекеттік қызметтер көрсету, азаматтардың өтініштері және өңірлік "
            "кең жолақты желі туралы деректерді машинамен оқылатын форматта жариялады.",
            ru="Министерство опубликовало в машиночитаемом формате данные об оказании "
            "государственных услуг, обращениях граждан и региональной сети широкополосного "
            "доступа.",
            en="The ministry has released machine-readable data on public service delivery, "
            "citizen requests and the regional broadband network.",
        ),
        L(
            kk="Барлық жиынтықтар CSV және JSON форматтарында қолжетімді әрі ай сайын жаңартылып "
            "отырады. Әзірлеушілер бағдарламалық интерфейсті тіркелусіз пайдалана алады. Жаңа "
            "жиынтықтар бойынша ұсыныстарды порталдағы кері байланыс нысаны арқылы жіберуге "
            "болады.",
            ru="Все наборы доступны в форматах CSV и JSON и обновляются ежемесячно. "
            "Разработчики могут пользоваться программным интерфейсом без регистрации. "
            "Предложения о новых наборах можно направить через форму обратной связи на портале.",
            en="All datasets are available in CSV and JSON and are updated monthly. Developers "
            "can use the programming interface without registering. Suggestions for new "
            "datasets can be sent through the feedback form on the portal.",
        ),
    ),
    NewsItem(
        "budget-nine-months",
        2,
        ("budget",),
        "table:budget",
        L(
            kk="Министрлік бюджеті тоғыз айда 97,3 пайызға игерілді",
            ru="Бюджет министерства за девять месяцев исполнен на 97,3 процента",
            en="Ministry's budget for nine months executed at 97.3 per cent",
        ),
        L(
            kk="Қаңтар–қыркүйекке жоспарланған 48,6 млрд теңгенің 47,3 млрд теңгесі игерілді; "
            "үнемделген қаражат негізінен конкурстық сатып алулар нәтижесінде қалыптасты.",
            ru="Из запланированных на январь–сентябрь 48,6 млрд тенге освоено 47,3 млрд тенге; "
            "экономия сложилась в основном по итогам конкурсных закупок.",
            en="Of the 48.6 billion tenge planned for January to September, 47.3 billion was "
            "spent; the savings came mainly from competitive procurement.",
        ),
        L(
            kk="Шығыстардың ең ірі баптары — электрондық үкімет инфрақұрылымын дамыту және "
            "халыққа қызмет көрсету орталықтарын ұстау. Игерілмеген қаражат республикалық "
            "бюджетке қайтарылады немесе белгіленген тәртіппен қайта бөлінеді. Толық есеп «Ашық "
            "бюджет» бөлімінде орналастырылған.",
            ru="Наибольшие статьи расходов — развитие инфраструктуры электронного правительства "
            "и содержание центров обслуживания населения. Неосвоенные средства будут возвращены "
            "в республиканский бюджет или перераспределены в установленном порядке. Подробный "
            "отчёт размещён в разделе «Открытый бюджет».",
            en="The largest items of spending were the e-government infrastructure and the "
            "upkeep of public service centres. Unspent funds will be returned to the republican "
            "budget or redistributed in the established way. A detailed report is available in "
            "the Open Budget section.",
        ),
    ),
    NewsItem(
        "accreditation-next-year",
        3,
        ("media",),
        "document:accreditation-rules",
        L(
            kk="Журналистерді келесі жылға тұрақты аккредиттеуге өтінімдер қабылдау басталды",
            ru="Открыт приём заявок на постоянную аккредитацию журналистов на следующий год",
            en="Applications open for permanent accreditation of journalists for next year",
        ),
        L(
            kk="Редакциялар өтінімдерді он жұмыс күні ішінде бере алады; қарау мерзімі — үш "
            "жұмыс күні.",
            ru="Редакции могут подать заявки в течение десяти рабочих дней; срок рассмотрения — "
            "три рабочих дня.",
            en="Editorial offices can apply within ten working days; applications are reviewed "
            "within three working days.",
        ),
        L(
            kk="Өтінімді журналистің өзі емес, бұқаралық ақпарат құралы береді. Аккредиттелген "
            "журналистерге брифингтер мен кездесулер туралы алдын ала хабарланады, оларға "
            "стенограммалар мен өзге де материалдар беріледі. Шетелдік БАҚ өкілдерін Сыртқы "
            "істер министрлігі аккредиттейді.",
            ru="Заявку подаёт средство массовой информации, а не журналист лично. "
            "Аккредитованные журналисты заранее получают уведомления о брифингах и встречах, а "
            "также стенограммы и другие материалы. Представителей иностранных СМИ аккредитует "
            "Министерство иностранных дел.",
            en="The application is made by the media outlet, not by the journalist personally. "
            "Accredited journalists are notified of briefings and meetings in advance and "
            "receive transcripts and other materials. Foreign media representatives are "
            "accredited by the Ministry of Foreign Affairs.",
        ),
    ),
    NewsItem(
        "requests-monthly-statistics",
        4,
        ("citizen-requests",),
        "table:requests",
        L(
            kk="Бір айда азаматтардың 1 245 өтініші қаралды, жауап берудің орташа мерзімі — "
            "тоғыз күн",
            ru="За месяц рассмотрено 1 245 обращений граждан, средний срок ответа — девять дней",
            en="1,245 citizen requests considered in a month, with an average answer time of "
            "nine days",
        ),
        L(
            kk="Сұрақтардың басым бөлігі электрондық қызметтерге қол жеткізуге, халыққа қызмет "
            "көрсету орталықтарының жұмысына және дербес деректерді қорғауға қатысты болды.",
            ru="Большинство вопросов касались доступа к электронным услугам, работы центров "
            "обслуживания населения и защиты персональных данных.",
            en="Most questions concerned access to electronic services, the work of public "
            "service centres and the protection of personal data.",
        ),
        L(
            kk="Бірде-бір жауап заңда белгіленген мерзімнен кешіктірілген жоқ. 212 өтініш үш "
            "жұмыс күні ішінде басқа мемлекеттік органдарға жіберіліп, бұл туралы өтініш "
            "берушілерге хабарланды. Ең жиі қойылған сұрақтар «Жиі қойылатын сұрақтар» бөліміне "
            "қосылды.",
            ru="Ни один ответ не был дан позже установленного законом срока. 212 обращений в "
            "течение трёх рабочих дней перенаправлены в другие государственные органы с "
            "уведомлением заявителей. Самые частые вопросы добавлены в раздел «Вопросы и "
            "ответы».",
            en="No answer was given later than the deadline set by law. 212 requests were "
            "forwarded to other state bodies within three working days, and their authors were "
            "informed. The most frequent questions have been added to the Questions and answers "
            "section.",
        ),
    ),
    NewsItem(
        "cyber-exercise-akimats",
        6,
        ("cybersecurity", "regions"),
        "image",
        L(
            kk="Облыс әкімдіктерінің баспасөз қызметтері үшін киберқауіпсіздік бойынша "
            "оқу-жаттығу өтті",
            ru="Для пресс-служб областных акиматов проведены учения по кибербезопасности",
            en="Cybersecurity exercise held for the press services of regional akimats",
        ),
        L(
            kk="Қатысушылар әлеуметтік желідегі ресми аккаунт бұзылған немесе сайт мазмұны "
            "ауыстырылған жағдайдағы іс-қимылды пысықтады.",
            ru="Участники отработали действия на случай взлома официального аккаунта в "
            "социальных сетях или подмены содержимого сайта.",
            en="Participants practised what to do if an official social media account is "
            "hijacked or a website is defaced.",
        ),
        L(
            kk="Оқу-жаттығуға 17 облыс пен республикалық маңызы бар үш қаланың мамандары "
            "қатысты. Сценарийлер қолжетімділікті қалпына келтіруді, аудиторияны жедел хабардар "
            "етуді және рұқсатсыз жарияланған материалдарды тексеруді қамтыды. Қорытындысы "
            "бойынша министрлік ресми аккаунттарды қорғау жөніндегі ұсынымдарды жаңартады.",
            ru="В учениях приняли участие специалисты из 17 областей и трёх городов "
            "республиканского значения. Сценарии включали восстановление доступа, оперативное "
            "информирование аудитории и проверку материалов, опубликованных без разрешения. По "
            "итогам министерство обновит рекомендации по защите официальных аккаунтов.",
            en="Specialists from 17 regions and the three cities of republican significance "
            "took part. The scenarios covered restoring access, informing the audience quickly "
            "and checking material published without authorisation. The ministry will update "
            "its recommendations on protecting official accounts in the light of the results.",
        ),
    ),
    NewsItem(
        "karaganda-press-seminar",
        8,
        ("media", "regions"),
        "image",
        L(
            kk="Қарағандыда мемлекеттік органдардың баспасөз хатшыларына арналған семинар өтті",
            ru="В Караганде прошёл семинар для пресс-секретарей государственных органов",
            en="Press secretaries of state bodies trained in Karaganda",
        ),
        L(
            kk="Қырық маман ресми хабарламаларды дайындау, БАҚ сұрауларына уақтылы жауап беру "
            "және фактілерді тексеру мәселелерін талқылады.",
            ru="Сорок специалистов обсудили подготовку официальных сообщений, своевременные "
            "ответы на запросы СМИ и проверку фактов.",
            en="Forty specialists discussed preparing official messages, answering media "
            "requests on time and checking facts.",
        ),
        L(
            kk="Семинар үлгілік ережеде әрбір баспасөз қызметі үшін көзделген біліктілікті "
            "арттыру бағдарламасына кіреді. Практикалық сабақтар баспасөз релиздерін қарапайым "
            "тілмен жазуға және лауазымды адамдарды сұхбатқа дайындауға арналды. Қатысушыларға "
            "сертификаттар табысталды.",
            ru="Семинар входит в программу повышения квалификации, предусмотренную типовым "
            "положением для каждой пресс-службы. Практические занятия были посвящены написанию "
            "пресс-релизов простым языком и подготовке должностных лиц к интервью. Участники "
            "получили сертификаты.",
            en="The seminar is part of the advanced training that the model regulation requires "
            "of every press office. Practical sessions covered writing press releases in plain "
            "language and preparing officials for interviews. Participants received "
            "certificates.",
        ),
    ),
    NewsItem(
        "app-status-notifications",
        9,
        ("digital-services", "citizen-requests"),
        "quote",
        L(
            kk="Мобильді қосымша енді өтініш мәртебесі өзгергенде азаматтарға хабарлама жібереді",
            ru="Мобильное приложение теперь уведомляет граждан об изменении статуса обращения",
            en="Mobile app now tells citizens when the status of their request changes",
        ),
        L(
            kk="Жаңартуда сондай-ақ қараңғы тақырып, ірі қаріп және қазақ тіліндегі дауыстық "
            "көмекші қосылды.",
            ru="Обновление также добавило тёмную тему, крупный шрифт и голосового помощника на "
            "казахском языке.",
            en="The update also adds a dark theme, larger type and a Kazakh-language voice "
            "assistant.",
        ),
        L(
            kk="Хабарламалар өтініш тіркелгенде, басқа органға жіберілгенде, мерзімі "
            "ұзартылғанда және жауап берілгенде келеді. Оларды баптаулардан өшіруге болады. Жаңа "
            "нұсқа ресми қосымшалар дүкендерінде қолжетімді.",
            ru="Уведомления приходят при регистрации обращения, его перенаправлении в другой "
            "орган, продлении срока и получении ответа. Их можно отключить в настройках. Новая "
            "версия доступна в официальных магазинах приложений.",
            en="Notifications arrive when a request is registered, forwarded to another body, "
            "extended or answered. They can be switched off in the settings. The new version is "
            "available in the official app stores.",
        ),
    ),
    NewsItem(
        "draft-website-rules",
        11,
        ("open-data", "digital-services"),
        "quote",
        L(
            kk="Мемлекеттік органдардың интернет-ресурстарын толтыру қағидаларының жобасы "
            "қоғамдық талқылауға шығарылды",
            ru="Проект правил наполнения интернет-ресурсов госорганов вынесен на общественное "
            "обсуждение",
            en="Draft rules on the content of state bodies' websites open for public comment",
        ),
        L(
            kk="Ескертулер ашық нормативтік құқықтық актілер порталында он жұмыс күні ішінде "
            "қабылданады.",
            ru="Замечания принимаются в течение десяти рабочих дней на портале открытых "
            "нормативных правовых актов.",
            en="Comments are accepted for ten working days on the open legal acts portal.",
        ),
        L(
            kk="Жобада сайттың міндетті бөлімдері, жаңалықтар мен өзге бөлімдерді жаңарту "
            "мерзімдері, сондай-ақ орналастыру және жаңарту күндерін көрсету тәртібі "
            "айқындалған. Көру және есту қабілеті бұзылған адамдар үшін қолжетімділікке ерекше "
            "назар аударылған. Түскен барлық ескертулер жинақталып, әрқайсысы бойынша "
            "министрліктің ұстанымымен бірге жарияланады.",
            ru="Проект определяет обязательные разделы сайта, сроки обновления новостей и других "
            "разделов, а также порядок отображения дат размещения и обновления. Особое внимание "
            "уделено доступности для людей с нарушениями зрения и слуха. Все поступившие "
            "замечания будут обобщены и опубликованы вместе с позицией министерства по каждому "
            "из них.",
            en="The draft sets out which sections a website must have, how quickly news and "
            "other sections must be updated and how the dates of posting and updating are shown. "
            "Particular attention is paid to accessibility for people with visual and hearing "
            "impairments. All comments will be summarised and published with the ministry's "
            "position on each.",
        ),
    ),
    NewsItem(
        "minister-report-to-population",
        13,
        ("media",),
        "document:annual-report",
        L(
            kk="Министр министрліктің жұмысы туралы халық алдында есеп берді",
            ru="Министр отчитался перед населением о работе министерства",
            en="Minister reports to the population on the ministry's work",
        ),
        L(
            kk="Кездесу тікелей эфирде көрсетілді; көрермендерден алдын ала және эфир барысында "
            "300-ден астам сұрақ келіп түсті.",
            ru="Встреча транслировалась в прямом эфире; от зрителей заранее и во время "
            "трансляции поступило более 300 вопросов.",
            en="The meeting was broadcast live; viewers sent more than 300 questions beforehand "
            "and during the broadcast.",
        ),
        L(
            kk="Министр мемлекеттік қызметтерді цифрландыру қорытындылары, ашық деректерді "
            "дамыту және мемлекеттік органдардағы қағаз құжат айналымын қысқарту жоспарлары "
            "туралы айтып берді. Эфирде жауап берілмеген сұрақтарға жауаптар он күн ішінде "
            "сайтта жарияланады.",
            ru="Министр рассказал об итогах цифровизации государственных услуг, развитии "
            "открытых данных и планах по сокращению бумажного документооборота в госорганах. "
            "Ответы на вопросы, которые не прозвучали в эфире, будут опубликованы на сайте в "
            "течение десяти дней.",
            en="The minister spoke about the results of digitalising public services, the "
            "growth of open data and plans to cut paperwork in state bodies. Answers to "
            "questions not covered on air will be published on the website within ten days.",
        ),
    ),
    NewsItem(
        "interactive-spending-map",
        15,
        ("budget", "open-data"),
        "document:budget-report",
        L(
            kk="Интерактивті карта министрлік бюджетінің қайда жұмсалатынын көрсетеді",
            ru="Интерактивная карта показывает, на что расходуется бюджет министерства",
            en="Interactive map shows where the ministry's budget is spent",
        ),
        L(
            kk="Әр өңір бойынша жасалған шарттар, төленген сомалар және әрбір жобаның кезеңі "
            "көрсетіледі.",
            ru="По каждому региону видны заключённые договоры, выплаченные суммы и стадия "
            "каждого проекта.",
            en="For each region it shows the contracts concluded, the amounts paid and the stage "
            "of every project.",
        ),
        L(
            kk="Деректер қазынашылық және мемлекеттік сатып алу жүйелерінен алынып, апта сайын "
            "жаңартылады. Пайдаланушылар жобаларды бюджеттік бағдарлама бойынша сүзіп, "
            "іріктемені кесте түрінде жүктей алады. Карта өткен жылы басталған «Ашық бюджет» "
            "бастамасының бөлігі болып табылады.",
            ru="Данные поступают из систем казначейства и государственных закупок и обновляются "
            "еженедельно. Пользователи могут отфильтровать проекты по бюджетной программе и "
            "выгрузить выборку в виде таблицы. Карта — часть инициативы «Открытый бюджет», "
            "запущенной в прошлом году.",
            en="The data comes from the treasury and public procurement systems and is updated "
            "every week. Users can filter projects by budget programme and download the "
            "selection as a table. The map is part of the Open Budget initiative launched last "
            "year.",
        ),
    ),
    NewsItem(
        "digital-literacy-turkistan",
        17,
        ("digital-services", "regions"),
        "image",
        L(
            kk="Түркістан облысында егде жастағы адамдарға арналған цифрлық сауаттылық курстары "
            "басталды",
            ru="В Туркестанской области стартовали курсы цифровой грамотности для людей "
            "старшего возраста",
            en="Digital literacy courses for older people start in Turkistan Region",
        ),
        L(
            kk="Екі ай ішінде еріктілер 1 500 адамды электрондық қызметтерді пайдалануға және "
            "алаяқтық хабарламаларды ажыратуға үйретеді.",
            ru="За два месяца волонтёры обучат 1 500 человек пользоваться электронными услугами "
            "и распознавать мошеннические сообщения.",
            en="Over two months, volunteers will teach 1,500 people to use electronic services "
            "and to recognise fraudulent messages.",
        ),
        L(
            kk="Сабақтар кітапханалар мен халыққа қызмет көрсету орталықтарында қазақ және орыс "
            "тілдерінде өтеді. Әр қатысушыға қадамдық нұсқаулығы бар басылған жадынама беріледі. "
            "Келесі жылы жоба басқа өңірлерге таратылады.",
            ru="Занятия проходят в библиотеках и центрах обслуживания населения на казахском и "
            "русском языках. Каждый участник получает печатную памятку с пошаговыми "
            "инструкциями. В следующем году проект распространят на другие регионы.",
            en="Classes are held in libraries and public service centres in Kazakh and Russian. "
            "Every participant receives a printed guide with step-by-step instructions. Next "
            "year the project will be extended to other regions.",
        ),
    ),
    NewsItem(
        "media-requests-on-time",
        19,
        ("media", "citizen-requests"),
        "quote",
        L(
            kk="Баспасөз қызметі өткен айда БАҚ-тың 87 сұрауына заңда белгіленген мерзімде жауап "
            "берді",
            ru="Пресс-служба в прошлом месяце ответила на 87 запросов СМИ в установленный законом "
            "срок",
            en="Press office answered 87 media requests last month, all within the legal deadline",
        ),
        L(
            kk="Журналист сұрауына жауап берудің орташа мерзімі заң рұқсат еткен бес күннің "
            "орнына үш жұмыс күнін құрады.",
            ru="Средний срок ответа на запрос журналиста составил три рабочих дня при пяти, "
            "допустимых законом.",
            en="The average time to answer a journalist's request was three working days, "
            "against the five the law allows.",
        ),
        L(
            kk="Сұраулардың көбі мемлекеттік сатып алуларға, жаңа электрондық қызметтерді іске "
            "қосу мерзімдеріне және азаматтар өтініштерінің статистикасына қатысты болды. Төрт "
            "жағдайда басқа мемлекеттік органдардың ақпараты қажет болғандықтан мерзім бір рет "
            "ұзартылды, бұл туралы редакцияларға екі жұмыс күні ішінде хабарланды.",
            ru="Большинство запросов касались государственных закупок, сроков запуска новых "
            "электронных услуг и статистики обращений граждан. В четырёх случаях срок был "
            "однократно продлён, поскольку требовалась информация других госорганов, о чём "
            "редакции были уведомлены в течение двух рабочих дней.",
            en="Most requests concerned public procurement, launch dates of new electronic "
            "services and statistics on citizen requests. In four cases the deadline was "
            "extended once because information was needed from other state bodies, and the "
            "editorial offices were told within two working days.",
        ),
    ),
    NewsItem(
        "phishing-warning",
        21,
        ("cybersecurity",),
        "quote",
        L(
            kk="Министрлік өз атынан жіберілетін жалған хабарламалар туралы ескертеді",
            ru="Министерство предупреждает о поддельных сообщениях от его имени",
            en="Ministry warns of fake messages sent in its name",
        ),
        L(
            kk="Алаяқтар сілтеме арқылы «есептік жазбаны растауды» ұсынады; министрлік ешқашан "
            "пароль мен SMS-кодты сұрамайды.",
            ru="Мошенники предлагают «подтвердить учётную запись» по ссылке; министерство "
            "никогда не запрашивает пароли и коды из SMS.",
            en="Fraudsters ask people to “confirm their account” through a link; the ministry "
            "never asks for passwords or codes from text messages.",
        ),
        L(
            kk="Министрліктің ресми хабарламалары тек оның расталған аккаунттарынан және ресми "
            "домендегі мекенжайлардан келеді. Күдікті хабарлама алсаңыз, сілтемеге өтпеңіз және "
            "ол туралы компьютерлік инциденттерге ден қою жөніндегі ұлттық қызметке хабарлаңыз. "
            "Егер деректеріңізді енгізіп қойған болсаңыз, парольді өзгертіп, банкке "
            "хабарласыңыз.",
            ru="Официальные сообщения министерства приходят только с его верифицированных "
            "аккаунтов и с адресов в официальном домене. Если вы получили подозрительное "
            "сообщение, не переходите по ссылке и сообщите о нём в национальную службу "
            "реагирования на компьютерные инциденты. Если вы уже ввели свои данные, смените "
            "пароль и обратитесь в банк.",
            en="The ministry's official messages come only from its verified accounts and from "
            "addresses in its official domain. If you receive a suspicious message, do not "
            "follow the link and report it to the national computer incident response service. "
            "If you have already entered your details, change your password and contact your "
            "bank.",
        ),
    ),
    NewsItem(
        "data-journalism-memorandum",
        23,
        ("open-data", "media"),
        "image",
        L(
            kk="Министрлік пен бес университет деректер журналистикасын дамыту туралы "
            "меморандумға қол қойды",
            ru="Министерство и пять университетов подписали меморандум о развитии журналистики "
            "данных",
            en="Ministry and five universities sign a memorandum on data journalism",
        ),
        L(
            kk="Студенттер министрліктің ашық деректер жиынтықтарымен жұмыс істеп, оның баспасөз "
            "қызметінде тағылымдамадан өтеді.",
            ru="Студенты будут работать с открытыми наборами данных министерства и проходить "
            "стажировки в его пресс-службе.",
            en="Students will work with the ministry's open datasets and do internships in its "
            "press office.",
        ),
        L(
            kk="Университеттер журналистерді даярлау бағдарламаларына деректерді талдау және "
            "визуализациялау курсын енгізеді. Министрлік жыл сайын деректерге негізделген үздік "
            "материалға байқау өткізіп, жеңімпаздардың жұмыстарын өз сайтында жариялайды.",
            ru="Университеты включат в программы подготовки журналистов курс по анализу и "
            "визуализации данных. Министерство будет ежегодно проводить конкурс на лучший "
            "материал, основанный на данных, и публиковать работы победителей на своём сайте.",
            en="The universities will add a course on data analysis and visualisation to their "
            "journalism programmes. The ministry will hold a yearly competition for the best "
            "data-driven story and publish the winning work on its website.",
        ),
    ),
    NewsItem(
        "accessible-website-version",
        25,
        ("digital-services",),
        "quote",
        L(
            kk="Сайттың көру қабілеті бұзылған адамдарға арналған нұсқасы іске қосылды",
            ru="У сайта появилась версия для людей с нарушениями зрения",
            en="Website launches a version for people with visual impairments",
        ),
        L(
            kk="Пайдаланушылар қаріпті үлкейтіп, жоғары контрастты қосып, беттерді дыбыстық "
            "түрде тыңдай алады.",
            ru="Пользователи могут увеличить шрифт, включить высокую контрастность и прослушать "
            "страницы в озвученном виде.",
            en="Users can enlarge the type, switch to high contrast and have pages read aloud.",
        ),
        L(
            kk="Нұсқа зағиптар қоғамдық бірлестігімен бірлесіп сынақтан өткізілді: оның мүшелері "
            "экрандық оқу бағдарламалары арқылы және тек пернетақтамен навигацияны тексерді. "
            "Сайттағы барлық суреттердің енді мәтіндік сипаттамасы бар, ал бейнежазбаларға "
            "біртіндеп субтитрлер қосылады.",
            ru="Версия протестирована вместе с общественным объединением незрячих: его члены "
            "проверили навигацию с помощью экранных чтецов и только с клавиатуры. Все "
            "изображения на сайте теперь имеют текстовые описания, а видео постепенно получат "
            "субтитры.",
            en="The version was tested with the public association of blind people, whose "
            "members checked navigation with screen readers and with the keyboard alone. Every "
            "image on the website now has a text description, and videos will gradually get "
            "subtitles.",
        ),
    ),
    NewsItem(
        "pavlodar-services-online",
        27,
        ("digital-services", "regions"),
        "table:services",
        L(
            kk="Павлодар облысында 15 мемлекеттік қызмет толығымен онлайн форматқа көшірілді",
            ru="В Павлодарской области 15 государственных услуг полностью переведены в онлайн",
            en="Fifteen public services in Pavlodar Region are now fully online",
        ),
        L(
            kk="Тұрғындарға сыртқы жарнамаға рұқсат, мұрағат анықтамасын және бірқатар "
            "әлеуметтік төлемдерді алу үшін мекемелерге барудың қажеті жоқ.",
            ru="Жителям больше не нужно посещать учреждения, чтобы получить разрешение на "
            "наружную рекламу, архивную справку и ряд социальных выплат.",
            en="Residents no longer need to visit an office to obtain outdoor advertising "
            "permits, archive certificates and several social payments.",
        ),
        L(
            kk="Өтініштер электрондық үкімет порталы арқылы беріліп, электрондық цифрлық "
            "қолтаңбамен немесе бір реттік парольмен қол қойылады. Өңдеудің орташа мерзімі он "
            "жұмыс күнінен төрт жұмыс күніне дейін қысқарды. Облыс әкімдігі жыл соңына дейін "
            "тағы жиырма қызметті көшіруді жоспарлап отыр.",
            ru="Заявления подаются через портал электронного правительства и подписываются "
            "электронной цифровой подписью или одноразовым паролем. Средний срок обработки "
            "сократился с десяти до четырёх рабочих дней. До конца года областной акимат "
            "планирует перевести ещё двадцать услуг.",
            en="Applications are made through the e-government portal and signed with an "
            "electronic digital signature or a one-time password. The average processing time "
            "has fallen from ten working days to four. The regional akimat plans to move twenty "
            "more services online by the end of the year.",
        ),
    ),
    NewsItem(
        "budget-adjustment-explained",
        29,
        ("budget",),
        "table:budget",
        L(
            kk="Министрлік бюджеті неліктен түзетілді: сұрақтар мен жауаптар",
            ru="Почему был скорректирован бюджет министерства: вопросы и ответы",
            en="Why the ministry's budget was adjusted: questions and answers",
        ),
        L(
            kk="Қаражат кейінге қалдырылған құрылыс жұмыстарынан халыққа қызмет көрсету "
            "орталықтарының жабдықтарын жаңғыртуға қайта бөлінді.",
            ru="Средства перераспределены с отложенных строительных работ на модернизацию "
            "оборудования центров обслуживания населения.",
            en="Funds were moved from postponed construction work to new equipment for public "
            "service centres.",
        ),
        L(
            kk="Түзету министрлік бюджетінің жалпы көлемін өзгертпейді. Өңірлік деректерді өңдеу "
            "орталығының құрылысы жобалау құжаттамасы пысықталуына байланысты кейінге "
            "шегерілді. Шешімді республикалық бюджет комиссиясы мақұлдады және ол толық көлемде "
            "жарияланды.",
            ru="Корректировка не меняет общего объёма бюджета министерства. Строительство "
            "регионального центра обработки данных перенесено в связи с доработкой проектной "
            "документации. Решение одобрено республиканской бюджетной комиссией и опубликовано "
            "полностью.",
            en="The adjustment does not change the total size of the ministry's budget. "
            "Construction of the regional data centre was postponed while the design documents "
            "are revised. The decision was approved by the republican budget commission and "
            "published in full.",
        ),
    ),
    NewsItem(
        "open-data-hackathon",
        31,
        ("open-data",),
        "image",
        L(
            kk="Астанада ашық деректер хакатонының жеңімпаздары анықталды",
            ru="В Астане определены победители хакатона по открытым данным",
            en="Open data hackathon in Astana names its winners",
        ),
        L(
            kk="Халыққа қызмет көрсету орталықтарындағы кезекті нақты уақытта көрсететін сервис "
            "әзірлеген шымкенттік студенттер командасы жеңіске жетті.",
            ru="Победила команда студентов из Шымкента с сервисом, который показывает очереди в "
            "центрах обслуживания населения в реальном времени.",
            en="A team of students from Shymkent won with a service that shows queues at public "
            "service centres in real time.",
        ),
        L(
            kk="Екі күн ішінде хакатонға 32 команда қатысты. Қазылар алқасы қолжетімді көлік "
            "бағыттары және ауылдардағы мобильді интернет сапасын бақылау туралы жобаларды атап "
            "өтті. Министрлік жеңімпаз үш командаға прототиптерін нақты деректермен сынауға "
            "көмектеседі.",
            ru="За два дня в хакатоне приняли участие 32 команды. Жюри отметило проекты о "
            "доступных транспортных маршрутах и мониторинге качества мобильного интернета в "
            "сёлах. Министерство поможет трём командам-победителям испытать прототипы на "
            "реальных данных.",
            en="Thirty-two teams took part over two days. The jury singled out projects on "
            "accessible transport routes and on monitoring mobile internet quality in villages. "
            "The ministry will help the three winning teams test their prototypes on real data.",
        ),
    ),
    NewsItem(
        "shymkent-reception",
        33,
        ("citizen-requests", "regions"),
        "quote",
        L(
            kk="Вице-министр Шымкент тұрғындарын қабылдады",
            ru="Вице-министр провёл приём жителей Шымкента",
            en="Vice minister receives residents of Shymkent",
        ),
        L(
            kk="Жиырма алты адам мобильді байланыс, электрондық кезек және байланыс "
            "орталықтарының жұмысы туралы сұрақтармен жүгінді.",
            ru="Двадцать шесть человек обратились с вопросами о мобильной связи, электронных "
            "очередях и работе контакт-центров.",
            en="Twenty-six people raised questions about mobile coverage, electronic queues and "
            "the work of contact centres.",
        ),
        L(
            kk="Он бір мәселе орнында шешілді, қалғандары жауап беру мерзімі белгіленген өтініш "
            "ретінде тіркелді. Келесі қабылдау Қызылордада өтеді. Қабылдау кестесі «Азаматтардың "
            "өтініштері» бөлімінде жарияланған.",
            ru="Одиннадцать вопросов решены на месте, остальные зарегистрированы как обращения "
            "со сроком ответа. Следующий приём пройдёт в Кызылорде. График приёмов опубликован "
            "в разделе «Обращения граждан».",
            en="Eleven issues were resolved on the spot; the rest were registered as requests "
            "with an answer deadline. The next reception will be held in Kyzylorda. The "
            "reception schedule is published in the Citizen requests section.",
        ),
    ),
    NewsItem(
        "website-security-audit",
        35,
        ("cybersecurity",),
        "image",
        L(
            kk="Мемлекеттік органдар сайттарының қауіпсіздік аудиті: 40 осал тұс жойылды",
            ru="Аудит безопасности сайтов госорганов: устранено 40 уязвимостей",
            en="Security audit of state bodies' websites: 40 vulnerabilities fixed",
        ),
        L(
            kk="Аудит 120 сайтты қамтыды; табылған осал тұстардың бірде-біреуін зиянкестер "
            "пайдаланбаған.",
            ru="Аудит охватил 120 сайтов; ни одна из найденных уязвимостей не была использована "
            "злоумышленниками.",
            en="The audit covered 120 websites; none of the vulnerabilities found had been "
            "exploited.",
        ),
        L(
            kk="Мәселелердің көбі ескірген бағдарламалық компоненттерге және шифрланған "
            "байланыстың әлсіз баптауларына қатысты болды. Сайт иелері ұсынымдар мен түзету "
            "мерзімдері көрсетілген есептерді алды. Қайта тексеру үш айдан кейін жүргізіледі.",
            ru="Большинство проблем было связано с устаревшими программными компонентами и "
            "слабыми настройками шифрованного соединения. Владельцы сайтов получили отчёты с "
            "рекомендациями и сроками устранения. Повторная проверка пройдёт через три месяца.",
            en="Most problems involved outdated software components and weak settings for "
            "encrypted connections. Website owners received reports with recommendations and "
            "deadlines for fixes. A follow-up check will take place in three months.",
        ),
    ),
    NewsItem(
        "new-faq-section",
        37,
        ("media", "citizen-requests"),
        "quote",
        L(
            kk="Жаңа «Жиі қойылатын сұрақтар» бөлімі ең жиі келетін өтініштерді жинақтады",
            ru="Новый раздел «Вопросы и ответы» собрал самые частые обращения",
            en="New Questions and answers section brings together the most frequent requests",
        ),
        L(
            kk="Әр жауапта жауапты бөлімше, ол негізделген нормативтік актілер және соңғы "
            "тексерілген күні көрсетілген.",
            ru="В каждом ответе указаны ответственное подразделение, нормативные акты, на "
            "которых он основан, и дата последней проверки.",
            en="Each answer names the responsible department, the legal acts it relies on and "
            "the date it was last checked.",
        ),
        L(
            kk="Бөлім «Ақпаратқа қол жеткізу туралы» Заңның талабына сәйкес өткен жылы түскен "
            "өтініштерді талдау негізінде қалыптастырылды. Егер жауап жарты жыл бойы қайта "
            "қаралмаса, жүйе бұл туралы жауапты бөлімшеге еске салады. Оқырмандар кері байланыс "
            "нысаны арқылы жаңа сұрақ ұсына алады.",
            ru="Раздел сформирован на основе анализа обращений за прошедший год, как того "
            "требует Закон «О доступе к информации». Если ответ не пересматривался полгода, "
            "система напоминает об этом ответственному подразделению. Читатели могут предложить "
            "новый вопрос через форму обратной связи.",
            en="The section is based on an analysis of last year's requests, as the Law “On "
            "Access to Information” requires. If an answer has not been reviewed for six months, "
            "the system reminds the responsible department. Readers can suggest a new question "
            "through the feedback form.",
        ),
    ),
    NewsItem(
        "satisfaction-survey",
        39,
        ("digital-services",),
        "table:services",
        L(
            kk="Пайдаланушылардың 92 пайызы электрондық мемлекеттік қызметтерге көңілі толады",
            ru="92 процента пользователей довольны электронными государственными услугами",
            en="92 per cent of users are satisfied with electronic public services",
        ),
        L(
            kk="8 000 респондент қатысқан сауалнама қызметтердің қай жерде әлі де ыңғайсыз "
            "екенін де көрсетті.",
            ru="Опрос 8 000 респондентов также показал, где услуги остаются неудобными.",
            en="The survey of 8,000 people also showed where services are still inconvenient.",
        ),
        L(
            kk="Пайдаланушылар көбінесе мемлекетте бұрыннан бар құжаттардың қайта сұратылуына "
            "және бас тарту себептерінің түсініксіздігіне шағымданды. Министрлік 34 қызмет үшін "
            "мұндай құжаттарды қоса беру талабын алып тастайды. Сауалнаманың толық нәтижелері "
            "ашық деректер форматында жарияланды.",
            ru="Чаще всего пользователи жаловались на повторные запросы документов, которые уже "
            "есть у государства, и на непонятные причины отказов. Министерство отменит "
            "требование прикладывать такие документы для 34 услуг. Полные результаты опроса "
            "опубликованы в формате открытых данных.",
            en="Users most often complained about being asked again for documents the state "
            "already holds and about unclear reasons for refusals. The ministry will drop the "
            "requirement to attach such documents for 34 services. The full survey results "
            "have been published as open data.",
        ),
    ),
    NewsItem(
        "budget-hearings",
        41,
        ("budget",),
        "document:budget-report",
        L(
            kk="Қоғамдық кеңес министрліктің келесі үш жылға арналған бюджет жобасын қарады",
            ru="Общественный совет рассмотрел проект бюджета министерства на следующие три года",
            en="Public council reviews the ministry's draft budget for the next three years",
        ),
        L(
            kk="Кеңес мүшелері цифрлық сауаттылыққа және сайттардың қолжетімділігіне арналған "
            "шығыстарды ұлғайтуды ұсынды.",
            ru="Члены совета рекомендовали увеличить расходы на цифровую грамотность и "
            "доступность сайтов.",
            en="Council members recommended spending more on digital literacy and on the "
            "accessibility of websites.",
        ),
        L(
            kk="Тыңдау БАҚ үшін ашық болды және министрліктің арналарында көрсетілді. Ұсынымдар "
            "бюджеттік өтінімді пысықтау кезінде қаралады, ал министрлік олардың әрқайсысы "
            "бойынша жауабын жариялайды.",
            ru="Слушания были открыты для СМИ и транслировались на каналах министерства. "
            "Рекомендации будут рассмотрены при доработке бюджетной заявки, а министерство "
            "опубликует ответ по каждой из них.",
            en="The hearing was open to the media and broadcast on the ministry's channels. The "
            "recommendations will be considered when the budget request is finalised, and the "
            "ministry will publish its response to each.",
        ),
    ),
    NewsItem(
        "kazakh-language-share",
        43,
        ("media",),
        "quote",
        L(
            kk="Министрліктің бастапқыда қазақ тілінде дайындалған материалдарының үлесі 68 "
            "пайызға жетті",
            ru="Доля материалов министерства, изначально подготовленных на казахском языке, "
            "достигла 68 процентов",
            en="68 per cent of the ministry's materials are now written in Kazakh first",
        ),
        L(
            kk="Барлық жаңалықтар, хабарландырулар мен жауаптар қазақ және орыс тілдерінде, "
            "олардың басым бөлігі ағылшын тілінде де жарияланады.",
            ru="Все новости, анонсы и ответы публикуются на казахском и русском языках, "
            "большинство из них — также на английском.",
            en="All news, announcements and answers are published in Kazakh and Russian, and "
            "most of them in English as well.",
        ),
        L(
            kk="Екі жыл бұрын мәтіндердің көбі орыс тілінде дайындалып, содан кейін аударылатын. "
            "Қазір баспасөз қызметі алдымен мемлекеттік тілде жазады, ал аудармашылар ортақ "
            "аударма редакторында жұмыс істейді, бұл нұсқалардың үйлесімділігін сақтайды.",
            ru="Два года назад большинство текстов готовилось на русском языке и затем "
            "переводилось. Теперь пресс-служба сначала пишет на государственном языке, а "
            "переводчики работают в общем редакторе переводов, что сохраняет согласованность "
            "версий.",
            en="Two years ago most texts were written in Russian and then translated. Now the "
            "press office writes in the state language first, and translators work in a shared "
            "translation editor that keeps the versions consistent.",
        ),
    ),
    NewsItem(
        "public-council-requests",
        45,
        ("citizen-requests",),
        "table:requests",
        L(
            kk="Қоғамдық кеңес министрліктің ақпарат алуға арналған сұраулармен жұмысын талқылады",
            ru="Общественный совет обсудил работу министерства с информационными запросами",
            en="Public council discusses how the ministry handles information requests",
        ),
        L(
            kk="Кеңес мүшелері бас тартулар мен олардың негіздері туралы иесіздендірілген "
            "статистиканы тоқсан сайын жариялауды ұсынды.",
            ru="Члены совета предложили ежеквартально публиковать обезличенную статистику "
            "отказов и их оснований.",
            en="Council members proposed publishing anonymised statistics on refusals and their "
            "grounds every quarter.",
        ),
        L(
            kk="Өткен жарты жылда министрлік сұраулардың 3 пайызын қанағаттандырудан бас тартты, "
            "бұл көбінесе сұраудан қандай ақпарат қажет екенін анықтау мүмкін болмауына "
            "байланысты болды. Министрліктің құзыретіне жатпайтын сұраулар қабылданбай "
            "қалмайды: олар үш жұмыс күні ішінде құзыретті органға жіберіледі. Тоқсан сайынғы "
            "статистика туралы ұсыныс қабылданды.",
            ru="За прошедшее полугодие министерство отказало в 3 процентах запросов, чаще всего "
            "потому, что из запроса нельзя было понять, какая информация нужна. Запросы вне "
            "компетенции министерства не отклоняются: в течение трёх рабочих дней они "
            "перенаправляются в компетентный орган. Предложение о ежеквартальной статистике "
            "принято.",
            en="Over the past six months the ministry refused 3 per cent of requests, most often "
            "because it was impossible to tell from the request what information was wanted. "
            "Requests outside the ministry's competence are not refused: they are forwarded to "
            "the competent body within three working days. The proposal on quarterly statistics "
            "has been accepted.",
        ),
    ),
    NewsItem(
        "state-cloud-migration",
        47,
        ("digital-services", "cybersecurity"),
        "image",
        L(
            kk="Өңірлік ақпараттық жүйелер мемлекеттік бұлтқа көшірілуде",
            ru="Региональные информационные системы переходят в государственное облако",
            en="Regional information systems move to the state cloud",
        ),
        L(
            kk="23 жүйе көшіріліп үлгерді, бұл сүйемелдеу шығындарын азайтып, шабуылдардан "
            "қорғалуды арттырады.",
            ru="Уже перенесено 23 системы, что снижает затраты на сопровождение и повышает "
            "защищённость от атак.",
            en="Twenty-three systems have already moved, which cuts maintenance costs and "
            "improves protection against attacks.",
        ),
        L(
            kk="Деректер дербес деректер туралы заңның талабына сәйкес Қазақстан аумағында "
            "орналасқан серверлерде қалады. Көшірілген әрбір жүйе пайдалануға берілер алдында "
            "қауіпсіздік сынағынан өтеді. Қалған жүйелерді көшіру келесі жылы аяқталады.",
            ru="Данные остаются на серверах, расположенных в Казахстане, как того требует закон "
            "о персональных данных. Каждая перенесённая система проходит испытания на "
            "безопасность перед вводом в эксплуатацию. Перенос остальных систем завершится в "
            "следующем году.",
            en="The data stays on servers located in Kazakhstan, as the personal data law "
            "requires. Every migrated system passes a security test before it goes into "
            "service. The remaining systems will be moved next year.",
        ),
    ),
    NewsItem(
        "mangystau-self-service",
        49,
        ("regions", "digital-services"),
        "image",
        L(
            kk="Маңғыстау облысындағы халыққа қызмет көрсету орталықтарында тегін Wi-Fi және "
            "өзіне-өзі қызмет көрсету терминалдары орнатылды",
            ru="В центрах обслуживания населения Мангистауской области появились бесплатный "
            "Wi-Fi и терминалы самообслуживания",
            en="Free Wi-Fi and self-service kiosks in Mangystau public service centres",
        ),
        L(
            kk="Енді келушілер ең көп сұралатын анықтамаларды терминалдан бірнеше минутта "
            "кезексіз ала алады.",
            ru="Теперь посетители могут за несколько минут получить самые востребованные справки "
            "в терминале, не стоя в очереди.",
            en="Visitors can now get the most requested certificates from a kiosk in a few "
            "minutes, without queuing.",
        ),
        L(
            kk="Терминалдар Ақтауда, Жаңаөзенде және төрт аудан орталығында орнатылды. Оларды "
            "алғаш рет пайдаланатын келушілерге кеңесшілер көмектеседі. Осындай жабдықтар "
            "Атырау және Батыс Қазақстан облыстарында да пайда болады.",
            ru="Терминалы установлены в Актау, Жанаозене и четырёх районных центрах. "
            "Консультанты помогают посетителям, которые пользуются ими впервые. Такое же "
            "оборудование появится в Атырауской и Западно-Казахстанской областях.",
            en="Kiosks have been installed in Aktau, Zhanaozen and four district centres. "
            "Consultants help visitors using them for the first time. The same equipment will "
            "appear in Atyrau and West Kazakhstan regions.",
        ),
    ),
    NewsItem(
        "waiting-times-open-data",
        52,
        ("open-data",),
        "document:open-data-catalogue",
        L(
            kk="Халыққа қызмет көрсету орталықтарындағы күту уақыты ашық деректер ретінде "
            "жарияланды",
            ru="Время ожидания в центрах обслуживания населения опубликовано в открытых данных",
            en="Waiting times at public service centres published as open data",
        ),
        L(
            kk="Деректер жиынтығы сағат сайын жаңартылып, елдегі барлық орталықты қамтиды.",
            ru="Набор данных обновляется каждый час и охватывает все центры страны.",
            en="The dataset is updated every hour and covers every centre in the country.",
        ),
        L(
            kk="Деректер қызметтер және тәулік уақыты бойынша орташа күту уақытын көрсетеді. "
            "Әзірлеушілер оларды келуге қолайлы уақытты ұсынатын екі мобильді қосымшада "
            "пайдаланып үлгерді. Келушілердің дербес деректері жиынтыққа енгізілмейді.",
            ru="Данные показывают среднее время ожидания по услугам и по времени суток. "
            "Разработчики уже использовали их в двух мобильных приложениях, которые подсказывают "
            "удобное время для визита. Персональные данные посетителей в набор не входят.",
            en="The data shows the average waiting time by service and time of day. Developers "
            "have already used it in two mobile apps that suggest a good time to visit. "
            "Visitors' personal data is not included in the dataset.",
        ),
    ),
    NewsItem(
        "certificates-remain-free",
        55,
        ("media", "digital-services"),
        "quote",
        L(
            kk="Түсіндірме: электрондық анықтамалар тегін болып қала береді",
            ru="Разъяснение: электронные справки остаются бесплатными",
            en="Clarification: electronic certificates remain free of charge",
        ),
        L(
            kk="Электрондық үкімет порталы арқылы берілетін анықтамалар үшін ақы алынады деген "
            "хабарлар шындыққа сәйкес келмейді.",
            ru="Сообщения о введении платы за справки, выдаваемые через портал электронного "
            "правительства, не соответствуют действительности.",
            en="Reports that a fee will be charged for certificates issued through the "
            "e-government portal are untrue.",
        ),
        L(
            kk="Мұндай ақы енгізу туралы нормативтік құқықтық актілер қабылданған да, "
            "әзірленген де жоқ. Шатасу қағаз көшірмелерді ақылы жедел жеткізуді талқылауға "
            "байланысты туындады, ол ерікті болып қала береді. БАҚ-тан министрліктің ресми "
            "хабарламаларына сүйенуді және түсіндіру туралы сұрауларды баспасөз қызметіне "
            "жіберуді сұраймыз.",
            ru="Нормативные правовые акты о введении такой платы не принимались и не "
            "разрабатывались. Путаница возникла из-за обсуждения платной срочной доставки "
            "бумажных копий, которая остаётся добровольной. Просим СМИ опираться на официальные "
            "сообщения министерства и направлять запросы о разъяснении в пресс-службу.",
            en="No legal act introducing such a fee has been adopted or drafted. The confusion "
            "arose from a discussion of paid express delivery of paper copies, which remains "
            "optional. We ask the media to rely on the ministry's official messages and to send "
            "requests for clarification to the press office.",
        ),
    ),
]

"""Twenty answers to frequent questions, four in each of five categories.

Deadlines and rules follow the laws summarised in
``/work/shared/domain/legal-basis.md``; the ministry itself is fictional.
"""

from dataclasses import dataclass

from .text import L


@dataclass(frozen=True)
class FAQItem:
    """An answer. ``extra`` is "", "table:<key>" or "document:<key>"."""

    key: str
    category: str
    department: str
    reviewed_days_ago: int
    legal_acts: tuple[str, ...]
    question: L
    short: L
    paragraphs: tuple[L, ...]
    extra: str = ""


FAQ = [
    # --- Accreditation -----------------------------------------------------
    FAQItem(
        "who-can-be-accredited",
        "accreditation",
        "press-office",
        20,
        ("mass-media",),
        L(
            kk="Министрлікте кім аккредиттеле алады?",
            ru="Кто может получить аккредитацию при министерстве?",
            en="Who can be accredited with the ministry?",
        ),
        L(
            kk="Өтінімді журналистің өзі емес, ол жұмыс істейтін бұқаралық ақпарат құралы береді.",
            ru="Заявку подаёт не сам журналист, а средство массовой информации, в котором он "
            "работает.",
            en="The application is made by the media outlet the journalist works for, not by "
            "the journalist personally.",
        ),
        (
            L(
                kk="«Масс-медиа туралы» Заңға сәйкес бұқаралық ақпарат құралы өз журналистерін "
                "министрлікте аккредиттеуге өтінім береді. Өтінімде журналистің аты-жөні, "
                "лауазымы және редакцияның байланыс деректері көрсетіледі.",
                ru="По Закону «О масс-медиа» средство массовой информации подаёт заявку на "
                "аккредитацию своих журналистов при министерстве. В заявке указываются имя и "
                "должность журналиста и контакты редакции.",
                en="Under the Law “On Mass Media”, a media outlet applies for its journalists "
                "to be accredited with the ministry. The application gives the journalist's "
                "name and position and the editorial office's contact details.",
            ),
            L(
                kk="Шетелдік бұқаралық ақпарат құралдарының өкілдерін Қазақстан Республикасының "
                "Сыртқы істер министрлігі аккредиттейді.",
                ru="Представителей иностранных средств массовой информации аккредитует "
                "Министерство иностранных дел Республики Казахстан.",
                en="Representatives of foreign media are accredited by the Ministry of Foreign "
                "Affairs of the Republic of Kazakhstan.",
            ),
        ),
        "document:accreditation-rules",
    ),
    FAQItem(
        "accreditation-validity",
        "accreditation",
        "press-office",
        35,
        ("mass-media",),
        L(
            kk="Аккредиттеу қанша уақытқа беріледі?",
            ru="На какой срок выдаётся аккредитация?",
            en="How long is accreditation valid?",
        ),
        L(
            kk="Тұрақты аккредиттеу бір жылға, уақытша аккредиттеу бір іс-шараға беріледі.",
            ru="Постоянная аккредитация выдаётся на год, временная — на одно мероприятие.",
            en="Permanent accreditation lasts one year; temporary accreditation covers a single "
            "event.",
        ),
        (
            L(
                kk="Тұрақты аккредиттеуге өтінімдер қабылдау басталғаннан кейін он жұмыс күні "
                "ішінде беріледі және үш жұмыс күні ішінде қаралады.",
                ru="Заявки на постоянную аккредитацию подаются в течение десяти рабочих дней "
                "после начала приёма и рассматриваются за три рабочих дня.",
                en="Applications for permanent accreditation are made within ten working days "
                "of the start of intake and reviewed within three working days.",
            ),
            L(
                kk="Уақытша аккредиттеу іс-шараға дейін кемінде бір жұмыс күні бұрын беріледі. "
                "Іс-шара туралы хабарландыруда тіркелудің соңғы мерзімі көрсетіледі.",
                ru="Временная аккредитация выдаётся не позднее чем за один рабочий день до "
                "мероприятия. Крайний срок регистрации указывается в анонсе мероприятия.",
                en="Temporary accreditation is granted at least one working day before the "
                "event. The registration deadline is given in the event announcement.",
            ),
        ),
    ),
    FAQItem(
        "accreditation-withdrawal",
        "accreditation",
        "legal",
        60,
        ("mass-media",),
        L(
            kk="Қандай жағдайларда аккредиттеуден айыруы мүмкін?",
            ru="В каких случаях могут лишить аккредитации?",
            en="When can accreditation be withdrawn?",
        ),
        L(
            kk="Аккредиттеу қағидалары бұзылғанда немесе соттың заңды күшіне енген шешімімен "
            "анықталған жалған ақпарат таратылғанда.",
            ru="При нарушении правил аккредитации или распространении ложных сведений, "
            "установленном вступившим в силу решением суда.",
            en="If the accreditation rules are broken, or if a court decision in force finds "
            "that false information was spread.",
        ),
        (
            L(
                kk="Заң аккредиттеуден айырудың екі негізін белгілейді: аккредиттеу "
                "қағидаларын бұзу және аккредиттеген органның іскерлік беделіне нұқсан "
                "келтіретін жалған ақпаратты тарату, егер бұл соттың заңды күшіне енген "
                "шешімімен анықталса.",
                ru="Закон устанавливает два основания для лишения аккредитации: нарушение "
                "правил аккредитации и распространение ложных сведений, порочащих деловую "
                "репутацию аккредитовавшего органа, если это установлено вступившим в силу "
                "решением суда.",
                en="The law gives two grounds for withdrawing accreditation: breaking the "
                "accreditation rules, and spreading false information that damages the "
                "accrediting body's business reputation, where a court decision in force has "
                "established this.",
            ),
            L(
                kk="Тұрақты аккредиттеуден айырылған журналист алты айдан кейін қайта өтінім "
                "бере алады. Шешімге жоғары тұрған органға немесе сотқа шағым жасауға болады.",
                ru="Журналист, лишённый постоянной аккредитации, может снова подать заявку "
                "через шесть месяцев. Решение можно обжаловать в вышестоящем органе или в суде.",
                en="A journalist whose permanent accreditation is withdrawn may apply again "
                "after six months. The decision can be appealed to a higher body or in court.",
            ),
        ),
    ),
    FAQItem(
        "accredited-journalist-rights",
        "accreditation",
        "press-office",
        12,
        ("mass-media",),
        L(
            kk="Аккредиттелген журналист қандай мүмкіндіктер алады?",
            ru="Какие возможности даёт аккредитация журналисту?",
            en="What does an accredited journalist get?",
        ),
        L(
            kk="Іс-шаралар туралы алдын ала хабарлама, стенограммалар мен материалдар, жабық "
            "емес іс-шараларға қатысу құқығы.",
            ru="Заблаговременные уведомления о мероприятиях, стенограммы и материалы, право "
            "присутствовать на всех открытых мероприятиях.",
            en="Advance notice of events, transcripts and materials, and the right to attend "
            "every event that is not closed.",
        ),
        (
            L(
                kk="Министрлік аккредиттелген журналистерге отырыстар, кеңестер және өзге де "
                "іс-шаралар туралы алдын ала хабарлайды, оларға стенограммаларды, хаттамаларды "
                "және басқа да құжаттарды ұсынады.",
                ru="Министерство заранее уведомляет аккредитованных журналистов о заседаниях, "
                "совещаниях и других мероприятиях и предоставляет им стенограммы, протоколы и "
                "иные документы.",
                en="The ministry notifies accredited journalists in advance of sessions, "
                "meetings and other events, and gives them transcripts, minutes and other "
                "documents.",
            ),
            L(
                kk="Аккредиттелген журналистер жабық деп жарияланғандарынан басқа барлық "
                "іс-шараларға қатыса алады.",
                ru="Аккредитованные журналисты могут присутствовать на всех мероприятиях, кроме "
                "объявленных закрытыми.",
                en="Accredited journalists may attend all events except those declared closed.",
            ),
        ),
    ),
    # --- Information requests ---------------------------------------------
    FAQItem(
        "request-deadline",
        "information-requests",
        "documents",
        15,
        ("access-to-information", "mass-media"),
        L(
            kk="Министрлік ақпарат алуға сұрау салуға қанша уақытта жауап беруі керек?",
            ru="В какой срок министерство должно ответить на информационный запрос?",
            en="How long does the ministry have to answer an information request?",
        ),
        L(
            kk="Азаматтың жазбаша сұрауына — ол түскен күннен бастап күнтізбелік 15 күн ішінде.",
            ru="На письменный запрос гражданина — в течение 15 календарных дней со дня его "
            "поступления.",
            en="A citizen's written request is answered within 15 calendar days of the day it "
            "is received.",
        ),
        (
            L(
                kk="Егер ақпарат бірнеше органның құзыретіне жатса, басшы мерзімді бір рет, "
                "күнтізбелік 15 күннен аспайтын мерзімге ұзарта алады. Бұл туралы өтініш "
                "берушіге үш жұмыс күні ішінде хабарланады.",
                ru="Если информация относится к компетенции нескольких органов, руководитель "
                "может однократно продлить срок не более чем на 15 календарных дней. Заявителя "
                "уведомляют об этом в течение трёх рабочих дней.",
                en="If the information falls within the competence of several bodies, the head "
                "may extend the deadline once by up to 15 calendar days. The applicant is told "
                "within three working days.",
            ),
            L(
                kk="Бұқаралық ақпарат құралдарының сұраулары үшін «Масс-медиа туралы» Заңда "
                "белгіленген қысқа мерзімдер қолданылады.",
                ru="Для запросов средств массовой информации действуют более короткие сроки, "
                "установленные Законом «О масс-медиа».",
                en="Shorter deadlines set by the Law “On Mass Media” apply to requests from "
                "the media.",
            ),
        ),
        "table:deadlines",
    ),
    FAQItem(
        "request-contents",
        "information-requests",
        "documents",
        40,
        ("access-to-information",),
        L(
            kk="Жазбаша сұрау салуда не көрсетілуі керек?",
            ru="Что должен содержать письменный запрос?",
            en="What must a written request contain?",
        ),
        L(
            kk="Аты-жөні, ЖСН, пошталық немесе электрондық мекенжай, телефон және қолтаңба.",
            ru="Фамилия, имя, ИИН, почтовый или электронный адрес, телефон и подпись.",
            en="Your name, individual identification number, postal or e-mail address, phone "
            "number and signature.",
        ),
        (
            L(
                kk="Жеке тұлға тегін, атын, әкесінің атын (жеке басын куәландыратын құжатта "
                "болса) және жеке сәйкестендіру нөмірін көрсетеді. Заңды тұлға толық атауын, "
                "бизнес-сәйкестендіру нөмірін, шығыс нөмірі мен күнін көрсетеді.",
                ru="Физическое лицо указывает фамилию, имя, отчество (если оно указано в "
                "документе, удостоверяющем личность) и индивидуальный идентификационный номер. "
                "Юридическое лицо указывает полное наименование, бизнес-идентификационный "
                "номер, исходящий номер и дату.",
                en="An individual gives their surname, first name, patronymic (if it appears "
                "in their identity document) and individual identification number. A legal "
                "entity gives its full name, business identification number and outgoing "
                "reference number and date.",
            ),
            L(
                kk="Электрондық сұрау электрондық цифрлық қолтаңбамен расталуы тиіс. Сұрау "
                "салудың үлгісін төмендегі сілтеме арқылы жүктеп алуға болады.",
                ru="Электронный запрос должен быть удостоверен электронной цифровой подписью. "
                "Образец запроса можно скачать по ссылке ниже.",
                en="An electronic request must be certified with an electronic digital "
                "signature. A sample request can be downloaded from the link below.",
            ),
        ),
        "document:request-form",
    ),
    FAQItem(
        "refusal-grounds",
        "information-requests",
        "legal",
        200,
        ("access-to-information",),
        L(
            kk="Министрлік қандай негіздер бойынша ақпарат беруден бас тарта алады?",
            ru="По каким основаниям министерство может отказать в предоставлении информации?",
            en="On what grounds can the ministry refuse to provide information?",
        ),
        L(
            kk="Тек заңда көрсетілген негіздер бойынша және тіркелген күннен бастап бес жұмыс "
            "күні ішінде дәлелді түрде.",
            ru="Только по основаниям, перечисленным в законе, и мотивированно — в течение пяти "
            "рабочих дней с момента регистрации.",
            en="Only on the grounds listed in the law, with reasons, within five working days "
            "of registration.",
        ),
        (
            L(
                kk="Бас тарту негіздерінің тізбесі жабық: мысалы, сұраудан қандай ақпарат "
                "қажет екенін анықтау мүмкін болмаса, сұрау заң талаптарына сәйкес келмесе "
                "немесе ақпараттың қолжетімділігі заңмен шектелсе.",
                ru="Перечень оснований для отказа закрытый: например, если из запроса нельзя "
                "понять, какая информация нужна, если запрос не соответствует требованиям "
                "закона или если доступ к информации ограничен законом.",
                en="The list of grounds is closed: for example, when it is impossible to tell "
                "from the request what information is wanted, when the request does not meet "
                "the requirements of the law, or when access to the information is restricted "
                "by law.",
            ),
            L(
                kk="Ақпараттың бір бөлігі ғана шектелсе, қалған бөлігі беріледі. Бас тартуға "
                "жоғары тұрған органға немесе сотқа шағым жасауға болады.",
                ru="Если ограничена только часть информации, остальная часть предоставляется. "
                "Отказ можно обжаловать в вышестоящем органе или в суде.",
                en="If only part of the information is restricted, the rest is provided. A "
                "refusal can be appealed to a higher body or in court.",
            ),
        ),
    ),
    FAQItem(
        "anonymous-requests",
        "information-requests",
        "documents",
        75,
        ("access-to-information", "administrative-code"),
        L(
            kk="Сұрауды анонимді түрде жіберуге бола ма?",
            ru="Можно ли направить запрос анонимно?",
            en="Can I send a request anonymously?",
        ),
        L(
            kk="Анонимді жазбаша сұраулар міндетті түрде қабылданбайды және қаралмайды.",
            ru="Анонимные письменные запросы не подлежат обязательному приёму и рассмотрению.",
            en="Anonymous written requests do not have to be accepted or considered.",
        ),
        (
            L(
                kk="Кейбір мәліметтерді телефон арқылы ауызша алуға болады: жұмыс кестесі, "
                "байланыс деректері, қабылдау тәртібі және мемлекеттік қызметтер көрсету "
                "тәртібі. Жауап берген қызметкер өзінің аты-жөні мен лауазымын айтады.",
                ru="Некоторые сведения можно получить устно по телефону: график работы, "
                "контакты, порядок приёма и порядок оказания государственных услуг. "
                "Ответивший сотрудник называет свои имя и должность.",
                en="Some information can be obtained orally by phone: working hours, contact "
                "details, the reception procedure and how public services are provided. The "
                "employee who answers gives their name and position.",
            ),
        ),
    ),
    # --- Digital services -------------------------------------------------
    FAQItem(
        "egov-certificate",
        "digital-services",
        "digital-services",
        10,
        ("informatization",),
        L(
            kk="Электрондық үкімет порталы арқылы анықтаманы қалай алуға болады?",
            ru="Как получить справку через портал электронного правительства?",
            en="How do I get a certificate through the e-government portal?",
        ),
        L(
            kk="Порталға кіріп, қызметті таңдаңыз да, сұрауға цифрлық қолтаңбамен немесе бір "
            "реттік парольмен қол қойыңыз.",
            ru="Войдите на портал, выберите услугу и подпишите запрос цифровой подписью или "
            "одноразовым паролем.",
            en="Sign in to the portal, choose the service and sign the request with a digital "
            "signature or a one-time password.",
        ),
        (
            L(
                kk="Анықтама жеке кабинетке келеді, оны жүктеп алуға немесе басып шығаруға "
                "болады. Электрондық анықтаманың қағаз нұсқасымен бірдей заңды күші бар.",
                ru="Справка поступает в личный кабинет, её можно скачать или распечатать. "
                "Электронная справка имеет ту же юридическую силу, что и бумажная.",
                en="The certificate arrives in your personal account, where you can download or "
                "print it. An electronic certificate has the same legal force as a paper one.",
            ),
            L(
                kk="Анықтамалардың көпшілігі бірнеше минут ішінде дайын болады.",
                ru="Большинство справок готовы в течение нескольких минут.",
                en="Most certificates are ready within a few minutes.",
            ),
        ),
    ),
    FAQItem(
        "service-not-working",
        "digital-services",
        "digital-services",
        190,
        ("informatization", "administrative-code"),
        L(
            kk="Электрондық қызмет жұмыс істемесе не істеу керек?",
            ru="Что делать, если электронная услуга не работает?",
            en="What should I do if an electronic service does not work?",
        ),
        L(
            kk="Бұл туралы порталдағы кері байланыс нысаны арқылы немесе 1414 бірыңғай байланыс "
            "орталығына хабарлаңыз.",
            ru="Сообщите об этом через форму обратной связи на портале или в единый "
            "контакт-центр 1414.",
            en="Report it through the feedback form on the portal or to the unified contact "
            "centre on 1414.",
        ),
        (
            L(
                kk="Хабарлама тіркеліп, оған тіркеу нөмірі беріледі. Егер қызметтің "
                "көрсетілмеуі сіздің құқықтарыңызды бұзса, Әкімшілік рәсімдік-процестік "
                "кодексте белгіленген тәртіппен шағым беруге болады.",
                ru="Сообщение регистрируется, ему присваивается номер. Если неоказание услуги "
                "нарушило ваши права, можно подать жалобу в порядке, установленном "
                "Административным процедурно-процессуальным кодексом.",
                en="Your report is registered and given a number. If the failure of the service "
                "infringed your rights, you can file a complaint under the Administrative "
                "Procedural and Process Code.",
            ),
        ),
    ),
    FAQItem(
        "protect-egov-account",
        "digital-services",
        "security",
        25,
        ("personal-data",),
        L(
            kk="Электрондық үкімет есептік жазбасын қалай қорғауға болады?",
            ru="Как защитить учётную запись электронного правительства?",
            en="How can I protect my e-government account?",
        ),
        L(
            kk="Екі факторлы аутентификацияны қосыңыз және бір реттік кодтарды ешкімге айтпаңыз.",
            ru="Включите двухфакторную аутентификацию и никому не сообщайте одноразовые коды.",
            en="Turn on two-factor authentication and never share one-time codes with anyone.",
        ),
        (
            L(
                kk="Министрлік пен басқа мемлекеттік органдардың қызметкерлері ешқашан "
                "парольді, SMS-кодты немесе цифрлық қолтаңбаның файлын сұрамайды.",
                ru="Сотрудники министерства и других государственных органов никогда не "
                "запрашивают пароль, код из SMS или файл цифровой подписи.",
                en="Staff of the ministry and other state bodies never ask for your password, a "
                "code from a text message or your digital signature file.",
            ),
            L(
                kk="Егер есептік жазбаңызға бөгде адам кірді деп күдіктенсеңіз, парольді "
                "өзгертіп, 1414 байланыс орталығына хабарласыңыз.",
                ru="Если вы подозреваете, что в вашу учётную запись вошёл посторонний, смените "
                "пароль и обратитесь в контакт-центр 1414.",
                en="If you think someone else has signed in to your account, change your "
                "password and call the contact centre on 1414.",
            ),
        ),
    ),
    FAQItem(
        "certificates-free",
        "digital-services",
        "digital-services",
        5,
        ("informatization",),
        L(
            kk="Электрондық анықтамалар ақылы ма?",
            ru="Платные ли электронные справки?",
            en="Do electronic certificates cost anything?",
        ),
        L(
            kk="Жоқ, электрондық үкімет порталы арқылы берілетін анықтамалар тегін.",
            ru="Нет, справки, выдаваемые через портал электронного правительства, бесплатны.",
            en="No. Certificates issued through the e-government portal are free.",
        ),
        (
            L(
                kk="Ақы тек заңда тікелей көзделген қызметтер үшін алынады, мысалы мемлекеттік "
                "баж салынатын қызметтер үшін. Мұндай жағдайда соманы қызметті таңдаған кезде "
                "портал көрсетеді.",
                ru="Плата взимается только за услуги, прямо предусмотренные законом, например за "
                "услуги, облагаемые государственной пошлиной. В таком случае портал показывает "
                "сумму при выборе услуги.",
                en="A charge applies only to services for which the law expressly provides one, "
                "such as services subject to a state fee. The portal then shows the amount when "
                "you choose the service.",
            ),
        ),
    ),
    # --- Open data ----------------------------------------------------------
    FAQItem(
        "where-open-data",
        "open-data",
        "open-data",
        30,
        ("access-to-information", "informatization"),
        L(
            kk="Министрліктің ашық деректерін қайдан табуға болады?",
            ru="Где найти открытые данные министерства?",
            en="Where can I find the ministry's open data?",
        ),
        L(
            kk="Ашық деректер порталында, министрлік бөлімінде.",
            ru="На портале открытых данных, в разделе министерства.",
            en="On the open data portal, in the ministry's section.",
        ),
        (
            L(
                kk="Жиынтықтар CSV және JSON форматтарында жарияланады, олардың әрқайсысында "
                "өрістердің сипаттамасы мен жаңарту жиілігі көрсетілген. Жиынтықтардың толық "
                "тізімі төмендегі каталогта берілген.",
                ru="Наборы публикуются в форматах CSV и JSON, у каждого есть описание полей и "
                "периодичность обновления. Полный список наборов приведён в каталоге ниже.",
                en="Datasets are published in CSV and JSON, each with a description of its "
                "fields and its update frequency. The full list is in the catalogue below.",
            ),
        ),
        "document:open-data-catalogue",
    ),
    FAQItem(
        "open-data-commercial-use",
        "open-data",
        "open-data",
        45,
        ("informatization",),
        L(
            kk="Ашық деректерді коммерциялық мақсатта пайдалануға бола ма?",
            ru="Можно ли использовать открытые данные в коммерческих целях?",
            en="Can I use open data for commercial purposes?",
        ),
        L(
            kk="Иә, дереккөзге сілтеме жасалған жағдайда.",
            ru="Да, при условии ссылки на источник.",
            en="Yes, provided you cite the source.",
        ),
        (
            L(
                kk="Ашық деректер еркін лицензия шарттарымен жарияланады: оларды көшіруге, "
                "өзгертуге, басқа деректермен біріктіруге және қосымшаларда пайдалануға болады. "
                "Министрлік деректердің өзектілігіне жауап береді, бірақ оларды өңдеу "
                "нәтижелеріне жауап бермейді.",
                ru="Открытые данные публикуются на условиях свободной лицензии: их можно "
                "копировать, изменять, объединять с другими данными и использовать в "
                "приложениях. Министерство отвечает за актуальность данных, но не за результаты "
                "их обработки.",
                en="Open data is published under a free licence: you may copy it, change it, "
                "combine it with other data and use it in applications. The ministry is "
                "responsible for keeping the data up to date, not for the results of "
                "processing it.",
            ),
        ),
    ),
    FAQItem(
        "request-new-dataset",
        "open-data",
        "open-data",
        210,
        ("access-to-information",),
        L(
            kk="Жаңа деректер жиынтығын жариялауды қалай сұрауға болады?",
            ru="Как попросить опубликовать новый набор данных?",
            en="How can I ask for a new dataset to be published?",
        ),
        L(
            kk="Ашық деректер порталындағы кері байланыс нысаны арқылы ұсыныс жіберіңіз.",
            ru="Направьте предложение через форму обратной связи на портале открытых данных.",
            en="Send a proposal through the feedback form on the open data portal.",
        ),
        (
            L(
                kk="Ұсыныс ақпарат алуға сұрау салу ретінде тіркеліп, заңда белгіленген "
                "мерзімде қаралады. Жиі сұралатын деректер жиынтықтардың жариялану жоспарына "
                "енгізіледі.",
                ru="Предложение регистрируется как информационный запрос и рассматривается в "
                "установленные законом сроки. Часто запрашиваемые данные включаются в план "
                "публикации наборов.",
                en="The proposal is registered as an information request and considered within "
                "the deadlines set by law. Frequently requested data is added to the dataset "
                "publication plan.",
            ),
        ),
    ),
    FAQItem(
        "personal-data-in-open-data",
        "open-data",
        "legal",
        50,
        ("personal-data", "access-to-information"),
        L(
            kk="Ашық деректерде дербес деректер жарияланады ма?",
            ru="Публикуются ли в открытых данных персональные данные?",
            en="Is personal data published as open data?",
        ),
        L(
            kk="Жоқ, дербес деректер мен қолжетімділігі шектеулі ақпарат жарияланбайды.",
            ru="Нет, персональные данные и информация с ограниченным доступом не публикуются.",
            en="No. Personal data and restricted information are never published.",
        ),
        (
            L(
                kk="Жарияланар алдында әрбір жиынтық заң департаментінде тексеріледі. Қажет "
                "болған жағдайда деректер иесіздендіріледі немесе жинақталған түрде ғана "
                "беріледі.",
                ru="Перед публикацией каждый набор проверяет юридический департамент. При "
                "необходимости данные обезличиваются или публикуются только в обобщённом виде.",
                en="Before publication the Legal Department checks every dataset. Where "
                "necessary the data is anonymised or published only in aggregate form.",
            ),
        ),
    ),
    # --- About the ministry ------------------------------------------------
    FAQItem(
        "personal-reception",
        "about-ministry",
        "documents",
        18,
        ("administrative-code",),
        L(
            kk="Министрдің немесе вице-министрдің жеке қабылдауына қалай жазылуға болады?",
            ru="Как записаться на личный приём к министру или вице-министру?",
            en="How can I get a personal appointment with the minister or vice minister?",
        ),
        L(
            kk="Қабылдау кестесі сайтта жарияланады; алдын ала телефон арқылы немесе онлайн "
            "жазылу қажет.",
            ru="График приёма публикуется на сайте; записаться нужно заранее по телефону или "
            "онлайн.",
            en="The reception schedule is published on the website; book in advance by phone "
            "or online.",
        ),
        (
            L(
                kk="Жазылу кезінде мәселенің мәнін қысқаша сипаттаңыз. Егер мәселе басқа "
                "органның құзыретіне жатса, сізге қай органға жүгіну керектігі айтылады.",
                ru="При записи кратко опишите суть вопроса. Если вопрос относится к компетенции "
                "другого органа, вам подскажут, куда обратиться.",
                en="When booking, describe your issue briefly. If it falls within another "
                "body's competence, you will be told where to go.",
            ),
        ),
    ),
    FAQItem(
        "budget-and-reports",
        "about-ministry",
        "finance",
        22,
        ("access-to-information",),
        L(
            kk="Министрліктің бюджеті мен есептері қайда жарияланады?",
            ru="Где публикуются бюджет и отчёты министерства?",
            en="Where are the ministry's budget and reports published?",
        ),
        L(
            kk="Сайттың «Ашық бюджет» бөлімінде: бюджет, тоқсан сайынғы есептер және сатып алу "
            "жоспарлары.",
            ru="В разделе «Открытый бюджет» на сайте: бюджет, ежеквартальные отчёты и планы "
            "закупок.",
            en="In the Open Budget section of the website: the budget, quarterly reports and "
            "procurement plans.",
        ),
        (
            L(
                kk="Бюджет қаражатын қалыптастыру және жұмсау туралы ақпаратқа қол жеткізуді "
                "заң бойынша шектеуге болмайды. Министр жылына кемінде бір рет халық алдында "
                "есеп береді.",
                ru="Доступ к информации о формировании и расходовании бюджетных средств по "
                "закону не может быть ограничен. Министр не реже раза в год отчитывается перед "
                "населением.",
                en="By law, access to information on how budget funds are formed and spent "
                "cannot be restricted. The minister reports to the population at least once a "
                "year.",
            ),
        ),
        "table:budget",
    ),
    FAQItem(
        "vacancies",
        "about-ministry",
        "hr",
        95,
        (),
        L(
            kk="Министрлікке жұмысқа қалай орналасуға болады?",
            ru="Как устроиться на работу в министерство?",
            en="How can I apply for a job at the ministry?",
        ),
        L(
            kk="Бос орындар сайтта жарияланады, іріктеу конкурс арқылы өтеді.",
            ru="Вакансии публикуются на сайте, отбор проходит на конкурсной основе.",
            en="Vacancies are published on the website and filled through open competitions.",
        ),
        (
            L(
                kk="Әр хабарландыруда біліктілік талаптары, құжаттарды қабылдау мерзімі және "
                "адам ресурстары басқармасының байланыс деректері көрсетіледі.",
                ru="В каждом объявлении указаны квалификационные требования, сроки приёма "
                "документов и контакты управления человеческих ресурсов.",
                en="Each notice gives the qualification requirements, the deadline for "
                "documents and the contact details of the Human Resources Division.",
            ),
        ),
    ),
    FAQItem(
        "press-office-role",
        "about-ministry",
        "press-office",
        8,
        ("mass-media", "model-regulation"),
        L(
            kk="Министрліктің баспасөз қызметі немен айналысады?",
            ru="Чем занимается пресс-служба министерства?",
            en="What does the ministry's press office do?",
        ),
        L(
            kk="Министрліктің қызметі туралы ақпарат таратады, БАҚ-пен жұмыс істейді және "
            "журналистерді аккредиттейді.",
            ru="Распространяет информацию о деятельности министерства, работает со СМИ и "
            "аккредитует журналистов.",
            en="It publishes information on the ministry's work, deals with the media and "
            "accredits journalists.",
        ),
        (
            L(
                kk="Баспасөз қызметі «Масс-медиа туралы» Заңның 39-бабына және үлгілік ережеге "
                "сәйкес жұмыс істейді және тікелей министрге бағынады.",
                ru="Пресс-служба работает в соответствии со статьёй 39 Закона «О масс-медиа» и "
                "типовым положением и подчиняется непосредственно министру.",
                en="The press office works under Article 39 of the Law “On Mass Media” and the "
                "model regulation, and reports directly to the minister.",
            ),
            L(
                kk="Ол баспасөз конференциялары мен брифингтерді ұйымдастырады, ақпарат алуға "
                "сұрау салуларға жауаптар дайындайды және сайттағы ақпаратты уақтылы жаңартып "
                "отырады.",
                ru="Она организует пресс-конференции и брифинги, готовит ответы на "
                "информационные запросы и своевременно обновляет информацию на сайте.",
                en="It organises press conferences and briefings, prepares answers to "
                "information requests and keeps the information on the website up to date.",
            ),
        ),
    ),
]

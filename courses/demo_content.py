"""Demo library for the IFG learning platform, seeded by `make run`.

Plain data only (no logic): themes, fictional trainers, courses with modules,
recorded webinars and tools, based on the training series of the Interlokaal
Platform Intrafamiliaal Geweld (15 municipalities around Ghent, coordinated by
Stad Gent). Learner-facing module content is in Dutch; titles and summaries are
also available in French and English. Trainer names are fictional.
"""

LANGUAGES = ("nl", "fr", "en")

# One theme per training series.
THEMES = [
    {
        "slug": "kindermishandeling",
        "name": {
            "nl": "Kindermishandeling",
            "fr": "Maltraitance d'enfants",
            "en": "Child maltreatment",
        },
        "description": {
            "nl": (
                "Signalen van kindermishandeling herkennen, het gesprek aangaan met kind en ouders "
                "en samen met partners de juiste stappen zetten."
            ),
            "fr": (
                "Reconnaître les signaux de maltraitance d'enfants, engager le dialogue avec "
                "l'enfant et les parents et entreprendre les bonnes démarches avec les partenaires."
            ),
            "en": (
                "Recognising signals of child maltreatment, talking with the child and the "
                "parents, and taking the right steps together with partners."
            ),
        },
    },
    {
        "slug": "partnergeweld",
        "name": {
            "nl": "Partnergeweld",
            "fr": "Violence entre partenaires",
            "en": "Partner violence",
        },
        "description": {
            "nl": (
                "Vormen en dynamieken van partnergeweld begrijpen, het bespreekbaar maken en de "
                "veiligheid van slachtoffers en kinderen vooropstellen."
            ),
            "fr": (
                "Comprendre les formes et les dynamiques de la violence entre partenaires, en "
                "parler et placer la sécurité des victimes et des enfants au premier plan."
            ),
            "en": (
                "Understanding the forms and dynamics of partner violence, raising the subject and "
                "putting the safety of victims and children first."
            ),
        },
    },
    {
        "slug": "referentiekaders",
        "name": {
            "nl": "Eigen referentiekaders",
            "fr": "Propres cadres de référence",
            "en": "Own frames of reference",
        },
        "description": {
            "nl": (
                "Stilstaan bij de eigen normen, ervaringen en handelingsverlegenheid in de aanpak "
                "van intrafamiliaal geweld, en bij samenwerking tussen preventie, zorg en "
                "politie/justitie."
            ),
            "fr": (
                "Réfléchir à ses propres normes, expériences et hésitations à agir face à la "
                "violence intrafamiliale, ainsi qu'à la collaboration entre prévention, soins et "
                "police/justice."
            ),
            "en": (
                "Reflecting on your own norms, experiences and hesitation to act when dealing with "
                "family violence, and on cooperation between prevention, care and police/justice."
            ),
        },
    },
    {
        "slug": "ouderenmishandeling",
        "name": {
            "nl": "Ouderenmis(be)handeling",
            "fr": "Maltraitance des aînés",
            "en": "Elder maltreatment",
        },
        "description": {
            "nl": (
                "Vormen van ouderenmis(be)handeling herkennen, waaronder financieel misbruik en "
                "verwaarlozing, en ouderen en overbelaste mantelzorgers ondersteunen."
            ),
            "fr": (
                "Reconnaître les formes de maltraitance des aînés, dont l'abus financier et la "
                "négligence, et soutenir les aînés ainsi que les aidants proches surchargés."
            ),
            "en": (
                "Recognising forms of elder maltreatment, including financial abuse and neglect, "
                "and supporting older people and overburdened informal carers."
            ),
        },
    },
    {
        "slug": "geweld-tussen-broers-en-zussen",
        "name": {
            "nl": "Geweld tussen broers en zussen",
            "fr": "Violence dans la fratrie",
            "en": "Sibling violence",
        },
        "description": {
            "nl": (
                "Het verschil tussen gewone ruzie en geweld tussen broers en zussen leren zien, en "
                "ouders en kinderen passend ondersteunen."
            ),
            "fr": (
                "Apprendre à distinguer les disputes ordinaires de la violence dans la fratrie, et "
                "soutenir de manière adaptée les parents et les enfants."
            ),
            "en": (
                "Learning to tell ordinary sibling quarrels from sibling violence, and supporting "
                "parents and children appropriately."
            ),
        },
    },
    {
        "slug": "babobox",
        "name": {
            "nl": "Babobox",
            "fr": "Babobox",
            "en": "Babobox",
        },
        "description": {
            "nl": (
                "Met de Babobox geweld en conflict bespreekbaar maken met kleuters en jonge "
                "kinderen, in de groep en individueel."
            ),
            "fr": (
                "Aborder la violence et les conflits avec les enfants d'âge maternel et les jeunes "
                "enfants grâce à la Babobox, en groupe et individuellement."
            ),
            "en": (
                "Using the Babobox to talk about violence and conflict with pre-school and young "
                "children, in groups and one to one."
            ),
        },
    },
]

# Fictional trainer profiles; any resemblance to real people is unintended.
TRAINERS = [
    {
        "slug": "saar-voorbeeld",
        "name": "Saar Voorbeeld",
        "role": {
            "nl": "Vormingswerker kindermishandeling",
            "fr": "Formatrice en maltraitance d'enfants",
            "en": "Trainer on child maltreatment",
        },
        "organisation": "Fictieve organisatie (demoprofiel)",
        "bio": (
            "Saar Voorbeeld is een fictieve trainer voor deze demo. In haar rol begeleidt ze "
            "professionals uit onderwijs, kinderopvang en jeugdhulp bij het bespreekbaar maken van "
            "zorgen over kinderen."
        ),
    },
    {
        "slug": "wout-proefmans",
        "name": "Wout Proefmans",
        "role": {
            "nl": "Politie-inspecteur en referent intrafamiliaal geweld",
            "fr": "Inspecteur de police et référent violence intrafamiliale",
            "en": "Police inspector and family violence referent",
        },
        "organisation": "Fictieve organisatie (demoprofiel)",
        "bio": (
            "Wout Proefmans is een fictief trainersprofiel voor deze demo. Hij brengt het "
            "perspectief van politie en justitie in en legt uit hoe dat spoor samenwerkt met "
            "preventie en zorg."
        ),
    },
    {
        "slug": "ines-oefenberg",
        "name": "Ines Oefenberg",
        "role": {
            "nl": "Preventiewerker en intervisiebegeleider",
            "fr": "Travailleuse de prévention et animatrice d'intervision",
            "en": "Prevention worker and peer-review facilitator",
        },
        "organisation": "Fictieve organisatie (demoprofiel)",
        "bio": (
            "Ines Oefenberg is een fictieve trainer voor deze demo. Ze begeleidt intervisies over "
            "intrafamiliaal geweld en helpt teams stilstaan bij hun eigen referentiekaders."
        ),
    },
    {
        "slug": "mehdi-demobeek",
        "name": "Mehdi Demobeek",
        "role": {
            "nl": "Maatschappelijk werker ouderenzorg",
            "fr": "Assistant social en soins aux aînés",
            "en": "Social worker in elder care",
        },
        "organisation": "Fictieve organisatie (demoprofiel)",
        "bio": (
            "Mehdi Demobeek is een fictief trainersprofiel voor deze demo. Hij werkt met ouderen "
            "en hun mantelzorgers en deelt zijn aanpak bij vermoedens van ouderenmis(be)handeling."
        ),
    },
    {
        "slug": "roos-verzinsel",
        "name": "Roos Verzinsel",
        "role": {
            "nl": "Pedagoge jonge kinderen",
            "fr": "Pédagogue de la petite enfance",
            "en": "Early childhood educationalist",
        },
        "organisation": "Fictieve organisatie (demoprofiel)",
        "bio": (
            "Roos Verzinsel is een fictieve trainer voor deze demo. Ze ondersteunt "
            "kleuteronderwijzers en begeleiders van jonge kinderen bij het werken met de Babobox."
        ),
    },
]

# Six courses, in the order of the training series.
COURSES = [
    {
        "slug": "kindermishandeling-signalen-en-stappen",
        "theme": "kindermishandeling",
        "title": {
            "nl": "Kindermishandeling: signalen herkennen en stappen zetten",
            "fr": "Maltraitance d'enfants : reconnaître les signaux et agir",
            "en": "Child maltreatment: recognising signals and taking action",
        },
        "summary": {
            "nl": (
                "Leer vormen en signalen van kindermishandeling herkennen, een zorgvol gesprek "
                "voeren met kind en ouders en samen met partners de juiste stappen zetten."
            ),
            "fr": (
                "Apprenez à reconnaître les formes et les signaux de la maltraitance d'enfants, à "
                "mener un dialogue attentif avec l'enfant et les parents et à agir avec vos "
                "partenaires."
            ),
            "en": (
                "Learn to recognise forms and signals of child maltreatment, to hold a careful "
                "conversation with the child and parents, and to take the right steps with "
                "partners."
            ),
        },
        "learning_objectives": [
            (
                "U kent de belangrijkste vormen van kindermishandeling, inclusief verwaarlozing en "
                "kinderen als getuige van partnergeweld."
            ),
            (
                "U herkent signalen bij kinderen en ouders en weet dat signalen aanwijzingen zijn, "
                "geen bewijs."
            ),
            (
                "U kunt een zorgvol gesprek voeren met een kind en met ouders zonder het kind in "
                "gevaar te brengen."
            ),
            (
                "U weet welke stappen u kunt zetten: overleggen, documenteren, advies vragen en "
                "samenwerken met partners."
            ),
        ],
        "audience": ["prevention", "care", "police_justice"],
        "trainers": ["saar-voorbeeld", "wout-proefmans"],
        "licence": "cc-by-sa-4.0",
        "attribution": "Interlokaal Platform Intrafamiliaal Geweld, Stad Gent",
        "modules": [
            {
                "slug": "vormen-en-signalen",
                "title": {
                    "nl": "Vormen en signalen van kindermishandeling",
                    "fr": "Formes et signaux de la maltraitance d'enfants",
                    "en": "Forms and signals of child maltreatment",
                },
                "summary": {
                    "nl": (
                        "Welke vormen van kindermishandeling bestaan er en aan welke signalen bij "
                        "kind en ouders kunt u ze herkennen?"
                    ),
                    "fr": (
                        "Quelles sont les formes de maltraitance d'enfants et à quels signaux chez "
                        "l'enfant et les parents pouvez-vous les reconnaître ?"
                    ),
                    "en": (
                        "What forms of child maltreatment exist and which signals in the child and "
                        "the parents can help you recognise them?"
                    ),
                },
                "duration_minutes": 15,
                "content_warning": (
                    "Deze module bevat een casus over een jong kind dat thuis spanningen en geweld "
                    "tussen de ouders meemaakt."
                ),
                "body": [
                    (
                        "text",
                        (
                            "<h2>Wat verstaan we onder kindermishandeling?</h2>"
                            "<p>Kindermishandeling is elke situatie waarin een kind lichamelijk, "
                            "psychisch of seksueel geweld ondergaat, of verwaarloosd wordt, door "
                            "een volwassene bij wie het kind afhankelijk is of die het kind "
                            "vertrouwt. Meestal gaat het om ouders of andere opvoeders. Het gaat "
                            "niet alleen om wat een volwassene doet, maar ook om wat hij of zij "
                            "nalaat: een kind dat structureel te weinig eten, zorg, toezicht of "
                            "aandacht krijgt, wordt ook mishandeld.</p>"
                            "<p>Een vorm die vaak over het hoofd wordt gezien: kinderen die "
                            "getuige zijn van partnergeweld. Zij horen de ruzies, zien de gevolgen "
                            "of voelen de voortdurende spanning in huis. Ook deze kinderen zijn "
                            "slachtoffer.</p>"
                            "<h3>Signalen bij het kind</h3>"
                            "<ul><li>Letsels die niet passen bij de uitleg, of verklaringen die "
                            "steeds veranderen.</li>"
                            "<li>Gedragsveranderingen: een kind dat stil en teruggetrokken wordt, "
                            "snel schrikt, angstig of net heel agressief is.</li>"
                            "<li>Terugval in wat het kind al kon, slaapproblemen of klachten "
                            "zonder duidelijke oorzaak.</li>"
                            "<li>Tekenen van verwaarlozing: honger, slechte hygiëne, gemiste "
                            "medische zorg, vaak afwezig op school.</li>"
                            "<li>Een kind dat niet naar huis wil, of dat opvallend veel zorg "
                            "opneemt voor ouders, broers of zussen.</li></ul>"
                            "<h3>Signalen bij ouders</h3>"
                            "<p>Let ook op hoe ouders over en met hun kind praten: voortdurend "
                            "negatieve uitspraken, onrealistische verwachtingen, geen oog voor wat "
                            "het kind nodig heeft, of een ouder die zelf overweldigd lijkt door "
                            "stress, verslaving of psychische problemen.</p>"
                            "<p><strong>Belangrijk:</strong> signalen zijn aanwijzingen, geen "
                            "bewijs. Een signaal op zich kan veel oorzaken hebben. Kijk naar het "
                            "geheel en naar patronen over een langere periode. Noteer feitelijk "
                            "wat u ziet en hoort, met datum en, waar mogelijk, de letterlijke "
                            "woorden van het kind. Zo kunt u uw zorg later helder bespreken met "
                            "collega's en partners.</p>"
                        ),
                    ),
                    (
                        "case_vignette",
                        {
                            "title": "Ella in de buitenschoolse opvang",
                            "story": (
                                "<p>Ella is zes en komt elke dag naar de buitenschoolse opvang. De "
                                "laatste weken is ze stil. Ze schrikt als een deur dichtslaat en "
                                "speelt vaak alleen. Wanneer haar vader haar komt halen, treuzelt "
                                "ze. Tijdens het knutselen zegt ze plots: 'Mama huilde weer en "
                                "papa riep heel hard. Ik ben onder mijn bed gaan zitten.' Daarna "
                                "wil ze er niets meer over zeggen.</p>"
                            ),
                            "questions": [
                                (
                                    "Welke signalen ziet u bij Ella, en welke vragen roepen ze bij "
                                    "u op?"
                                ),
                                "Hoe reageert u op het moment dat Ella dit vertelt?",
                                "Wat noteert u, en met wie bespreekt u uw zorg?",
                            ],
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "question": (
                                "Welke uitspraak over signalen van kindermishandeling klopt het "
                                "best?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Eén duidelijk signaal volstaat om vast te stellen dat een "
                                        "kind mishandeld wordt."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Begrijpelijk dat een opvallend signaal u ongerust maakt, "
                                        "maar een signaal op zich kan veel oorzaken hebben. Het is "
                                        "een reden om verder te kijken en te overleggen, geen "
                                        "vaststelling."
                                    ),
                                },
                                {
                                    "text": (
                                        "Signalen zijn aanwijzingen: u kijkt naar het geheel, "
                                        "noteert feitelijk wat u ziet en bespreekt uw zorg met "
                                        "collega's."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Juist. Door naar patronen te kijken, feitelijk te "
                                        "documenteren en uw zorg te delen, komt u tot een "
                                        "zorgvuldige inschatting zonder alleen te staan."
                                    ),
                                },
                                {
                                    "text": (
                                        "Zolang een kind geen zichtbare letsels heeft, is er geen "
                                        "reden tot zorg."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Veel vormen van kindermishandeling laten geen zichtbare "
                                        "sporen na, zoals verwaarlozing, psychisch geweld of "
                                        "getuige zijn van partnergeweld. Gedragssignalen verdienen "
                                        "evenveel aandacht."
                                    ),
                                },
                                {
                                    "text": (
                                        "Signalen noteert u best pas wanneer u zeker bent dat er "
                                        "iets aan de hand is."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Zekerheid komt er vaak pas na verloop van tijd, en dan "
                                        "bent u details vergeten. Noteer daarom van bij het begin "
                                        "feitelijk wat u ziet en hoort; zo helpt u het kind later "
                                        "het best."
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "reflection",
                        {
                            "question": (
                                "Welke signalen bij kinderen merkt u in uw werk het snelst op, en "
                                "welke zou u misschien over het hoofd zien?"
                            ),
                            "guidance": (
                                "Denk aan een concreet kind of een concrete situatie uit uw "
                                "praktijk. Wat viel u toen op, en wat pas later? Welke informatie "
                                "heeft u meestal niet, omdat u het kind maar in één context ziet?"
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "in-gesprek-met-kind-en-ouders",
                "title": {
                    "nl": "In gesprek met kind en ouders",
                    "fr": "Dialoguer avec l'enfant et les parents",
                    "en": "Talking with the child and the parents",
                },
                "summary": {
                    "nl": (
                        "Hoe luistert u naar een kind dat iets vertelt, en hoe bespreekt u uw zorg "
                        "met ouders zonder het kind in gevaar te brengen?"
                    ),
                    "fr": (
                        "Comment écouter un enfant qui se confie, et comment partager votre "
                        "inquiétude avec les parents sans mettre l'enfant en danger ?"
                    ),
                    "en": (
                        "How do you listen to a child who discloses something, and how do you "
                        "share your concern with parents without putting the child at risk?"
                    ),
                },
                "duration_minutes": 15,
                "content_warning": "",
                "body": [
                    (
                        "text",
                        (
                            "<h2>Luisteren naar een kind</h2>"
                            "<p>Een kind vertelt zelden in één keer wat er thuis gebeurt. Vaak "
                            "test het eerst voorzichtig of een volwassene te vertrouwen is, met "
                            "een losse opmerking of een vraag. Hoe u dan reageert, bepaalt mee of "
                            "het kind verder durft te vertellen.</p>"
                            "<ul><li><strong>Blijf rustig</strong> en neem het kind ernstig. Laat "
                            "merken dat u luistert.</li>"
                            "<li><strong>Stel open vragen</strong> zoals 'Wil je daar iets meer "
                            "over vertellen?' en vermijd suggestieve vragen zoals 'Heeft papa je "
                            "geslagen?'.</li>"
                            "<li><strong>Hoor het kind niet uit.</strong> U hoeft niet te "
                            "achterhalen wat er precies gebeurd is; een eventueel verhoor is de "
                            "taak van politie en justitie.</li>"
                            "<li><strong>Beloof geen geheimhouding.</strong> Zeg eerlijk dat u dit "
                            "niet voor uzelf kunt houden omdat u het kind wilt helpen, en leg uit "
                            "wat u gaat doen.</li>"
                            "<li><strong>Zeg dat het niet de schuld van het kind is</strong> en "
                            "bedank het omdat het u iets heeft verteld.</li></ul>"
                            "<p>Schrijf na het gesprek zo letterlijk mogelijk op wat het kind zei "
                            "en wat u zelf vroeg, met datum en uur.</p>"
                            "<h2>Uw zorg bespreken met ouders</h2>"
                            "<p>In veel situaties is het zinvol om uw bezorgdheid met de ouders te "
                            "bespreken. De meeste ouders willen het goed doen voor hun kind, ook "
                            "als het thuis misloopt. Vertrek vanuit wat u ziet bij het kind ('Het "
                            "valt me op dat Ella de laatste weken heel stil is') en vraag hoe zij "
                            "dat ervaren. Vermijd beschuldigingen en bied ondersteuning aan.</p>"
                            "<p>Soms is een gesprek met de ouders niet veilig, bijvoorbeeld "
                            "wanneer u vermoedt dat een ouder het kind ernstig schade toebrengt of "
                            "het kind onder druk zou zetten. Overleg dan eerst met uw team en "
                            "vraag advies, bijvoorbeeld bij een Vertrouwenscentrum "
                            "Kindermishandeling, voor u de ouders aanspreekt.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "question": (
                                "Een kind vertelt u iets verontrustends en vraagt: 'Beloof je dat "
                                "je het aan niemand zegt?' Wat doet u best?"
                            ),
                            "choices": [
                                {
                                    "text": "U belooft het, zodat het kind blijft vertellen.",
                                    "correct": False,
                                    "feedback": (
                                        "Die reactie komt voort uit de wens om het vertrouwen van "
                                        "het kind te bewaren. Maar als u de belofte later moet "
                                        "breken, verliest het kind net dat vertrouwen. Eerlijkheid "
                                        "beschermt de relatie beter."
                                    ),
                                },
                                {
                                    "text": (
                                        "U zegt eerlijk dat u dit niet alleen kunt houden omdat u "
                                        "het kind wilt helpen, en legt uit wat u gaat doen."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Juist. Zo blijft u betrouwbaar voor het kind. U kunt wel "
                                        "beloven dat u het alleen deelt met mensen die kunnen "
                                        "helpen, en dat u het kind op de hoogte houdt."
                                    ),
                                },
                                {
                                    "text": (
                                        "U stelt meteen veel gerichte vragen om precies te weten "
                                        "wat er gebeurd is."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Het is logisch dat u meer wilt weten, maar veel en "
                                        "gerichte vragen kunnen een kind overweldigen of het "
                                        "verhaal beïnvloeden. Luister, stel open vragen en laat "
                                        "het onderzoek aan politie en justitie."
                                    ),
                                },
                                {
                                    "text": (
                                        "U belt meteen de ouders om te horen wat er aan de hand is."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Ouders betrekken is vaak zinvol, maar niet overhaast: als "
                                        "een ouder betrokken is bij het geweld, kan dat het kind "
                                        "in gevaar brengen. Overleg eerst met uw team en vraag "
                                        "advies."
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "reflection",
                        {
                            "question": (
                                "Denk aan een gesprek met een kind of een ouder over een zorg dat "
                                "u moeilijk vond. Wat zou u nu anders aanpakken?"
                            ),
                            "guidance": (
                                "Sta stil bij wat het gesprek moeilijk maakte: uw eigen gevoelens, "
                                "de reactie van de ander, tijdsdruk of onduidelijkheid over uw "
                                "rol. Welke zin of houding uit deze module wilt u de volgende keer "
                                "gebruiken?"
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "stappen-en-samenwerking",
                "title": {
                    "nl": "Stappen zetten: overleggen, documenteren en samenwerken",
                    "fr": "Agir : se concerter, documenter et collaborer",
                    "en": "Taking steps: consulting, documenting and cooperating",
                },
                "summary": {
                    "nl": (
                        "Wat doet u met uw zorg? Een overzicht van de stappen, van overleg in uw "
                        "team tot advies, het beroepsgeheim en samenwerking met partners."
                    ),
                    "fr": (
                        "Que faire de votre inquiétude ? Un aperçu des étapes, de la concertation "
                        "en équipe aux conseils, au secret professionnel et à la collaboration."
                    ),
                    "en": (
                        "What do you do with your concern? An overview of the steps, from "
                        "consulting your team to seeking advice, professional secrecy and "
                        "cooperation."
                    ),
                },
                "duration_minutes": 15,
                "content_warning": "",
                "body": [
                    (
                        "text",
                        (
                            "<h2>Van zorg naar actie</h2>"
                            "<p>Een vermoeden van kindermishandeling hoeft u niet alleen te "
                            "dragen. De volgende stappen helpen u om zorgvuldig te handelen. Ze "
                            "volgen niet altijd strikt na elkaar, maar veiligheid komt altijd "
                            "eerst.</p>"
                            "<ol><li><strong>Veiligheid:</strong> is het kind in acuut gevaar? Bel "
                            "112.</li>"
                            "<li><strong>Overleg:</strong> bespreek uw zorg met een collega, uw "
                            "leidinggevende of de vertrouwenspersoon in uw organisatie. Twee paar "
                            "ogen zien meer dan één.</li>"
                            "<li><strong>Documenteer:</strong> noteer feiten, uitspraken en data, "
                            "gescheiden van uw interpretaties.</li>"
                            "<li><strong>Vraag advies:</strong> ook professionals kunnen terecht "
                            "bij 1712. Een Vertrouwenscentrum Kindermishandeling geeft advies en "
                            "kan, waar nodig, zelf verdere stappen zetten.</li>"
                            "<li><strong>Volg de afspraken van uw organisatie</strong> en, als uw "
                            "beroepsgroep er een heeft, de meldcode: een stappenplan om te bepalen "
                            "of en hoe u een vermoeden deelt.</li></ol>"
                            "<h3>Beroepsgeheim en spreekrecht</h3>"
                            "<p>Bent u gebonden door het beroepsgeheim, dan betekent dat niet dat "
                            "u niets kunt doen. Artikel 458bis van het Strafwetboek laat u onder "
                            "strikte voorwaarden toe om de procureur des Konings te informeren, "
                            "onder meer wanneer er een ernstig en dreigend gevaar is voor de "
                            "fysieke of psychische integriteit van een minderjarige en u dat niet "
                            "zelf of met hulp van anderen kunt afwenden. Het gaat om een "
                            "spreekrecht, geen spreekplicht. Overleg altijd met uw team of met een "
                            "adviesinstantie voor u die stap zet.</p>"
                            "<h3>Samenwerken tussen sporen</h3>"
                            "<p>Preventie, zorg en politie/justitie hebben elk een eigen rol. Een "
                            "preventiewerker of leerkracht ziet vaak de eerste signalen, "
                            "hulpverleners ondersteunen het gezin, en politie en justitie kunnen "
                            "beschermen en grenzen stellen. Geen enkel spoor kan het alleen. Blijf "
                            "ook na een doorverwijzing betrokken: voor het kind bent u misschien "
                            "een van de weinige vaste, veilige volwassenen.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "question": (
                                "U bent gebonden door het beroepsgeheim en u maakt zich ernstige "
                                "zorgen over een kind. Wat klopt er over artikel 458bis van het "
                                "Strafwetboek?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Het verplicht u om elk vermoeden onmiddellijk aan het "
                                        "parket te melden."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Dat is een vaak gehoorde misvatting. Artikel 458bis geeft "
                                        "u een spreekrecht, geen spreekplicht. U weegt zorgvuldig "
                                        "af, bij voorkeur samen met uw team."
                                    ),
                                },
                                {
                                    "text": (
                                        "Het laat u onder strikte voorwaarden toe om de procureur "
                                        "des Konings te informeren, bijvoorbeeld bij ernstig en "
                                        "dreigend gevaar dat u niet zelf of met hulp van anderen "
                                        "kunt afwenden."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Juist. Het artikel maakt het mogelijk om in ernstige "
                                        "situaties het beroepsgeheim te doorbreken. Overleg vooraf "
                                        "en documenteer hoe u tot uw beslissing bent gekomen."
                                    ),
                                },
                                {
                                    "text": (
                                        "Het beroepsgeheim verbiedt u in alle omstandigheden om "
                                        "iets te delen."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Veel professionals voelen zich zo geremd, en dat is "
                                        "begrijpelijk. Toch laat de wet uitzonderingen toe wanneer "
                                        "een kind of kwetsbare persoon in ernstig gevaar is. "
                                        "Bovendien kunt u anoniem advies vragen."
                                    ),
                                },
                                {
                                    "text": "Het geldt alleen voor artsen.",
                                    "correct": False,
                                    "feedback": (
                                        "Het artikel geldt niet alleen voor artsen, maar voor "
                                        "iedereen die door het beroepsgeheim gebonden is. Ga na "
                                        "welke afspraken in uw organisatie gelden."
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "reflection",
                        {
                            "question": (
                                "Met welke partners in uw gemeente zou u bij een zorg over een "
                                "kind contact opnemen, en weet u hoe u hen bereikt?"
                            ),
                            "guidance": (
                                "Maak een kort lijstje: wie is uw eerste aanspreekpunt in uw eigen "
                                "organisatie, en wie in het preventie-, zorg- en "
                                "politie/justitiespoor? Waar zitten nog lacunes, en wie kan u "
                                "helpen die in te vullen?"
                            ),
                        },
                    ),
                    (
                        "help_callout",
                        {
                            "kind": "help",
                            "text": (
                                "<p>Twijfelt u of heeft u een vraag over een situatie? Ook als "
                                "professional kunt u gratis en anoniem terecht bij "
                                "<strong>1712</strong>, de hulplijn voor vragen over geweld, "
                                "misbruik en kindermishandeling, via telefoon, chat of e-mail. Is "
                                "er acuut gevaar? Bel dan onmiddellijk <strong>112</strong>.</p>"
                            ),
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "partnergeweld-herkennen-en-handelen",
        "theme": "partnergeweld",
        "title": {
            "nl": "Partnergeweld: herkennen, bespreekbaar maken en veiligheid voorop",
            "fr": "Violence entre partenaires : reconnaître, en parler et privilégier la sécurité",
            "en": "Partner violence: recognising it, talking about it and putting safety first",
        },
        "summary": {
            "nl": (
                "Inzicht in de vormen en dynamiek van partnergeweld, in het gesprek met "
                "slachtoffers en in veiligheid en samenwerking tussen preventie, zorg en "
                "politie/justitie."
            ),
            "fr": (
                "Comprendre les formes et la dynamique de la violence entre partenaires, le "
                "dialogue avec les victimes, la sécurité et la collaboration entre prévention, "
                "soins et police/justice."
            ),
            "en": (
                "Insight into the forms and dynamics of partner violence, talking with victims, "
                "and safety and cooperation between prevention, care and police/justice."
            ),
        },
        "learning_objectives": [
            (
                "U kent de vormen van partnergeweld, waaronder psychisch en economisch geweld en "
                "dwingende controle."
            ),
            (
                "U begrijpt waarom slachtoffers niet zomaar vertrekken en wat dat vraagt van uw "
                "houding."
            ),
            "U kunt partnergeweld veilig bespreekbaar maken in een gesprek onder vier ogen.",
            "U weet hoe u veiligheid vooropstelt en samenwerkt met partners uit de andere sporen.",
        ],
        "audience": ["prevention", "care", "police_justice"],
        "trainers": ["wout-proefmans", "ines-oefenberg"],
        "licence": "cc-by-sa-4.0",
        "attribution": "Interlokaal Platform Intrafamiliaal Geweld, Stad Gent",
        "modules": [
            {
                "slug": "wat-is-partnergeweld",
                "title": {
                    "nl": "Wat is partnergeweld?",
                    "fr": "Qu'est-ce que la violence entre partenaires ?",
                    "en": "What is partner violence?",
                },
                "summary": {
                    "nl": (
                        "De vormen en dynamiek van partnergeweld, waarom slachtoffers blijven en "
                        "waarom kinderen ook slachtoffer zijn."
                    ),
                    "fr": (
                        "Les formes et la dynamique de la violence entre partenaires, pourquoi les "
                        "victimes restent et pourquoi les enfants sont aussi des victimes."
                    ),
                    "en": (
                        "The forms and dynamics of partner violence, why victims stay and why "
                        "children are victims too."
                    ),
                },
                "duration_minutes": 15,
                "content_warning": "",
                "body": [
                    (
                        "text",
                        (
                            "<h2>Meer dan lichamelijk geweld</h2>"
                            "<p>Partnergeweld is geweld tussen (ex-)partners, ongeacht hun "
                            "leeftijd, gender of geaardheid, en of ze nu samenwonen of niet. Het "
                            "kan verschillende vormen aannemen, die vaak samen voorkomen:</p>"
                            "<ul><li><strong>lichamelijk geweld</strong>, zoals duwen, slaan of "
                            "vastgrijpen;</li>"
                            "<li><strong>psychisch geweld</strong>, zoals kleineren, bedreigen, "
                            "isoleren van familie en vrienden;</li>"
                            "<li><strong>seksueel geweld</strong>, zoals seksuele handelingen "
                            "zonder instemming;</li>"
                            "<li><strong>economisch geweld</strong>, zoals geld afnemen, de "
                            "toegang tot een rekening ontzeggen of verhinderen dat iemand "
                            "werkt;</li>"
                            "<li><strong>digitaal geweld</strong>, zoals een gsm controleren, "
                            "berichten opeisen of iemand via sociale media volgen en "
                            "bedreigen.</li></ul>"
                            "<p>Wanneer iemand zijn of haar partner systematisch controleert, "
                            "beperkt en bang maakt, spreken we van <strong>dwingende "
                            "controle</strong>. Dat patroon is vaak ingrijpender dan één "
                            "afzonderlijk incident, ook als er weinig of geen lichamelijk geweld "
                            "is. Partnergeweld stopt ook niet altijd bij een scheiding: de periode "
                            "rond en na een breuk kan net extra risico's inhouden.</p>"
                            "<h3>Waarom vertrekt ze of hij niet gewoon?</h3>"
                            "<p>Die vraag horen professionals vaak, en ze legt onbedoeld de "
                            "verantwoordelijkheid bij het slachtoffer. Mensen blijven om veel "
                            "redenen: angst voor escalatie, financiële afhankelijkheid, zorg voor "
                            "de kinderen, schaamte, loyaliteit, hoop dat de partner verandert, of "
                            "een isolement waardoor er weinig steun is. Vertrekken is een proces, "
                            "geen eenmalige beslissing. Uw rol is niet om te beslissen in de "
                            "plaats van het slachtoffer, maar om beschikbaar te blijven en "
                            "veiligheid mee te bewaken.</p>"
                            "<h3>Kinderen zijn ook slachtoffer</h3>"
                            "<p>Kinderen die partnergeweld meemaken, zijn ook slachtoffer, ook als "
                            "ze zelf niet geslagen worden. Heb daarom bij elke situatie van "
                            "partnergeweld ook aandacht voor de kinderen in het gezin.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "question": (
                                "Een cliënte vertelt dat haar partner haar gsm controleert, haar "
                                "geld beheert en bepaalt wie ze mag zien. Er is geen lichamelijk "
                                "geweld. Hoe kijkt u hiernaar?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Zolang er geen lichamelijk geweld is, is dit geen "
                                        "partnergeweld."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Lichamelijk geweld is vaak het meest zichtbaar, maar het "
                                        "is niet de enige vorm. Controle, isolement en economische "
                                        "afhankelijkheid zijn ook vormen van partnergeweld en "
                                        "kunnen grote schade aanrichten."
                                    ),
                                },
                                {
                                    "text": (
                                        "Dit kan wijzen op dwingende controle; u neemt het ernstig "
                                        "en verkent voorzichtig hoe veilig ze zich voelt."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Juist. Dit patroon past bij dwingende controle. Door haar "
                                        "ernstig te nemen en naar haar veiligheid te vragen, opent "
                                        "u de deur voor verdere hulp."
                                    ),
                                },
                                {
                                    "text": (
                                        "Dit is een relatieconflict dat het koppel best samen "
                                        "oplost in relatietherapie."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Samen praten lijkt een logische oplossing, maar bij een "
                                        "machtsonevenwicht kan een gezamenlijk gesprek onveilig "
                                        "zijn en kan het slachtoffer zich niet vrij uitspreken. "
                                        "Kijk eerst naar veiligheid, met gespecialiseerde hulp."
                                    ),
                                },
                                {
                                    "text": "U raadt haar aan de relatie meteen te beëindigen.",
                                    "correct": False,
                                    "feedback": (
                                        "Uw bezorgdheid is terecht, maar de beslissing ligt bij "
                                        "haar. Bovendien kan een breuk een risicovol moment zijn. "
                                        "Werk samen aan veiligheid en aan de stappen die zij wil "
                                        "zetten."
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "reflection",
                        {
                            "question": (
                                "Hoe reageert u innerlijk wanneer een slachtoffer van "
                                "partnergeweld terugkeert naar de partner? Wat betekent dat voor "
                                "uw begeleiding?"
                            ),
                            "guidance": (
                                "Frustratie, ongerustheid of onmacht zijn begrijpelijke gevoelens. "
                                "Sta stil bij hoe die doorwerken in uw houding, en wat u nodig "
                                "heeft om toch beschikbaar te blijven."
                            ),
                        },
                    ),
                    (
                        "help_callout",
                        {
                            "kind": "selfcare",
                            "text": (
                                "<p>Werken met partnergeweld kan zwaar zijn, zeker wanneer u zich "
                                "machteloos voelt. Deel uw ervaringen met collega's, bespreek "
                                "moeilijke situaties in intervisie of supervisie en geef uw "
                                "grenzen aan. Zorg goed voor uzelf: zo kunt u ook goed voor "
                                "anderen zorgen.</p>"
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "partnergeweld-bespreekbaar-maken",
                "title": {
                    "nl": "Partnergeweld bespreekbaar maken",
                    "fr": "Aborder la violence entre partenaires",
                    "en": "Raising the subject of partner violence",
                },
                "summary": {
                    "nl": (
                        "Hoe vraagt u naar partnergeweld, hoe reageert u op een onthulling en wat "
                        "vermijdt u beter?"
                    ),
                    "fr": (
                        "Comment poser la question de la violence entre partenaires, comment "
                        "réagir à une révélation et que vaut-il mieux éviter ?"
                    ),
                    "en": (
                        "How do you ask about partner violence, how do you respond to a disclosure "
                        "and what is best avoided?"
                    ),
                },
                "duration_minutes": 15,
                "content_warning": (
                    "Deze module bevat een casus met signalen van partnergeweld, zonder "
                    "gedetailleerde beschrijving van geweld."
                ),
                "body": [
                    (
                        "text",
                        (
                            "<h2>Durven vragen</h2>"
                            "<p>Veel slachtoffers vertellen pas over partnergeweld wanneer iemand "
                            "er rechtstreeks naar vraagt. Professionals aarzelen vaak: ze zijn "
                            "bang om iemand te kwetsen of weten niet wat ze met het antwoord "
                            "moeten doen. Toch ervaren de meeste mensen een zorgvuldige vraag als "
                            "een teken van betrokkenheid.</p>"
                            "<h3>Zo pakt u het aan</h3>"
                            "<ul><li><strong>Spreek de persoon alleen</strong>, nooit in het "
                            "bijzijn van de partner of van kinderen, en zorg voor een rustige plek "
                            "waar u niet gestoord wordt.</li>"
                            "<li><strong>Leid de vraag in</strong>, bijvoorbeeld: 'Ik vraag dit "
                            "aan iedereen die ik begeleid, omdat het vaker voorkomt dan mensen "
                            "denken.'</li>"
                            "<li><strong>Vraag concreet</strong>: 'Voelt u zich veilig thuis?' of "
                            "'Bent u weleens bang voor uw partner?'</li>"
                            "<li><strong>Geloof wat de persoon vertelt</strong> en oordeel niet. "
                            "Zeg dat geweld nooit de schuld is van het slachtoffer.</li>"
                            "<li><strong>Respecteer het tempo.</strong> Een eerste gesprek hoeft "
                            "niet tot een oplossing te leiden. Maak een nieuwe afspraak en houd "
                            "contact.</li></ul>"
                            "<h3>Wat u beter vermijdt</h3>"
                            "<p>Confronteer de vermoedelijke pleger niet zonder overleg: dat kan "
                            "het slachtoffer in gevaar brengen. Stuur geen berichten over het "
                            "onderwerp naar een gsm of mailadres dat de partner kan inkijken. "
                            "Gebruik geen kinderen of familieleden als tolk. Beloof geen "
                            "oplossingen die u niet in handen heeft.</p>"
                            "<h3>En de pleger?</h3>"
                            "<p>Ook wie geweld pleegt, kan aangesproken worden op zijn of haar "
                            "gedrag, maar dat vraagt een goede voorbereiding en afstemming met wie "
                            "het slachtoffer begeleidt. Benoem het gedrag, niet de persoon, en "
                            "verwijs door naar gespecialiseerde hulp. Zo werkt u aan het stoppen "
                            "van het geweld zonder de veiligheid van het slachtoffer uit het oog "
                            "te verliezen.</p>"
                        ),
                    ),
                    (
                        "case_vignette",
                        {
                            "title": "Samira aan het onthaal",
                            "story": (
                                "<p>Samira komt naar het sociaal huis om een premie aan te vragen. "
                                "Haar partner wacht telkens buiten in de auto. Tijdens het gesprek "
                                "kijkt ze voortdurend op haar gsm en zegt ze dat ze snel weg moet, "
                                "'anders wordt hij boos'. Wanneer ze haar mouw opstroopt, ziet u "
                                "een blauwe plek op haar pols. Ze zegt meteen dat ze zich gestoten "
                                "heeft.</p>"
                            ),
                            "questions": [
                                (
                                    "Welke signalen ziet u, en welke andere verklaringen zijn er "
                                    "mogelijk?"
                                ),
                                "Hoe en wanneer kunt u Samira veilig naar haar situatie vragen?",
                                "Wat doet u als ze aangeeft dat ze (nog) niet wil praten?",
                            ],
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "question": (
                                "U wilt een cliënte vragen of ze thuis geweld meemaakt. Welke "
                                "aanpak is het meest aangewezen?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "In een gesprek onder vier ogen, op een rustige plek, "
                                        "zonder de partner of kinderen erbij."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Juist. Alleen in een veilige setting kan iemand vrij "
                                        "antwoorden zonder angst voor gevolgen thuis."
                                    ),
                                },
                                {
                                    "text": (
                                        "Samen met de partner, zodat u beide kanten van het "
                                        "verhaal hoort."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Beide kanten horen lijkt eerlijk, maar in het bijzijn van "
                                        "een partner die geweld pleegt, kan het slachtoffer niet "
                                        "vrijuit spreken en kan het gesprek later thuis gevolgen "
                                        "hebben."
                                    ),
                                },
                                {
                                    "text": (
                                        "Via een bericht of e-mail, zodat ze rustig kan nadenken "
                                        "over haar antwoord."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Schriftelijk vragen lijkt minder bedreigend, maar een "
                                        "partner die controleert, kan berichten lezen. Dat kan het "
                                        "slachtoffer in gevaar brengen."
                                    ),
                                },
                                {
                                    "text": (
                                        "Via de kinderen, omdat die vaak eerlijker vertellen wat "
                                        "er thuis gebeurt."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Kinderen verdienen zeker aandacht, maar ze mogen niet de "
                                        "boodschapper of informant worden. Dat legt een te zware "
                                        "last op hen en kan hen in een loyaliteitsconflict brengen."
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "reflection",
                        {
                            "question": (
                                "Welke drempels ervaart u om naar partnergeweld te vragen, en "
                                "welke kans in uw werk zou u kunnen benutten om het wel te doen?"
                            ),
                            "guidance": (
                                "Denk aan uw eigen gevoelens, maar ook aan praktische drempels "
                                "zoals tijd, ruimte of de aanwezigheid van een partner. Formuleer "
                                "één concrete zin waarmee u de vraag in uw eigen woorden zou "
                                "stellen."
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "veiligheid-en-samenwerking",
                "title": {
                    "nl": "Veiligheid voorop en samenwerken tussen sporen",
                    "fr": "La sécurité d'abord et la collaboration entre les voies",
                    "en": "Safety first and cooperation between tracks",
                },
                "summary": {
                    "nl": (
                        "Hoe werkt u aan veiligheid met een slachtoffer, wat kunnen politie en "
                        "justitie doen, en hoe stemt u af met partners?"
                    ),
                    "fr": (
                        "Comment travailler la sécurité avec une victime, que peuvent faire la "
                        "police et la justice, et comment se coordonner avec les partenaires ?"
                    ),
                    "en": (
                        "How do you work on safety with a victim, what can police and justice do, "
                        "and how do you coordinate with partners?"
                    ),
                },
                "duration_minutes": 15,
                "content_warning": "",
                "body": [
                    (
                        "text",
                        (
                            "<h2>Veiligheid eerst</h2>"
                            "<p>Bij partnergeweld staat de veiligheid van het slachtoffer en van "
                            "de kinderen altijd voorop. Is er acuut gevaar, dan belt u 112. In "
                            "andere situaties kunt u samen met het slachtoffer een "
                            "<strong>veiligheidsplan</strong> opmaken. Dat kan eenvoudige "
                            "afspraken bevatten:</p>"
                            "<ul><li>welke signalen erop wijzen dat de situatie escaleert;</li>"
                            "<li>waar het slachtoffer en de kinderen snel naartoe kunnen;</li>"
                            "<li>wie er kan helpen, bijvoorbeeld een buur of familielid, eventueel "
                            "met een afgesproken codewoord;</li>"
                            "<li>welke documenten, medicatie en belangrijke nummers klaar moeten "
                            "liggen.</li></ul>"
                            "<p>Een goede inschatting van het risico maakt u niet alleen. Overleg "
                            "met uw team en met gespecialiseerde hulpverlening, en houd er "
                            "rekening mee dat risico's kunnen veranderen, bijvoorbeeld rond een "
                            "scheiding.</p>"
                            "<h3>Wat kunnen politie en justitie doen?</h3>"
                            "<p>Politie kan tussenkomen bij gevaar, een klacht opnemen en het "
                            "parket inlichten. Justitie kan onder meer beschermende maatregelen "
                            "nemen, zoals in bepaalde situaties een tijdelijk huisverbod. Niet elk "
                            "slachtoffer wil meteen klacht indienen. Respecteer die keuze, maar "
                            "informeer het slachtoffer correct over de mogelijkheden, zodat het "
                            "een geïnformeerde beslissing kan nemen.</p>"
                            "<h3>Samenwerken tussen preventie, zorg en politie/justitie</h3>"
                            "<p>Elk spoor ziet een ander stukje van het verhaal. Samenwerking lukt "
                            "beter wanneer u weet wat de andere partners doen, wie uw "
                            "aanspreekpunt is en welke informatie u mag delen binnen de grenzen "
                            "van uw beroepsgeheim. Bespreek complexe situaties in casusoverleg en "
                            "spreek duidelijk af wie wat opneemt, zodat het gezin niet tussen de "
                            "mazen valt.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "question": (
                                "Een slachtoffer van partnergeweld wil (nog) geen klacht indienen. "
                                "Wat doet u?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "U stopt de begeleiding; zonder klacht kunt u niets doen."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Het kan ontmoedigend voelen, maar ook zonder klacht kunt "
                                        "u veel betekenen: contact houden, aan veiligheid werken "
                                        "en informeren over hulp. Net dat blijvende contact is "
                                        "vaak beschermend."
                                    ),
                                },
                                {
                                    "text": (
                                        "U dient zelf een klacht in, in naam van het slachtoffer."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Uw wil om te beschermen is begrijpelijk, maar u kunt niet "
                                        "in iemands naam klacht indienen. Gaat het om ernstig en "
                                        "dreigend gevaar, overleg dan met uw team over de "
                                        "mogelijkheden binnen uw beroepsgeheim."
                                    ),
                                },
                                {
                                    "text": (
                                        "U respecteert haar tempo, werkt samen aan een "
                                        "veiligheidsplan, houdt contact en overlegt in uw team; "
                                        "bij acuut gevaar belt u 112."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Juist. Zo blijft u beschikbaar en werkt u aan veiligheid, "
                                        "terwijl het slachtoffer de regie houdt over de eigen "
                                        "beslissingen."
                                    ),
                                },
                                {
                                    "text": (
                                        "U spreekt de partner aan, zodat die weet dat er iemand "
                                        "meekijkt."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Het idee dat een pleger zich beter gedraagt als hij weet "
                                        "dat iemand meekijkt, is begrijpelijk. Toch kan een "
                                        "onvoorbereide confrontatie het geweld net doen toenemen. "
                                        "Stem zo'n stap altijd eerst af."
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "reflection",
                        {
                            "question": (
                                "Welke partner uit een ander spoor zou u beter willen leren kennen "
                                "om slachtoffers van partnergeweld beter te helpen?"
                            ),
                            "guidance": (
                                "Denk aan een situatie waarin samenwerking stroef liep. Wat wist u "
                                "niet over de werking van de andere partner? Welke kleine stap "
                                "kunt u zetten, zoals een kennismaking of een telefoontje?"
                            ),
                        },
                    ),
                    (
                        "help_callout",
                        {
                            "kind": "help",
                            "text": (
                                "<p>Twijfelt u of heeft u een vraag over een situatie? Ook als "
                                "professional kunt u gratis en anoniem terecht bij "
                                "<strong>1712</strong>, de hulplijn voor vragen over geweld, "
                                "misbruik en kindermishandeling, via telefoon, chat of e-mail. Is "
                                "er acuut gevaar? Bel dan onmiddellijk <strong>112</strong>.</p>"
                            ),
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "eigen-referentiekaders-bij-ifg",
        "theme": "referentiekaders",
        "title": {
            "nl": "Eigen referentiekaders in de aanpak van intrafamiliaal geweld",
            "fr": "Nos propres cadres de référence face à la violence intrafamiliale",
            "en": "Your own frames of reference in dealing with family violence",
        },
        "summary": {
            "nl": (
                "Hoe kleuren uw eigen normen, cultuur en ervaringen wat u opmerkt en doet? En hoe "
                "overwint u samen met collega's handelingsverlegenheid?"
            ),
            "fr": (
                "Comment vos normes, votre culture et vos expériences influencent-elles ce que "
                "vous remarquez et faites ? Et comment surmonter ensemble l'hésitation à agir ?"
            ),
            "en": (
                "How do your own norms, culture and experiences colour what you notice and do? And "
                "how do you overcome hesitation to act together with colleagues?"
            ),
        },
        "learning_objectives": [
            (
                "U kunt benoemen hoe uw eigen normen, cultuur en ervaringen uw kijk op "
                "intrafamiliaal geweld kleuren."
            ),
            "U kunt cultuursensitief werken zonder geweld te relativeren.",
            (
                "U herkent handelingsverlegenheid bij uzelf en in uw team, en kent manieren om die "
                "te doorbreken."
            ),
            "U gebruikt intervisie en overleg met andere sporen om uw eigen blik te verruimen.",
        ],
        "audience": ["prevention", "care", "police_justice"],
        "trainers": ["ines-oefenberg", "saar-voorbeeld"],
        "licence": "cc-by-sa-4.0",
        "attribution": "Interlokaal Platform Intrafamiliaal Geweld, Stad Gent",
        "modules": [
            {
                "slug": "welke-bril-draag-ik",
                "title": {
                    "nl": "Welke bril draag ik?",
                    "fr": "Quelles lunettes est-ce que je porte ?",
                    "en": "Which lens am I looking through?",
                },
                "summary": {
                    "nl": (
                        "Uw normen, opvoeding, cultuur en ervaringen bepalen mee wat u als geweld "
                        "herkent. Deze module helpt u die bril bewust te zien."
                    ),
                    "fr": (
                        "Vos normes, votre éducation, votre culture et vos expériences influencent "
                        "ce que vous identifiez comme violence. Ce module vous aide à prendre "
                        "conscience de ce prisme."
                    ),
                    "en": (
                        "Your norms, upbringing, culture and experiences shape what you recognise "
                        "as violence. This module helps you become aware of that lens."
                    ),
                },
                "duration_minutes": 15,
                "content_warning": "",
                "body": [
                    (
                        "text",
                        (
                            "<h2>Niemand kijkt neutraal</h2>"
                            "<p>Iedere professional kijkt naar gezinnen door een eigen bril. Die "
                            "bril is gevormd door de manier waarop u zelf bent opgevoed, door uw "
                            "cultuur en levensbeschouwing, door uw opleiding en de cultuur van uw "
                            "organisatie, en door wat u zelf heeft meegemaakt. Dat is niet fout, "
                            "het is menselijk. Maar het bepaalt wel welke signalen u opmerkt, hoe "
                            "u ze interpreteert en wat u (niet) doet.</p>"
                            "<h3>Hoe uw referentiekader doorwerkt</h3>"
                            "<ul><li>'Bij ons thuis kreeg je ook weleens een tik, en ik ben er "
                            "goed van gekomen.' Eigen ervaringen kunnen ervoor zorgen dat u "
                            "signalen minimaliseert.</li>"
                            "<li>'In die gemeenschap is dat nu eenmaal zo.' Een culturele "
                            "verklaring kan ertoe leiden dat u minder bescherming biedt dan u aan "
                            "een ander gezin zou bieden.</li>"
                            "<li>'Zo'n nette, hoogopgeleide familie, daar gebeurt zoiets niet.' "
                            "Geweld komt in alle lagen van de bevolking voor.</li>"
                            "<li>Beelden over gender en leeftijd: mannelijke slachtoffers, ouderen "
                            "of jongeren in een relatie worden minder snel als slachtoffer "
                            "gezien.</li></ul>"
                            "<p>Ook uw eigen ervaringen met geweld kunnen meespelen. Ze kunnen u "
                            "extra alert maken, maar ook zwaar wegen. Het is goed om daar eerlijk "
                            "naar te kijken, en om steun te zoeken wanneer een situatie u "
                            "persoonlijk raakt.</p>"
                            "<h3>Cultuursensitief, niet cultuurrelativistisch</h3>"
                            "<p>Kennis van iemands achtergrond helpt om een gezin te begrijpen en "
                            "om de juiste toon te vinden. Maar geen enkele cultuur, traditie of "
                            "opvoedingsstijl maakt geweld aanvaardbaar. De veiligheid en de "
                            "rechten van elk gezinslid blijven het uitgangspunt.</p>"
                            "<h3>Wat kunt u doen?</h3>"
                            "<p>Sta bewust stil bij uw eerste indruk en vraag uzelf af waarop die "
                            "gebaseerd is. Zou u hetzelfde denken als het om een ander gezin ging? "
                            "Toets uw inschatting bij een collega: 'Zie jij wat ik zie?' Zo wordt "
                            "uw referentiekader geen blinde vlek, maar een bron van reflectie.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "question": (
                                "Waarom is het belangrijk om stil te staan bij uw eigen "
                                "referentiekader in situaties van intrafamiliaal geweld?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Omdat uw eigen normen bepalen wat wettelijk toegelaten is."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Uw normen zijn waardevol, maar wat wettelijk toegelaten "
                                        "is, hangt niet van persoonlijke normen af. Net daarom is "
                                        "het belangrijk om het verschil tussen beide te zien."
                                    ),
                                },
                                {
                                    "text": (
                                        "Omdat het mee bepaalt welke signalen u opmerkt, hoe u ze "
                                        "interpreteert en wat u (niet) doet."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Juist. Wie zich bewust is van de eigen bril, kan blinde "
                                        "vlekken en snelle conclusies beter opmerken en bijsturen."
                                    ),
                                },
                                {
                                    "text": (
                                        "Omdat een professional met een sterk referentiekader geen "
                                        "overleg met collega's nodig heeft."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Een duidelijk referentiekader geeft houvast, maar het "
                                        "blijft één blik. Overleg met collega's helpt net om te "
                                        "zien wat u zelf over het hoofd ziet."
                                    ),
                                },
                                {
                                    "text": (
                                        "Zodat u de normen van het gezin kunt overnemen en het "
                                        "gezin niet tegen u in het harnas jaagt."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Aansluiten bij een gezin is belangrijk voor de "
                                        "samenwerking. Toch blijft geweld onaanvaardbaar, ongeacht "
                                        "de normen in het gezin. U kunt respectvol zijn en "
                                        "tegelijk duidelijk over veiligheid."
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "reflection",
                        {
                            "question": (
                                "Welke overtuiging of ervaring uit uw eigen leven beïnvloedt hoe u "
                                "naar gezinnen kijkt?"
                            ),
                            "guidance": (
                                "U hoeft uw antwoord met niemand te delen. Denk aan wat u vanuit "
                                "uw opvoeding als 'normaal' bent gaan zien rond straffen, ruzie, "
                                "gezag of privacy. In welke situaties helpt dat u, en wanneer kan "
                                "het u in de weg zitten?"
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "handelingsverlegenheid-en-intervisie",
                "title": {
                    "nl": "Handelingsverlegenheid doorbreken met intervisie en samenwerking",
                    "fr": (
                        "Surmonter l'hésitation à agir grâce à l'intervision et à la collaboration"
                    ),
                    "en": "Overcoming hesitation to act through peer review and cooperation",
                },
                "summary": {
                    "nl": (
                        "Waarom aarzelen professionals om te handelen bij intrafamiliaal geweld, "
                        "en hoe helpen intervisie en samenwerking tussen sporen om toch stappen te "
                        "zetten?"
                    ),
                    "fr": (
                        "Pourquoi les professionnels hésitent-ils à agir face à la violence "
                        "intrafamiliale, et comment l'intervision et la collaboration aident-elles "
                        "à passer à l'action ?"
                    ),
                    "en": (
                        "Why do professionals hesitate to act on family violence, and how do peer "
                        "review and cooperation between tracks help them take steps?"
                    ),
                },
                "duration_minutes": 15,
                "content_warning": "",
                "body": [
                    (
                        "text",
                        (
                            "<h2>Wat is handelingsverlegenheid?</h2>"
                            "<p>Veel professionals merken signalen op, maar twijfelen om er iets "
                            "mee te doen. Die aarzeling noemen we handelingsverlegenheid. Ze heeft "
                            "vaak begrijpelijke oorzaken:</p>"
                            "<ul><li>angst om zich te vergissen of om een gezin onterecht te "
                            "beschuldigen;</li>"
                            "<li>schrik om de vertrouwensrelatie met een cliënt, leerling of gezin "
                            "te schaden;</li>"
                            "<li>het gevoel dat het niet uw taak is, of dat iemand anders het wel "
                            "zal opnemen;</li>"
                            "<li>onduidelijkheid over het beroepsgeheim en over wat u mag "
                            "delen;</li>"
                            "<li>weinig vertrouwen in wat er na een doorverwijzing "
                            "gebeurt.</li></ul>"
                            "<p>Deelnemers aan de opleidingen van het platform gaven aan dat "
                            "kennis en concrete instrumenten hen hielpen om die drempel te "
                            "verlagen. Weten wat signalen zijn, hoe u een gesprek opent en bij wie "
                            "u terechtkunt, maakt het makkelijker om te handelen.</p>"
                            "<h3>Intervisie: samen kijken naar een casus</h3>"
                            "<p>In intervisie bespreekt u een situatie met collega's in een vaste "
                            "structuur: de inbrenger schetst de casus en formuleert een vraag, de "
                            "groep stelt verhelderende vragen, deelt perspectieven en helpt de "
                            "inbrenger om zelf een volgende stap te kiezen. Het gaat niet om "
                            "schuld, maar om leren en om de verantwoordelijkheid niet alleen te "
                            "dragen.</p>"
                            "<h3>Elkaar nodig hebben</h3>"
                            "<p>Preventie, zorg en politie/justitie kijken elk vanuit een eigen "
                            "opdracht naar geweld in gezinnen. Soms leven er vooroordelen over de "
                            "andere sporen: 'de politie maakt het alleen maar erger' of "
                            "'hulpverleners doen niets'. Wie elkaars werking leert kennen, ziet "
                            "dat elk spoor nodig is. Organiseer kennismakingen, nodig een partner "
                            "uit op een teamoverleg en spreek af hoe u elkaar bereikt wanneer het "
                            "nodig is.</p>"
                        ),
                    ),
                    (
                        "case_vignette",
                        {
                            "title": "Drie blikken op hetzelfde gezin",
                            "story": (
                                "<p>Een jeugdwerker, een gezinsbegeleider en een wijkinspecteur "
                                "kennen elk hetzelfde gezin. De jeugdwerker merkt dat de oudste "
                                "zoon vaak tot laat in het jeugdhuis blijft en weinig over thuis "
                                "vertelt. De gezinsbegeleider vindt dat het gezin goed meewerkt. "
                                "De wijkinspecteur werd twee keer opgeroepen voor 'burenlawaai'. "
                                "Geen van hen heeft de anderen al gesproken.</p>"
                            ),
                            "questions": [
                                (
                                    "Welk beeld krijgt elk van de drie professionals, en wat mist "
                                    "elk van hen?"
                                ),
                                "Wat houdt hen volgens u tegen om contact op te nemen met elkaar?",
                                (
                                    "Welke informatie kunnen ze delen, en welke afspraken hebben "
                                    "ze daarvoor nodig?"
                                ),
                            ],
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "question": (
                                "Wat is het doel van intervisie over een moeilijke situatie van "
                                "intrafamiliaal geweld?"
                            ),
                            "choices": [
                                {
                                    "text": "Bepalen wie verantwoordelijk is voor wat er misliep.",
                                    "correct": False,
                                    "feedback": (
                                        "Het is menselijk om naar oorzaken te zoeken, maar "
                                        "intervisie draait niet om schuld. Een veilige sfeer "
                                        "zonder oordeel maakt het net mogelijk om eerlijk te "
                                        "reflecteren."
                                    ),
                                },
                                {
                                    "text": (
                                        "Met collega's gestructureerd reflecteren over de situatie "
                                        "en het eigen handelen, zodat de inbrenger met meer "
                                        "perspectieven verder kan."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Juist. Intervisie verbreedt uw blik, maakt uw eigen "
                                        "referentiekader zichtbaar en helpt u een volgende stap te "
                                        "kiezen."
                                    ),
                                },
                                {
                                    "text": (
                                        "De verantwoordelijkheid voor de situatie doorgeven aan "
                                        "een collega met meer ervaring."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Steun van ervaren collega's is waardevol, maar in "
                                        "intervisie blijft de inbrenger eigenaar van de situatie. "
                                        "Wel staat u er minder alleen voor."
                                    ),
                                },
                                {
                                    "text": (
                                        "Een formele beslissing nemen over het informeren van het "
                                        "parket."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Intervisie kan helpen om na te denken over zo'n stap, "
                                        "maar de beslissing volgt de procedures en "
                                        "verantwoordelijkheden in uw organisatie. Intervisie "
                                        "vervangt die niet."
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "reflection",
                        {
                            "question": (
                                "Wanneer heeft u zelf handelingsverlegenheid ervaren, en wat had u "
                                "op dat moment geholpen?"
                            ),
                            "guidance": (
                                "Denk aan kennis, een instrument, een collega of een contact in "
                                "een ander spoor. Wat kunt u nu al regelen, zodat het de volgende "
                                "keer makkelijker gaat?"
                            ),
                        },
                    ),
                    (
                        "help_callout",
                        {
                            "kind": "selfcare",
                            "text": (
                                "<p>Stilstaan bij uw eigen referentiekader kan oude ervaringen of "
                                "emoties naar boven brengen. Dat is normaal. Neem de tijd, praat "
                                "erover met iemand die u vertrouwt, of zoek professionele "
                                "ondersteuning als u merkt dat iets u blijft bezighouden. Heeft u "
                                "zelf vragen over geweld? Ook u kunt gratis en anoniem terecht bij "
                                "1712.</p>"
                            ),
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "ouderenmishandeling-signalen-en-ondersteuning",
        "theme": "ouderenmishandeling",
        "title": {
            "nl": "Ouderenmis(be)handeling: signalen, gesprek en ondersteuning",
            "fr": "Maltraitance des aînés : signaux, dialogue et soutien",
            "en": "Elder maltreatment: signals, conversation and support",
        },
        "summary": {
            "nl": (
                "Herken de vormen van ouderenmis(be)handeling, ook financieel misbruik en "
                "verwaarlozing, en leer de oudere en een overbelaste mantelzorger passend te "
                "ondersteunen."
            ),
            "fr": (
                "Reconnaissez les formes de maltraitance des aînés, y compris l'abus financier et "
                "la négligence, et apprenez à soutenir l'aîné et l'aidant proche surchargé."
            ),
            "en": (
                "Recognise the forms of elder maltreatment, including financial abuse and neglect, "
                "and learn to support the older person and an overburdened carer."
            ),
        },
        "learning_objectives": [
            (
                "U kent de vormen van ouderenmis(be)handeling, waaronder financieel misbruik en "
                "verwaarlozing."
            ),
            (
                "U herkent signalen en risicofactoren, zoals afhankelijkheid, isolement en een "
                "overbelaste mantelzorger."
            ),
            (
                "U kunt een gesprek voeren met de oudere en met de mantelzorger met respect voor "
                "de autonomie van de oudere."
            ),
            "U weet bij wie u terechtkunt voor advies en hoe u samenwerkt met partners.",
        ],
        "audience": ["prevention", "care", "police_justice"],
        "trainers": ["mehdi-demobeek"],
        "licence": "cc-by-sa-4.0",
        "attribution": "Interlokaal Platform Intrafamiliaal Geweld, Stad Gent",
        "modules": [
            {
                "slug": "vormen-en-signalen-bij-ouderen",
                "title": {
                    "nl": "Vormen, signalen en risicofactoren",
                    "fr": "Formes, signaux et facteurs de risque",
                    "en": "Forms, signals and risk factors",
                },
                "summary": {
                    "nl": (
                        "Ouderenmis(be)handeling heeft veel gezichten. Leer de vormen, signalen en "
                        "risicofactoren kennen."
                    ),
                    "fr": (
                        "La maltraitance des aînés a de nombreux visages. Découvrez ses formes, "
                        "ses signaux et ses facteurs de risque."
                    ),
                    "en": (
                        "Elder maltreatment has many faces. Learn about its forms, signals and "
                        "risk factors."
                    ),
                },
                "duration_minutes": 15,
                "content_warning": "",
                "body": [
                    (
                        "text",
                        (
                            "<h2>Mishandeling en misbehandeling</h2>"
                            "<p>We spreken van ouderenmis(be)handeling wanneer een oudere schade "
                            "lijdt door het handelen of nalaten van iemand in zijn of haar "
                            "omgeving, vaak iemand die de oudere vertrouwt: een partner, een kind, "
                            "een ander familielid of een mantelzorger. De schrijfwijze met haakjes "
                            "maakt duidelijk dat het niet altijd om bewuste mishandeling gaat. "
                            "Vaak is er sprake van zorg die onbedoeld ontspoort.</p>"
                            "<h3>Vormen</h3>"
                            "<ul><li><strong>Lichamelijk:</strong> duwen, ruw vastpakken, onnodig "
                            "vastbinden of verkeerd gebruik van medicatie.</li>"
                            "<li><strong>Psychisch:</strong> kleineren, uitschelden, bedreigen, "
                            "negeren of isoleren.</li>"
                            "<li><strong>Financieel:</strong> geld of bezittingen afnemen, druk "
                            "zetten om iets te schenken of te ondertekenen, bankzaken overnemen "
                            "zonder inspraak.</li>"
                            "<li><strong>Verwaarlozing:</strong> onvoldoende eten, verzorging, "
                            "hulpmiddelen of medische zorg.</li>"
                            "<li><strong>Seksueel</strong> grensoverschrijdend gedrag.</li>"
                            "<li><strong>Schending van rechten:</strong> beslissen over iemands "
                            "leven zonder die persoon te betrekken, bijvoorbeeld over wonen, "
                            "bezoek of post.</li></ul>"
                            "<h3>Signalen</h3>"
                            "<p>Let op een oudere die angstig of teruggetrokken wordt, letsels die "
                            "niet goed verklaard worden, vermagering of een verwaarloosde indruk. "
                            "Financiële signalen zijn bijvoorbeeld onbetaalde rekeningen terwijl "
                            "het inkomen volstaat, een bankkaart die steeds bij iemand anders is "
                            "of plotse grote uitgaven. Ook een familielid dat contact met "
                            "hulpverleners afhoudt of altijd het woord neemt, verdient "
                            "aandacht.</p>"
                            "<h3>Risicofactoren</h3>"
                            "<p>Het risico stijgt wanneer een oudere afhankelijk is van zorg, "
                            "weinig sociale contacten heeft of cognitief achteruitgaat. Ook bij de "
                            "persoon die zorgt, spelen factoren mee: overbelasting, financiële "
                            "afhankelijkheid van de oudere, eigen problemen of een moeilijke "
                            "relatie uit het verleden.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "question": (
                                "Welke situatie kan wijzen op financieel misbruik van een oudere?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Een oudere vraagt haar dochter om samen de bankzaken te "
                                        "bekijken."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Hulp vragen bij bankzaken is op zich heel gewoon en kan "
                                        "net beschermend zijn. Belangrijk is dat de oudere zelf "
                                        "inspraak en inzage houdt."
                                    ),
                                },
                                {
                                    "text": (
                                        "Rekeningen blijven onbetaald terwijl het inkomen "
                                        "volstaat, en een familielid beheert de bankkaart zonder "
                                        "dat de oudere nog inzage heeft."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Juist. De combinatie van onverklaarde financiële "
                                        "problemen en verlies van controle over het eigen geld is "
                                        "een signaal dat u verder wilt verkennen en bespreken."
                                    ),
                                },
                                {
                                    "text": (
                                        "Een oudere geeft zijn kleinkind geld voor een verjaardag."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Een vrijwillig geschenk is geen misbruik. Het wordt pas "
                                        "zorgwekkend als er druk wordt gezet, als de oudere de "
                                        "gevolgen niet overziet of als het patroon de oudere zelf "
                                        "benadeelt."
                                    ),
                                },
                                {
                                    "text": (
                                        "Een oudere kiest ervoor om naar een kleinere, goedkopere "
                                        "woning te verhuizen."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Een eigen, weloverwogen keuze over wonen is net een teken "
                                        "van autonomie. Alertheid is wel nodig als anderen die "
                                        "keuze opdringen."
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "reflection",
                        {
                            "question": (
                                "Welke vormen van ouderenmis(be)handeling zou u in uw werk het "
                                "snelst opmerken, en welke minder snel?"
                            ),
                            "guidance": (
                                "Denk na over de plaatsen waar u ouderen ziet: thuis, in een "
                                "dienstencentrum, aan het loket of op straat. Wat ziet u daar wel "
                                "en wat niet, bijvoorbeeld rond geld of inspraak?"
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "ontspoorde-mantelzorg",
                "title": {
                    "nl": "Wanneer mantelzorg ontspoort",
                    "fr": "Quand l'aide proche dérape",
                    "en": "When informal care goes wrong",
                },
                "summary": {
                    "nl": (
                        "Veel situaties van ouderenmis(be)handeling ontstaan bij een mantelzorger "
                        "onder druk. Hoe benadert u zowel de oudere als de mantelzorger?"
                    ),
                    "fr": (
                        "De nombreuses situations de maltraitance des aînés surviennent chez un "
                        "aidant proche sous pression. Comment aborder à la fois l'aîné et l'aidant "
                        "?"
                    ),
                    "en": (
                        "Many situations of elder maltreatment arise with an informal carer under "
                        "strain. How do you approach both the older person and the carer?"
                    ),
                },
                "duration_minutes": 15,
                "content_warning": (
                    "Deze module bevat een casus waarin een oudere verwaarloosd en uitgescholden "
                    "wordt, zonder gedetailleerde beschrijving."
                ),
                "body": [
                    (
                        "text",
                        (
                            "<h2>Zorgen onder druk</h2>"
                            "<p>Mantelzorgers doen vaak ontzettend veel, soms jarenlang en zonder "
                            "veel steun. Wanneer de zorg zwaarder wordt, bijvoorbeeld door "
                            "dementie of een toenemende hulpbehoevendheid, kan de spanning "
                            "oplopen. Vermoeidheid, geldzorgen, eigen gezondheidsproblemen of een "
                            "moeilijke relatie uit het verleden kunnen ertoe leiden dat de zorg "
                            "ontspoort: de mantelzorger roept, wordt ruw, laat de oudere langer "
                            "alleen of neemt beslissingen over het hoofd van de oudere heen.</p>"
                            "<p>Begrip voor de situatie van de mantelzorger is geen excuus voor "
                            "geweld. Het is wel een sleutel om het gesprek te openen en om de "
                            "situatie duurzaam te verbeteren. Zowel de oudere als de mantelzorger "
                            "kunnen hulp nodig hebben.</p>"
                            "<h3>Het gesprek met de mantelzorger</h3>"
                            "<ul><li>Begin bij de zorg zelf: 'Hoe gaat het met u? Hoe lukt het om "
                            "dit allemaal te combineren?'</li>"
                            "<li>Benoem wat u ziet, zonder te beschuldigen: 'Ik merk dat uw moeder "
                            "er de laatste tijd vermoeid uitziet en weinig eet.'</li>"
                            "<li>Erken de inzet en de vermoeidheid van de mantelzorger.</li>"
                            "<li>Zoek samen naar ontlasting: extra thuiszorg, dagopvang, "
                            "kortverblijf of andere vormen van respijtzorg, en praktische steun "
                            "bij administratie.</li>"
                            "<li>Maak duidelijke afspraken en volg ze op.</li></ul>"
                            "<p>Houd tegelijk de veiligheid van de oudere voor ogen. Spreek ook de "
                            "oudere zelf, bij voorkeur apart. Blijft de situatie zorgwekkend, of "
                            "is er sprake van ernstig geweld of bewust misbruik, overleg dan met "
                            "uw team en vraag advies, bijvoorbeeld bij 1712. Bij acuut gevaar belt "
                            "u 112.</p>"
                            "<h3>Samenwerken rond het gezin</h3>"
                            "<p>Huisarts, thuisverpleging, gezinszorg, maatschappelijk werk en "
                            "soms politie zien elk een deel van de situatie. Afstemming voorkomt "
                            "dat iedereen denkt dat een ander het wel opvolgt.</p>"
                        ),
                    ),
                    (
                        "case_vignette",
                        {
                            "title": "Mevrouw Claes en haar zoon",
                            "story": (
                                "<p>Mevrouw Claes is 84 en woont samen met haar zoon, die sinds "
                                "zijn ontslag voor haar zorgt. De thuisverpleegkundige merkt dat "
                                "mevrouw vermagert en dat de koelkast vaak leeg is. Bij een bezoek "
                                "hoort ze de zoon vanuit de gang roepen dat zijn moeder 'altijd "
                                "lastig doet'. Mevrouw zegt zacht dat hij 'moe is en het niet zo "
                                "bedoelt'. De zoon zegt dat hij het allemaal niet meer ziet "
                                "zitten.</p>"
                            ),
                            "questions": [
                                "Welke signalen ziet u bij mevrouw Claes, en welke bij haar zoon?",
                                (
                                    "Hoe zou u het gesprek met de zoon openen, en hoe met mevrouw "
                                    "Claes?"
                                ),
                                "Welke ondersteuning en welke partners kunnen hier helpen?",
                            ],
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "question": (
                                "Een mantelzorger is zichtbaar overbelast en roept vaak tegen zijn "
                                "moeder. Wat is een passende eerste stap?"
                            ),
                            "choices": [
                                {
                                    "text": "Het gedrag laten passeren, want hij doet zijn best.",
                                    "correct": False,
                                    "feedback": (
                                        "Uw begrip voor de mantelzorger is waardevol, maar als u "
                                        "het gedrag laat passeren, blijft de oudere er alleen voor "
                                        "staan en kan de situatie verder ontsporen."
                                    ),
                                },
                                {
                                    "text": (
                                        "Het gesprek aangaan over hoe het met hem en met zijn "
                                        "moeder gaat, samen kijken naar ondersteuning en de "
                                        "veiligheid van de moeder blijven bewaken."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Juist. Door de mantelzorger te erkennen en tegelijk "
                                        "duidelijk te zijn over wat u ziet, opent u de weg naar "
                                        "ontlasting en bescherming."
                                    ),
                                },
                                {
                                    "text": (
                                        "De zorg onmiddellijk stopzetten tot hij zijn gedrag "
                                        "verandert."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Duidelijk zijn is belangrijk, maar als de zorg wegvalt, "
                                        "wordt de situatie voor de oudere meestal net onveiliger. "
                                        "Blijf betrokken en zoek samen naar oplossingen."
                                    ),
                                },
                                {
                                    "text": (
                                        "Hem aanspreken in het bijzijn van de hele familie, zodat "
                                        "iedereen op de hoogte is."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Openheid lijkt een goed idee, maar een publieke "
                                        "confrontatie kan schaamte en boosheid oproepen, en dat "
                                        "kan de oudere benadelen. Kies voor een rustig gesprek "
                                        "onder vier ogen."
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "reflection",
                        {
                            "question": (
                                "Hoe kijkt u naar mantelzorgers die over hun grenzen gaan? Helpt "
                                "die blik u om het gesprek aan te gaan?"
                            ),
                            "guidance": (
                                "Misschien voelt u vooral begrip, of net boosheid. Beide zijn "
                                "begrijpelijk. Sta stil bij hoe u zowel de oudere als de "
                                "mantelzorger serieus kunt nemen."
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "in-gesprek-met-de-oudere",
                "title": {
                    "nl": "In gesprek met de oudere: autonomie en bescherming",
                    "fr": "Dialoguer avec l'aîné : autonomie et protection",
                    "en": "Talking with the older person: autonomy and protection",
                },
                "summary": {
                    "nl": (
                        "Hoe vraagt u een oudere naar zijn of haar situatie, en hoe zoekt u het "
                        "evenwicht tussen respect voor autonomie en bescherming?"
                    ),
                    "fr": (
                        "Comment interroger un aîné sur sa situation, et comment trouver "
                        "l'équilibre entre respect de l'autonomie et protection ?"
                    ),
                    "en": (
                        "How do you ask an older person about their situation, and how do you "
                        "balance respect for autonomy with protection?"
                    ),
                },
                "duration_minutes": 15,
                "content_warning": "",
                "body": [
                    (
                        "text",
                        (
                            "<h2>Een volwassene met een eigen stem</h2>"
                            "<p>Een oudere is een volwassene die, zolang hij of zij wilsbekwaam "
                            "is, zelf beslist over het eigen leven. Dat maakt het werken rond "
                            "ouderenmis(be)handeling soms moeilijk: een oudere kan hulp weigeren, "
                            "ook wanneer u zich zorgen maakt. Vaak spelen schaamte, loyaliteit "
                            "tegenover een kind of partner, angst om de zorg te verliezen of angst "
                            "om naar een woonzorgcentrum te moeten.</p>"
                            "<h3>Het gesprek aangaan</h3>"
                            "<ul><li>Spreek de oudere alleen, op een moment en plek waar hij of "
                            "zij zich op het gemak voelt.</li>"
                            "<li>Neem de tijd, houd rekening met gehoor, zicht of vermoeidheid, en "
                            "gebruik eenvoudige, concrete vragen: 'Hoe gaat het thuis? Beslist u "
                            "zelf over uw geld?'</li>"
                            "<li>Luister zonder te oordelen en zonder de betrokken naaste meteen "
                            "zwart te maken: dat kan de oudere in een loyaliteitsconflict "
                            "brengen.</li>"
                            "<li>Vraag wat de oudere zelf wil en wat voor hem of haar een "
                            "verbetering zou zijn.</li></ul>"
                            "<h3>Autonomie en bescherming afwegen</h3>"
                            "<p>Respecteer de keuzes van een wilsbekwame oudere, maar blijf "
                            "betrokken en informeer over mogelijkheden. Twijfelt u of de oudere de "
                            "situatie nog kan overzien, bijvoorbeeld bij dementie, dan weegt "
                            "bescherming zwaarder. Overleg dan met de huisarts en uw team.</p>"
                            "<p>Ook hier geldt: professionals met beroepsgeheim kunnen zich onder "
                            "strikte voorwaarden beroepen op artikel 458bis van het Strafwetboek, "
                            "dat ook geldt voor personen die kwetsbaar zijn door hun leeftijd of "
                            "een ziekte. Doe dat niet alleen: overleg, documenteer en vraag "
                            "advies, bijvoorbeeld bij 1712. Bij acuut gevaar belt u 112.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "question": (
                                "Een wilsbekwame oudere vertelt dat haar zoon geld van haar "
                                "afneemt, maar wil niet dat u iets onderneemt. Wat doet u?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "U respecteert haar wens, blijft betrokken, bespreekt "
                                        "mogelijke stappen en veiligheid, en overlegt in uw team."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Juist. Zo houdt u rekening met haar autonomie, blijft u "
                                        "een aanspreekpunt en kunt u bijsturen als de situatie "
                                        "ernstiger wordt."
                                    ),
                                },
                                {
                                    "text": (
                                        "U doet niets meer: het is haar keuze en daarmee is de "
                                        "zaak afgesloten."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Haar keuze respecteren is belangrijk, maar dat betekent "
                                        "niet dat u afhaakt. Blijf contact houden en bied "
                                        "informatie aan: misschien is ze later wel klaar voor een "
                                        "volgende stap."
                                    ),
                                },
                                {
                                    "text": (
                                        "U schakelt tegen haar wil in meteen de politie in, ook al "
                                        "is er geen acuut gevaar."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Uw bezorgdheid is terecht, maar zonder acuut gevaar kan "
                                        "ingaan tegen de wil van een wilsbekwame oudere het "
                                        "vertrouwen schaden en haar isolement vergroten. Overleg "
                                        "eerst in uw team."
                                    ),
                                },
                                {
                                    "text": "U spreekt de zoon er zonder haar medeweten op aan.",
                                    "correct": False,
                                    "feedback": (
                                        "U wilt het misbruik stoppen, en dat is begrijpelijk. Maar "
                                        "een confrontatie buiten haar medeweten kan haar in een "
                                        "moeilijke positie brengen en de situatie thuis "
                                        "verslechteren."
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "reflection",
                        {
                            "question": (
                                "Hoe gaat u in uw werk om met het spanningsveld tussen de "
                                "autonomie van een oudere en uw wens om te beschermen?"
                            ),
                            "guidance": (
                                "Denk aan een situatie waarin een oudere hulp weigerde. Wat maakte "
                                "het moeilijk, en wat hielp u of had u kunnen helpen om betrokken "
                                "te blijven?"
                            ),
                        },
                    ),
                    (
                        "help_callout",
                        {
                            "kind": "help",
                            "text": (
                                "<p>Twijfelt u of heeft u een vraag over een situatie? Ook als "
                                "professional kunt u gratis en anoniem terecht bij "
                                "<strong>1712</strong>, de hulplijn voor vragen over geweld, "
                                "misbruik en kindermishandeling, via telefoon, chat of e-mail. Is "
                                "er acuut gevaar? Bel dan onmiddellijk <strong>112</strong>.</p>"
                            ),
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "geweld-tussen-broers-en-zussen",
        "theme": "geweld-tussen-broers-en-zussen",
        "title": {
            "nl": "Geweld tussen broers en zussen: meer dan ruzie",
            "fr": "Violence dans la fratrie : plus qu'une dispute",
            "en": "Sibling violence: more than a quarrel",
        },
        "summary": {
            "nl": (
                "Leer het verschil zien tussen gewone ruzie en geweld tussen broers en zussen, en "
                "ondersteun ouders en kinderen om de situatie thuis veilig te maken."
            ),
            "fr": (
                "Apprenez à distinguer les disputes ordinaires de la violence dans la fratrie, et "
                "aidez les parents et les enfants à rendre la situation familiale sûre."
            ),
            "en": (
                "Learn to tell ordinary quarrels from sibling violence, and help parents and "
                "children make the situation at home safe."
            ),
        },
        "learning_objectives": [
            (
                "U kunt gewone ruzie tussen broers en zussen onderscheiden van geweld aan de hand "
                "van machtsonevenwicht, herhaling en intentie."
            ),
            (
                "U herkent signalen bij het kind dat geweld ondergaat en heeft ook aandacht voor "
                "het kind dat geweld pleegt."
            ),
            (
                "U kunt ouders ondersteunen zonder te beschuldigen en weet wanneer u verder advies "
                "vraagt."
            ),
        ],
        "audience": ["prevention", "care"],
        "trainers": ["saar-voorbeeld", "roos-verzinsel"],
        "licence": "cc-by-sa-4.0",
        "attribution": "Interlokaal Platform Intrafamiliaal Geweld, Stad Gent",
        "modules": [
            {
                "slug": "ruzie-of-geweld",
                "title": {
                    "nl": "Ruzie of geweld?",
                    "fr": "Dispute ou violence ?",
                    "en": "Quarrel or violence?",
                },
                "summary": {
                    "nl": (
                        "Ruzie tussen broers en zussen is normaal, geweld niet. Welke kenmerken "
                        "maken het verschil en welke signalen ziet u?"
                    ),
                    "fr": (
                        "Les disputes dans la fratrie sont normales, la violence non. Quelles "
                        "caractéristiques font la différence et quels signaux observer ?"
                    ),
                    "en": (
                        "Sibling quarrels are normal, violence is not. Which features make the "
                        "difference and which signals can you see?"
                    ),
                },
                "duration_minutes": 15,
                "content_warning": "",
                "body": [
                    (
                        "text",
                        (
                            "<h2>Gewone ruzie hoort erbij</h2>"
                            "<p>Broers en zussen maken ruzie: over speelgoed, over de "
                            "afstandsbediening, over wie voorin mag zitten. Dat is normaal en "
                            "zelfs leerrijk. Kinderen oefenen zo in opkomen voor zichzelf, "
                            "onderhandelen en het weer goedmaken. Bij gewone ruzie wisselen de "
                            "rollen: soms wint de ene, soms de andere, en daarna spelen ze weer "
                            "samen.</p>"
                            "<h3>Wanneer is het geweld?</h3>"
                            "<p>Geweld tussen broers en zussen onderscheidt zich van gewone ruzie "
                            "door drie kenmerken:</p>"
                            "<ul><li><strong>Machtsonevenwicht:</strong> een kind is ouder, "
                            "sterker of heeft meer status in het gezin, en gebruikt dat om het "
                            "andere kind te domineren.</li>"
                            "<li><strong>Herhaling:</strong> het gebeurt steeds opnieuw en het is "
                            "steeds hetzelfde kind dat het onderspit delft.</li>"
                            "<li><strong>Intentie:</strong> het doel is kwetsen, angst aanjagen of "
                            "controleren, niet een conflict oplossen.</li></ul>"
                            "<p>Het kan gaan om lichamelijk geweld, maar ook om voortdurend "
                            "kleineren, bedreigen, uitsluiten, spullen kapotmaken of seksueel "
                            "grensoverschrijdend gedrag. Bij seksueel gedrag tussen kinderen helpt "
                            "het Vlaggensysteem van Sensoa om in te schatten of gedrag "
                            "aanvaardbaar is of niet.</p>"
                            "<h3>Signalen</h3>"
                            "<p>Een kind dat bang is om alleen thuis te zijn met een broer of zus, "
                            "dat niet naar huis wil, zich terugtrekt of onverklaarde letsels "
                            "heeft, kan geweld ondergaan. Vaak wordt dit geweld geminimaliseerd, "
                            "door ouders maar ook door professionals: 'Kinderen maken nu eenmaal "
                            "ruzie.' Daardoor voelen slachtoffers zich niet gehoord.</p>"
                            "<h3>Kijk naar het hele gezin</h3>"
                            "<p>Geweld tussen broers en zussen staat zelden los van de rest van "
                            "het gezin. Soms is er ook ander geweld in huis, grote stress, weinig "
                            "toezicht of een kind dat zelf met problemen worstelt. Ook het kind "
                            "dat geweld pleegt, heeft daarom aandacht en hulp nodig.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "question": (
                                "Wat onderscheidt geweld tussen broers en zussen het best van "
                                "gewone ruzie?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Het aantal keren per week dat de kinderen ruzie maken."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Frequentie is een goed aandachtspunt, maar sommige broers "
                                        "en zussen maken vaak ruzie zonder dat er sprake is van "
                                        "geweld. Kijk vooral naar macht, herhaling en intentie."
                                    ),
                                },
                                {
                                    "text": (
                                        "Een machtsonevenwicht, herhaling en de bedoeling om te "
                                        "kwetsen of te domineren, waarbij steeds hetzelfde kind "
                                        "het onderspit delft."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Juist. Deze drie kenmerken samen maken het verschil "
                                        "tussen een conflict tussen gelijken en geweld."
                                    ),
                                },
                                {
                                    "text": "Of er lichamelijk geweld aan te pas komt.",
                                    "correct": False,
                                    "feedback": (
                                        "Lichamelijk geweld is vaak het meest zichtbaar, maar ook "
                                        "voortdurend kleineren, bedreigen of uitsluiten kan geweld "
                                        "zijn. Tegelijk kan een occasionele duw bij gewone ruzie "
                                        "horen."
                                    ),
                                },
                                {
                                    "text": "Het leeftijdsverschil tussen de kinderen.",
                                    "correct": False,
                                    "feedback": (
                                        "Een groot leeftijdsverschil kan bijdragen aan een "
                                        "machtsonevenwicht, maar op zich zegt het niet of er "
                                        "geweld is. Het gaat om hoe die macht gebruikt wordt."
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "reflection",
                        {
                            "question": (
                                "Hoe reageert u in uw werk op verhalen over ruzie tussen broers en "
                                "zussen, en wanneer zou u verder doorvragen?"
                            ),
                            "guidance": (
                                "Denk ook aan uw eigen ervaringen als broer, zus of ouder. Hoe "
                                "kleuren die wat u als 'normaal' beschouwt? Welke vraag zou u "
                                "kunnen stellen om macht en herhaling beter in beeld te krijgen?"
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "ouders-en-kinderen-ondersteunen",
                "title": {
                    "nl": "Ouders en kinderen ondersteunen",
                    "fr": "Soutenir les parents et les enfants",
                    "en": "Supporting parents and children",
                },
                "summary": {
                    "nl": (
                        "Hoe bespreekt u geweld tussen broers en zussen met ouders, wat hebben "
                        "beide kinderen nodig en wanneer vraagt u advies?"
                    ),
                    "fr": (
                        "Comment aborder la violence dans la fratrie avec les parents, de quoi "
                        "chacun des enfants a-t-il besoin et quand demander conseil ?"
                    ),
                    "en": (
                        "How do you discuss sibling violence with parents, what do both children "
                        "need and when do you seek advice?"
                    ),
                },
                "duration_minutes": 15,
                "content_warning": (
                    "Deze module bevat een casus over herhaald geweld tussen een broer en een zus, "
                    "zonder gedetailleerde beschrijving."
                ),
                "body": [
                    (
                        "text",
                        (
                            "<h2>Het gesprek met ouders</h2>"
                            "<p>Veel ouders schrikken wanneer een professional zegt dat de ruzies "
                            "tussen hun kinderen misschien meer zijn dan ruzie. Ze voelen zich "
                            "beschuldigd of machteloos, of ze willen hun kinderen beschermen tegen "
                            "een etiket. Begin daarom bij wat u concreet ziet en hoort, en vraag "
                            "hoe zij de situatie thuis beleven.</p>"
                            "<ul><li>Erken dat ruzie tussen broers en zussen normaal kan zijn, en "
                            "benoem wat in deze situatie anders is: het machtsverschil, de "
                            "herhaling, de angst bij een van de kinderen.</li>"
                            "<li>Spreek over gedrag, niet over 'een dader': het gaat om wat er "
                            "gebeurt en wat er moet veranderen.</li>"
                            "<li>Vraag naar de context: wat gebeurt er vlak voor het geweld, wie "
                            "is er thuis, hoe reageren de ouders?</li></ul>"
                            "<h3>Wat hebben de kinderen nodig?</h3>"
                            "<p>Het kind dat geweld ondergaat, moet gehoord en beschermd worden: "
                            "een eigen veilige plek, toezicht op momenten waarop het misloopt, en "
                            "de boodschap dat het niet zijn of haar schuld is. Het kind dat geweld "
                            "pleegt, heeft duidelijke grenzen nodig, maar ook aandacht voor wat "
                            "erachter zit. Soms kampt het zelf met problemen of maakt het ander "
                            "geweld mee.</p>"
                            "<p>Ouders kunnen samen met u afspraken maken: de kinderen niet "
                            "langdurig zonder toezicht samen laten, consequent reageren, en "
                            "positieve momenten met elk kind apart inplannen.</p>"
                            "<h3>Wanneer vraagt u advies?</h3>"
                            "<p>Is het geweld ernstig, blijft het duren ondanks afspraken, gaat "
                            "het om seksueel grensoverschrijdend gedrag of vermoedt u dat er ook "
                            "ander geweld in het gezin is? Overleg dan met uw team en vraag "
                            "advies, bijvoorbeeld bij 1712 of een Vertrouwenscentrum "
                            "Kindermishandeling. Bij acuut gevaar belt u 112.</p>"
                        ),
                    ),
                    (
                        "case_vignette",
                        {
                            "title": "Noah en Lina",
                            "story": (
                                "<p>Lina is negen. Op school vertelt ze aan haar juf dat ze niet "
                                "graag thuiskomt op woensdagmiddag, omdat ze dan alleen is met "
                                "haar broer Noah van dertien. 'Hij zegt dat ik dom ben en doet me "
                                "pijn als ik niet doe wat hij zegt. Mama zegt dat we gewoon moeten "
                                "ophouden met ruziemaken.' De juf ziet dat Lina de laatste maanden "
                                "stiller is geworden.</p>"
                            ),
                            "questions": [
                                (
                                    "Welke kenmerken van geweld tussen broers en zussen herkent u "
                                    "in Lina's verhaal?"
                                ),
                                "Hoe reageert de juf best op wat Lina vertelt?",
                                (
                                    "Hoe kan het gesprek met de moeder verlopen, en wat heeft Noah "
                                    "nodig?"
                                ),
                            ],
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "question": (
                                "Ouders zeggen: 'Het is gewoon broer-en-zusgedoe, dat gaat vanzelf "
                                "over.' Hoe reageert u best?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "U geeft hen gelijk om de goede relatie met het gezin niet "
                                        "te schaden."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Een goede relatie met ouders is belangrijk, maar als u "
                                        "meegaat in het minimaliseren, blijft het kind dat geweld "
                                        "ondergaat onbeschermd. U kunt vriendelijk blijven en toch "
                                        "uw zorg benoemen."
                                    ),
                                },
                                {
                                    "text": (
                                        "U erkent dat ruzie normaal kan zijn, benoemt concreet wat "
                                        "u ziet en bekijkt samen wat elk kind nodig heeft."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Juist. Zo neemt u de ouders mee zonder hen te "
                                        "beschuldigen, en houdt u beide kinderen in beeld."
                                    ),
                                },
                                {
                                    "text": (
                                        "U zegt dat hun oudste een dader is en dat hij beter "
                                        "ergens anders gaat wonen."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Het is goed dat u de ernst inziet, maar een etiket en een "
                                        "drastisch voorstel zetten ouders meestal in de "
                                        "verdediging. Spreek over gedrag en zoek samen naar "
                                        "veiligheid."
                                    ),
                                },
                                {
                                    "text": (
                                        "U wacht af tot er zichtbare letsels zijn, dan heeft u een "
                                        "duidelijker verhaal."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Het is begrijpelijk dat u sterker wilt staan, maar "
                                        "psychisch geweld laat geen zichtbare sporen na en wachten "
                                        "kan het kind schaden. Bespreek uw zorg nu al."
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "reflection",
                        {
                            "question": (
                                "Hoe zou u in uw eigen werkcontext een gesprek met ouders openen "
                                "over geweld tussen hun kinderen?"
                            ),
                            "guidance": (
                                "Schrijf een openingszin uit die past bij uw rol en uw relatie met "
                                "het gezin. Denk ook na over wie u vooraf of achteraf zou "
                                "consulteren."
                            ),
                        },
                    ),
                    (
                        "help_callout",
                        {
                            "kind": "help",
                            "text": (
                                "<p>Twijfelt u of heeft u een vraag over een situatie? Ook als "
                                "professional kunt u gratis en anoniem terecht bij "
                                "<strong>1712</strong>, de hulplijn voor vragen over geweld, "
                                "misbruik en kindermishandeling, via telefoon, chat of e-mail. Is "
                                "er acuut gevaar? Bel dan onmiddellijk <strong>112</strong>.</p>"
                            ),
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "babobox-webinarreeks",
        "theme": "babobox",
        "title": {
            "nl": "Babobox: geweld en conflict bespreekbaar maken met kleuters",
            "fr": "Babobox : aborder la violence et les conflits avec les enfants d'âge maternel",
            "en": "Babobox: talking about violence and conflict with pre-school children",
        },
        "summary": {
            "nl": (
                "Drie webinars van twintig minuten over de Babobox: waarom en hoe u met jonge "
                "kinderen praat over het gezin, gevoelens, grenzen en geweld."
            ),
            "fr": (
                "Trois webinaires de vingt minutes sur la Babobox : pourquoi et comment parler "
                "avec les jeunes enfants de la famille, des émotions, des limites et de la "
                "violence."
            ),
            "en": (
                "Three twenty-minute webinars on the Babobox: why and how to talk with young "
                "children about family, feelings, boundaries and violence."
            ),
        },
        "learning_objectives": [
            (
                "U begrijpt waarom het belangrijk en mogelijk is om met kleuters over het gezin, "
                "conflict en geweld te praten."
            ),
            (
                "U kent de opbouw en de materialen van de Babobox en kunt ze preventief in de "
                "groep inzetten."
            ),
            (
                "U weet hoe u reageert wanneer een kind iets verontrustends vertelt, en welke "
                "vervolgstappen u zet met uw team."
            ),
        ],
        "audience": ["prevention", "care"],
        "trainers": ["roos-verzinsel"],
        "licence": "cc-by-sa-4.0",
        "attribution": "Interlokaal Platform Intrafamiliaal Geweld, Stad Gent",
        "modules": [
            {
                "slug": "webinar-1-waarom-praten-met-kleuters",
                "title": {
                    "nl": "Webinar 1: Waarom praten met kleuters over het gezin en geweld?",
                    "fr": (
                        "Webinaire 1 : Pourquoi parler de la famille et de la violence avec les "
                        "enfants d'âge maternel ?"
                    ),
                    "en": "Webinar 1: Why talk with pre-school children about family and violence?",
                },
                "summary": {
                    "nl": (
                        "Jonge kinderen hebben weinig woorden voor wat ze meemaken. Dit webinar "
                        "toont hoe de Babobox hen helpt om toch te vertellen."
                    ),
                    "fr": (
                        "Les jeunes enfants ont peu de mots pour ce qu'ils vivent. Ce webinaire "
                        "montre comment la Babobox les aide malgré tout à s'exprimer."
                    ),
                    "en": (
                        "Young children have few words for what they experience. This webinar "
                        "shows how the Babobox helps them tell their story anyway."
                    ),
                },
                "duration_minutes": 20,
                "content_warning": "",
                "body": [
                    (
                        "text",
                        (
                            "<h2>Jonge kinderen vertellen op hun manier</h2>"
                            "<p>Ook jonge kinderen maken conflicten en soms geweld in het gezin "
                            "mee: harde ruzies tussen ouders, overmatig straffen, een scheiding "
                            "die uit de hand loopt. Toch worden signalen bij kleuters vaak gemist. "
                            "Dat komt niet doordat er niets aan de hand is, maar doordat jonge "
                            "kinderen nog weinig taal hebben om hun ervaringen en gevoelens te "
                            "verwoorden, en doordat volwassenen niet goed weten hoe ze erover "
                            "kunnen beginnen.</p>"
                            "<h3>Signalen bij jonge kinderen</h3>"
                            "<ul><li>terugval in wat het kind al kon, zoals zindelijkheid of "
                            "zelfstandig spelen;</li>"
                            "<li>slaapproblemen, veel huilen of angst bij afscheid;</li>"
                            "<li>plots agressief of net heel stil en teruggetrokken gedrag;</li>"
                            "<li>geweld of ruzie die steeds terugkomt in spel of "
                            "tekeningen.</li></ul>"
                            "<p>Zoals altijd zijn dit aanwijzingen en geen bewijs. Ze vragen om "
                            "aandacht, observatie en overleg.</p>"
                            "<h2>Wat is de Babobox?</h2>"
                            "<p>De Babobox bevat materialen rond de figuur Babo: een handpop, "
                            "tekeningen, verhalen en doe-opdrachten. Met Babo kunnen kinderen "
                            "vertellen over hoe het er thuis aan toe gaat, over fijne en moeilijke "
                            "momenten en over wat ze daarbij voelen. Beeld en spel maken het "
                            "makkelijker om iets te vertellen dan een rechtstreekse vraag.</p>"
                            "<p>De box heeft twee luiken. Preventief werkt u in de groep rond "
                            "gevoelens, grenzen en hulp vragen, zodat kinderen weerbaarder worden. "
                            "Wanneer u zich zorgen maakt over een kind, kunt u de materialen ook "
                            "individueel gebruiken om moeilijke situaties bespreekbaar te maken. "
                            "De Babobox is een hulpmiddel om te praten en te luisteren; het is "
                            "geen instrument om te onderzoeken of er geweld gebeurd is.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "question": (
                                "Waarom werkt de Babobox met een handpop, tekeningen en verhalen?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Omdat jonge kinderen moeilijker in woorden uitdrukken wat "
                                        "ze meemaken; beeld en spel helpen hen om te vertellen."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Juist. Door aan te sluiten bij de leefwereld en de "
                                        "ontwikkeling van jonge kinderen, verlaagt u de drempel om "
                                        "over moeilijke ervaringen te praten."
                                    ),
                                },
                                {
                                    "text": "Om kinderen af te leiden van moeilijke gevoelens.",
                                    "correct": False,
                                    "feedback": (
                                        "Spel kan inderdaad geruststellen, maar het doel is net om "
                                        "ruimte te maken voor gevoelens, ook voor moeilijke, zodat "
                                        "kinderen ze kunnen uiten."
                                    ),
                                },
                                {
                                    "text": (
                                        "Omdat het niet toegelaten is om kleuters rechtstreeks "
                                        "naar hun thuissituatie te vragen."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Dat is geen regel. U mag kinderen vragen hoe het thuis "
                                        "gaat; de materialen maken dat gesprek alleen "
                                        "toegankelijker en minder bedreigend."
                                    ),
                                },
                                {
                                    "text": (
                                        "Om bewijsmateriaal te verzamelen voor een gerechtelijk "
                                        "onderzoek."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Begrijpelijk dat u wilt weten wat er gebeurd is, maar de "
                                        "Babobox is geen onderzoeksinstrument. Onderzoek is de "
                                        "taak van politie en justitie; u luistert, noteert en "
                                        "overlegt."
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "reflection",
                        {
                            "question": (
                                "Welke momenten in uw werk met jonge kinderen lenen zich om te "
                                "praten over het gezin en over gevoelens?"
                            ),
                            "guidance": (
                                "Denk aan kringgesprekken, onthaalmomenten, een rustig moment "
                                "tijdens vrij spel of een individueel gesprek. Wat doet u nu al, "
                                "en waar zou de Babobox iets kunnen toevoegen?"
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "webinar-2-werken-in-de-groep",
                "title": {
                    "nl": "Webinar 2: Werken met de Babobox in de groep",
                    "fr": "Webinaire 2 : Utiliser la Babobox en groupe",
                    "en": "Webinar 2: Using the Babobox in a group",
                },
                "summary": {
                    "nl": (
                        "Hoe zet u de Babobox preventief in de klas of leefgroep in, en hoe "
                        "reageert u als een kind in de groep iets verontrustends vertelt?"
                    ),
                    "fr": (
                        "Comment utiliser la Babobox à titre préventif en classe ou en groupe de "
                        "vie, et comment réagir si un enfant révèle quelque chose d'inquiétant "
                        "devant le groupe ?"
                    ),
                    "en": (
                        "How do you use the Babobox preventively in a class or living group, and "
                        "how do you respond if a child discloses something worrying in the group?"
                    ),
                },
                "duration_minutes": 20,
                "content_warning": "",
                "body": [
                    (
                        "text",
                        (
                            "<h2>Preventief werken in de groep</h2>"
                            "<p>In de groep gebruikt u de Babobox om met alle kinderen te praten "
                            "over het leven in een gezin. Elk gezin heeft eigen afspraken en "
                            "gewoonten, en elk gezin kent fijne en moeilijke momenten. Door dat "
                            "samen te verkennen, leren kinderen dat ze over thuis mogen praten en "
                            "dat moeilijke gevoelens erbij horen.</p>"
                            "<h3>Thema's om mee te werken</h3>"
                            "<ul><li><strong>Gevoelens herkennen en benoemen:</strong> blij, bang, "
                            "boos en verdrietig, en waar je die in je lijf voelt.</li>"
                            "<li><strong>Grenzen aangeven:</strong> oefenen met 'stop, dat wil ik "
                            "niet' en met luisteren naar de stop van een ander.</li>"
                            "<li><strong>Fijne en niet-fijne geheimen:</strong> een verrassing is "
                            "een fijn geheim; een geheim dat je bang of verdrietig maakt, mag je "
                            "vertellen.</li>"
                            "<li><strong>Hulp vragen:</strong> bij wie kan je terecht als je je "
                            "niet goed voelt, thuis en op school?</li></ul>"
                            "<h3>Praktische tips</h3>"
                            "<p>Werk in korte sessies en herhaal regelmatig: jonge kinderen leren "
                            "door herhaling. Zorg voor een veilig klimaat met duidelijke "
                            "afspraken, zoals 'we lachen niemand uit'. Informeer ouders vooraf "
                            "over het thema, zodat zij weten waarover hun kind misschien thuis "
                            "vertelt. Spreek in uw team af hoe u omgaat met wat kinderen "
                            "vertellen.</p>"
                            "<h3>Als een kind in de groep iets vertelt</h3>"
                            "<p>Het kan gebeuren dat een kind tijdens een groepsactiviteit iets "
                            "verontrustends zegt. Reageer rustig en erkennend ('Dank je dat je dat "
                            "vertelt, daar wil ik straks graag even met jou over praten'), zonder "
                            "in de groep door te vragen. Zo beschermt u de privacy van het kind en "
                            "houdt u de groep veilig. Neem daarna zo snel mogelijk tijd voor een "
                            "individueel gesprek, noteer letterlijk wat het kind zei en bespreek "
                            "het met uw zorgcoördinator of team.</p>"
                        ),
                    ),
                    (
                        "knowledge_check",
                        {
                            "question": (
                                "Tijdens een groepsactiviteit zegt een kleuter: 'Bij mij thuis "
                                "slaat papa mama.' Wat doet u?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "U vraagt meteen in de groep door om te weten wat er "
                                        "precies gebeurt."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Uw betrokkenheid is goed, maar doorvragen in de groep "
                                        "schaadt de privacy van het kind en kan andere kinderen "
                                        "ongerust maken. Kies voor een individueel moment."
                                    ),
                                },
                                {
                                    "text": (
                                        "U reageert rustig en erkennend, zegt dat u er straks "
                                        "samen over praat, en volgt het daarna individueel op en "
                                        "bespreekt het met uw team."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Juist. Zo voelt het kind zich gehoord, blijft de groep "
                                        "veilig en zorgt u ervoor dat de zorg niet blijft liggen."
                                    ),
                                },
                                {
                                    "text": (
                                        "U gaat er niet op in, zodat de groep niet verontrust "
                                        "raakt."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Het is begrijpelijk dat u de groep wilt beschermen, maar "
                                        "als u niet reageert, leert het kind dat vertellen niet "
                                        "helpt. Een korte, rustige erkenning volstaat."
                                    ),
                                },
                                {
                                    "text": "U belt meteen de ouders om uitleg te vragen.",
                                    "correct": False,
                                    "feedback": (
                                        "Ouders betrekken kan zinvol zijn, maar bij een vermoeden "
                                        "van partnergeweld kan een overhaast telefoontje het kind "
                                        "of de moeder in gevaar brengen. Overleg eerst met uw team."
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "reflection",
                        {
                            "question": (
                                "Hoe zou u in uw groep een eerste activiteit rond gevoelens en "
                                "grenzen opbouwen?"
                            ),
                            "guidance": (
                                "Denk aan het moment, de duur en de afspraken die u vooraf met de "
                                "kinderen maakt. Wat heeft u van uw team nodig om te weten wat u "
                                "doet als een kind iets vertelt?"
                            ),
                        },
                    ),
                ],
            },
            {
                "slug": "webinar-3-signalen-en-vervolgstappen",
                "title": {
                    "nl": "Webinar 3: Individueel werken, signalen en vervolgstappen",
                    "fr": "Webinaire 3 : Travail individuel, signaux et suites à donner",
                    "en": "Webinar 3: Working one to one, signals and next steps",
                },
                "summary": {
                    "nl": (
                        "Hoe gebruikt u de Babobox in een individueel gesprek, en welke stappen "
                        "zet u samen met uw team en partners wanneer u zich zorgen maakt?"
                    ),
                    "fr": (
                        "Comment utiliser la Babobox lors d'un entretien individuel, et quelles "
                        "démarches entreprendre avec votre équipe et vos partenaires en cas "
                        "d'inquiétude ?"
                    ),
                    "en": (
                        "How do you use the Babobox in a one-to-one conversation, and what steps "
                        "do you take with your team and partners when you are worried?"
                    ),
                },
                "duration_minutes": 20,
                "content_warning": (
                    "Deze module bevat een casus over een kleuter die thuis geweld tussen de "
                    "ouders meemaakt, zonder gedetailleerde beschrijving."
                ),
                "body": [
                    (
                        "text",
                        (
                            "<h2>Individueel in gesprek</h2>"
                            "<p>Maakt u zich zorgen over een kind, dan kunt u de Babobox ook "
                            "individueel gebruiken. Kies een rustig moment en een vertrouwde plek. "
                            "Laat Babo het gesprek openen, bijvoorbeeld met een verhaal of een "
                            "tekening over een gezin, en volg wat het kind aanreikt. Stel open "
                            "vragen ('Wat gebeurt er hier?', 'Hoe voelt Babo zich?') en laat "
                            "stiltes toe.</p>"
                            "<ul><li>Vul niet in wat het kind bedoelt en stel geen suggestieve "
                            "vragen.</li>"
                            "<li>Zeg dat het kind niets verkeerd heeft gedaan en dat het goed is "
                            "dat het vertelt.</li>"
                            "<li>Beloof geen geheimhouding, maar leg in eenvoudige woorden uit dat "
                            "u hulp gaat vragen aan andere grote mensen.</li>"
                            "<li>Noteer meteen na het gesprek zo letterlijk mogelijk wat het kind "
                            "zei en deed.</li></ul>"
                            "<h2>Van zorg naar vervolgstappen</h2>"
                            "<p>Als leerkracht of begeleider hoeft u niet vast te stellen of er "
                            "geweld is. Uw rol is kinderen een veilige plek bieden, signalen "
                            "opmerken en die zorgvuldig delen. Bespreek wat u ziet met uw "
                            "zorgcoördinator of team en volg de afspraken van uw school of "
                            "organisatie. In het onderwijs is het CLB een belangrijke partner. "
                            "Twijfelt u, vraag dan advies bij 1712 of een Vertrouwenscentrum "
                            "Kindermishandeling. Bij acuut gevaar belt u 112.</p>"
                            "<p>Betrek de ouders waar dat veilig kan. Vertrek vanuit uw "
                            "bezorgdheid over het kind en bied ondersteuning aan. Vermoedt u dat "
                            "een gesprek met de ouders het kind of een ouder in gevaar brengt, "
                            "overleg dan eerst.</p>"
                            "<p>Blijf ook na een doorverwijzing een vaste, veilige volwassene voor "
                            "het kind. Voorspelbaarheid en warmte in de klas of de opvang kunnen "
                            "voor een kind in een onveilige thuissituatie veel betekenen.</p>"
                        ),
                    ),
                    (
                        "case_vignette",
                        {
                            "title": "Mila en de tekening",
                            "story": (
                                "<p>Mila is vier. Tijdens een individueel moment met Babo tekent "
                                "ze haar gezin. Ze kleurt het huis helemaal zwart en zegt: 'Papa "
                                "is altijd boos. Dan moet ik in mijn kamer blijven en ben ik "
                                "bang.' Als u vraagt hoe Babo zich zou voelen in dat huis, zegt "
                                "ze: 'Babo verstopt zich.' Daarna wil ze gaan spelen.</p>"
                            ),
                            "questions": [
                                (
                                    "Hoe reageert u op wat Mila vertelt, en wat zegt u voor ze "
                                    "gaat spelen?"
                                ),
                                "Wat noteert u, en met wie bespreekt u dit nog dezelfde dag?",
                                "Welke informatie heeft u nog nodig voor u de ouders aanspreekt?",
                            ],
                        },
                    ),
                    (
                        "knowledge_check",
                        {
                            "question": (
                                "Wat is de rol van de leerkracht of begeleider die met de Babobox "
                                "werkt, wanneer er zorgen zijn over een kind?"
                            ),
                            "choices": [
                                {
                                    "text": "Vaststellen of er in het gezin geweld gebeurt.",
                                    "correct": False,
                                    "feedback": (
                                        "Het is begrijpelijk dat u duidelijkheid wilt, maar "
                                        "vaststellen is niet uw taak en kan een later onderzoek "
                                        "bemoeilijken. U luistert, noteert en deelt uw zorg."
                                    ),
                                },
                                {
                                    "text": (
                                        "Het kind een veilige plek bieden om te vertellen, "
                                        "signalen opmerken en die zorgvuldig delen met het team en "
                                        "de juiste partners."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Juist. Zo bent u van grote waarde voor het kind, zonder "
                                        "de verantwoordelijkheid alleen te dragen."
                                    ),
                                },
                                {
                                    "text": (
                                        "Zelf op huisbezoek gaan om de thuissituatie te "
                                        "onderzoeken."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Uw betrokkenheid is waardevol, maar een huisbezoek op "
                                        "eigen houtje kan onveilig zijn voor u en voor het kind. "
                                        "Overleg met uw team wie welke rol opneemt."
                                    ),
                                },
                                {
                                    "text": (
                                        "De ouders therapeutisch begeleiden om het geweld te "
                                        "stoppen."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Ouders ondersteunen is belangrijk, maar therapeutische "
                                        "begeleiding hoort bij gespecialiseerde hulpverlening. U "
                                        "kunt wel mee de weg naar die hulp wijzen."
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "reflection",
                        {
                            "question": (
                                "Welke afspraken bestaan er in uw school of organisatie wanneer "
                                "een kind iets verontrustends vertelt, en zijn die voor iedereen "
                                "duidelijk?"
                            ),
                            "guidance": (
                                "Ga na wie uw eerste aanspreekpunt is, hoe u noteert en wie "
                                "contact opneemt met partners. Wat kunt u met uw team "
                                "verduidelijken of oefenen?"
                            ),
                        },
                    ),
                    (
                        "help_callout",
                        {
                            "kind": "selfcare",
                            "text": (
                                "<p>Wat jonge kinderen vertellen, kan u raken en blijven "
                                "bezighouden. Praat erover met uw zorgcoördinator, een collega of "
                                "uw team, en gun uzelf tijd om te verwerken. Met vragen kunt u ook "
                                "terecht bij 1712, gratis en anoniem. Bij acuut gevaar belt u "
                                "112.</p>"
                            ),
                        },
                    ),
                ],
            },
        ],
    },
]

# Recorded standalone webinars (not part of a course).
WEBINARS = [
    {
        "slug": "samen-sterker-preventie-zorg-politie-justitie",
        "theme": "referentiekaders",
        "title": {
            "nl": "Samen sterker: preventie, zorg en politie/justitie hebben elkaar nodig",
            "fr": (
                "Plus forts ensemble : prévention, soins et police/justice ont besoin les uns des "
                "autres"
            ),
            "en": "Stronger together: prevention, care and police/justice need each other",
        },
        "summary": {
            "nl": (
                "Drie professionals uit de drie sporen vertellen hoe zij intrafamiliaal geweld "
                "aanpakken, waar ze op elkaar botsen en wat samenwerking mogelijk maakt."
            ),
            "fr": (
                "Trois professionnels des trois voies racontent comment ils abordent la violence "
                "intrafamiliale, où ils se heurtent et ce qui rend la collaboration possible."
            ),
            "en": (
                "Three professionals from the three tracks explain how they tackle family "
                "violence, where they clash and what makes cooperation possible."
            ),
        },
        "starts_at": "2025-03-18T13:00:00+01:00",
        "duration_minutes": 60,
        "trainers": ["ines-oefenberg", "wout-proefmans", "mehdi-demobeek"],
        "chapters": [
            {
                "start_seconds": 0,
                "title": "Welkom en kennismaking met de drie sporen",
            },
            {
                "start_seconds": 420,
                "title": "Preventie: signalen opvangen in de buurt",
            },
            {
                "start_seconds": 1260,
                "title": "Zorg: begeleiden zonder de veiligheid uit het oog te verliezen",
            },
            {
                "start_seconds": 2100,
                "title": "Politie en justitie: grenzen stellen en beschermen",
            },
            {
                "start_seconds": 2880,
                "title": "Samenwerken in de praktijk: wat werkt en wat schuurt",
            },
            {
                "start_seconds": 3300,
                "title": "Vragen van deelnemers en afsluiting",
            },
        ],
        "transcript": (
            "Welkom bij dit webinar van het Interlokaal Platform Intrafamiliaal Geweld. Vandaag "
            "praten we niet over één sector, maar over drie: preventie, zorg en politie en "
            "justitie. Wie met intrafamiliaal geweld te maken krijgt, merkt snel dat geen enkele "
            "dienst dit alleen kan oplossen. Daarom laten we drie collega's aan het woord die elk "
            "vanuit een ander spoor werken.\n\n"
            "Vanuit preventie zien we vaak de eerste signalen: een buurvrouw die zich zorgen "
            "maakt, een jongere die in het jeugdhuis iets laat vallen, een gezin dat zich steeds "
            "meer afsluit. Onze rol is die signalen ernstig nemen, mensen de weg wijzen naar hulp "
            "en hen laten weten dat ze met vragen terechtkunnen bij 1712. We hoeven niet alles "
            "zelf op te lossen, maar we moeten wel weten wie we kunnen aanspreken.\n\n"
            "In de zorg werken we vaak lang met een gezin. Dat geeft vertrouwen, maar het maakt "
            "het soms ook moeilijk om een zorg te benoemen. We leren om de veiligheid van alle "
            "gezinsleden steeds mee te bekijken, om te documenteren wat we zien en om tijdig te "
            "overleggen met ons team. Wie beroepsgeheim heeft, moet weten wat dat betekent en "
            "wanneer er onder strikte voorwaarden toch informatie gedeeld kan worden.\n\n"
            "Politie en justitie komen vaak in beeld wanneer de situatie escaleert. Bij acuut "
            "gevaar belt u 112. Maar ook daarna blijft samenwerking nodig: een slachtoffer heeft "
            "begeleiding nodig, een pleger moet aangesproken worden op zijn of haar gedrag, en "
            "kinderen moeten opgevolgd worden. Wij kunnen grenzen stellen, maar zonder zorg en "
            "preventie houden die grenzen vaak geen stand.\n\n"
            "Wat we van elkaar leren? Dat we elkaars taal en werking beter moeten kennen. Dat "
            "vooroordelen over andere sectoren samenwerking in de weg staan. En dat een kort "
            "telefoontje naar een collega uit een ander spoor vaak meer oplevert dan lang "
            "twijfelen. Samen staan we sterker, en dat is precies de boodschap die we willen "
            "meegeven."
        ),
    },
    {
        "slug": "kinderen-als-getuige-van-partnergeweld",
        "theme": "partnergeweld",
        "title": {
            "nl": "Kinderen als getuige van partnergeweld",
            "fr": "Les enfants témoins de violence entre partenaires",
            "en": "Children as witnesses of partner violence",
        },
        "summary": {
            "nl": (
                "Kinderen die partnergeweld meemaken, zijn ook slachtoffer. Dit webinar gaat over "
                "signalen, over wat kinderen nodig hebben en over hoe u hen samen met partners "
                "kunt beschermen."
            ),
            "fr": (
                "Les enfants exposés à la violence entre partenaires en sont aussi victimes. Ce "
                "webinaire aborde les signaux, les besoins des enfants et la manière de les "
                "protéger avec les partenaires."
            ),
            "en": (
                "Children exposed to partner violence are victims too. This webinar covers "
                "signals, what children need and how to protect them together with partners."
            ),
        },
        "starts_at": "2025-10-14T10:00:00+02:00",
        "duration_minutes": 45,
        "trainers": ["saar-voorbeeld", "wout-proefmans"],
        "chapters": [
            {
                "start_seconds": 0,
                "title": "Inleiding: waarom kinderen ook slachtoffer zijn",
            },
            {
                "start_seconds": 360,
                "title": "Signalen bij kinderen van verschillende leeftijden",
            },
            {
                "start_seconds": 1080,
                "title": "Wat kinderen nodig hebben van professionals",
            },
            {
                "start_seconds": 1740,
                "title": "Samenwerken rond het gezin: zorg en politie/justitie",
            },
            {
                "start_seconds": 2400,
                "title": "Vragen en afsluiting",
            },
        ],
        "transcript": (
            "Goeiemorgen en welkom. In dit webinar staan we stil bij kinderen die opgroeien in een "
            "gezin waar partnergeweld voorkomt. Vaak horen we nog dat kinderen 'er niets van "
            "merken' of 'te klein zijn om het te begrijpen'. Dat klopt niet. Kinderen die geweld "
            "tussen hun ouders horen of zien, of de spanning in huis voelen, zijn zelf ook "
            "slachtoffer.\n\n"
            "Signalen verschillen naargelang de leeftijd. Bij jonge kinderen ziet u soms "
            "slaapproblemen, angst om alleen te zijn of terugval in wat ze al konden. Schoolgaande "
            "kinderen kunnen zich terugtrekken, concentratieproblemen hebben of net heel druk en "
            "boos zijn. Sommige kinderen nemen thuis veel te veel verantwoordelijkheid op. Geen "
            "enkel signaal bewijst iets op zich, maar een combinatie van signalen is een reden om "
            "uw zorg te bespreken.\n\n"
            "Wat hebben kinderen nodig? In de eerste plaats veiligheid en een volwassene die hen "
            "gelooft. Laat een kind weten dat het geweld niet zijn of haar schuld is en dat het er "
            "mag over praten. Beloof geen geheimhouding die u niet kunt waarmaken, maar leg uit "
            "wat u zult doen. En vergeet niet: ook de ouder die slachtoffer is, heeft steun nodig "
            "om de kinderen te kunnen beschermen.\n\n"
            "Vanuit politie en justitie zien we dat kinderen vroeger in beeld moeten komen. "
            "Wanneer politie bij een gezin wordt geroepen, is het belangrijk dat ook de kinderen "
            "worden opgemerkt en dat er doorverwezen wordt naar hulp. Omgekeerd helpt het wanneer "
            "hulpverleners weten wat politie en parket kunnen doen, zodat zij slachtoffers correct "
            "kunnen informeren.\n\n"
            "Twijfelt u over een situatie? Bespreek ze met uw team, documenteer wat u ziet en "
            "vraag advies, bijvoorbeeld bij 1712 of een Vertrouwenscentrum Kindermishandeling. Bij "
            "acuut gevaar belt u altijd 112."
        ),
    },
]

# Tools for professionals and citizens.
TOOLS = [
    {
        "slug": "babobox-kit",
        "theme": "babobox",
        "kind": "kit",
        "title": {
            "nl": "Babobox",
            "fr": "Babobox",
            "en": "Babobox",
        },
        "summary": {
            "nl": (
                "Een box met materialen om met kleuters en jonge kinderen te praten over het "
                "gezin, gevoelens, grenzen en conflict, in de groep of individueel."
            ),
            "fr": (
                "Une boîte de matériel pour parler avec les enfants d'âge maternel et les jeunes "
                "enfants de la famille, des émotions, des limites et des conflits, en groupe ou "
                "individuellement."
            ),
            "en": (
                "A box of materials for talking with pre-school and young children about family, "
                "feelings, boundaries and conflict, in groups or one to one."
            ),
        },
        "body": (
            "<p>De Babobox bundelt materialen rond de figuur Babo, zoals een handpop, tekeningen "
            "en verhalen. Daarmee kunnen jonge kinderen, die hun ervaringen nog moeilijk in "
            "woorden vatten, vertellen over hoe het thuis gaat, over fijne en moeilijke momenten "
            "en over wat ze voelen. De methodiek werd ontwikkeld door onderzoekers van UCLL.</p>\n"
            "<p>De box is bedoeld voor professionals die met jonge kinderen werken: "
            "kleuteronderwijzers, zorgcoördinatoren, begeleiders in de kinderopvang en "
            "hulpverleners. U kunt hem preventief gebruiken in de groep, om kinderen weerbaarder "
            "te maken, en individueel wanneer u zich zorgen maakt over een kind.</p>\n"
            "<p>Gebruik de box bij voorkeur nadat u de webinarreeks over de Babobox hebt gevolgd. "
            "Spreek in uw team af wat u doet wanneer een kind iets verontrustends vertelt, zodat u "
            "niet alleen staat.</p>\n"
            "<p>Wilt u met de Babobox aan de slag? Vraag bij het team intrafamiliaal geweld van uw "
            "gemeente of bij het coördinerende team van Stad Gent hoe u een box kunt ontlenen of "
            "bestellen.</p>"
        ),
        "audience": ["prevention", "care"],
    },
    {
        "slug": "barst-serious-game",
        "theme": "",
        "kind": "game",
        "title": {
            "nl": "Educatieve serious game Barst?!",
            "fr": "Serious game éducatif Barst?!",
            "en": "Barst?! educational serious game",
        },
        "summary": {
            "nl": (
                "Een serious game waarin jongeren uit het secundair onderwijs oefenen hoe ze "
                "reageren op conflictsituaties, met een module over intrafamiliaal geweld."
            ),
            "fr": (
                "Un serious game dans lequel les jeunes de l'enseignement secondaire s'exercent à "
                "réagir à des situations de conflit, avec un module sur la violence intrafamiliale."
            ),
            "en": (
                "A serious game in which secondary-school students practise how to respond to "
                "conflict situations, with a module on family violence."
            ),
        },
        "body": (
            "<p>Barst?! is een educatieve serious game voor jongeren uit het secundair onderwijs. "
            "Spelers komen terecht in herkenbare conflictsituaties en maken keuzes om die "
            "situaties te ontmijnen. Wie opnieuw speelt, ontdekt welke impact een andere keuze "
            "heeft. Het spel werd uitgebreid met een module over intrafamiliaal geweld en werd "
            "officieel gelanceerd in januari 2025.</p>\n"
            "<p>Het spel is geen doel op zich: het opent het gesprek. Speel Barst?! daarom altijd "
            "met een nabespreking in de klas of in de groep. Het is geschikt voor gebruik in het "
            "onderwijs en in de jeugdhulp.</p>\n"
            "<p>Zorg voor een veilige omgeving. Vertel jongeren vooraf dat ze vragen mogen stellen "
            "en dat ze een situatie die voor hen te moeilijk is, niet hoeven te spelen. Geef aan "
            "het einde mee waar ze terechtkunnen met vragen of zorgen, bijvoorbeeld bij 1712, en "
            "bij acuut gevaar bij 112.</p>\n"
            "<p>Interesse? Neem contact op met het team intrafamiliaal geweld van uw gemeente of "
            "met het coördinerende team van Stad Gent.</p>"
        ),
        "audience": ["prevention", "care"],
    },
    {
        "slug": "barst-educatief-dossier",
        "theme": "",
        "kind": "dossier",
        "title": {
            "nl": "Educatief dossier en vorming bij Barst?!",
            "fr": "Dossier pédagogique et formation pour Barst?!",
            "en": "Barst?! educational dossier and training",
        },
        "summary": {
            "nl": (
                "Het educatief dossier en de bijhorende vorming helpen leerkrachten en "
                "jeugdwerkers om Barst?! te spelen en zorgvuldig na te bespreken."
            ),
            "fr": (
                "Le dossier pédagogique et la formation qui l'accompagne aident les enseignants et "
                "les animateurs jeunesse à utiliser Barst?! et à en débattre avec soin."
            ),
            "en": (
                "The educational dossier and accompanying training help teachers and youth workers "
                "to play Barst?! and debrief it carefully."
            ),
        },
        "body": (
            "<p>Bij de serious game Barst?! hoort een educatief dossier. Het geeft achtergrond bij "
            "de thema's uit het spel, waaronder intrafamiliaal geweld, en reikt richtvragen aan "
            "voor het groepsgesprek na het spelen. Daarnaast is er een vorming voor begeleiders, "
            "zodat ook andere steden en gemeenten het spel kunnen inzetten.</p>\n"
            "<p>Het dossier is bedoeld voor leerkrachten, leerlingbegeleiders, jeugdwerkers en "
            "jeugdhulpverleners. Het helpt u om de nabespreking veilig te houden: spreek af dat "
            "jongeren niet reageren op elkaars persoonlijke verhalen, en houd er rekening mee dat "
            "sommige jongeren thuis zelf geweld meemaken.</p>\n"
            "<p>Plan na de les tijd in voor jongeren die nog iets willen vertellen, en weet vooraf "
            "hoe uw school of organisatie zorgen opvolgt.</p>\n"
            "<p>U kunt het dossier en de vorming aanvragen bij het team intrafamiliaal geweld van "
            "uw gemeente of bij het coördinerende team van Stad Gent.</p>"
        ),
        "audience": ["prevention", "care"],
    },
    {
        "slug": "postkaart-partnergeweld",
        "theme": "partnergeweld",
        "kind": "postcards",
        "title": {
            "nl": "Postkaart voor burgers: partnergeweld",
            "fr": "Carte postale pour les citoyens : violence entre partenaires",
            "en": "Postcard for citizens: partner violence",
        },
        "summary": {
            "nl": (
                "Een postkaart die burgers tips geeft om te reageren bij een vermoeden van "
                "partnergeweld en hen naar 1712 verwijst."
            ),
            "fr": (
                "Une carte postale qui donne aux citoyens des conseils pour réagir en cas de "
                "suspicion de violence entre partenaires et les oriente vers le 1712."
            ),
            "en": (
                "A postcard giving citizens tips on how to respond when they suspect partner "
                "violence, and pointing them to 1712."
            ),
        },
        "body": (
            "<p>Deze postkaart richt zich tot burgers: buren, vrienden, familieleden en collega's "
            "die vermoeden dat iemand in hun omgeving partnergeweld meemaakt. De kaart geeft "
            "eenvoudige tips: neem uw vermoeden ernstig, toon dat u er bent, luister zonder te "
            "oordelen en bel bij acuut gevaar 112.</p>\n"
            "<p>De kaart nodigt uit om contact op te nemen met 1712, de gratis en anonieme "
            "hulplijn voor vragen over geweld, misbruik en kindermishandeling. Ook wie twijfelt, "
            "kan daar terecht.</p>\n"
            "<p>Professionals kunnen de kaart meegeven na een infosessie, leggen in een wachtzaal "
            "of gebruiken als opstap naar een gesprek. De postkaarten werden tijdens het project "
            "twee keer verspreid. Voor exemplaren kunt u terecht bij het team intrafamiliaal "
            "geweld van uw gemeente of bij het coördinerende team van Stad Gent.</p>"
        ),
        "audience": ["prevention", "care", "police_justice"],
    },
    {
        "slug": "postkaart-kindermishandeling",
        "theme": "kindermishandeling",
        "kind": "postcards",
        "title": {
            "nl": "Postkaart voor burgers: kindermishandeling",
            "fr": "Carte postale pour les citoyens : maltraitance d'enfants",
            "en": "Postcard for citizens: child maltreatment",
        },
        "summary": {
            "nl": (
                "Een postkaart die burgers helpt te reageren wanneer ze zich zorgen maken over een "
                "kind, en hen naar 1712 verwijst."
            ),
            "fr": (
                "Une carte postale qui aide les citoyens à réagir lorsqu'ils s'inquiètent pour un "
                "enfant et les oriente vers le 1712."
            ),
            "en": (
                "A postcard that helps citizens respond when they are worried about a child, and "
                "points them to 1712."
            ),
        },
        "body": (
            "<p>Deze postkaart is bedoeld voor iedereen die zich zorgen maakt over een kind: "
            "buren, grootouders, ouders van vriendjes, trainers in de sportclub. De kaart "
            "herinnert eraan dat kindermishandeling vele vormen heeft, ook verwaarlozing en "
            "kinderen die getuige zijn van geweld tussen hun ouders.</p>\n"
            "<p>De tips zijn eenvoudig: neem uw zorg ernstig, luister naar het kind zonder het uit "
            "te horen, beloof geen geheimhouding en zoek hulp. Met vragen of twijfels kan iedereen "
            "gratis en anoniem terecht bij 1712. Bij acuut gevaar belt u 112.</p>\n"
            "<p>De postkaarten werden tijdens het project twee keer verspreid. Professionals "
            "kunnen ze gebruiken bij infomomenten of in een onthaalruimte. Exemplaren vraagt u aan "
            "bij het team intrafamiliaal geweld van uw gemeente of bij het coördinerende team van "
            "Stad Gent.</p>"
        ),
        "audience": ["prevention", "care", "police_justice"],
    },
    {
        "slug": "postkaart-ouderenmishandeling",
        "theme": "ouderenmishandeling",
        "kind": "postcards",
        "title": {
            "nl": "Postkaart voor burgers: ouderenmis(be)handeling",
            "fr": "Carte postale pour les citoyens : maltraitance des aînés",
            "en": "Postcard for citizens: elder maltreatment",
        },
        "summary": {
            "nl": (
                "Een postkaart die burgers helpt signalen van ouderenmis(be)handeling op te merken "
                "en hen naar 1712 verwijst."
            ),
            "fr": (
                "Une carte postale qui aide les citoyens à repérer les signaux de maltraitance des "
                "aînés et les oriente vers le 1712."
            ),
            "en": (
                "A postcard that helps citizens notice signals of elder maltreatment and points "
                "them to 1712."
            ),
        },
        "body": (
            "<p>Deze postkaart richt zich tot buren, familieleden, vrijwilligers en iedereen die "
            "regelmatig contact heeft met een oudere. Ze maakt duidelijk dat "
            "ouderenmis(be)handeling meer is dan lichamelijk geweld: ook financieel misbruik, "
            "verwaarlozing en het negeren van iemands wensen horen erbij. Vaak gebeurt het door "
            "iemand die dicht bij de oudere staat, soms een mantelzorger die de zorg niet meer "
            "aankan.</p>\n"
            "<p>De kaart moedigt aan om contact te houden met de oudere, te luisteren en hulp te "
            "zoeken. Voor vragen kan iedereen gratis en anoniem terecht bij 1712. Bij acuut gevaar "
            "belt u 112.</p>\n"
            "<p>De postkaarten werden tijdens het project twee keer verspreid. Professionals in de "
            "thuiszorg, de dienstencentra of de wijkwerking kunnen ze meegeven of uitleggen. "
            "Exemplaren vraagt u aan bij het team intrafamiliaal geweld van uw gemeente of bij het "
            "coördinerende team van Stad Gent.</p>"
        ),
        "audience": ["prevention", "care", "police_justice"],
    },
    {
        "slug": "stappenplan-vermoeden-ifg",
        "theme": "",
        "kind": "guide",
        "title": {
            "nl": "Stappenplan bij een vermoeden van intrafamiliaal geweld",
            "fr": "Plan par étapes en cas de suspicion de violence intrafamiliale",
            "en": "Step-by-step guide when you suspect family violence",
        },
        "summary": {
            "nl": (
                "Een beknopte handreiking voor professionals: wat doet u wanneer u intrafamiliaal "
                "geweld vermoedt, en bij wie kunt u terecht?"
            ),
            "fr": (
                "Un guide concis pour les professionnels : que faire lorsque vous soupçonnez une "
                "violence intrafamiliale et à qui vous adresser ?"
            ),
            "en": (
                "A concise guide for professionals: what to do when you suspect family violence, "
                "and who to turn to?"
            ),
        },
        "body": (
            "<p>Dit stappenplan vat samen wat in de opleidingen van het platform aan bod komt. Het "
            "is bedoeld voor professionals uit preventie, zorg en politie/justitie, en vervangt de "
            "procedures of de meldcode van uw eigen organisatie of beroepsgroep niet.</p>\n"
            "<p><strong>1. Veiligheid eerst.</strong> Is er acuut gevaar? Bel 112. <strong>2. "
            "Observeer en documenteer.</strong> Noteer feitelijk wat u ziet en hoort, met datum en "
            "letterlijke uitspraken. <strong>3. Overleg.</strong> Bespreek uw zorg met een "
            "collega, uw leidinggevende of uw team. <strong>4. Vraag advies.</strong> Ook "
            "professionals kunnen terecht bij 1712; bij zorgen over kinderen kunt u advies vragen "
            "aan een Vertrouwenscentrum Kindermishandeling.</p>\n"
            "<p><strong>5. Ga het gesprek aan</strong> met het slachtoffer, onder vier ogen en op "
            "een veilig moment, en confronteer een vermoedelijke pleger niet op een manier die het "
            "slachtoffer in gevaar brengt. <strong>6. Ken de grenzen van uw "
            "beroepsgeheim.</strong> Artikel 458bis van het Strafwetboek laat u onder strikte "
            "voorwaarden toe de procureur des Konings te informeren. <strong>7. Blijf "
            "betrokken</strong> en werk samen met partners uit de andere sporen.</p>\n"
            "<p>Een gedrukte versie of een toelichting voor uw team kunt u aanvragen bij het team "
            "intrafamiliaal geweld van uw gemeente of bij het coördinerende team van Stad Gent.</p>"
        ),
        "audience": ["prevention", "care", "police_justice"],
    },
]

# The podcast: one show with two short episodes. Their sound is a generated tone (courses/demo.py),
# so the feed has real enclosures; titles and summaries are translated like the other pages.
PODCAST = {
    "slug": "podcast",
    "title": {
        "nl": "Podcast: stemmen uit het werkveld",
        "fr": "Podcast : paroles de terrain",
        "en": "Podcast: voices from the field",
    },
    "summary": {
        "nl": (
            "Korte gesprekken met professionals die intrafamiliaal geweld ontmoeten: wat ze zien, "
            "wat ze doen en wat hen helpt."
        ),
        "fr": (
            "De courtes conversations avec des professionnels confrontés aux violences "
            "intrafamiliales : ce qu'ils voient, ce qu'ils font et ce qui les aide."
        ),
        "en": (
            "Short conversations with professionals who meet family violence: what they see, "
            "what they do and what helps them."
        ),
    },
    "intro": (
        "<p>Luister onderweg of tussen twee afspraken door. Elke aflevering duurt minder dan een "
        "kwartier en heeft een volledige uitgeschreven tekst.</p>"
    ),
    "owner_name": "Interlokaal Platform Intrafamiliaal Geweld",
    "owner_email": "podcast@example.org",
    "episodes": [
        {
            "slug": "signalen-bij-kinderen",
            "theme": "kindermishandeling",
            "episode_number": 1,
            "publication_date": "2025-04-01T08:00:00+02:00",
            "title": {
                "nl": "Signalen bij kinderen: wat een leerkracht opmerkt",
                "fr": "Les signaux chez l'enfant : ce qu'un enseignant remarque",
                "en": "Signs in children: what a teacher notices",
            },
            "summary": {
                "nl": "Een leerkracht vertelt hoe ze zorgen over een leerling opmerkte en besprak.",
                "fr": (
                    "Une enseignante raconte comment elle a remarqué et partagé ses inquiétudes "
                    "au sujet d'un élève."
                ),
                "en": "A teacher tells how she noticed and shared her worries about a pupil.",
            },
            "show_notes": (
                "<p>In deze aflevering: gedragsveranderingen, het gesprek met de leerling en "
                "overleg met het zorgteam. Meer in de opleiding over kindermishandeling.</p>"
            ),
            "transcript": (
                "Welkom bij de podcast van het platform. Vandaag spreken we met een leerkracht "
                "over de eerste signalen die ze bij een leerling opmerkte.\n\n"
                "Ze vertelt hoe ze haar zorg noteerde, met een collega besprak en samen met het "
                "zorgteam de volgende stap zette."
            ),
        },
        {
            "slug": "samenwerken-met-politie",
            "theme": "partnergeweld",
            "episode_number": 2,
            "publication_date": "2025-05-06T08:00:00+02:00",
            "title": {
                "nl": "Samenwerken met de politie bij partnergeweld",
                "fr": "Collaborer avec la police face aux violences conjugales",
                "en": "Working with the police on partner violence",
            },
            "summary": {
                "nl": "Een hulpverlener en een inspecteur over elkaars rol na een melding.",
                "fr": (
                    "Une intervenante et un inspecteur parlent du rôle de chacun après un "
                    "signalement."
                ),
                "en": "A care worker and a police inspector on each other's role after a report.",
            },
            "show_notes": (
                "<p>Wat gebeurt er na een melding van partnergeweld, en hoe houden zorg en "
                "politie elkaar op de hoogte zonder het beroepsgeheim te schenden?</p>"
            ),
            "transcript": (
                "In deze aflevering zitten een hulpverlener en een inspecteur samen aan tafel.\n\n"
                "Ze leggen uit wat elk van hen doet na een melding en waar ze elkaar nodig hebben."
            ),
        },
    ],
}

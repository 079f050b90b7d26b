"""The words of the search scenario's pages (search_content.py builds the pages from them).

Every page has a theme (child abuse, partner violence, elder abuse, ...) drawn with the theme's
share, and each cross-cutting word (signalen, meldcode, 1712, intervisie, ...) with its own
share, so that a query of search.py finds some hundreds of pages, a broad one a few thousand, a
rare one a few dozen. The rest of every text is filler: sentences without a queried word, as
most of a real page is. Some French pages carry words the Dutch queries look for (1712,
Babobox, meldcode): only the language filter keeps them out of Dutch results.

Plain Python, no Django: the tables are data, the Writer draws from them with a seeded random.
"""

# --- Dutch -----------------------------------------------------------------------------------

# theme: (share of the pages, title phrase, sentences about it)
DUTCH_THEMES = {
    "kindermishandeling": (
        0.18,
        "Kindermishandeling",
        [
            "Kindermishandeling blijft vaak onzichtbaar voor de omgeving.",
            "Verwaarlozing is de meest voorkomende vorm van kindermishandeling.",
            "Leerkrachten en kinderbegeleiders zien kinderen elke dag en merken veranderingen op.",
            "Praat met het kind in eenvoudige woorden en beloof geen geheimhouding.",
            "Het Vertrouwenscentrum Kindermishandeling denkt met u mee over de volgende stap.",
            "Een kind dat plots stil wordt of niet meer naar huis wil, vraagt aandacht.",
            "Ouders die overbelast zijn, hebben vaak zelf steun nodig bij de opvoeding.",
        ],
    ),
    "partnergeweld": (
        0.18,
        "Partnergeweld",
        [
            "Partnergeweld gaat vaak over macht en controle binnen de relatie.",
            "Dwingende controle is een patroon, geen losstaand incident.",
            "Kinderen die partnergeweld meemaken, zijn zelf ook slachtoffer.",
            "Vraag rechtstreeks naar geweld in de relatie, zonder de partner erbij.",
            "Na een scheiding kan partnergeweld doorgaan, bijvoorbeeld via de kinderen.",
            "Plegers van partnergeweld kunnen terecht in een begeleidingstraject.",
        ],
    ),
    "ouderenmishandeling": (
        0.12,
        "Ouderenmishandeling",
        [
            "Ouderenmishandeling blijft vaak verborgen achter de voordeur.",
            "Financieel misbruik is een vorm van ouderenmisbehandeling die laat opvalt.",
            "Overbelaste mantelzorgers kunnen ongewild over grenzen gaan.",
            "In het woonzorgcentrum bespreekt het team signalen van ouderenmishandeling samen.",
            "Ouderen schamen zich vaak en willen hun kinderen beschermen.",
            "Het Vlaams Ondersteuningscentrum Ouderenmis(be)handeling geeft advies aan ouderen.",
        ],
    ),
    "seksueel geweld": (
        0.12,
        "Seksueel geweld",
        [
            "Na seksueel geweld kan het slachtoffer terecht in een Zorgcentrum na Seksueel Geweld.",
            "Het Vlaggensysteem helpt om seksueel gedrag van kinderen en jongeren in te schatten.",
            "Grensoverschrijdend gedrag begint vaak klein en wordt stap voor stap erger.",
            "Toestemming is de basis: zonder toestemming is het seksueel geweld.",
            "Jongeren vertellen eerder aan een vriend dan aan een volwassene wat er gebeurde.",
        ],
    ),
    "eergerelateerd geweld": (
        0.08,
        "Eergerelateerd geweld",
        [
            "Bij eergerelateerd geweld speelt de familie een grote rol.",
            "Huwelijksdwang vraagt om een zorgvuldige inschatting van de risico's.",
            "Bij eergerelateerd geweld kan een gesprek met de familie het gevaar vergroten.",
            "Achterlating in het land van herkomst is een vorm van eergerelateerd geweld.",
        ],
    ),
    "mensenhandel": (
        0.08,
        "Tienerpooiers en mensenhandel",
        [
            "Tienerpooiers winnen eerst het vertrouwen van jongeren.",
            "Jongeren herkennen uitbuiting vaak niet als geweld of mensenhandel.",
            "Dure cadeaus en een nieuwe vriend kunnen wijzen op een tienerpooier.",
            "Slachtoffers van mensenhandel hebben recht op bescherming en opvang.",
        ],
    ),
    "stalking": (
        0.08,
        "Stalking",
        [
            "Stalking is een aanhoudend patroon van ongewenst contact.",
            "Bewaar berichten en noteer elk incident van stalking met datum en uur.",
            "Na een relatie kan stalking het begin zijn van ernstiger geweld.",
        ],
    ),
    "online geweld": (
        0.08,
        "Online geweld",
        [
            "Sextortion en het verspreiden van naaktbeelden zijn vormen van online geweld.",
            "Cyberpesten stopt niet aan de schoolpoort.",
            "Met spyware kan een partner elke stap volgen: ook dat is online geweld.",
            "Help jongeren om beelden te laten verwijderen en bewijs te bewaren.",
        ],
    ),
    "vechtscheiding": (
        0.08,
        "Vechtscheidingen",
        [
            "In een vechtscheiding raken kinderen klem tussen hun ouders.",
            "Een ouderschapsplan geeft houvast na de scheiding.",
            "Loyaliteitsconflicten maken het voor kinderen moeilijk om te praten.",
        ],
    ),
}

# word: (share of the pages that mention it, sentences with it). Queries are made of these.
DUTCH_KEYWORDS = {
    "signalen": (
        0.3,
        [
            "Let op signalen zoals blauwe plekken, angst of een plotse stilte.",
            "Signalen zijn zelden bewijs, maar wel een reden om het gesprek aan te gaan.",
            "Noteer de signalen die u ziet, zo feitelijk mogelijk.",
            "Het herkennen van signalen begint bij aandacht voor kleine veranderingen.",
        ],
    ),
    "veiligheid": (
        0.18,
        [
            "Veiligheid gaat altijd voor.",
            "Schat eerst de veiligheid in van iedereen in het gezin.",
            "Bespreek met uw leidinggevende hoe u de veiligheid van het slachtoffer bewaakt.",
        ],
    ),
    "veiligheidsplan": (
        0.04,
        [
            "Een veiligheidsplan helpt om bij gevaar snel te handelen.",
            "Maak het veiligheidsplan samen met het slachtoffer en herbekijk het geregeld.",
        ],
    ),
    "meldcode": (
        0.05,
        [
            "De meldcode beschrijft stap voor stap wat u doet bij een vermoeden van geweld.",
            "Volg de meldcode van uw organisatie en documenteer elke stap.",
        ],
    ),
    "1712": (
        0.07,
        [
            "Met vragen kunt u anoniem en gratis bellen naar 1712.",
            "Ook als professional kunt u 1712 bellen voor advies.",
            "Op de website van 1712 vindt u informatie voor slachtoffers, plegers en omstaanders.",
        ],
    ),
    "beroepsgeheim": (
        0.06,
        [
            "Het beroepsgeheim is geen reden om niets te doen: het spreekrecht geeft u ruimte.",
            "Weeg uw beroepsgeheim af tegen de veiligheid van het kind.",
        ],
    ),
    "intervisie": (
        0.04,
        [
            "Bespreek moeilijke situaties in intervisie met collega's.",
            "In de intervisie brengt een deelnemer een casus in die blijft haken.",
        ],
    ),
    "casus": (
        0.12,
        [
            "Een casus uit de praktijk maakt de stappen concreet.",
            "Lees de casus en bedenk wat u als eerste zou doen.",
        ],
    ),
    "gespreksvoering": (
        0.08,
        [
            "Goede gespreksvoering begint met luisteren zonder te oordelen.",
            "Oefen de gespreksvoering in rollenspel met een collega.",
        ],
    ),
    "herkennen": (
        0.15,
        [
            "Herkennen is de eerste stap, erkennen de tweede.",
            "Wie geweld leert herkennen, ziet het vaker dan gedacht.",
        ],
    ),
    "babobox": (
        0.004,
        ["De Babobox bevat materiaal om met jonge kinderen over geweld te praten."],
    ),
}

# Sentences without a queried word: the bulk of every text, as in real pages.
DUTCH_FILLER = [
    "In deze module staan voorbeelden uit de praktijk centraal.",
    "U werkt vaak samen met professionals uit andere sectoren.",
    "Deelnemers delen ervaringen en leren van elkaar.",
    "De oefening duurt ongeveer tien minuten.",
    "Neem de tijd om de vragen rustig te beantwoorden.",
    "Deze inhoud werd ontwikkeld samen met hulpverleners uit het werkveld.",
    "Aan het einde vindt u een overzicht van de belangrijkste punten.",
    "Denk na over uw eigen rol en over wat u nodig hebt om te handelen.",
    "Het Centrum Algemeen Welzijnswerk biedt hulp aan wie het moeilijk heeft.",
    "Een huisarts ziet mensen vaak jarenlang en kent de gezinscontext.",
    "Politie en justitie werken samen in het ketenaanpak-overleg.",
    "Soms is doorverwijzen de beste hulp die u kunt bieden.",
    "Zorg ook voor uzelf: praat met een collega na een zwaar gesprek.",
    "Volgende keer gaan we dieper in op de rol van het netwerk.",
    "Welkom allemaal, fijn dat jullie erbij zijn.",
    "We beginnen met een korte kennismaking.",
    "Stel gerust uw vragen in de chat, we nemen ze mee op het einde.",
    "Wat zou u anders doen na deze oefening?",
    "De wetgeving verandert geregeld: kijk na wat vandaag geldt.",
    "Het OCMW kan helpen met huisvesting en financiële steun.",
]

DUTCH_SKILLS = [
    "het gesprek aangaan",
    "doorverwijzen en samenwerken",
    "de eerste stappen",
    "in de praktijk",
    "voor leerkrachten",
    "voor huisartsen",
    "voor de thuiszorg",
    "voor jeugdwerkers",
    "een basisopleiding",
    "verdieping",
    "wat werkt",
    "van vermoeden naar actie",
]
DUTCH = {
    "themes": DUTCH_THEMES,
    "keywords": DUTCH_KEYWORDS,
    "filler": DUTCH_FILLER,
    "skills": DUTCH_SKILLS,
    "title_phrases": {
        "signalen": "signalen herkennen",
        "veiligheidsplan": "een veiligheidsplan maken",
        "meldcode": "de meldcode toepassen",
        "1712": "advies vragen bij 1712",
        "beroepsgeheim": "beroepsgeheim en spreekrecht",
        "intervisie": "leren in intervisie",
        "gespreksvoering": "gespreksvoering",
    },
    "tool_kinds": {
        "kit": "Gesprekskit",
        "dossier": "Educatief dossier",
        "game": "Spel",
        "postcards": "Postkaarten",
        "guide": "Gids",
    },
}

# --- French ----------------------------------------------------------------------------------

FRENCH_THEMES = {
    "violence conjugale": (
        0.4,
        "Violence conjugale",
        [
            "La violence conjugale repose souvent sur le contrôle et la domination.",
            "Les enfants exposés à la violence conjugale en sont aussi victimes.",
            "Posez la question de la violence en l'absence du partenaire.",
        ],
    ),
    "maltraitance infantile": (
        0.35,
        "Maltraitance infantile",
        [
            "La négligence est la forme la plus fréquente de maltraitance infantile.",
            "Un enfant qui se replie sur lui-même peut montrer des signes de maltraitance.",
            "Parlez à l'enfant avec des mots simples et ne promettez pas le secret.",
        ],
    ),
    "maltraitance des aînés": (
        0.25,
        "Maltraitance des aînés",
        [
            "La maltraitance des aînés reste souvent cachée derrière la porte.",
            "L'abus financier est une forme de maltraitance des aînés souvent repérée tard.",
        ],
    ),
}
FRENCH_KEYWORDS = {
    # Words the Dutch queries look for, in French pages: only the language filter keeps these
    # pages out of Dutch results.
    "1712": (0.3, ["En Flandre, le numéro 1712 répond aux questions sur la violence."]),
    "babobox": (0.05, ["La Babobox contient du matériel pour parler de violence aux enfants."]),
    "meldcode": (0.1, ["Le code de signalement (meldcode) décrit chaque étape."]),
    "signes": (0.3, ["Soyez attentif aux signes comme la peur ou un silence soudain."]),
}
FRENCH_FILLER = [
    "Ce module part d'exemples tirés de la pratique.",
    "Les participants partagent leurs expériences.",
    "Prenez le temps de répondre calmement aux questions.",
    "Ce contenu a été développé avec des professionnels de terrain.",
    "Pensez à votre propre rôle et à ce dont vous avez besoin pour agir.",
    "Bienvenue à toutes et à tous.",
]
FRENCH = {
    "themes": FRENCH_THEMES,
    "keywords": FRENCH_KEYWORDS,
    "filler": FRENCH_FILLER,
    "skills": ["engager la conversation", "les premiers pas", "en pratique", "approfondissement"],
    "title_phrases": {"1712": "appeler le 1712"},
    "tool_kinds": {"kit": "Kit", "dossier": "Dossier", "guide": "Guide"},
}


class Writer:
    """Titles and texts in one language, drawn with a fixed seed.

    Each text belongs to one page: its theme and its cross-cutting words are drawn once per
    page (`for_page`), so a page mentions a word in its title, summary or body consistently
    and the share of pages that match a query stays what the tables above say.
    """

    def __init__(self, rng, language):
        self.rng = rng
        self.themes, self.keywords = language["themes"], language["keywords"]
        self.filler, self.skills = language["filler"], language["skills"]
        self.title_phrases, self.tool_kinds = language["title_phrases"], language["tool_kinds"]
        self.theme_names = list(self.themes)
        self.theme_weights = [share for share, _title, _sentences in self.themes.values()]

    def for_page(self):
        theme = self.rng.choices(self.theme_names, self.theme_weights)[0]
        words = [word for word, (share, _s) in self.keywords.items() if self.rng.random() < share]
        return theme, words

    def title(self, theme, words, prefix=""):
        """The theme and a skill; now and then the skill is one of the page's words."""
        phrases = [self.title_phrases[word] for word in words if word in self.title_phrases]
        if phrases and self.rng.random() < 0.4:
            skill = self.rng.choice(phrases)
        else:
            skill = self.rng.choice(self.skills)
        return f"{prefix}{self.themes[theme][1]}: {skill}"

    def sentences(self, theme, words, count):
        """`count` sentences (more when the page has more words than that): each of the page's
        words once, a quarter about the theme, the rest filler, shuffled."""
        chosen = [self.rng.choice(self.keywords[word][1]) for word in words]
        theme_sentences = self.themes[theme][2]
        chosen += self.rng.choices(theme_sentences, k=max(1, count // 4))
        chosen += self.rng.choices(self.filler, k=max(0, count - len(chosen)))
        self.rng.shuffle(chosen)
        return chosen

    def summary(self, theme, words):
        """The theme's lead sentence (an editor names the subject) and perhaps a word's."""
        lead = self.themes[theme][2][0]
        extra = self.sentences(theme, words[:1], 1)[0] if words else ""
        return f"{lead} {extra}".strip()[:300]

    def paragraphs(self, theme, words, count, per_paragraph=4):
        sentences = self.sentences(theme, words, count)
        return [
            " ".join(sentences[start : start + per_paragraph])
            for start in range(0, len(sentences), per_paragraph)
        ]

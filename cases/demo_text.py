"""Sentences the demo loader fills with vocabulary labels, in each language, so that
the demo reads naturally in English, French and Spanish."""

TITLES = [
    {"en": "Community-led {topic} programme in {city}", "fr": "Programme citoyen : {topic} à {city}",
     "es": "Programa comunitario de {topic} en {city}"},
    {"en": "A digital platform for {topic} in {city}", "fr": "Une plateforme numérique pour {topic} à {city}",
     "es": "Una plataforma digital para {topic} en {city}"},
    {"en": "Neighbourhood plan for {topic} in {city}", "fr": "Plan de quartier pour {topic} à {city}",
     "es": "Plan de barrio para {topic} en {city}"},
    {"en": "{city}'s metropolitan strategy on {topic}", "fr": "La stratégie métropolitaine de {city} : {topic}",
     "es": "La estrategia metropolitana de {city} sobre {topic}"},
    {"en": "Pilot project on {topic} in {city}", "fr": "Projet pilote sur {topic} à {city}",
     "es": "Proyecto piloto sobre {topic} en {city}"},
    {"en": "Partnerships for {topic} in {city}", "fr": "Des partenariats pour {topic} à {city}",
     "es": "Alianzas para {topic} en {city}"},
]  # fmt: skip

SUMMARY = {
    "en": "How {city} took on {topic} through {approach}, for {target}, since {year}.",
    "fr": "Comment {city} agit sur {topic} grâce à {approach}, pour {target}, depuis {year}.",
    "es": "Cómo {city} aborda {topic} mediante {approach}, para {target}, desde {year}.",
}

GALLERY_CAPTIONS = {
    "en": ["Residents of {city} at the launch of the programme", "The {topic} team at work in {city}"],
    "fr": ["Des habitants de {city} au lancement du programme", "L'équipe {topic} au travail à {city}"],
    "es": ["Vecinos de {city} en el lanzamiento del programa", "El equipo de {topic} trabajando en {city}"],
}

SECTIONS = {
    "context": {
        "en": "{city} faced growing pressure on {topic}. Residents, above all {target}, asked for change.",
        "fr": "{city} faisait face à une pression croissante sur {topic}. Les habitants, surtout {target}, "
        "demandaient du changement.",
        "es": "{city} enfrentaba una presión creciente sobre {topic}. La población, sobre todo {target}, "
        "pedía un cambio.",
    },
    "solution": {
        "en": "The city government chose {approach} and worked with local partners from the first day.",
        "fr": "Le gouvernement local a choisi {approach} et a travaillé avec des partenaires locaux "
        "dès le premier jour.",
        "es": "El gobierno local eligió {approach} y trabajó con socios locales desde el primer día.",
    },
    "results": {
        "en": "Within three years the programme reached every district and inspired neighbouring municipalities.",
        "fr": "En trois ans, le programme a atteint tous les arrondissements et inspiré les communes voisines.",
        "es": "En tres años el programa llegó a todos los distritos e inspiró a los municipios vecinos.",
    },
    "lessons": {
        "en": "Start small, measure from the beginning, and give residents a real say.",
        "fr": "Commencer petit, mesurer dès le début et donner une vraie voix aux habitants.",
        "es": "Empezar en pequeño, medir desde el principio y dar a la ciudadanía una voz real.",
    },
}

KEY_FIGURE_LABELS = [
    {"en": "people reached", "fr": "personnes touchées", "es": "personas alcanzadas"},
    {"en": "neighbourhoods involved", "fr": "quartiers concernés", "es": "barrios implicados"},
    {"en": "jobs created", "fr": "emplois créés", "es": "empleos creados"},
]

STRUCTURE = {
    "cases": {
        "en": ("Practices", "Good practices from cities around the world, searchable by theme and goal."),
        "fr": ("Pratiques", "Les bonnes pratiques des villes du monde, à explorer par thème et par objectif."),
        "es": ("Prácticas", "Buenas prácticas de ciudades de todo el mundo, por tema y objetivo."),
    },
    "articles": {
        "en": ("Articles", "City portraits and interviews with the people behind the practices."),
        "fr": ("Articles", "Portraits de villes et entretiens avec les personnes derrière les pratiques."),
        "es": ("Artículos", "Retratos de ciudades y entrevistas con las personas detrás de las prácticas."),
    },
    "covid-19": {
        "en": "How cities protected their residents during the COVID-19 pandemic, and what they keep from it.",
        "fr": "Comment les villes ont protégé leurs habitants pendant la pandémie de COVID-19, "
        "et ce qu'elles en gardent.",
        "es": "Cómo las ciudades protegieron a su población durante la pandemia de COVID-19 y qué conservan de ello.",
    },
    "care": {
        "en": "Cities that recognise, reduce, redistribute, reward and represent care work.",
        "fr": "Des villes qui reconnaissent, réduisent, redistribuent, valorisent et représentent le travail de soins.",
        "es": "Ciudades que reconocen, reducen, redistribuyen, retribuyen y representan el trabajo de cuidados.",
    },
}

PORTRAIT = {
    "title": {"en": "Spotlight on {city}", "fr": "Coup de projecteur sur {city}", "es": "Mirada a {city}"},
    "summary": {
        "en": "{city}, a member of the network, shares its culture, its economy and its practices.",
        "fr": "{city}, membre du réseau, présente sa culture, son économie et ses pratiques.",
        "es": "{city}, miembro de la red, presenta su cultura, su economía y sus prácticas.",
    },
}

POSITION = {
    "title": {
        "en": "“{topic} is a shared responsibility”",
        "fr": "« {topic}, une responsabilité partagée »",
        "es": "«{topic}, una responsabilidad compartida»",
    },
    "summary": {
        "en": "An interview on {topic} and what other cities can learn from it.",
        "fr": "Un entretien sur {topic} et ce que d'autres villes peuvent en apprendre.",
        "es": "Una entrevista sobre {topic} y lo que otras ciudades pueden aprender.",
    },
    "role": {"en": "Deputy mayor", "fr": "Adjointe au maire", "es": "Teniente de alcaldía"},
}

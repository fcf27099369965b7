"""Sentences the demo loader fills with vocabulary labels, in each language, so that
the demo reads naturally in English, French and Spanish."""

# Whole sentences per language; {practice} carries its own article ("a food bank",
# "une banque alimentaire", "un banco de alimentos") and {target}, {topic} and
# {approach} theirs (demo/subjects.py), so no gender or contraction is guessed.
TITLES = [
    {"en": "{city} sets up {practice}", "fr": "{city} met en place {practice}",
     "es": "{city} pone en marcha {practice}"},
    {"en": "{practice} for {target} in {city}", "fr": "{practice} pour {target} à {city}",
     "es": "{practice} para {target} en {city}"},
    {"en": "How {city} built {practice}", "fr": "Comment {city} a créé {practice}",
     "es": "Cómo {city} creó {practice}"},
    {"en": "{city}: {practice} for {target}", "fr": "{city} : {practice} pour {target}",
     "es": "{city}: {practice} para {target}"},
]  # fmt: skip

SUMMARY = {
    "en": "{city} put {topic} at the heart of its agenda and set up {practice} for {target} in {year}.",
    "fr": "{city} a placé {topic} au cœur de son action et a mis en place {practice} pour {target} en {year}.",
    "es": "{city} situó {topic} en el centro de su agenda y puso en marcha {practice} para {target} en {year}.",
}

GALLERY_CAPTIONS = {
    "en": ["Residents of {city} at the launch of the project", "The project team at work in {city}"],
    "fr": ["Des habitants de {city} au lancement du projet", "L'équipe du projet au travail à {city}"],
    "es": ["Vecinos de {city} en el lanzamiento del proyecto", "El equipo del proyecto trabajando en {city}"],
}

SECTIONS = {
    "context": {
        "en": "{problem} For {target}, the situation was hardest of all.",
        "fr": "{problem} Pour {target}, la situation était la plus difficile.",
        "es": "{problem} Para {target}, la situación era la más difícil.",
    },
    "solution": {
        "en": "{does} The project relies on {approach}, with local partners involved from the first day.",
        "fr": "{does} Le projet s'appuie sur {approach}, avec des partenaires locaux associés dès le premier jour.",
        "es": "{does} El proyecto se apoya en {approach}, con socios locales implicados desde el primer día.",
    },
}

# One of each is drawn per case, so that results and lessons do not read the same everywhere.
RESULTS = [
    {"en": "Within three years the project reached every district, and other cities in {region} came to see it.",
     "fr": "En trois ans, le projet a atteint tous les quartiers, et d'autres villes de la région {region} "
           "sont venues le découvrir.",
     "es": "En tres años el proyecto llegó a todos los barrios, y otras ciudades de la región {region} "
           "vinieron a conocerlo."},
    {"en": "An independent evaluation found clear gains after two years; the council has since doubled the budget.",
     "fr": "Une évaluation indépendante a constaté des progrès nets au bout de deux ans ; le conseil a depuis "
           "doublé le budget.",
     "es": "Una evaluación independiente constató avances claros a los dos años; desde entonces el pleno ha "
           "duplicado el presupuesto."},
    {"en": "The first neighbourhoods asked for more, and the model is now being adapted across {country}.",
     "fr": "Les premiers quartiers en ont redemandé, et le modèle est aujourd'hui adapté ailleurs dans le pays "
           "({country}).",
     "es": "Los primeros barrios pidieron más, y hoy el modelo se adapta en otras ciudades del país ({country})."},
]  # fmt: skip

LESSONS = [
    {"en": "Start small, measure from the beginning, and give residents a real say.",
     "fr": "Commencer petit, mesurer dès le début et donner une vraie voix aux habitants.",
     "es": "Empezar en pequeño, medir desde el principio y dar a la ciudadanía una voz real."},
    {"en": "Work with the people already doing the job, even informally, rather than around them.",
     "fr": "Travailler avec celles et ceux qui font déjà le travail, même de manière informelle, plutôt "
           "que sans eux.",
     "es": "Trabajar con quienes ya hacen el trabajo, aunque sea de manera informal, y no al margen de ellos."},
    {"en": "Secure funding for several years: trust is lost quickly when a service stops after a pilot.",
     "fr": "Garantir le financement sur plusieurs années : la confiance se perd vite quand un service s'arrête "
           "après l'expérimentation.",
     "es": "Asegurar la financiación para varios años: la confianza se pierde rápido cuando un servicio se "
           "detiene tras el piloto."},
]  # fmt: skip

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

# What the drawn hero pictures show (demo/pictures.py), for screen readers.
HERO_ALT = {
    "home": {
        "en": "Drawing of a city skyline at dusk, towers of blue with lit windows.",
        "fr": "Dessin d'une ville au crépuscule, des tours bleues aux fenêtres éclairées.",
        "es": "Dibujo de una ciudad al atardecer, torres azules con las ventanas iluminadas.",
    },
    "covid-19": {
        "en": "Drawing of a crowd of residents in warm colours, side by side.",
        "fr": "Dessin d'une foule d'habitants aux couleurs chaudes, côte à côte.",
        "es": "Dibujo de una multitud de vecinos en colores cálidos, uno junto a otro.",
    },
    "care": {
        "en": "Drawing of violet and orange bands crossed by rings, for the care that links people.",
        "fr": "Dessin de bandes violettes et orange traversées d'anneaux, pour le soin qui relie les personnes.",
        "es": "Dibujo de franjas violetas y naranjas cruzadas por anillos, por los cuidados que unen a las personas.",
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

# The opening of each section of the two collections, written for it.
SECTION_INTRO = {
    "emergency": {
        "en": "The first weeks: how city halls kept water, food, shelter and information reaching "
        "everyone while the rules changed every day.",
        "fr": "Les premières semaines : comment les mairies ont maintenu l'eau, la nourriture, l'abri "
        "et l'information pour toutes et tous, alors que les règles changeaient chaque jour.",
        "es": "Las primeras semanas: cómo los ayuntamientos mantuvieron el agua, la comida, el "
        "refugio y la información para todas las personas mientras las reglas cambiaban cada día.",
    },
    "recovery": {
        "en": "Reopening without leaving anyone behind: support for small businesses, safe "
        "streets and public services rebuilt around the people the crisis hit hardest.",
        "fr": "Rouvrir sans laisser personne de côté : soutien aux petits commerces, rues sûres et "
        "services publics reconstruits autour des personnes les plus touchées par la crise.",
        "es": "Reabrir sin dejar a nadie atrás: apoyo al pequeño comercio, calles seguras y "
        "servicios públicos reconstruidos en torno a quienes la crisis golpeó más.",
    },
    "transformation": {
        "en": "What the pandemic changed for good: streets given back to people, health in every "
        "policy, and city services that now reach their residents online and at their door.",
        "fr": "Ce que la pandémie a changé pour de bon : des rues rendues aux habitants, la santé "
        "dans chaque politique, des services qui touchent désormais chacun en ligne et à sa porte.",
        "es": "Lo que la pandemia cambió para siempre: calles devueltas a la gente, la salud en "
        "cada política y servicios municipales que hoy llegan en línea y a cada puerta.",
    },
    "recognise": {
        "en": "Care that nobody counted is counted here: surveys, time-use studies and maps that "
        "show who cares for whom in the city, and for how many hours.",
        "fr": "Le soin que personne ne comptait est compté ici : enquêtes, budgets-temps et cartes "
        "qui montrent qui prend soin de qui dans la ville, et combien d'heures.",
        "es": "Aquí se cuenta el cuidado que nadie contaba: encuestas, estudios de uso del tiempo y "
        "mapas que muestran quién cuida a quién en la ciudad, y durante cuántas horas.",
    },
    "reduce": {
        "en": "Fewer hours of unpaid work at home: nurseries, day centres, laundries and services "
        "close enough to walk to, so that carers get time back for work, study and rest.",
        "fr": "Moins d'heures de travail gratuit à la maison : crèches, accueils de jour, laveries "
        "et services à distance de marche, pour rendre aux aidants du temps pour travailler, "
        "étudier et se reposer.",
        "es": "Menos horas de trabajo no pagado en casa: guarderías, centros de día, lavanderías y "
        "servicios a poca distancia a pie, para devolver a quienes cuidan tiempo para trabajar, "
        "estudiar y descansar.",
    },
    "redistribute": {
        "en": "Care shared more fairly, between women and men, households and the city: "
        "campaigns, schools for fathers and public services that take their part.",
        "fr": "Le soin mieux partagé, entre femmes et hommes, entre les ménages et la ville : "
        "campagnes, écoles pour les pères et services publics qui prennent leur part.",
        "es": "El cuidado mejor repartido entre mujeres y hombres, entre los hogares y la ciudad: "
        "campañas, escuelas para padres y servicios públicos que asumen su parte.",
    },
    "reward": {
        "en": "Decent pay, training and recognition for the people who care for a living, from "
        "home-care workers to childminders.",
        "fr": "Un salaire digne, de la formation et de la reconnaissance pour celles et ceux dont le "
        "soin est le métier, des aides à domicile aux assistantes maternelles.",
        "es": "Salario digno, formación y reconocimiento para quienes cuidan por oficio, desde las "
        "trabajadoras del hogar hasta las cuidadoras infantiles.",
    },
    "represent": {
        "en": "Carers at the table where care policy is decided: councils, unions and "
        "associations that speak for them.",
        "fr": "Les aidants à la table où se décide la politique du soin : conseils, syndicats et "
        "associations qui parlent en leur nom.",
        "es": "Las personas cuidadoras en la mesa donde se decide la política de cuidados: "
        "consejos, sindicatos y asociaciones que hablan por ellas.",
    },
}

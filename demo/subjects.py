# ruff: noqa: E501 - sentences of prose, easier to read and translate unbroken
"""What each demo topic is about: the goals, groups and approaches that plausibly go
with it, and the practices a city might run under it, named and described in whole
phrases per language.

The demo draws a case's tags from its topic's lists only, so its tags follow from
its subject (no economic-opportunity case tagged "Life below water"), and a relevance
judgment made from a case's tags means something. Phrases carry their own articles
("le logement", "l'eau", "la vivienda") so no sentence is assembled word by word.

A practice may have several names in a language ("a food bank", "a food pantry"): a
case uses one of them, so the demo holds the pairs a synonym search must bridge.
"""

from dataclasses import dataclass


def tr(en, fr, es):
    return {"en": en, "fr": fr, "es": es}


@dataclass(frozen=True)
class Practice:
    slug: str
    # Per language, the names of the practice with their indefinite article, the first the most common.
    names: dict
    # One sentence per language on what the practice does.
    does: dict


@dataclass(frozen=True)
class Subject:
    # The first goal is the topic's own and always tagged; the others are drawn from.
    sdgs: tuple
    targets: tuple
    approaches: tuple
    # The topic as a definite noun phrase: "housing", "le logement", "la vivienda".
    topic: dict
    # The pressure that made the city act, one sentence per language.
    problem: dict
    practices: tuple


SUBJECTS = {
    "foresight": Subject(
        sdgs=(11, 13, 17),
        targets=("children-youth", "older-people"),
        approaches=("public-participation", "capacity-building", "digital-tools"),
        topic=tr("urban foresight", "la prospective urbaine", "la prospectiva urbana"),
        problem=tr(
            "Plans drawn for five years kept being overtaken by heatwaves, ageing and new technology.",
            "Des plans conçus pour cinq ans étaient sans cesse dépassés par les canicules, le vieillissement et les nouvelles technologies.",
            "Los planes pensados a cinco años quedaban superados una y otra vez por las olas de calor, el envejecimiento y las nuevas tecnologías.",
        ),
        practices=(
            Practice(
                "scenario-workshops",
                tr(("a series of scenario workshops",), ("une série d'ateliers de scénarios",),
                   ("una serie de talleres de escenarios",)),
                tr("Residents and officials imagined the city in 2050 and worked back to decisions for today.",
                   "Habitants et agents ont imaginé la ville en 2050, puis en ont tiré des décisions pour aujourd'hui.",
                   "Vecinos y personal municipal imaginaron la ciudad en 2050 y de ahí sacaron decisiones para hoy."),
            ),
            Practice(
                "futures-lab",
                tr(("a municipal futures lab", "a foresight unit"), ("un laboratoire des futurs",),
                   ("un laboratorio de futuros", "una unidad de prospectiva")),
                tr("A small team watches trends and tests every major plan against several possible futures.",
                   "Une petite équipe suit les tendances et confronte chaque grand projet à plusieurs futurs possibles.",
                   "Un equipo reducido sigue las tendencias y contrasta cada gran plan con varios futuros posibles."),
            ),
        ),
    ),
    "urban-innovation": Subject(
        sdgs=(9, 11, 17),
        targets=("low-income-households", "children-youth"),
        approaches=("public-private-partnership", "capacity-building", "digital-tools"),
        topic=tr("innovation in urban management", "l'innovation dans la gestion urbaine",
                 "la innovación en la gestión urbana"),
        problem=tr(
            "Services were designed around procedures rather than around the people who used them.",
            "Les services étaient pensés autour des procédures plutôt que des personnes qui les utilisaient.",
            "Los servicios se diseñaban en torno a los trámites y no a las personas que los usaban.",
        ),
        practices=(
            Practice(
                "innovation-lab",
                tr(("a public innovation lab", "a city living lab"), ("un laboratoire d'innovation publique",),
                   ("un laboratorio de innovación pública", "un living lab municipal")),
                tr("Officials, start-ups and residents prototype new services together before they are rolled out.",
                   "Agents, jeunes entreprises et habitants prototypent ensemble les nouveaux services avant leur déploiement.",
                   "Personal municipal, empresas emergentes y vecinos prototipan juntos los nuevos servicios antes de extenderlos."),
            ),
            Practice(
                "challenge-prize",
                tr(("an urban challenge prize",), ("un concours d'innovation urbaine",),
                   ("un concurso de innovación urbana",)),
                tr("The city publishes a concrete problem and funds the teams that solve it best.",
                   "La ville publie un problème concret et finance les équipes qui le résolvent le mieux.",
                   "La ciudad publica un problema concreto y financia a los equipos que mejor lo resuelven."),
            ),
        ),
    ),
    "digital-transformation": Subject(
        sdgs=(9, 16, 10),
        targets=("older-people", "low-income-households", "people-with-disabilities"),
        approaches=("digital-tools", "capacity-building", "service-delivery"),
        topic=tr("digital transformation", "la transformation numérique", "la transformación digital"),
        problem=tr(
            "Many residents could not use online services, and paper forms took weeks to process.",
            "Beaucoup d'habitants ne pouvaient pas utiliser les services en ligne, et les formulaires papier prenaient des semaines.",
            "Muchos vecinos no podían usar los servicios en línea y los formularios en papel tardaban semanas.",
        ),
        practices=(
            Practice(
                "open-data-portal",
                tr(("an open data portal",), ("un portail de données ouvertes",), ("un portal de datos abiertos",)),
                tr("Budgets, contracts and service data are published in reusable formats every week.",
                   "Budgets, marchés et données des services sont publiés chaque semaine dans des formats réutilisables.",
                   "Presupuestos, contratos y datos de los servicios se publican cada semana en formatos reutilizables."),
            ),
            Practice(
                "digital-inclusion",
                tr(("a digital inclusion programme", "a digital literacy programme"),
                   ("un programme d'inclusion numérique", "un programme de médiation numérique"),
                   ("un programa de inclusión digital", "un programa de alfabetización digital")),
                tr("Volunteers in libraries help residents get online and use public services on their own.",
                   "Des bénévoles dans les bibliothèques aident les habitants à se connecter et à utiliser seuls les services publics.",
                   "Voluntarios en las bibliotecas ayudan a los vecinos a conectarse y a usar por su cuenta los servicios públicos."),
            ),
        ),
    ),
    "housing": Subject(
        sdgs=(11, 1, 10),
        targets=("low-income-households", "older-people", "migrants-refugees"),
        approaches=("financing-mechanism", "regulation", "public-participation"),
        topic=tr("affordable housing", "le logement abordable", "la vivienda asequible"),
        problem=tr(
            "Rents had doubled in ten years and many families were pushed to the edge of the city.",
            "Les loyers avaient doublé en dix ans et de nombreuses familles étaient repoussées en périphérie.",
            "Los alquileres se habían duplicado en diez años y muchas familias acababan expulsadas a la periferia.",
        ),
        practices=(
            Practice(
                "community-land-trust",
                tr(("a community land trust",), ("un organisme foncier solidaire",),
                   ("un fideicomiso comunitario de tierras",)),
                tr("The land stays in common ownership, so homes built on it remain affordable for good.",
                   "Le terrain reste en propriété collective, si bien que les logements construits dessus restent abordables pour toujours.",
                   "El suelo sigue siendo de propiedad colectiva, así que las viviendas construidas en él siguen siendo asequibles para siempre."),
            ),
            Practice(
                "housing-cooperative",
                tr(("a housing cooperative",), ("une coopérative d'habitants", "un habitat participatif"),
                   ("una cooperativa de vivienda",)),
                tr("Future residents design, finance and run their building together.",
                   "Les futurs habitants conçoivent, financent et gèrent ensemble leur immeuble.",
                   "Los futuros residentes diseñan, financian y gestionan juntos su edificio."),
            ),
        ),
    ),
    "migration": Subject(
        sdgs=(10, 8, 16),
        targets=("migrants-refugees", "children-youth", "women-girls"),
        approaches=("service-delivery", "capacity-building", "public-participation"),
        topic=tr("migration and demographic change", "les migrations et l'évolution démographique",
                 "la migración y el cambio demográfico"),
        problem=tr(
            "Newcomers waited months for papers, language classes and a first job.",
            "Les nouveaux arrivants attendaient des mois leurs papiers, des cours de langue et un premier emploi.",
            "Las personas recién llegadas esperaban meses para tener papeles, clases de idioma y un primer empleo.",
        ),
        practices=(
            Practice(
                "welcome-centre",
                tr(("a one-stop welcome centre", "a newcomer reception centre"),
                   ("un guichet unique d'accueil",), ("una oficina única de acogida",)),
                tr("Housing, health, schooling and job advice are offered under one roof and in many languages.",
                   "Logement, santé, scolarité et conseil à l'emploi sont proposés sous un même toit et en plusieurs langues.",
                   "Vivienda, salud, escolarización y orientación laboral se ofrecen bajo un mismo techo y en varios idiomas."),
            ),
            Practice(
                "language-mentoring",
                tr(("a language buddy scheme",), ("un parrainage linguistique",),
                   ("un programa de mentoría lingüística",)),
                tr("Long-time residents meet newcomers each week to practise the language and share contacts.",
                   "Des habitants de longue date rencontrent chaque semaine les nouveaux venus pour pratiquer la langue et partager leurs contacts.",
                   "Vecinos de toda la vida se reúnen cada semana con las personas recién llegadas para practicar el idioma y compartir contactos."),
            ),
        ),
    ),
    "nature-based-solutions": Subject(
        sdgs=(15, 11, 13),
        targets=("children-youth", "older-people"),
        approaches=("infrastructure", "public-participation"),
        topic=tr("nature-based solutions", "les solutions fondées sur la nature",
                 "las soluciones basadas en la naturaleza"),
        problem=tr(
            "Paved streets flooded after every storm and the densest districts had almost no trees.",
            "Les rues bitumées étaient inondées à chaque orage et les quartiers les plus denses n'avaient presque aucun arbre.",
            "Las calles asfaltadas se inundaban con cada tormenta y los barrios más densos casi no tenían árboles.",
        ),
        practices=(
            Practice(
                "urban-forest",
                tr(("an urban forest plan", "a tree canopy programme"), ("un plan de forêt urbaine",),
                   ("un plan de bosque urbano", "un programa de arbolado urbano")),
                tr("Thousands of native trees are planted where shade and cooling are most needed.",
                   "Des milliers d'arbres indigènes sont plantés là où l'ombre et la fraîcheur manquent le plus.",
                   "Se plantan miles de árboles autóctonos donde más falta la sombra y el frescor."),
            ),
            Practice(
                "rain-gardens",
                tr(("a network of rain gardens", "a sponge city programme"),
                   ("un réseau de jardins de pluie", "un programme de ville éponge"),
                   ("una red de jardines de lluvia", "un programa de ciudad esponja")),
                tr("Planted hollows along the streets soak up storm water before it reaches the sewers.",
                   "Des noues plantées le long des rues absorbent l'eau de pluie avant qu'elle n'atteigne les égouts.",
                   "Hondonadas con plantas a lo largo de las calles absorben el agua de lluvia antes de que llegue al alcantarillado."),
            ),
        ),
    ),
    "sustainable-mobility": Subject(
        sdgs=(11, 3, 13),
        targets=("children-youth", "older-people", "people-with-disabilities", "women-girls"),
        approaches=("infrastructure", "regulation", "digital-tools"),
        topic=tr("sustainable mobility", "la mobilité durable", "la movilidad sostenible"),
        problem=tr(
            "Traffic jams, polluted air and unsafe crossings made every journey longer and riskier.",
            "Embouteillages, air pollué et traversées dangereuses rendaient chaque trajet plus long et plus risqué.",
            "Los atascos, el aire contaminado y los cruces peligrosos hacían cada trayecto más largo y arriesgado.",
        ),
        practices=(
            Practice(
                "bus-rapid-transit",
                tr(("a bus rapid transit line",), ("une ligne de bus à haut niveau de service",),
                   ("una línea de autobús de tránsito rápido",)),
                tr("Buses run on their own lanes with level boarding, as fast as a tram at a fraction of the cost.",
                   "Les bus circulent sur leurs propres voies avec un accès de plain-pied, aussi vite qu'un tramway pour une fraction du coût.",
                   "Los autobuses circulan por carriles propios con acceso a nivel, tan rápidos como un tranvía por una fracción del coste."),
            ),
            Practice(
                "cycle-network",
                tr(("a protected cycle network", "a network of bike lanes"),
                   ("un réseau cyclable sécurisé", "un réseau de pistes cyclables"),
                   ("una red de ciclovías protegidas", "una red de carriles bici")),
                tr("Separated lanes link every school and station, so children can cycle safely.",
                   "Des voies séparées relient chaque école et chaque gare, pour que les enfants puissent pédaler en sécurité.",
                   "Carriles separados unen cada escuela y cada estación, para que los niños puedan pedalear con seguridad."),
            ),
        ),
    ),
    "water": Subject(
        sdgs=(6, 14, 3),
        targets=("low-income-households", "women-girls", "children-youth"),
        approaches=("infrastructure", "service-delivery", "financing-mechanism"),
        topic=tr("water and sanitation", "l'eau et l'assainissement", "el agua y el saneamiento"),
        problem=tr(
            "Informal districts had no piped water, and untreated sewage reached the river and the coast.",
            "Les quartiers informels n'avaient pas l'eau courante, et les eaux usées non traitées gagnaient la rivière et la côte.",
            "Los barrios informales no tenían agua corriente y las aguas residuales sin tratar llegaban al río y a la costa.",
        ),
        practices=(
            Practice(
                "drinking-water",
                tr(("a drinking water network in informal districts",),
                   ("un réseau d'eau potable dans les quartiers informels",),
                   ("una red de agua potable en los barrios informales",)),
                tr("Standpipes and household connections bring safe drinking water within reach of every home.",
                   "Bornes-fontaines et branchements individuels mettent l'eau potable à portée de chaque foyer.",
                   "Fuentes públicas y conexiones domiciliarias acercan el agua potable a cada hogar."),
            ),
            Practice(
                "wastewater-reuse",
                tr(("a wastewater treatment and reuse plant",), ("une station d'épuration et de réutilisation des eaux",),
                   ("una planta de tratamiento y reutilización de aguas residuales",)),
                tr("Treated wastewater irrigates parks instead of polluting the river and the sea.",
                   "Les eaux usées traitées arrosent les parcs au lieu de polluer la rivière et la mer.",
                   "Las aguas residuales tratadas riegan los parques en lugar de contaminar el río y el mar."),
            ),
        ),
    ),
    "energy": Subject(
        sdgs=(7, 13, 11),
        targets=("low-income-households", "older-people"),
        approaches=("financing-mechanism", "infrastructure", "public-private-partnership"),
        topic=tr("clean energy", "l'énergie propre", "la energía limpia"),
        problem=tr(
            "Energy bills were rising faster than incomes, and most power still came from coal.",
            "Les factures d'énergie augmentaient plus vite que les revenus, et l'électricité venait encore surtout du charbon.",
            "Las facturas de energía subían más rápido que los ingresos y la electricidad seguía viniendo sobre todo del carbón.",
        ),
        practices=(
            Practice(
                "rooftop-solar",
                tr(("a rooftop solar programme", "a community solar scheme"),
                   ("un programme de panneaux solaires sur les toits",),
                   ("un programa de paneles solares en los tejados", "un programa de energía solar comunitaria")),
                tr("Public roofs host solar panels whose power is shared with nearby households.",
                   "Les toits publics accueillent des panneaux solaires dont l'électricité est partagée avec les foyers voisins.",
                   "Los tejados públicos albergan paneles solares cuya electricidad se comparte con los hogares cercanos."),
            ),
            Practice(
                "energy-retrofit",
                tr(("a home energy retrofit scheme", "a building insulation programme"),
                   ("un programme de rénovation énergétique des logements",),
                   ("un programa de rehabilitación energética de viviendas",)),
                tr("Insulation and efficient heating are paid back from the savings on each bill.",
                   "L'isolation et un chauffage performant sont remboursés grâce aux économies réalisées sur chaque facture.",
                   "El aislamiento y una calefacción eficiente se pagan con el ahorro de cada factura."),
            ),
        ),
    ),
    "food": Subject(
        sdgs=(2, 12, 1),
        targets=("low-income-households", "children-youth", "older-people"),
        approaches=("service-delivery", "public-participation", "public-private-partnership"),
        topic=tr("urban food systems", "les systèmes alimentaires urbains", "los sistemas alimentarios urbanos"),
        problem=tr(
            "One household in five skipped meals, while markets threw away tonnes of fresh produce.",
            "Un foyer sur cinq sautait des repas, tandis que les marchés jetaient des tonnes de produits frais.",
            "Uno de cada cinco hogares se saltaba comidas mientras los mercados tiraban toneladas de productos frescos.",
        ),
        practices=(
            Practice(
                "food-bank",
                tr(("a food bank", "a food pantry"), ("une banque alimentaire", "une épicerie solidaire"),
                   ("un banco de alimentos", "una despensa solidaria")),
                tr("Unsold food from markets and shops is collected every morning and shared out the same day.",
                   "Les invendus des marchés et des commerces sont collectés chaque matin et distribués le jour même.",
                   "Los excedentes de mercados y comercios se recogen cada mañana y se reparten el mismo día."),
            ),
            Practice(
                "community-gardens",
                tr(("a network of community gardens", "an urban farming programme"),
                   ("un réseau de jardins partagés", "un programme d'agriculture urbaine"),
                   ("una red de huertos comunitarios", "un programa de agricultura urbana")),
                tr("Vacant plots become vegetable gardens tended by neighbours and school classes.",
                   "Des terrains vacants deviennent des potagers entretenus par les voisins et les classes d'école.",
                   "Solares vacíos se convierten en huertos cuidados por el vecindario y las clases de los colegios."),
            ),
        ),
    ),
    "waste": Subject(
        sdgs=(12, 11, 14),
        targets=("low-income-households", "women-girls"),
        approaches=("service-delivery", "regulation", "public-private-partnership"),
        topic=tr("waste and the circular economy", "les déchets et l'économie circulaire",
                 "los residuos y la economía circular"),
        problem=tr(
            "The landfill was nearly full, and plastic from the streets ended up in the sea.",
            "La décharge était presque pleine, et le plastique des rues finissait dans la mer.",
            "El vertedero estaba casi lleno y el plástico de las calles acababa en el mar.",
        ),
        practices=(
            Practice(
                "waste-pickers",
                tr(("a waste picker cooperative", "an informal recyclers' cooperative"),
                   ("une coopérative de récupérateurs de déchets",),
                   ("una cooperativa de recicladores", "una cooperativa de recolectores de residuos")),
                tr("Informal recyclers are paid by the city for the sorting they already did for free.",
                   "Les récupérateurs informels sont rémunérés par la ville pour le tri qu'ils faisaient déjà gratuitement.",
                   "La ciudad paga a los recicladores informales por la separación que ya hacían gratis."),
            ),
            Practice(
                "repair-cafes",
                tr(("a network of repair cafés",), ("un réseau de repair cafés", "un réseau d'ateliers de réparation"),
                   ("una red de cafés de reparación",)),
                tr("Volunteers fix broken appliances with their owners instead of throwing them away.",
                   "Des bénévoles réparent les appareils en panne avec leurs propriétaires au lieu de les jeter.",
                   "Voluntarios arreglan los aparatos averiados con sus dueños en lugar de tirarlos."),
            ),
        ),
    ),
    "climate": Subject(
        sdgs=(13, 11, 7),
        targets=("older-people", "children-youth", "low-income-households"),
        approaches=("regulation", "infrastructure", "public-participation"),
        topic=tr("climate adaptation", "l'adaptation au changement climatique", "la adaptación al cambio climático"),
        problem=tr(
            "Summers brought longer heatwaves each year, and the oldest residents suffered most.",
            "Les étés apportaient chaque année des canicules plus longues, et les habitants les plus âgés en souffraient le plus.",
            "Cada verano traía olas de calor más largas, y los vecinos de más edad eran los que más sufrían.",
        ),
        practices=(
            Practice(
                "heat-action-plan",
                tr(("a heat action plan", "a heatwave plan"), ("un plan canicule",),
                   ("un plan de acción contra el calor", "un plan contra las olas de calor")),
                tr("Alerts, cool rooms and phone calls to isolated residents start as soon as the heat arrives.",
                   "Alertes, salles rafraîchies et appels aux personnes isolées se déclenchent dès l'arrivée de la chaleur.",
                   "Alertas, salas frescas y llamadas a las personas aisladas se activan en cuanto llega el calor."),
            ),
            Practice(
                "climate-assembly",
                tr(("a citizens' climate assembly",), ("une convention citoyenne pour le climat",),
                   ("una asamblea ciudadana por el clima",)),
                tr("Residents drawn by lot weigh the evidence and propose the city's climate measures.",
                   "Des habitants tirés au sort examinent les faits et proposent les mesures climatiques de la ville.",
                   "Vecinos elegidos por sorteo estudian los datos y proponen las medidas climáticas de la ciudad."),
            ),
        ),
    ),
    "poverty-inequality": Subject(
        sdgs=(1, 10, 8),
        targets=("low-income-households", "migrants-refugees", "women-girls"),
        approaches=("financing-mechanism", "service-delivery"),
        topic=tr("poverty and inequality", "la pauvreté et les inégalités", "la pobreza y la desigualdad"),
        problem=tr(
            "The gap between the richest and poorest districts had widened for a decade.",
            "L'écart entre les quartiers les plus riches et les plus pauvres se creusait depuis dix ans.",
            "La brecha entre los barrios más ricos y los más pobres llevaba una década ensanchándose.",
        ),
        practices=(
            Practice(
                "minimum-income",
                tr(("a guaranteed minimum income", "a basic income pilot"),
                   ("un revenu minimum garanti", "une expérimentation de revenu de base"),
                   ("una renta mínima garantizada", "un piloto de renta básica")),
                tr("Households below the poverty line receive a monthly payment with no strings attached.",
                   "Les foyers sous le seuil de pauvreté reçoivent chaque mois un versement sans conditions.",
                   "Los hogares bajo el umbral de pobreza reciben cada mes un pago sin condiciones."),
            ),
            Practice(
                "social-tariffs",
                tr(("social tariffs on public services",), ("une tarification sociale des services publics",),
                   ("una tarifa social de los servicios públicos",)),
                tr("Transport, water and school meals cost less for families with lower incomes.",
                   "Transports, eau et cantine coûtent moins cher aux familles aux revenus modestes.",
                   "El transporte, el agua y el comedor escolar cuestan menos a las familias con menos ingresos."),
            ),
        ),
    ),
    "care": Subject(
        sdgs=(5, 3, 8),
        targets=("caregivers", "older-people", "women-girls", "people-with-disabilities"),
        approaches=("service-delivery", "regulation", "capacity-building"),
        topic=tr("care", "les soins", "los cuidados"),
        problem=tr(
            "Caring for children and older relatives fell almost entirely on women, unpaid.",
            "S'occuper des enfants et des proches âgés reposait presque entièrement sur les femmes, sans rémunération.",
            "Cuidar de los niños y de los familiares mayores recaía casi por completo en las mujeres, sin remuneración.",
        ),
        practices=(
            Practice(
                "care-blocks",
                tr(("a network of care blocks", "a neighbourhood care system"),
                   ("un réseau de pôles de soins de quartier",),
                   ("una red de manzanas del cuidado", "un sistema de cuidados de barrio")),
                tr("Laundries, classes and day care sit side by side, so caregivers get time back for themselves.",
                   "Laveries, cours et garde d'enfants se trouvent côte à côte, pour que les personnes aidantes retrouvent du temps.",
                   "Lavanderías, cursos y guarderías están uno al lado del otro, para que las personas cuidadoras recuperen tiempo."),
            ),
            Practice(
                "respite-care",
                tr(("a respite care service",), ("un service de répit aux aidants",),
                   ("un servicio de respiro familiar",)),
                tr("Trained staff take over for a few hours a week so family carers can rest.",
                   "Des professionnels formés prennent le relais quelques heures par semaine pour que les aidants familiaux se reposent.",
                   "Personal formado toma el relevo unas horas a la semana para que las familias cuidadoras descansen."),
            ),
        ),
    ),
    "health": Subject(
        sdgs=(3, 10, 6),
        targets=("older-people", "children-youth", "low-income-households", "people-with-disabilities"),
        approaches=("service-delivery", "digital-tools", "capacity-building"),
        topic=tr("public health", "la santé publique", "la salud pública"),
        problem=tr(
            "Clinics were far from the poorest districts, and many illnesses were caught too late.",
            "Les centres de santé étaient loin des quartiers les plus pauvres, et beaucoup de maladies étaient détectées trop tard.",
            "Los centros de salud quedaban lejos de los barrios más pobres y muchas enfermedades se detectaban demasiado tarde.",
        ),
        practices=(
            Practice(
                "community-health-workers",
                tr(("a community health worker programme",), ("un programme d'agents de santé communautaires",),
                   ("un programa de promotores de salud comunitaria",)),
                tr("Health workers recruited in each district visit homes, vaccinate and refer patients early.",
                   "Des agents recrutés dans chaque quartier font des visites à domicile, vaccinent et orientent tôt les malades.",
                   "Promotores reclutados en cada barrio visitan los hogares, vacunan y derivan pronto a los pacientes."),
            ),
            Practice(
                "mobile-clinics",
                tr(("a fleet of mobile clinics",), ("une flotte de cliniques mobiles",),
                   ("una flota de clínicas móviles",)),
                tr("Vans equipped as surgeries stop in each neighbourhood on fixed days.",
                   "Des camionnettes équipées en cabinets médicaux s'arrêtent dans chaque quartier à jours fixes.",
                   "Furgonetas equipadas como consultorios paran en cada barrio en días fijos."),
            ),
        ),
    ),
    "economic-opportunity": Subject(
        sdgs=(8, 10, 4),
        targets=("children-youth", "women-girls", "migrants-refugees"),
        approaches=("capacity-building", "financing-mechanism", "public-private-partnership"),
        topic=tr("fair access to jobs", "l'accès équitable à l'emploi", "el acceso equitativo al empleo"),
        problem=tr(
            "Young people in the outer districts were twice as likely to be out of work.",
            "Les jeunes des quartiers périphériques étaient deux fois plus souvent sans emploi.",
            "Los jóvenes de los barrios periféricos tenían el doble de probabilidades de estar sin trabajo.",
        ),
        practices=(
            Practice(
                "microcredit",
                tr(("a small-business microcredit fund",), ("un fonds de microcrédit aux petites entreprises",),
                   ("un fondo de microcréditos a pequeños negocios",)),
                tr("Small loans and mentoring help street vendors and home businesses grow.",
                   "De petits prêts et un accompagnement aident les vendeurs de rue et les entreprises à domicile à grandir.",
                   "Pequeños préstamos y acompañamiento ayudan a crecer a vendedores ambulantes y negocios familiares."),
            ),
            Practice(
                "youth-apprenticeships",
                tr(("a youth apprenticeship programme",), ("un programme d'apprentissage des jeunes",),
                   ("un programa de aprendices jóvenes",)),
                tr("Local firms train young people on the job, with the city paying part of the wage.",
                   "Des entreprises locales forment des jeunes en poste, la ville prenant en charge une partie du salaire.",
                   "Empresas locales forman a jóvenes en el puesto y la ciudad paga parte del sueldo."),
            ),
        ),
    ),
    "public-space": Subject(
        sdgs=(11, 3, 16),
        targets=("children-youth", "women-girls", "older-people", "people-with-disabilities"),
        approaches=("infrastructure", "public-participation"),
        topic=tr("public space", "l'espace public", "el espacio público"),
        problem=tr(
            "Streets were given over to parked cars, and children had nowhere safe to play.",
            "Les rues étaient livrées aux voitures garées, et les enfants n'avaient aucun endroit sûr où jouer.",
            "Las calles estaban ocupadas por coches aparcados y los niños no tenían dónde jugar con seguridad.",
        ),
        practices=(
            Practice(
                "superblocks",
                tr(("a superblock programme", "a car-free neighbourhood scheme"),
                   ("un programme de super-îlots",), ("un programa de supermanzanas",)),
                tr("Through traffic is kept to the outer streets, and the inner ones become squares and playgrounds.",
                   "La circulation de transit reste sur les rues extérieures, et les rues intérieures deviennent places et aires de jeux.",
                   "El tráfico de paso se queda en las calles exteriores y las interiores se convierten en plazas y zonas de juego."),
            ),
            Practice(
                "pocket-parks",
                tr(("a pocket park programme",), ("un programme de micro-parcs",), ("un programa de parques de bolsillo",)),
                tr("Leftover corners and parking spaces are turned into small green places to sit.",
                   "Des recoins délaissés et des places de stationnement deviennent de petits espaces verts où s'asseoir.",
                   "Rincones olvidados y plazas de aparcamiento se convierten en pequeños espacios verdes donde sentarse."),
            ),
        ),
    ),
    "institutional-frameworks": Subject(
        sdgs=(16, 11, 17),
        targets=("low-income-households", "migrants-refugees"),
        approaches=("regulation", "capacity-building"),
        topic=tr("legal and institutional frameworks", "les cadres juridiques et institutionnels",
                 "los marcos jurídicos e institucionales"),
        problem=tr(
            "Overlapping mandates meant that no authority was clearly responsible for the metropolitan area.",
            "Des compétences enchevêtrées faisaient qu'aucune autorité n'était clairement responsable de l'aire métropolitaine.",
            "Las competencias superpuestas hacían que ninguna autoridad fuera claramente responsable del área metropolitana.",
        ),
        practices=(
            Practice(
                "metropolitan-authority",
                tr(("a metropolitan authority",), ("une autorité métropolitaine",), ("una autoridad metropolitana",)),
                tr("Municipalities pool their powers over transport, water and planning in one accountable body.",
                   "Les communes mettent en commun leurs compétences en transport, en eau et en urbanisme dans un organe responsable.",
                   "Los municipios agrupan sus competencias de transporte, agua y urbanismo en un único organismo responsable."),
            ),
            Practice(
                "transparency-ordinance",
                tr(("a transparency ordinance",), ("une charte de transparence",), ("una ordenanza de transparencia",)),
                tr("Every contract, salary and meeting of the council is published within a week.",
                   "Chaque marché, chaque salaire et chaque réunion du conseil sont publiés dans la semaine.",
                   "Cada contrato, cada sueldo y cada reunión del pleno se publican en el plazo de una semana."),
            ),
        ),
    ),
    "civic-engagement": Subject(
        sdgs=(16, 10, 11),
        targets=("children-youth", "migrants-refugees", "women-girls"),
        approaches=("public-participation", "digital-tools"),
        topic=tr("civic engagement", "l'engagement civique", "la participación ciudadana"),
        problem=tr(
            "Turnout in local elections had fallen below a third, and trust in the council with it.",
            "La participation aux élections locales était tombée sous le tiers, et la confiance dans le conseil avec elle.",
            "La participación en las elecciones locales había caído por debajo de un tercio, y con ella la confianza en el ayuntamiento.",
        ),
        practices=(
            Practice(
                "participatory-budgeting",
                tr(("participatory budgeting", "a participatory budget"), ("un budget participatif",),
                   ("un presupuesto participativo",)),
                tr("Residents propose and vote on projects for part of the investment budget every year.",
                   "Chaque année, les habitants proposent et votent des projets pour une part du budget d'investissement.",
                   "Cada año los vecinos proponen y votan proyectos para una parte del presupuesto de inversión."),
            ),
            Practice(
                "youth-council",
                tr(("a youth council",), ("un conseil municipal des jeunes",), ("un consejo municipal de la juventud",)),
                tr("Elected young people advise the mayor and manage a budget of their own.",
                   "Des jeunes élus conseillent le maire et gèrent leur propre budget.",
                   "Jóvenes elegidos asesoran a la alcaldía y gestionan un presupuesto propio."),
            ),
        ),
    ),
    "metropolitan-planning": Subject(
        sdgs=(11, 15, 2),
        targets=("low-income-households",),
        approaches=("regulation", "infrastructure"),
        topic=tr("metropolitan planning", "la planification métropolitaine", "la planificación metropolitana"),
        problem=tr(
            "The city kept spreading onto farmland while villages on its edge lost their services.",
            "La ville s'étalait sur les terres agricoles tandis que les villages de sa périphérie perdaient leurs services.",
            "La ciudad seguía extendiéndose sobre tierras de cultivo mientras los pueblos de su entorno perdían servicios.",
        ),
        practices=(
            Practice(
                "green-belt",
                tr(("a metropolitan green belt",), ("une ceinture verte métropolitaine",),
                   ("un cinturón verde metropolitano",)),
                tr("Farmland around the city is protected by law and linked to urban markets.",
                   "Les terres agricoles autour de la ville sont protégées par la loi et reliées aux marchés urbains.",
                   "Las tierras agrícolas que rodean la ciudad están protegidas por ley y conectadas con los mercados urbanos."),
            ),
            Practice(
                "regional-plan",
                tr(("a joint regional plan",), ("un schéma de cohérence territoriale",),
                   ("un plan territorial metropolitano",)),
                tr("Neighbouring municipalities agree where to build, where to farm and where to leave nature alone.",
                   "Les communes voisines s'accordent sur où construire, où cultiver et où laisser la nature tranquille.",
                   "Los municipios vecinos acuerdan dónde construir, dónde cultivar y dónde dejar en paz la naturaleza."),
            ),
        ),
    ),
    "finance": Subject(
        sdgs=(17, 16, 11),
        targets=("low-income-households",),
        approaches=("financing-mechanism", "public-private-partnership", "digital-tools"),
        topic=tr("municipal finance", "les finances municipales", "las finanzas municipales"),
        problem=tr(
            "Half the properties paid no tax, and the city could not borrow for new infrastructure.",
            "La moitié des propriétés ne payaient aucun impôt, et la ville ne pouvait pas emprunter pour de nouvelles infrastructures.",
            "La mitad de las propiedades no pagaba impuestos y la ciudad no podía endeudarse para nuevas infraestructuras.",
        ),
        practices=(
            Practice(
                "green-bond",
                tr(("a municipal green bond",), ("une obligation verte municipale",), ("un bono verde municipal",)),
                tr("Investors fund climate projects whose results are reported to them each year.",
                   "Des investisseurs financent des projets climatiques dont les résultats leur sont rendus chaque année.",
                   "Inversores financian proyectos climáticos cuyos resultados se les rinden cada año."),
            ),
            Practice(
                "property-tax-register",
                tr(("a digital property tax register",), ("un cadastre fiscal numérique",),
                   ("un catastro fiscal digital",)),
                tr("Mapping every plot from the air doubled the revenue from property tax.",
                   "La cartographie aérienne de chaque parcelle a doublé les recettes de la taxe foncière.",
                   "Cartografiar cada parcela desde el aire duplicó la recaudación del impuesto predial."),
            ),
        ),
    ),
    "gender-mainstreaming": Subject(
        sdgs=(5, 10, 16),
        targets=("women-girls", "lgbti"),
        approaches=("regulation", "capacity-building"),
        topic=tr("gender mainstreaming", "l'intégration du genre dans les politiques",
                 "la transversalidad de género"),
        problem=tr(
            "Budgets and plans were drawn up without asking who would benefit, men or women.",
            "Budgets et projets étaient élaborés sans se demander à qui ils profiteraient, aux hommes ou aux femmes.",
            "Los presupuestos y los planes se elaboraban sin preguntarse a quién beneficiarían, a hombres o a mujeres.",
        ),
        practices=(
            Practice(
                "gender-budgeting",
                tr(("gender budgeting", "a gender-responsive budget"), ("une budgétisation sensible au genre",),
                   ("un presupuesto con perspectiva de género",)),
                tr("Every budget line is checked for how it affects women and men differently.",
                   "Chaque ligne du budget est examinée selon ses effets différents sur les femmes et les hommes.",
                   "Cada partida del presupuesto se revisa según cómo afecta de forma distinta a mujeres y hombres."),
            ),
            Practice(
                "equality-plan",
                tr(("a municipal equality plan",), ("un plan municipal pour l'égalité",),
                   ("un plan municipal de igualdad",)),
                tr("Each department commits to measurable equality goals and reports on them every year.",
                   "Chaque service s'engage sur des objectifs d'égalité mesurables et en rend compte chaque année.",
                   "Cada área se compromete con objetivos de igualdad medibles y rinde cuentas cada año."),
            ),
        ),
    ),
    "womens-leadership": Subject(
        sdgs=(5, 16, 8),
        targets=("women-girls",),
        approaches=("capacity-building", "public-participation"),
        topic=tr("women's leadership", "le leadership des femmes", "el liderazgo de las mujeres"),
        problem=tr(
            "Fewer than one councillor in five was a woman, and few stood for election at all.",
            "Moins d'un conseiller sur cinq était une femme, et peu se présentaient aux élections.",
            "Menos de una de cada cinco concejalías la ocupaba una mujer, y pocas se presentaban a las elecciones.",
        ),
        practices=(
            Practice(
                "leadership-academy",
                tr(("a women's leadership academy",), ("une école du leadership féminin",),
                   ("una escuela de liderazgo femenino",)),
                tr("Women from every district are trained in public speaking, budgets and campaigning.",
                   "Des femmes de tous les quartiers sont formées à la prise de parole, aux budgets et aux campagnes électorales.",
                   "Mujeres de todos los barrios se forman en hablar en público, presupuestos y campañas."),
            ),
            Practice(
                "mentoring-network",
                tr(("a mentoring network of women mayors and councillors",), ("un réseau de mentorat entre élues",),
                   ("una red de mentoría entre alcaldesas y concejalas",)),
                tr("Experienced mayors and councillors each guide a newcomer through her first term.",
                   "Des maires et conseillères expérimentées accompagnent chacune une nouvelle élue pendant son premier mandat.",
                   "Alcaldesas y concejalas con experiencia acompañan cada una a una recién elegida durante su primer mandato."),
            ),
        ),
    ),
    "safety-gender-violence": Subject(
        sdgs=(5, 16, 11),
        targets=("women-girls", "lgbti", "children-youth"),
        approaches=("service-delivery", "infrastructure", "digital-tools"),
        topic=tr("safety and gender-based violence", "la sécurité et les violences faites aux femmes",
                 "la seguridad y la violencia de género"),
        problem=tr(
            "Most women avoided certain streets after dark, and few reported the harassment they faced.",
            "La plupart des femmes évitaient certaines rues la nuit, et peu signalaient le harcèlement subi.",
            "La mayoría de las mujeres evitaba ciertas calles de noche y pocas denunciaban el acoso que sufrían.",
        ),
        practices=(
            Practice(
                "safety-audits",
                tr(("women's safety audits", "exploratory safety walks"), ("des marches exploratoires de femmes",),
                   ("unas marchas exploratorias de mujeres",)),
                tr("Groups of women walk their neighbourhood at night and list what must change: lighting, paths, benches.",
                   "Des groupes de femmes parcourent leur quartier la nuit et listent ce qui doit changer : éclairage, cheminements, bancs.",
                   "Grupos de mujeres recorren su barrio de noche y anotan lo que debe cambiar: iluminación, caminos, bancos."),
            ),
            Practice(
                "survivor-centres",
                tr(("a network of survivor support centres",),
                   ("un réseau de centres d'accueil des victimes de violences",),
                   ("una red de centros de atención a víctimas de violencia",)),
                tr("Legal, medical and psychological help is available day and night in one place.",
                   "Aide juridique, médicale et psychologique est disponible jour et nuit en un seul lieu.",
                   "La ayuda jurídica, médica y psicológica está disponible día y noche en un solo lugar."),
            ),
        ),
    ),
    "gender-data": Subject(
        sdgs=(5, 17, 10),
        targets=("women-girls", "lgbti"),
        approaches=("digital-tools", "capacity-building"),
        topic=tr("gender data", "les données de genre", "los datos de género"),
        problem=tr(
            "Almost no city statistic was broken down by sex, so inequalities stayed invisible.",
            "Presque aucune statistique de la ville n'était ventilée par sexe, si bien que les inégalités restaient invisibles.",
            "Casi ninguna estadística de la ciudad estaba desagregada por sexo, así que las desigualdades seguían siendo invisibles.",
        ),
        practices=(
            Practice(
                "gender-observatory",
                tr(("a gender equality observatory",), ("un observatoire de l'égalité femmes-hommes",),
                   ("un observatorio de igualdad de género",)),
                tr("Indicators broken down by sex and district are published and discussed every year.",
                   "Des indicateurs ventilés par sexe et par quartier sont publiés et débattus chaque année.",
                   "Indicadores desagregados por sexo y barrio se publican y se debaten cada año."),
            ),
            Practice(
                "time-use-survey",
                tr(("a time-use survey",), ("une enquête emploi du temps",), ("una encuesta de uso del tiempo",)),
                tr("Residents log a day of their lives, showing who carries the unpaid work at home.",
                   "Des habitants consignent une journée de leur vie, ce qui montre qui assume le travail non rémunéré.",
                   "Los vecinos anotan un día de su vida, lo que muestra quién carga con el trabajo no remunerado."),
            ),
        ),
    ),
}  # fmt: skip

# Target groups as they read in a sentence, each containing the group's own label.
TARGETS = {
    "children-youth": tr("children and youth", "les enfants et jeunes", "la niñez y juventud"),
    "older-people": tr("older people", "les personnes âgées", "las personas mayores"),
    "women-girls": tr("women and girls", "les femmes et filles", "las mujeres y niñas"),
    "migrants-refugees": tr("migrants and refugees", "les personnes migrantes et réfugiées",
                            "las personas migrantes y refugiadas"),
    "people-with-disabilities": tr("people with disabilities", "les personnes handicapées",
                                   "las personas con discapacidad"),
    "low-income-households": tr("low-income households", "les ménages à faible revenu",
                                "los hogares de bajos ingresos"),
    "caregivers": tr("caregivers", "les personnes aidantes", "las personas cuidadoras"),
    "lgbti": tr("LGBTI people", "les personnes LGBTI", "las personas LGBTI"),
}  # fmt: skip

# Approaches as the way a project works, after "The project relies on" in each language.
APPROACHES = {
    "public-participation": tr("public participation", "la participation citoyenne", "la participación ciudadana"),
    "public-private-partnership": tr("a public-private partnership", "un partenariat public-privé",
                                     "una alianza público-privada"),
    "digital-tools": tr("digital tools and data", "les outils numériques et les données",
                        "las herramientas digitales y los datos"),
    "regulation": tr("new regulation and policy", "une nouvelle réglementation", "una nueva regulación"),
    "financing-mechanism": tr("a dedicated financing mechanism", "un mécanisme de financement dédié",
                              "un mecanismo de financiación propio"),
    "infrastructure": tr("infrastructure and urban design", "les infrastructures et l'aménagement urbain",
                         "la infraestructura y el diseño urbano"),
    "capacity-building": tr("capacity building and training", "le renforcement des capacités et la formation",
                            "el fortalecimiento de capacidades y la formación"),
    "service-delivery": tr("public service delivery", "la prestation de services publics",
                           "la prestación de servicios públicos"),
}  # fmt: skip

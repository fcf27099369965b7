"""More practice names an audit found in no set, so that a search for one name of a
practice finds the cases that use another (a language buddy scheme and a "parrainage
linguistique", a metropolitan authority and an "autoridad metropolitana"...).

The data is kept here rather than in a data file, so this migration does what it did
when it was written. The rules are those of 0005 and 0007, so nothing an editor wrote
is lost: two sets are merged only while both exist and fit the set's limit together; a
list of added names goes only to the set that still holds its key term, without the
names some set holds already, and within the limit; a new set is created only when
none of its names is in a set already (an editor may have made one)."""

from importlib import import_module

from django.db import migrations

practice_synonyms = import_module("search.migrations.0005_practice_synonyms")
# Its helpers merge and extend sets under the same rules.
sponge_city = import_module("search.migrations.0007_sponge_city_synonyms")

# (the key term of the set that stays, the key term of the set it takes in)
MERGES = [
    # Solar panels in a city are mostly put on its roofs: one practice to those who search.
    ("rooftop solar", "solar panels"),
    # The starter set and the practice set (0005) name the same energy renovation.
    ("energy retrofit", "building retrofit"),
]

ADDITIONS = {
    # Cycle lanes and the network they make, protected or not.
    "bike lane": [
        "cycle network",
        "protected bike lane",
        "segregated cycle lane",
        "cycle track",
        "réseau cyclable",
        "piste cyclable sécurisée",
        "piste cyclable protégée",
        "réseau express vélo",
        "red ciclista",
        "red de ciclovías",
        "ciclovía protegida",
        "carril bici protegido",
    ],
    "rooftop solar": [
        "solar pv",
        "panneaux solaires sur les toits",
        "paneles solares en tejados",
    ],
    "community energy": [
        "community solar",
        "solaire citoyen",
        "energía solar comunitaria",
    ],
    "energy retrofit": [
        "building insulation",
        "isolation thermique des bâtiments",
        "aislamiento térmico de edificios",
    ],
    "urban agriculture": [
        "community gardens",
        "allotment garden",
        "jardins partagés",
        "jardin communautaire",
        "jardins familiaux",
        "jardín comunitario",
        "jardines comunitarios",
        "huerta comunitaria",
    ],
    "housing cooperative": [
        "cohousing",
        "coopérative d'habitation",
        "vivienda colaborativa",
        "cooperativa en cesión de uso",
    ],
    "metropolitan governance": [
        "metropolitan authority",
        "metropolitan government",
        "combined authority",
        "autorité métropolitaine",
        "gouvernement métropolitain",
        "autoridad metropolitana",
        "gobierno metropolitano",
        "ente metropolitano",
    ],
    "waste pickers": [
        "waste picker cooperative",
        "récupérateurs de déchets",
        "coopérative de récupérateurs",
        "cooperativa de recicladores",
        "recicladores de base",
        "recuperadores urbanos",
    ],
    "minimum income": [
        "guaranteed minimum income",
        "guaranteed income",
        "universal basic income",
        "revenu minimum garanti",
        "revenu universel",
        "renta mínima",
        "renta mínima garantizada",
        "ingreso mínimo vital",
        "ingreso básico",
    ],
    "care blocks": [
        "neighbourhood care system",
        "local care system",
        "sistema distrital de cuidado",
    ],
    "microcredit": [
        "microlending",
        "microcredit fund",
        "microprêt",
        "fonds de microcrédit",
        "micropréstamos",
        "fondo de microcréditos",
    ],
    "superblock": [
        "low traffic neighbourhood",
        "car-free neighbourhood",
        "quartier apaisé",
        "quartier sans voiture",
        "barrio sin coches",
        "barrio pacificado",
    ],
    "participatory budgeting": [
        "participatory budget",
        "budgets participatifs",
        "presupuestos participativos",
    ],
    "property tax": [
        "property tax register",
        "fiscal cadastre",
        "cadastre fiscal",
        "catastro fiscal",
        "avalúo catastral",
    ],
    "gender budgeting": [
        "gender-responsive budget",
        "gender budget",
        "presupuestos con enfoque de género",
    ],
    "safety audit": [
        "safety walk",
        "exploratory safety walk",
        "marche exploratoire de femmes",
        "marcha exploratoria de mujeres",
    ],
    "women's shelter": [
        "domestic violence shelter",
        "survivor support centre",
        "centre d'accueil des victimes de violences",
        "refuge pour femmes",
        "centro de atención a la mujer",
        "centro de atención a víctimas",
        "casa de acogida",
        "refugio para mujeres",
    ],
    "open data": [
        "open data portal",
        "portail de données ouvertes",
        "portail open data",
        "portal de datos abiertos",
    ],
    "drinking water": [
        "piped water",
        "drinking water network",
        "réseau d'eau potable",
        "red de agua potable",
        "agua entubada",
    ],
    "wastewater": [
        "wastewater treatment",
        "wastewater treatment plant",
        "sewage treatment",
        "traitement des eaux usées",
        "station d'épuration",
        "tratamiento de aguas residuales",
        "planta de tratamiento de aguas residuales",
        "depuradora",
    ],
}

SETS = [
    [
        "scenario workshop",
        "scenario planning",
        "futures workshop",
        "atelier de scénarios",
        "atelier de prospective",
        "planification par scénarios",
        "taller de escenarios",
        "taller de prospectiva",
        "planificación por escenarios",
    ],
    [
        "urban foresight",
        "strategic foresight",
        "foresight unit",
        "futures lab",
        "prospective urbaine",
        "prospective territoriale",
        "cellule de prospective",
        "laboratoire des futurs",
        "prospectiva urbana",
        "prospectiva estratégica",
        "unidad de prospectiva",
        "laboratorio de futuros",
    ],
    [
        "welcome centre",
        "welcome center",
        "newcomer reception centre",
        "migrant resource centre",
        "guichet unique d'accueil",
        "centre d'accueil des migrants",
        "accueil des primo-arrivants",
        "oficina de acogida",
        "oficina única de acogida",
        "centro de atención al migrante",
    ],
    [
        "language buddy scheme",
        "language buddy",
        "language mentoring",
        "language tandem",
        "parrainage linguistique",
        "tandem linguistique",
        "binôme linguistique",
        "mentoría lingüística",
        "intercambio de idiomas",
        "pareja lingüística",
    ],
    [
        "social tariff",
        "tarification sociale",
        "tarif social",
        "tarification solidaire",
        "tarifa social",
        "tarifa solidaria",
        "bono social",
    ],
    [
        "respite care",
        "carer respite",
        "respite for carers",
        "répit des aidants",
        "service de répit",
        "aide aux aidants",
        "relayage",
        "respiro familiar",
        "descanso del cuidador",
        "programa de respiro",
    ],
    [
        "youth council",
        "municipal youth council",
        "youth parliament",
        "conseil municipal des jeunes",
        "conseil des jeunes",
        "conseil de la jeunesse",
        "consejo de la juventud",
        "consejo municipal de la juventud",
        "consejo local de la juventud",
        "parlamento joven",
    ],
    [
        "equality plan",
        "gender equality plan",
        "municipal equality plan",
        "plan pour l'égalité",
        "plan d'égalité",
        "plan égalité femmes-hommes",
        "plan de igualdad",
        "plan municipal pour l'égalité",
        "plan municipal de igualdad",
        "plan de igualdad de género",
    ],
    [
        "women's leadership programme",
        "women's leadership academy",
        "leadership training for women",
        "leadership féminin",
        "école du leadership féminin",
        "formation au leadership des femmes",
        "liderazgo femenino",
        "escuela de liderazgo femenino",
        "formación en liderazgo para mujeres",
    ],
    [
        "women's political participation",
        "women in local government",
        "women councillors",
        "mentoring for women councillors",
        "political mentoring",
        "mentorat politique",
        "mentoría política",
        "participation politique des femmes",
        "femmes élues",
        "mentorat entre élues",
        "participación política de las mujeres",
        "mujeres electas",
        "mentoría entre concejalas",
    ],
    [
        "gender observatory",
        "gender equality observatory",
        "observatoire de l'égalité",
        "observatoire de l'égalité femmes-hommes",
        "observatorio de género",
        "observatorio de igualdad de género",
    ],
    [
        "time-use survey",
        "time use survey",
        "time-use study",
        "enquête emploi du temps",
        "enquête sur l'emploi du temps",
        "encuesta de uso del tiempo",
        "encuesta sobre el uso del tiempo",
    ],
]


def install(apps, schema_editor):
    synonym_set = apps.get_model("search", "SynonymSet")
    holder = sponge_city.holders(synonym_set)
    for kept_term, taken_term in MERGES:
        sponge_city.merge_sets(holder, kept_term, taken_term)
    for anchor, added in ADDITIONS.items():
        sponge_city.add_terms(holder, anchor, added)
    key = practice_synonyms.key
    synonym_set.objects.bulk_create(
        synonym_set(terms="\n".join(terms)) for terms in SETS if not any(key(term) in holder for term in terms)
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0007_sponge_city_synonyms")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]

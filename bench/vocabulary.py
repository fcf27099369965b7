"""Words visitors of an urban-practice site type, in each interface language, and
searches made of them that nobody asked before: the page cache cannot answer those,
so they measure what a search itself costs (`make load-search`,
bench/unique_search_bench.py).

About a hundred words per language (three hundred in all): subjects, places' kinds,
people and means, as a city officer writes them. Two or three of them make
1,000,000 different questions per language, so a search repeats only when the
caller asks for more than that.
"""

import random

WORDS = {
    "en": """housing water mobility health care climate energy waste recycling transport bus cycling
        walking park garden tree flood heat air pollution noise school children youth women elderly
        migrants homeless poverty jobs employment training digital data participation budget
        governance neighbourhood slum informal settlement land rent tenant social inclusion gender
        violence safety police lighting street public space market food hunger nutrition agriculture
        urban farming culture heritage tourism sport library museum festival coastal river drainage
        sanitation toilet hospital clinic vaccine pandemic covid emergency resilience disaster earthquake
        drought solar building retrofit insulation density planning zoning metro tram railway parking
        electric vehicle logistics circular economy cooperative microcredit finance tax innovation
        startup accessibility disability""",
    "fr": """logement eau mobilité santé soins climat énergie déchets recyclage transport bus vélo
        marche parc jardin arbre inondation chaleur air pollution bruit école enfants jeunesse femmes
        aînés migrants sans-abri pauvreté emploi travail formation numérique données participation
        budget gouvernance quartier bidonville informel habitat foncier loyer locataire inclusion genre
        violence sécurité police éclairage rue espace public marché alimentation faim nutrition
        agriculture urbaine culture patrimoine tourisme sport bibliothèque musée festival littoral
        fleuve assainissement toilettes hôpital clinique vaccin pandémie urgence résilience catastrophe
        séisme sécheresse solaire bâtiment rénovation isolation densité urbanisme zonage métro tramway
        train stationnement électrique véhicule logistique circulaire économie coopérative microcrédit
        finances impôt innovation entreprise accessibilité handicap cantine""",
    "es": """vivienda agua movilidad salud cuidados clima energía residuos reciclaje transporte autobús
        bicicleta caminar parque jardín árbol inundación calor aire contaminación ruido escuela niños
        juventud mujeres mayores migrantes indigencia pobreza empleo trabajo formación digital datos
        participación presupuesto gobernanza barrio asentamiento informal suelo alquiler inquilino
        inclusión género violencia seguridad policía alumbrado calle espacio público mercado alimentos
        hambre nutrición agricultura urbana cultura patrimonio turismo deporte biblioteca museo festival
        costa río drenaje saneamiento baños hospital clínica vacuna pandemia emergencia resiliencia
        desastre sismo sequía solar edificio rehabilitación aislamiento densidad planificación metro
        tranvía tren aparcamiento eléctrico vehículo logística circular economía cooperativa
        microcrédito finanzas impuesto innovación empresa accesibilidad discapacidad comedor""",
}
WORDS = {language: words.split() for language, words in WORDS.items()}


class UniqueSearches:
    """Questions of two or three words in one language, none asked twice by one
    instance (a seeded one repeats its sequence from run to run)."""

    def __init__(self, seed=None):
        self.pick = random.Random(seed)  # noqa: S311 - which words a simulated visitor types
        self.asked = set()

    def question(self, language):
        while True:
            words = self.pick.sample(WORDS[language], self.pick.choice((2, 2, 3)))
            text = " ".join(words)
            if (language, text) not in self.asked:
                self.asked.add((language, text))
                return text

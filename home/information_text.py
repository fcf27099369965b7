"""The first text of the information pages, in each language: a truthful starting
point that the operator edits in the CMS (set-up never overwrites an edited page).
Each language is written for its readers, not assembled from the English."""

ABOUT = {
    "en": {
        "title": "About",
        "slug": "about",
        "body": (
            "<p>Cities Exchange is where cities and metropolitan areas share what worked for them: good "
            "practices told as case studies, the experts who led them, and collections on the questions cities "
            "face together, such as the response to COVID-19 or local care systems.</p>"
            "<h2>Who it is for</h2>"
            "<p>Elected officials, city staff, researchers and practitioners who want to learn from other "
            "cities before starting a project of their own, and to reach the people who already did it.</p>"
            "<h2>How it works</h2>"
            "<p>Member cities publish their practices in English, French or Spanish; editors review every "
            "case before it goes online. Search finds a practice in any of the three languages, and every city "
            "has a page with its practices and the cities most like it.</p>"
        ),
    },
    "fr": {
        "title": "À propos",
        "slug": "a-propos",
        "body": (
            "<p>Cities Exchange est le lieu où les villes et les aires métropolitaines partagent ce qui a "
            "fonctionné chez elles&nbsp;: des bonnes pratiques racontées sous forme d’études de cas, les expertes et "
            "experts qui les ont menées, et des collections consacrées aux questions que les villes affrontent "
            "ensemble, comme la réponse à la COVID-19 ou les systèmes locaux de soins.</p>"
            "<h2>À qui s’adresse la plateforme</h2>"
            "<p>Aux élus, aux équipes municipales, aux chercheurs et aux praticiens qui veulent s’inspirer "
            "d’autres villes avant de lancer leur propre projet, et joindre celles et ceux qui l’ont déjà "
            "mené.</p>"
            "<h2>Comment elle fonctionne</h2>"
            "<p>Les villes membres publient leurs pratiques en français, en anglais ou en espagnol&nbsp;; l’équipe "
            "éditoriale relit chaque cas avant sa mise en ligne. La recherche trouve une pratique dans les trois "
            "langues, et chaque ville a sa page, avec ses pratiques et les villes qui lui ressemblent le "
            "plus.</p>"
        ),
    },
    "es": {
        "title": "Acerca de",
        "slug": "acerca-de",
        "body": (
            "<p>Cities Exchange es el lugar donde las ciudades y las áreas metropolitanas comparten lo que les "
            "ha funcionado: buenas prácticas contadas como estudios de caso, las personas expertas que las "
            "impulsaron y colecciones sobre los desafíos que las ciudades enfrentan juntas, como la respuesta a "
            "la COVID-19 o los sistemas locales de cuidados.</p>"
            "<h2>A quién se dirige</h2>"
            "<p>A cargos electos, personal municipal, investigadores y profesionales que quieren aprender de "
            "otras ciudades antes de emprender su propio proyecto, y contactar con quienes ya lo hicieron.</p>"
            "<h2>Cómo funciona</h2>"
            "<p>Las ciudades miembro publican sus prácticas en español, inglés o francés; el equipo editorial "
            "revisa cada caso antes de publicarlo. El buscador encuentra una práctica en cualquiera de los tres "
            "idiomas, y cada ciudad tiene su página, con sus prácticas y las ciudades que más se le "
            "parecen.</p>"
        ),
    },
}

CONTACT = {
    "en": {
        "title": "Contact",
        "slug": "contact",
        "body": (
            "<p>Write to the team that runs Cities Exchange with questions about the platform, to propose a "
            "collection, to report an error in a case study or to ask for your city to join the network.</p>"
            "<p>To reach an expert, open their profile and use its contact form: experts receive your message "
            "in their member area, and their own e-mail address is never shown.</p>"
        ),
    },
    "fr": {
        "title": "Contact",
        "slug": "contact",
        "body": (
            "<p>Écrivez à l’équipe qui anime Cities Exchange pour toute question sur la plateforme, pour "
            "proposer une collection, signaler une erreur dans une étude de cas ou demander l’adhésion de votre "
            "ville au réseau.</p>"
            "<p>Pour joindre un expert, ouvrez son profil et utilisez son formulaire de contact&nbsp;: il reçoit "
            "votre message dans son espace membre, et son adresse électronique n’est jamais affichée.</p>"
        ),
    },
    "es": {
        "title": "Contacto",
        "slug": "contacto",
        "body": (
            "<p>Escriba al equipo que gestiona Cities Exchange si tiene preguntas sobre la plataforma, quiere "
            "proponer una colección, señalar un error en un estudio de caso o solicitar que su ciudad se una a "
            "la red.</p>"
            "<p>Para contactar con una persona experta, abra su perfil y use el formulario de contacto: recibe "
            "su mensaje en su área de miembro y su dirección de correo nunca se muestra.</p>"
        ),
    },
}

PRIVACY = {
    "en": {
        "title": "Privacy",
        "slug": "privacy",
        "body": (
            "<p>Cities Exchange keeps only what it needs to run the platform, and never sells or shares it for "
            "advertising. There are no advertising or tracking cookies.</p>"
            "<h2>What we store</h2>"
            "<ul>"
            "<li><b>Accounts</b>: your e-mail address, your name and your password, stored only as a one-way "
            "hash, so that you can sign in.</li>"
            "<li><b>Expert profiles</b>: what you choose to publish on your profile, which everyone can "
            "read.</li>"
            "<li><b>Messages</b>: the messages you exchange with experts, kept so that both sides can read the "
            "conversation; moderators read a message only when someone reports it.</li>"
            "<li><b>Saved searches</b>: the words and filters of the searches you save and how often you want "
            "an e-mail about them; every alert carries a link to unsubscribe.</li>"
            "<li><b>Logs</b>: the server records the address of each request, the page asked for and the time, "
            "to keep the service running and stop abuse; counters of failed sign-ins expire after a few "
            "minutes.</li>"
            "</ul>"
            "<h2>Cookies</h2>"
            "<p>A session cookie keeps you signed in; other short-lived cookies protect the forms and carry "
            "one-off notices such as “message sent”. None of them follows you to other sites.</p>"
            "<h2>Your rights</h2>"
            "<p>You can correct your profile at any time and delete your account from your member area: this "
            "erases your profile in every language, your pictures, your messages and your account. Case studies "
            "you contributed stay published without your name. For any other request, write to us through the "
            "contact page.</p>"
        ),
    },
    "fr": {
        "title": "Confidentialité",
        "slug": "confidentialite",
        "body": (
            "<p>Cities Exchange ne conserve que ce qui est nécessaire au fonctionnement de la plateforme, et ne "
            "le vend ni ne le partage jamais à des fins publicitaires. Aucun cookie publicitaire ou de suivi "
            "n’est utilisé.</p>"
            "<h2>Ce que nous conservons</h2>"
            "<ul>"
            "<li><b>Comptes</b>&nbsp;: votre adresse électronique, votre nom et votre mot de passe, conservé "
            "uniquement sous forme d’empreinte irréversible, pour vous permettre de vous connecter.</li>"
            "<li><b>Profils d’experts</b>&nbsp;: ce que vous choisissez de publier sur votre profil, lisible par "
            "tous.</li>"
            "<li><b>Messages</b>&nbsp;: les messages échangés avec les experts, conservés pour que chacun puisse "
            "relire la conversation&nbsp;; les modérateurs ne lisent un message que s’il leur est signalé.</li>"
            "<li><b>Recherches enregistrées</b>&nbsp;: les mots et les filtres des recherches que vous enregistrez "
            "et la fréquence des alertes choisie&nbsp;; chaque alerte contient un lien de désabonnement.</li>"
            "<li><b>Journaux</b>&nbsp;: le serveur enregistre l’adresse de chaque requête, la page demandée et "
            "l’heure, pour assurer le service et bloquer les abus&nbsp;; les compteurs de connexions échouées "
            "expirent au bout de quelques minutes.</li>"
            "</ul>"
            "<h2>Cookies</h2>"
            "<p>Un cookie de session vous garde connecté&nbsp;; d’autres cookies de courte durée protègent les "
            "formulaires et transmettent des avis ponctuels, comme «&nbsp;message envoyé&nbsp;». "
            "Aucun ne vous suit sur d’autres sites.</p>"
            "<h2>Vos droits</h2>"
            "<p>Vous pouvez corriger votre profil à tout moment et supprimer votre compte depuis votre espace "
            "membre&nbsp;: cela efface votre profil dans toutes les langues, vos images, vos messages et votre "
            "compte. Les études de cas que vous avez proposées restent publiées, sans votre nom. Pour toute "
            "autre demande, écrivez-nous depuis la page de contact.</p>"
        ),
    },
    "es": {
        "title": "Privacidad",
        "slug": "privacidad",
        "body": (
            "<p>Cities Exchange guarda solo lo necesario para que la plataforma funcione, y nunca lo vende ni lo "
            "comparte con fines publicitarios. No usamos cookies de publicidad ni de seguimiento.</p>"
            "<h2>Qué guardamos</h2>"
            "<ul>"
            "<li><b>Cuentas</b>: su dirección de correo, su nombre y su contraseña, guardada solo como huella "
            "irreversible, para que pueda iniciar sesión.</li>"
            "<li><b>Perfiles de personas expertas</b>: lo que usted decide publicar en su perfil, que cualquiera "
            "puede leer.</li>"
            "<li><b>Mensajes</b>: los mensajes que intercambia con personas expertas, guardados para que ambas "
            "partes puedan leer la conversación; el equipo de moderación solo lee un mensaje si alguien lo "
            "denuncia.</li>"
            "<li><b>Búsquedas guardadas</b>: las palabras y los filtros de las búsquedas que guarda y la "
            "frecuencia con la que quiere recibir avisos; cada aviso incluye un enlace para darse de baja.</li>"
            "<li><b>Registros</b>: el servidor anota la dirección de cada petición, la página solicitada y la "
            "hora, para mantener el servicio y frenar abusos; los contadores de inicios de sesión fallidos "
            "caducan a los pocos minutos.</li>"
            "</ul>"
            "<h2>Cookies</h2>"
            "<p>Una cookie de sesión mantiene su sesión abierta; otras cookies de corta duración protegen los "
            "formularios y transmiten avisos puntuales, como «mensaje enviado». Ninguna le sigue a otros "
            "sitios.</p>"
            "<h2>Sus derechos</h2>"
            "<p>Puede corregir su perfil en cualquier momento y eliminar su cuenta desde su área de miembro: "
            "se borran su perfil en todos los idiomas, sus imágenes, sus mensajes y su cuenta. Los estudios de "
            "caso que haya aportado siguen publicados, sin su nombre. Para cualquier otra solicitud, escríbanos "
            "desde la página de contacto.</p>"
        ),
    },
}

TERMS = {
    "en": {
        "title": "Terms of use",
        "slug": "terms",
        "body": (
            "<p>Cities Exchange is free to read. By creating an account you agree to these terms.</p>"
            "<h2>What you publish</h2>"
            "<p>You publish only what you have the right to share: your own words, pictures you took or may "
            "reuse, and facts about your city's work. Case studies may be edited for clarity before they go "
            "online. Unless a page says otherwise, texts may be quoted and shared with a link to their "
            "source.</p>"
            "<h2>Messages between members</h2>"
            "<p>Contact forms are for professional exchange between cities. Advertising, harassment and bulk "
            "messages are not allowed; an expert may block a sender and report a message, and moderators may "
            "close the account that sent it.</p>"
            "<h2>No warranty</h2>"
            "<p>Practices are described by the cities that carried them out. Check them against your own "
            "context before relying on them.</p>"
        ),
    },
    "fr": {
        "title": "Conditions d’utilisation",
        "slug": "conditions",
        "body": (
            "<p>Cities Exchange se consulte librement. En créant un compte, vous acceptez les présentes "
            "conditions.</p>"
            "<h2>Ce que vous publiez</h2>"
            "<p>Vous ne publiez que ce que vous avez le droit de partager&nbsp;: vos propres textes, des images que "
            "vous avez prises ou que vous pouvez réutiliser, et des faits sur l’action de votre ville. Les "
            "études de cas peuvent être retouchées par souci de clarté avant leur mise en ligne. Sauf mention "
            "contraire, les textes peuvent être cités et partagés avec un lien vers leur source.</p>"
            "<h2>Messages entre membres</h2>"
            "<p>Les formulaires de contact servent aux échanges professionnels entre villes. La publicité, le "
            "harcèlement et les envois en masse sont interdits&nbsp;; un expert peut bloquer un expéditeur et "
            "signaler un message, et les modérateurs peuvent fermer le compte qui l’a envoyé.</p>"
            "<h2>Absence de garantie</h2>"
            "<p>Les pratiques sont décrites par les villes qui les ont menées. Vérifiez-les au regard de votre "
            "propre contexte avant de vous en inspirer.</p>"
        ),
    },
    "es": {
        "title": "Condiciones de uso",
        "slug": "condiciones",
        "body": (
            "<p>Cities Exchange es de consulta libre. Al crear una cuenta, usted acepta estas condiciones.</p>"
            "<h2>Lo que publica</h2>"
            "<p>Publique solo lo que tiene derecho a compartir: sus propios textos, imágenes que haya tomado o "
            "pueda reutilizar, y datos sobre el trabajo de su ciudad. Los estudios de caso pueden editarse para "
            "mayor claridad antes de publicarse. Salvo que una página indique lo contrario, los textos pueden "
            "citarse y compartirse con un enlace a su fuente.</p>"
            "<h2>Mensajes entre miembros</h2>"
            "<p>Los formularios de contacto sirven para el intercambio profesional entre ciudades. No se "
            "permiten la publicidad, el acoso ni los envíos masivos; una persona experta puede bloquear a quien "
            "le escribe y denunciar un mensaje, y el equipo de moderación puede cerrar la cuenta que lo "
            "envió.</p>"
            "<h2>Sin garantía</h2>"
            "<p>Las prácticas las describen las ciudades que las llevaron a cabo. Contrástelas con su propio "
            "contexto antes de basarse en ellas.</p>"
        ),
    },
}

# In the footer's order.
INFORMATION_PAGES = (ABOUT, CONTACT, PRIVACY, TERMS)

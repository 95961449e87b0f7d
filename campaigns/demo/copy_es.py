"""The #EndReprisals page in Spanish (the same sections as the English page).

Neutral Spanish for readers in Latin America and Spain alike: "tú" as most
human-rights organisations write it, "video" (accepted on both sides), and
"personas defensoras" where English says "defenders".
"""

import datetime

INDEX = {
    "title": "Campañas",
    "intro": "Por qué hacemos campaña hoy, y lo que nuestras campañas han logrado.",
}

PAGE = {
    "title": "Ayúdanos a poner fin a las represalias en la ONU",
    "strapline": (
        "Nadie debería ser castigado por contar a las Naciones Unidas lo que le "
        "está pasando."
    ),
    "outcome_text": (
        "El Consejo de Derechos Humanos aprobó por consenso una resolución "
        "firme sobre las represalias. Gracias: la campaña alcanzó su objetivo."
    ),
    "listing_summary": (
        "El Consejo de Derechos Humanos aprobó por consenso una resolución "
        "sobre las represalias. Nuestro trabajo continúa."
    ),
}

FIGURE_SOURCE = (
    "Diez años de represalias en los informes del Secretario General de la ONU: "
    "nuestro estudio"
)
FIGURE_LABELS = {
    "709": (
        "casos de intimidación y represalias contra personas que colaboran con "
        "la ONU, recogidos en los informes del Secretario General"
    ),
    "31%": "de esos casos proceden de Oriente Medio y el Norte de África",
    "50%": (
        "de los actuales miembros del Consejo de Derechos Humanos fueron "
        "señalados por represalias en los cinco últimos informes anuales del "
        "Secretario General"
    ),
}

BODY = {
    "intro": (
        "<p>Por primera vez desde 2009, el Consejo de Derechos Humanos aprobó "
        "sin votación una resolución sobre las represalias. En ella se pide al "
        "Secretario General que presente su informe anual sobre intimidación y "
        "represalias a la <b>Asamblea General</b>, donde están representados "
        "los 193 Estados miembros, y no solo al Consejo en Ginebra.</p>"
        "<p>Las represalias contra quienes cooperan con la ONU afectan a toda "
        "la organización. Debatirlas ante todos los Estados es la manera de "
        "prevenirlas y de darles respuesta.</p>"
    ),
    "quote": (
        "Quien aporta pruebas a la ONU debe poder hacerlo con seguridad y sin "
        "que nadie se interponga en su camino."
    ),
    "quote_attribution": "Nuestro equipo de campaña",
    "quote_role": "Ginebra",
    "statement": (
        "<p>Una semana después, el 14 de octubre de 2021, el Reino Unido leyó "
        "ante la Tercera Comisión de la Asamblea General una declaración en "
        "nombre de 80 Estados de todas las regiones, en la que se condenan la "
        "intimidación y las represalias. Era la tercera declaración de este "
        "tipo, y la suscribieron cinco Estados más que en 2020, cuando la "
        "firmaron 75.</p>"
        "<p>El trabajo continúa hasta que todas las personas defensoras puedan "
        "dirigirse a la ONU con libertad y seguridad.</p>"
    ),
    "cta": (
        "¡Únete!",
        "Recibe cada mes nuestras noticias sobre las represalias en la ONU, y "
        "entérate antes que nadie cuando necesitemos tu ayuda.",
        "Suscríbete a la lista de correo",
    ),
    "demands_heading": "¿Qué pedimos?",
    "demands_intro": (
        "La ONU depende de lo que documentan las personas defensoras. Algunos "
        "Estados intentan impedir que lo cuenten, con prohibiciones de viajar, "
        "amenazas, detenciones y cosas peores. Pedimos cuatro cosas."
    ),
    "demands": [
        (
            "Un lugar seguro en la mesa de la ONU para las personas defensoras",
            "Toda persona tiene derecho a acceder a la ONU y a dirigirse a ella "
            "sin miedo.",
        ),
        (
            "Ni intimidación ni represalias",
            "Los Estados y los actores no estatales deben dejar de castigar a "
            "quienes colaboran, o intentan colaborar, con la ONU.",
        ),
        (
            "Estados que alcen la voz y citen casos concretos",
            "Los gobiernos deben condenar públicamente las represalias, plantear "
            "casos concretos y exigir cuentas a sus pares.",
        ),
        (
            "Una ONU que dé seguimiento a cada caso",
            "Cuando se producen represalias, la ONU debe actuar, apoyar a las "
            "personas afectadas e insistir en la rendición de cuentas y la "
            "reparación.",
        ),
    ],
    "essentials_heading": "Las represalias en la ONU: lo esencial",
    "essentials": (
        "<p>Las personas defensoras de los derechos humanos luchan por la "
        "dignidad y la justicia allí donde viven y trabajan. Cuando en su país "
        "se les cierran todas las puertas, la ONU suele ser el último lugar al "
        "que pueden acudir, y algunos gobiernos lo ven como una amenaza.</p>"
        "<p>Las represalias van desde las prohibiciones de viajar, las campañas "
        "de desprestigio y la vigilancia hasta la detención, la tortura y el "
        "asesinato. En los últimos años se han denunciado más casos, y cada vez "
        "más graves.</p>"
        "<p>La principal herramienta de la ONU es un informe anual del "
        "Secretario General que recoge los casos documentados por sus órganos. "
        "Desde 2016, un Subsecretario General dirige la respuesta de la ONU.</p>"
    ),
    "missing_heading": "Lo que todavía falta",
    "missing": (
        "<ul>"
        "<li>Ningún sistema sigue los casos a lo largo del tiempo, y treinta "
        "años de labor de la ONU contra las represalias nunca se han "
        "evaluado.</li>"
        "<li>Muchos casos nunca se denuncian, y algunos de los denunciados "
        "quedan fuera del informe.</li>"
        "<li>Pocos Estados fijan una posición pública, y menos aún interpelan a "
        "sus pares.</li>"
        "<li>Cerca de la mitad de los miembros del Consejo de Derechos Humanos "
        "fueron señalados por represalias en los cinco últimos informes "
        "anuales.</li>"
        "<li>Muchas personas defensoras no conocen los procedimientos de la ONU "
        "contra las represalias, o no saben cómo utilizarlos.</li>"
        "</ul>"
    ),
    "milestones_heading": "Cómo se logró la resolución",
    "milestones": [
        (
            datetime.date(2021, 10, 14),
            "80 Estados firman una declaración conjunta contra las represalias",
            "En la Tercera Comisión de la Asamblea General, el Reino Unido habló "
            "en nombre de 80 países, cinco más que el año anterior.",
        ),
        (
            datetime.date(2021, 9, 17),
            "Comienzan las negociaciones en el 48.º período de sesiones del Consejo",
            "Del 17 de septiembre al 4 de octubre, los Estados negociaron el "
            "texto. Nos reunimos con las delegaciones, escribimos a las "
            "capitales e hicimos campaña en línea.",
        ),
        (
            datetime.date(2021, 10, 8),
            "La resolución se aprueba por consenso",
            "Ningún Estado pidió una votación: la primera vez en materia de "
            "represalias desde 2009.",
        ),
    ],
    "numbers_heading": "Cifras clave para recordar",
    "numbers_intro": (
        "De nuestro estudio de diez años de informes del Secretario General "
        "sobre las represalias."
    ),
    "video_title": (
        "Las represalias en la ONU de un vistazo (video provisional de demostración)"
    ),
    "transcript": (
        "<p>La intimidación y las represalias nunca son aceptables. Toda persona "
        "puede colaborar con las Naciones Unidas y debe poder hacerlo con "
        "seguridad.</p>"
    ),
    "further_reading": (
        "Para saber más",
        "Nuestras publicaciones sobre las represalias contra quienes colaboran "
        "con la ONU, empezando por el caso de China (en inglés).",
    ),
    "signup": (
        "¡Únete!",
        "Cada mes, noticias sobre la intimidación y las represalias en la ONU.",
        "Suscribirme",
    ),
}

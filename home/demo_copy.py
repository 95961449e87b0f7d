"""The home page's words in each language of the demo site.

English is the original; each other home page is its translation (served at
/fr/, /es/, /ar/, /zh-hans/), so that a reader who follows a translated
campaign or paper up to its home page stays in their language.

"latest" (the library's newest papers) is given only where the library has
papers in that language: elsewhere the section would stand empty.
"""

HOME = {
    "en": {
        "title": "Home",
        "heading": "Defend the defenders who speak to the UN",
        "intro": (
            "<p>People who tell the United Nations what is happening in their "
            "countries are threatened, jailed and worse for it. We document "
            "those reprisals and campaign until every defender can speak "
            "safely.</p>"
        ),
        "latest": (
            "Latest reports and briefings",
            "New research from our library, newest first.",
        ),
        "signup": (
            "Stay informed",
            "One email when there is news on reprisals at the UN, and what you "
            "can do about it. Nothing else.",
            "Sign up",
        ),
    },
    "fr": {
        "title": "Accueil",
        "heading": "Défendre les défenseurs qui s'adressent à l'ONU",
        "intro": (
            "<p>Celles et ceux qui informent les Nations unies de ce qui se "
            "passe dans leur pays sont menacés, emprisonnés, ou pire encore. "
            "Nous documentons ces représailles et faisons campagne jusqu'à ce "
            "que chaque défenseur puisse parler en sécurité.</p>"
        ),
        "signup": (
            "Restez informés",
            "Un courriel quand il y a du nouveau sur les représailles à l'ONU, "
            "et sur ce que vous pouvez faire. Rien d'autre.",
            "S'inscrire",
        ),
    },
    "es": {
        "title": "Inicio",
        "heading": "Defender a las personas defensoras que acuden a la ONU",
        "intro": (
            "<p>Quienes cuentan a las Naciones Unidas lo que ocurre en sus "
            "países sufren amenazas, cárcel y cosas peores por ello. "
            "Documentamos esas represalias y hacemos campaña hasta que todas "
            "las personas defensoras puedan hablar sin peligro.</p>"
        ),
        "signup": (
            "Mantente al día",
            "Un correo cuando haya novedades sobre las represalias en la ONU, y "
            "sobre lo que puedes hacer. Nada más.",
            "Suscribirme",
        ),
    },
    "ar": {
        "title": "الرئيسية",
        "heading": "ندافع عن المدافعين الذين يخاطبون الأمم المتحدة",
        "intro": (
            "<p>من يُطلع الأمم المتحدة على ما يجري في بلده يتعرّض للتهديد "
            "والسجن وما هو أسوأ. ونحن نوثّق هذه الأعمال الانتقامية ونواصل "
            "حملاتنا حتى يتمكن كل مدافع ومدافعة من التحدث بأمان.</p>"
        ),
        "signup": (
            "ابقوا على اطلاع",
            "رسالة واحدة كلما استجدّ جديد بشأن الأعمال الانتقامية في الأمم "
            "المتحدة، وما يمكنكم فعله حيالها. لا شيء غير ذلك.",
            "اشتركوا",
        ),
    },
    "zh-hans": {
        "title": "首页",
        "heading": "保护向联合国发声的人权捍卫者",
        "intro": (
            "<p>向联合国讲述本国真实情况的人，因此遭到威胁、监禁乃至更严重的"
            "迫害。我们记录这些报复行为，并持续开展倡导，直到每一位人权捍卫者"
            "都能安全发声。</p>"
        ),
        "latest": ("最新报告与简报", "我们资料库中的最新研究，由近及远排列。"),
        "signup": (
            "获取最新消息",
            "联合国报复问题一有新进展，我们就会发一封电子邮件，告诉您可以"
            "做些什么。仅此而已。",
            "订阅",
        ),
    },
}

// Default phrase lists for strip-boilerplate (English). They are data, not logic: every list is an
// option of the stage, so a site or a language gets its own lists from pipeline.config.ts.
// A phrase matches a WHOLE line (after list bullets and closing punctuation are stripped), or, for
// the heading and prefix lists, the start of a line followed by a separator; never a word inside a sentence.

/** Lines that open a trailing block of teasers: everything after them is page furniture. */
export const TRAILING_HEADINGS: ReadonlyArray<string> = [
  "related", "related articles", "related stories", "related news", "related posts", "related content",
  "related coverage", "related links", "related topics", "related tags", "related videos", "related reading",
  "more from author", "more from the author", "more by this author", "more from this author", "more from",
  "more stories", "more news", "more articles", "more on this story", "more on this topic", "more in",
  "more to read", "more to explore", "more videos", "more top stories",
  "popular", "most popular", "popular now", "popular stories", "popular articles", "popular news", "popular posts",
  "most read", "most viewed", "most watched", "most shared", "most commented", "most recent", "trending",
  "trending now", "trending stories", "what's trending", "top stories", "top news", "top headlines",
  "editor's choice", "editors' choice", "editor's picks", "editors' picks", "editor picks", "staff picks",
  "read also", "read next", "also read", "see also", "you may also like", "you might also like",
  "you may like", "you might like", "we recommend", "recommended", "recommended for you", "recommended stories",
  "recommended articles", "recommended reading", "suggested reading", "further reading",
  "latest news", "latest stories", "latest articles", "latest", "latest headlines", "recent", "recent posts",
  "recent news", "recent stories", "recent content", "recent articles", "just in", "breaking news",
  "news feed", "in other news", "elsewhere", "around the web", "from the web", "sponsored stories",
  "promoted stories", "paid content", "partner content", "from our partners",
  "comments", "comment", "leave a comment", "leave a reply", "add a comment", "join the conversation",
  "join the discussion", "discussion", "reader comments", "show comments", "view comments",
  "tags", "topics", "filed under", "keywords", "more about", "more on", "mehr", "schlagworte", "themen", "mots-clés", "etiquetas",
  "about the author", "about us", "contact us", "site map", "sitemap", "useful links", "quick links", "categories", "archives",
  "don't miss", "do not miss", "must read", "must watch", "watch next", "next article", "previous article",
  "next story", "previous story", "other news", "news from",
  // The same kinds of block headings on French, Spanish, Portuguese, Italian and German pages.
  "sur le même sujet", "à lire aussi", "a lire aussi", "lire aussi", "voir aussi", "à voir aussi", "les plus lus",
  "les plus partagés", "les plus commentés", "les plus populaires", "les plus consultés", "articles liés",
  "articles similaires", "dans la même rubrique", "derniers articles", "dernières actualités", "à la une",
  "commentaires", "réagissez", "réagir", "laisser un commentaire", "à propos de l'auteur", "plus sur",
  "lo más leído", "lo más visto", "las más leídas", "más leídas", "más leído", "más vistas", "más sobre",
  "noticias relacionadas", "notas relacionadas", "artículos relacionados", "te puede interesar",
  "también te puede interesar", "te recomendamos", "ver también", "lee también", "leé también", "últimas noticias",
  "comentarios", "enviá tu comentario", "envía tu comentario", "deja tu comentario", "deje su comentario", "sobre el autor",
  "mais lidas", "mais lidos", "leia também", "veja também", "notícias relacionadas", "comentários", "sobre o autor",
  "più letti", "più letto", "leggi anche", "articoli correlati", "commenti", "ultime notizie",
  "meistgelesen", "meistgelesene artikel", "am meisten gelesen", "mehr zum thema", "das könnte sie auch interessieren",
  "weitere artikel", "verwandte artikel", "kommentare", "über den autor", "über die autorin",
  // Live tickers beside the article: a heading, then time-stamped items and short posts.
  "live", "live updates", "live news", "live blog", "liveblog", "live ticker", "liveticker", "news ticker", "ticker",
  "latest updates", "direct", "en direct", "le direct", "fil info", "le fil info", "en vivo", "ao vivo", "in diretta"
]

/** Trailing headings that may be followed on the same line by a list after a colon (`Tags: a, b`). */
export const LIST_HEADINGS: ReadonlyArray<string> = [
  "tags", "topics", "filed under", "keywords", "categories", "related tags", "related topics", "more about", "more on",
  "mehr", "schlagworte", "themen", "mots-clés", "etiquetas", "plus sur", "más sobre", "mehr zum thema", "temas", "tags associés"
]

/** Prompts and widgets that are furniture wherever they stand, when they are the whole line. */
export const PROMPT_LINES: ReadonlyArray<string> = [
  "what are you thinking", "what do you think", "what do you think about this", "tell us what you think",
  "have your say", "leave a comment", "post a comment", "add a comment", "comments", "view comments",
  "show comments", "hide comments", "load comments", "no comments", "be the first to comment", "join the discussion",
  "did you like this article", "was this article helpful", "was this helpful", "rate this article",
  "skip to content", "skip to main content", "skip to navigation", "jump to content", "return to top", "back to top",
  "to top", "back to gallery", "back to article", "menu", "main menu", "close", "close menu", "open menu", "toggle navigation",
  "search", "search for", "go", "submit", "send", "caption", "hide caption", "toggle caption", "enlarge this image",
  "expand", "collapse", "more", "less", "show more", "show less", "load more", "read more", "see more", "view more",
  "continue reading", "read full article", "read the full story", "read the rest", "read full story", "weiterlesen",
  "mehr lesen", "lire la suite", "leer más", "seguir leyendo", "leia mais", "continua a leggere", "click here", "replay", "play", "pause",
  "watch", "watch live", "watch now", "listen", "listen to this article", "listen now", "video", "photo", "photos",
  "gallery", "image", "advertisement", "advertising", "sponsored", "sponsored content", "ad", "ads",
  "story continues below advertisement", "article continues below", "continue reading below",
  "print", "print article", "print this article", "email", "e-mail", "share", "tweet", "pin", "copy link", "link copied",
  "text size", "font size", "order reprints", "reprints", "permissions", "save", "save article", "bookmark",
  "log in", "login", "log out", "sign in", "sign up", "sign out", "register", "my account", "account", "profile",
  "subscribe", "subscribe now", "subscriber services", "manage subscription", "edition", "home", "news",
  "facebook", "twitter", "linkedin", "whatsapp", "telegram", "reddit", "pinterest", "instagram", "youtube",
  "tiktok", "flipboard", "messenger", "vk", "x", "rss", "feedback", "contact", "about", "help", "faq", "weather",
"thank you", "loading", "please wait", "disclaimer",
  // Other languages: log-in, subscribe, share and print buttons and menus.
  "se connecter", "connexion", "s'inscrire", "se déconnecter", "s'abonner", "abonnez-vous", "partager", "imprimer",
  "rechercher", "recherche", "fermer", "publicité", "suivre", "iniciar sesión", "ingresar", "registrarse", "suscribite",
  "suscríbete", "compartir", "imprimir", "buscar", "cerrar", "publicidad", "anmelden", "abmelden", "registrieren",
  "abonnieren", "teilen", "drucken", "suchen", "schließen", "anzeige", "werbung", "accedi", "registrati", "abbonati",
  "condividi", "stampa", "cerca", "pubblicità", "entrar", "assine", "compartilhe", "publicidade"
]

/** Line openings that mark a share, subscribe, newsletter, cookie or privacy line (followed by anything). */
export const SHARE_PREFIXES: ReadonlyArray<string> = [
  "share this", "share on", "share via", "share with", "share the article", "share article",
  "follow us on", "follow us", "follow our", "like us on", "find us on", "join us on", "connect with us",
  "subscribe to", "subscribe for", "sign up for", "sign up to", "sign up now", "get our newsletter",
  "get the latest", "get breaking news", "get alerts", "download our app", "download the app", "get the app",
  "newsletter", "our newsletter", "receive our newsletter", "enter your email", "your email address",
  "by signing up", "by subscribing", "by clicking", "by continuing", "this site uses cookies", "this website uses cookies",
  "we use cookies", "our site uses cookies", "we and our partners", "cookie policy", "cookie settings", "cookies policy",
  "privacy policy", "privacy notice", "privacy settings", "your california privacy rights",
  "do not sell my", "terms of use", "terms of service", "terms and conditions", "terms & conditions",
  "all rights reserved", "accept cookies", "accept all", "manage cookies", "manage preferences",
  "chat with us", "click to subscribe", "click here to", "tap here to", "turn on notifications", "enable notifications",
  "support our journalism", "support independent journalism", "become a member", "become a subscriber",
  "already a subscriber", "already have an account", "don't have an account", "create an account", "create a free account",
  "you have reached your limit", "you've reached your limit", "to continue reading", "this content is available",
  "have a news tip", "got a news tip", "send us a tip", "if you have a tip", "email the author",
  "contact the author", "report an error", "report a typo", "found a mistake", "corrections policy",
  "image 1 of", "photo 1 of", "slide 1 of",
  // Widget error messages, whatever follows them.
  "an error has occurred", "an error occurred", "something went wrong", "please try again later", "oops, something",
  "you must login", "you must log in", "you must be logged in", "log in to comment", "login to comment",
  "sign in to comment", "to post a comment", "please log in", "please sign in",
  // Other languages: cookie notices, newsletter and subscription prompts, comment policies.
  "en poursuivant votre navigation", "ce site utilise des cookies", "nous utilisons des cookies", "recevoir la newsletter",
  "inscrivez-vous à", "abonnez-vous à", "suivez-nous", "les commentaires publiés", "este sitio utiliza cookies",
  "utilizamos cookies", "usamos cookies", "suscríbete a", "suscribite a", "recibí por mail", "recibe nuestro",
  "los comentarios publicados", "para poder comentar", "para comentar", "todos los derechos reservados",
  "tous droits réservés", "alle rechte vorbehalten", "tutti i diritti riservati", "todos os direitos reservados",
  "diese website verwendet cookies", "wir verwenden cookies", "questo sito utilizza cookie", "este site utiliza cookies"
]

/** Line openings of an inline link teaser: `Read more: Kremlin: …` (the opening, then a colon or dash). */
export const TEASER_PREFIXES: ReadonlyArray<string> = [
  "read more", "read also", "also read", "read next", "see also", "related", "more", "more on this",
  "more news", "watch", "watch also", "listen", "recommended", "you may also like", "don't miss", "do not miss",
  "must read", "in pictures", "video", "photos", "gallery", "click here", "more from", "mehr", "lesen sie auch"
]

/** Words that open a byline when they stand first on a short line: `By Jane Doe`. */
export const BYLINE_OPENERS: ReadonlyArray<string> = [
  "by", "written by", "reported by", "posted by", "words by", "text by", "story by", "analysis by",
  "opinion by", "commentary by", "edited by", "reporting by", "author", "authors", "reporter", "correspondent",
  // Other languages; the rule still needs a capitalised name right after the opener.
  "par", "por", "von", "door", "texte", "texto", "auteur", "autor", "autora"
]

/** Words that open a publication-stamp line: `Published 11:26 pm EST, Tuesday, …`, `Updated Nov. 19, 2019`. */
export const STAMP_OPENERS: ReadonlyArray<string> = [
  "published", "updated", "posted", "last updated", "last modified", "modified", "first published",
  "originally published", "created", "date", "published on", "updated on", "posted on",
  "publié le", "publié", "mis à jour le", "mis à jour", "modifié le", "date created", "actualizado", "publicado",
  "actualizado el", "publicado el", "aktualisiert", "aktualisiert am", "veröffentlicht", "veröffentlicht am",
  "aggiornato", "pubblicato", "atualizado", "atualizado em", "publicado em"
]

/** Reporting verbs that, glued to a capitalised word, betray a link pasted into a lead-in (`reportedThat`). */
export const GLUED_LINK_VERBS: ReadonlyArray<string> = [
  "reported", "commented", "announced", "stated", "wrote", "said", "told", "noted", "explained", "added",
  "claimed", "warned", "revealed", "recalled", "reminded", "informed", "declared", "suggested", "learned", "found"
]

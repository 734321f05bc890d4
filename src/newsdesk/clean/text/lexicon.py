"""Small curated word lists for the plain-text cleaner: function words and page furniture.

Nothing here names a site or quotes a page: the lists are the generic vocabulary of news-page
chrome (share buttons, teaser headers, cookie banners, footers), each in the few forms it is
written in ("Read more", "READ MORE:", "Read more »"), and the most frequent function words of
the languages news pages are most often written in, for a stop-word density signal.
"""

from __future__ import annotations

import re
from importlib.resources import files

from newsdesk.vocab.wordlists import parse_word_lists

# The most frequent function words per language. Body text is dense in them (a third or more
# of its words), headlines, menus and teaser titles are not.
_STOPWORDS = {
    "en": """a about above after again against all also am an and any are as at be because been before
        being below between both but by can could did do does doing down during each few for from further
        had has have having he her here hers herself him himself his how i if in into is it its itself
        just me more most my myself no nor not now of off on once only or other our ours out over own
        same she should so some such than that the their theirs them themselves then there these they
        this those through to too under until up very was we were what when where which while who whom
        why will with would you your yours yourself said says told according than who's it's that's
        there's they're we're i'm don't didn't doesn't isn't wasn't won't can't""",
    "de": """der die das den dem des ein eine einer eines einem einen und oder aber auch nicht ist sind
        war waren wird werden wurde wurden hat haben hatte ich du er sie es wir ihr mit von zu zum zur
        im in an am auf aus bei für über unter nach vor als wie wenn dass so noch nur schon sich sein
        seine ihre man kann""",
    "fr": """le la les un une des du de et ou mais est sont était été a ont avait je tu il elle nous
        vous ils elles ce cette ces qui que quoi dans sur sous pour par avec sans en au aux ne pas plus
        se sa son ses leur leurs comme si très aussi tout""",
    "es": """el la los las un una unos unas y o pero es son era fue ha han había yo tú él ella nosotros
        ellos ellas este esta estos estas que quien en sobre para por con sin del al no más se su sus
        como si muy también todo lo le""",
    "pt": """o a os as um uma uns umas e ou mas é são era foi tem têm eu tu ele ela nós eles elas este
        esta isto esse essa que quem em no na nos nas sobre para por com sem do da dos das ao não mais
        se seu sua seus suas como muito também""",
    "it": """il lo la i gli le un una uno e o ma è sono era stato ha hanno io tu lui lei noi voi loro
        questo questa che chi in nel nella su per con senza del della dei delle al alla non più si suo
        sua come anche molto""",
    "nl": """de het een en of maar is zijn was waren wordt werd heeft hebben had ik jij hij zij wij
        jullie ze dit dat deze die wie wat in op aan uit bij voor over onder na met van te om niet ook
        als dan zo nog er""",
    "id": """yang dan di ke dari ini itu dengan untuk tidak ada adalah akan pada juga dalam karena oleh
        atau saat sudah kita kami mereka ia dia saya bisa telah sebagai jika tetapi lebih""",
    "ru": """и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее
        мне было вот от меня еще нет о из ему теперь когда даже ну если уже или ни быть был него до
        вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы
        тебя их чем была сам чтобы без будто чего раз тоже себе под будет ж тогда кто этот того
        потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда
        зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас
        про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше
        чуть том нельзя такой им более всегда конечно всю между это""",
}
STOPWORDS: frozenset[str] = frozenset(w for words in _STOPWORDS.values() for w in words.split())

MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
WEEKDAYS = "mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"


def _alts(words: str) -> str:
    """``"a b|c d"`` → a regex alternation allowing any run of spaces inside each phrase."""
    return "|".join(re.escape(w.strip()).replace(r"\ ", r"\s+") for w in words.split("|") if w.strip())


# Headers that open a block of teasers (links to other stories). Matched against the whole line,
# with optional trailing punctuation, arrows or a count.
TEASER_HEADERS = _alts(
    "related|related articles|related stories|related content|related news|related posts|related links|"
    "related coverage|related topics|related video|related videos|more related|also related|"
    "read more|read more stories|read next|read these next|read this next|up next|what to read next|"
    "more from|more stories|more news|more on this|more on this story|more in|more like this|more articles|"
    "more to explore|more top stories|more headlines|further reading|see also|also read|also see|"
    "you may also like|you might also like|you may like|you might like|we recommend|recommended|"
    "recommended for you|recommended stories|recommended reading|suggested reading|suggested articles|"
    "most popular|most read|most viewed|most shared|most commented|popular|popular now|popular stories|"
    "trending|trending now|trending news|trending stories|top stories|top news|latest|latest news|"
    "latest stories|latest headlines|latest articles|latest posts|recent|recent news|recent posts|"
    "recent stories|recent articles|must read|must reads|must watch|don't miss|do not miss|editor's picks|"
    "editors' picks|editor's choice|featured|featured stories|featured articles|in case you missed it|"
    "around the web|from around the web|from the web|partner content|sponsored stories|promoted stories|"
    "paid content|elsewhere|elsewhere on the web|in other news|other news|news in brief|more news from|"
    "what's next|next article|next story|previous article|previous story|previous post|next post|"
    "keep reading|continue reading|top headlines|headlines|breaking news|watch more|more videos|"
    "videos|photos|galleries|more galleries|you may be interested in|people also read|readers also liked"
)
_MORE_FROM = r"more (?:from|in|on|about|of) [A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2}"


def _foreign_teaser_headers() -> str:
    """The teaser headers of other languages (``data/teaser_headers.tsv``), as one alternation,
    longest first so a header is not cut short by one it starts with."""
    text = files("newsdesk").joinpath("data", "teaser_headers.tsv").read_text(encoding="utf-8")
    lists = parse_word_lists(text, _TEASER_LANGUAGES, "teaser_headers.tsv")
    return _alts("|".join(sorted({h for headers in lists.values() for h in headers}, key=len, reverse=True)))


_TEASER_LANGUAGES = frozenset({"de", "fr", "es", "pt", "it", "nl", "pl"})
TEASER_HEADER = re.compile(
    rf"^(?:{TEASER_HEADERS}|{_foreign_teaser_headers()}|{_MORE_FROM})\b[^.!?]{{0,40}}?[\s:»›>→|•\-–—.…\d()]*$",
    re.IGNORECASE,
)

# A line that opens with a teaser label glued or followed by a link title: "Related: Title",
# "READ MORE: Title", "SEE ALSO - Title".
TEASER_PREFIX = re.compile(
    r"^(?:related(?: articles?| stories| coverage| content| links?)?|read more|read next|read also|also read|"
    r"see also|see more|more|also|recommended|watch|watch now|listen|click here|must read|don't miss|"
    r"trending|popular|top stories|latest|more from [\w ]{1,30}|more on [\w ]{1,30}|related reading)"
    r"\s*(?::|»|›|>|→|\||-|–|—)\s*\S",
    re.IGNORECASE,
)

ADVERTISEMENT = re.compile(
    r"^(?:advertisement|advertisements|advertising|advert|adverts|ad|ads|sponsored|sponsored content|"
    r"sponsored links?|paid post|promoted|promotion|anzeige|publicité|publicidad|publicidade|pubblicità|"
    r"advertentie|(?:story|article|content|text) continues (?:below|after)(?: (?:this )?(?:ad|advertisement))?|"
    r"continue reading (?:below|the main story|after (?:the )?(?:ad|advertisement))|"
    r"(?:scroll|article continues) (?:down )?(?:to|below) (?:continue|read more)|"
    r"ad (?:feedback|choices)|adchoices|report (?:this )?ad|skip ad|close ad|"
    r"[\w ]{0,20} sponsored by[\w .]{0,30}|presented by[\w .]{0,30})"
    r"[\s:.!…\-–—]*$",
    re.IGNORECASE,
)

# Short widget labels: share buttons, account links, menu controls, social networks.
_WIDGET = _alts(
    "share|shares|share this|share this article|share this story|share this page|share on|share with|"
    "share this with|share via|sharing is caring|tweet|tweet this|pin|pin it|email|e-mail|print|print this|"
    "print article|"
    "save|save article|save for later|bookmark|copy link|link copied|copied|copied!|facebook|twitter|"
    "linkedin|pinterest|reddit|whatsapp|telegram|tumblr|flipboard|instagram|youtube|snapchat|tiktok|"
    "messenger|sms|rss|comments|comment|leave a comment|add a comment|view comments|show comments|"
    "hide comments|comments closed|post a comment|join the conversation|join the discussion|reply|report|"
    "like|likes|follow|follow us|follow me|subscribe|subscribe now|sign in|sign up|sign out|log in|"
    "login|log out|logout|register|my account|account|profile|menu|main menu|close|close menu|open menu|"
    "toggle navigation|navigation|skip to content|skip to main content|skip navigation|search|search:|"
    "go|home|homepage|back|back to top|top|next|previous|prev|more|less|show more|load more|see more|"
    "view all|see all|view more|expand|collapse|listen|listen to this article|play|pause|watch|"
    "watch live|live|video|audio|gallery|photo|photos|image|images|caption|hide caption|toggle caption|"
    "enlarge|enlarge this image|full screen|fullscreen|zoom|x|×|✕|•|·|…|...|contact|contact us|about|"
    "about us|faq|help|terms|privacy|privacy policy|cookie policy|terms of use|terms of service|"
    "terms and conditions|sitemap|site map|careers|jobs|advertise|advertise with us|newsletter|"
    "newsletters|podcasts|podcast|store|shop|donate|support us|get the app|download the app|"
    "text size|font size|a a|aa|a+|a-|translate|language|edition|choose edition|weather|tags|topics|"
    "filed under|categories|category|sections|opinion|news|sport|sports|business|world|politics|"
    "entertainment|lifestyle|culture|technology|tech|science|health|travel|local|national|"
    "international|more sections|all sections"
)
WIDGET = re.compile(rf"^(?:{_WIDGET})[\s:.!?»›>→|•\-–—()\d]*$", re.IGNORECASE)

COOKIE = re.compile(
    r"\bcookies?\b.{0,200}\b(?:use|using|used|accept|consent|agree|polic(?:y|ies)|preferences|settings|"
    r"experience|personali[sz]|continu)|"
    r"\b(?:we|this (?:site|website)) uses? cookies\b|\bcookie (?:policy|settings|preferences|notice|consent)\b|"
    r"\bby (?:continuing to (?:use|browse)|using) (?:this|our) (?:site|website|service)",
    re.IGNORECASE,
)

SUBSCRIPTION = re.compile(
    r"\b(?:sign up (?:for|to)|subscribe (?:to|for|now|today)|already (?:a )?subscriber|"
    r"(?:our|free) (?:daily |weekly )?newsletters?\b|to (?:continue )?read the full (?:story|article)|"
    r"create (?:a|your) (?:free )?account|log ?in to (?:continue|comment|read)|"
    r"you must be logged in|(?:get|download) (?:the|our) (?:\w+ )?app\b|enable javascript|"
    r"javascript is (?:disabled|required)|your browser (?:does not|doesn't) support|"
    r"update your browser|(?:disable|turn off|pause) (?:your )?ad ?blocker|whitelist (?:us|our site|this site)|"
    # A sign-up form's consent box, confirmation and title: "I agree that … can send me …", "Please
    # check the opt-in box", "Thanks for signing up!", "Keep an eye on your inbox", "Pick Six Newsletter".
    r"^i (?:agree|consent) (?:that|to)\b.{0,120}\b(?:send|e-?mail|contact|newsletters?)\b|"
    r"\bopt[- ]in (?:box|checkbox)\b|"
    r"^thanks? (?:you )?for (?:signing up|subscribing|registering)\b|\b(?:keep an eye on|check) your inbox\b|"
    r"^see all newsletters\b|^(?-i:(?:[A-Z][\w'’&+-]*\s+){1,4}Newsletters?)\s*$)",
    re.IGNORECASE,
)

COPYRIGHT = re.compile(
    r"(?:©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b\s*(?:©|\d{4}|by\b)|\ball rights reserved\b|"
    r"\bmay not be (?:published|reproduced|redistributed|copied)|\bthis material may not\b)",
    re.IGNORECASE,
)

COMMENT_RULES = re.compile(
    r"\b(?:comments? (?:policy|guidelines)|community (?:guidelines|standards)|submission guidelines|"
    r"(?:when|before|by) (?:posting|submitting|leaving) (?:a )?comments?|"
    r"commenting (?:is|has been) (?:closed|disabled)|"
    r"comments? (?:are|have been|will be) (?:closed|moderated|disabled|reviewed)|be the first to comment|"
    r"violat\w+ our (?:terms|guidelines|rules))",
    re.IGNORECASE,
)

# Credits that mark a line as a photo caption: "(Photo: Jane Roe/AP)", "Photograph: AFP via Getty",
# "Image copyright Getty Images", "Credit: Reuters".
CAPTION_CREDIT = re.compile(
    r"(?:\((?:photo|image|picture|pic|photograph|credit|video|file|illustration|graphic)s?\b[^()]{0,80}\)\s*$|"
    r"\((?:ap|afp|reuters|getty|epa|pa|shutterstock|istock)[^()]{0,60}\)\s*$|"
    r"\([^()]{0,60}\b(?:associated press|getty images|reuters|afp|ap)\)\s*$|"
    r"\([^()]{0,60}/\s*(?:ap|afp|reuters|getty(?: images)?|epa|pa|shutterstock|bloomberg|ansa|xinhua)\)\s*$|"
    r"(?:^|[.)]\s+)(?:photo|image|picture|photograph|video|graphic|illustration)s?\s*(?:credit)?\s*"
    r"(?::|by\b|courtesy\b)|"
    r"\bcredit\s*:|\bcourtesy of\b[^.]{0,60}$|"
    r"\bimage (?:copyright|caption)\b|\b(?:getty images|shutterstock|istockphoto|ap photo|afp photo|"
    r"reuters/|/reuters|/ap\b|/afp\b|via getty|epa-efe)\b|"
    r"\b(?:submitted|file|handout|staff|contributed) photo\W*$|^photo illustration\b)",
    re.IGNORECASE,
)

# A photo credit closing a line, whatever its length: "… illegal. Jane ROE / AFP", "… (AP
# Photo/Jane Roe)", "… Photo: Jane Roe", "… Getty Images". A caption can run to 60 words and
# more; a paragraph of the article does not end in a picture agency's credit.
CREDIT_TAIL = re.compile(
    r"(?:\s/\s*(?:ap|afp|reuters|getty(?: images)?|epa|pa|xinhua|ansa|bloomberg|ap images)|"
    r"\((?:ap|afp|reuters|epa) photos?\s*/[^()]{1,60}\)|\bgetty images|\bphoto(?:graph)?:\s*[^.:]{3,60})"
    r"[\s.)]*$",
    re.IGNORECASE,
)

# A credit line with no caption text of its own, which a page puts right below the caption it
# credits: "Photo: Jane Roe, AP", "Courtesy of Jane Roe", "Jane Roe | Bloomberg | Getty Images".
# Not "Image copyright …" nor "Photo by …", which on the dev pages come before the image.
BARE_CREDIT = re.compile(
    r"^(?:(?:photo|photograph|picture)s?(?: credit)?\s*:|courtesy of\b)(?!.*\bcopyright\b).{0,60}$|"
    r"^(?!.*\b(?:by|copyright)\b)(?:\S+\s+){0,7}\S*(?:\s/\s*(?:ap|afp|reuters|epa|xinhua)|\bgetty images)\s*$",
    re.IGNORECASE,
)

DATE_WORDS = re.compile(
    rf"\b(?:{MONTHS})\b\.?|\b(?:{WEEKDAYS})\b|\b\d{{1,2}}[:.]\d\d\b|\b(?:am|pm|a\.m\.|p\.m\.|gmt|utc|[ecmp][sd]t|ist|cet|bst)\b|"
    r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:19|20)\d\d\b|\bago\b|"
    r"\b\d+\s*(?:s|m|h|d|w|y|mo|min|mins|hr|hrs|sec|secs|st|nd|rd|th)\b|\b(?:updated|published|posted|"
    r"modified|last updated|first published|on|at|by|reading time|read time|min(?:ute)?s?(?: read)?|"
    r"hours?|days?|weeks?|months?|years?|yesterday|today|h|m|d|mins?)\b",
    re.IGNORECASE,
)

# A byline or credit line: "By Jane Doe", "Written by Jane Doe, MS", "Posted by admin on May 3",
# "Medically reviewed by …", "Jane Doe | Reuters", "Reporting by Jane Doe; Editing by John Roe".
BYLINE_LINE = re.compile(
    r"^(?i:(?:(?:written|posted|published|reviewed|medically reviewed|fact[- ]checked|edited|reported|"
    r"compiled|updated|story|words|text|photos?|reporting|additional reporting|editing|writing|interview|"
    r"analysis|opinion|commentary|column)\s+)?(?:by|von|par|por|di|door)\b\s*:?\s*\S)|"
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*[|,]\s*(?:[A-Z][\w&.'’-]*\s*){1,4}$"
)

# The line that heads one reader comment: "jsmith says:", "Jane on May 3, 2019 at 4:36 am said:".
COMMENT_AUTHOR = re.compile(r"^\S.{0,80}?\b(?:says|said|wrote|writes|commented|replied)\s*:\s*$", re.IGNORECASE)

# Headers of a comment section: "34 responses to “Title”", "10 thoughts on “Title”", "Leave a Reply".
COMMENT_HEADER = re.compile(
    r"^(?:\d[\d,]*\s+(?:responses?|thoughts?|comments?|replies|reactions?)\s+(?:to|on)\b|"
    r"(?:leave|post|write|add|submit)\s+a\s+(?:reply|comment|response)\b|"
    r"(?:join|start)\s+the\s+(?:conversation|discussion)\b|"
    r"(?:show|view|load|read|see)\s+(?:all\s+)?(?:\d+\s+)?comments\b|"
    r"comments?\s+(?:\(\d+\)|are closed|powered by)|discussion\b.{0,20}$|"
    r"you must be logged in|cancel reply)",
    re.IGNORECASE,
)

# Headers that open the reader-comment section itself (not a "Comments" link in a share bar):
# everything after one, once the article has begun, is comments and the comment form.
COMMENT_SECTION = re.compile(
    r"^(?:\d[\d,]*\s+(?:responses?|thoughts?|comments?|replies|reactions?)\s+(?:to|on)\b|"
    r"(?:leave|post|write|add|submit)\s+a\s+(?:reply|comment|response)\b|"
    r"(?:join|start)\s+the\s+(?:conversation|discussion)\b|comments?\s+(?:are closed|powered by))",
    re.IGNORECASE,
)

# The heading of an author box: "About the author", "About Jane Doe", in the languages of the
# stop-word lists ("Sobre Ana Lima", "Über den Autor", "À propos de l'auteur"); outside English a
# name of two words at least ("Over Amsterdam" is no author box).
_ABOUT = r"sobre|über|à propos de|a propos de|acerca de|informazioni su|over|om"
_THE_AUTHOR = (
    r"the authors?|o autor|a autora|os autores|el autor|la autora|los autores|den autor|die autorin|"
    r"die autoren|l'auteure?|l’auteure?|les auteurs|l'autore|l’autore|de auteur|författaren|forfatteren"
)
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w.'’-]+"
AUTHOR_BOX = re.compile(
    rf"^(?:(?i:(?:about|{_ABOUT}) (?:{_THE_AUTHOR}))|About {_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}|"
    rf"(?=[A-ZÀ-ÖØ-Þ])(?i:{_ABOUT}) {_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})\s*:?$"
)

# A short bio of the author, after the article: "Jane Doe is a freelance writer based in …",
# "Jane covers courts for the Herald." (only at the end of the body: mid-article, a sentence
# like that is about someone in the story).
AUTHOR_BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s+){1,4}(?:covers|writes (?:about|for)|reports (?:on|for))\b|"
    r"^(?:[A-Z][\w.'’-]+\s+){1,4}(?:is|was|has been)\b[^.]{0,80}?\b"
    r"(?:writer|reporter|journalist|editor|correspondent|columnist|contributor|author|blogger|"
    r"freelancer?|producer|covers|writes (?:about|for)|staff)\b",
)

# A full date or a clock time somewhere in a line: "Nov 19, 2019", "19 November 2019",
# "2019-11-19", "11/19/19", "10:31 pm", "25. September 2018", "Maret 30, 2015".
FULL_DATE = re.compile(
    rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:{MONTHS})\.?,?\s+(?:19|20)\d\d\b|"
    r"\b\d{1,2}\.?\s+[^\W\d_]{3,10}\.?\s+(?:19|20)\d\d\b|\b[^\W\d_]{3,10}\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b|"
    r"\b(?:19|20)\d\d[/.-]\d{1,2}[/.-]\d{1,2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d\d\b|"
    r"(?<![$€£\d.,])\b\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?|h|uhr)?(?![\d])|"
    r"\b\d{1,2}\.\d\d\s*(?:[ap]\.?m\.?|h|uhr|gmt|bst|cet)\b|\d:\d\d\s*(?:[ap]\.?m\b|gmt|utc|[ecmp][sd]t)|"
    r"\b\d+\s*(?:min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|months?)\s+ago\b",
    re.IGNORECASE,
)

# Whole lines made only of share and follow buttons, as a scraper glues them: "Facebook Twitter
# LinkedIn", "Share on Facebook Share on Twitter".
SOCIAL_WORDS = frozenset(
    """facebook twitter linkedin pinterest reddit whatsapp telegram tumblr flipboard instagram youtube
    email e-mail print share shares tweet pin mail copy link url copied sms messenger vk vkontakte
    odnoklassniki xing line viber mix pocket buffer google comments comment on via with this article story
    save bookmark more options sharing show close extra menu panel""".split()
)

# "5 minutes ago" in the languages of the stop-word lists, with a number or a word for one.
_N = r"(?:\d+|an?|one|una?|un|une|ein(?:e|er|em)?|um|uma|uno)"
RELATIVE_TIME = re.compile(
    rf"^(?:about |over |almost |updated |posted |publicado |actualizado )?(?:"
    rf"{_N}\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?|years?)\s+ago|"
    rf"hace\s+{_N}\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|años?)|"
    rf"vor\s+{_N}\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)|"
    rf"il y a\s+{_N}\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)|"
    rf"h[áa]\s+{_N}\s+(?:segundos?|minutos?|horas?|dias?|semanas?|m[eê]s(?:es)?|anos?)|"
    rf"{_N}\s+(?:second[oi]|minut[oi]|or[ae]|giorn[oi]|settiman[ae]|mes[ei]|ann[oi])\s+fa|"
    rf"{_N}\s+(?:seconden?|minuten?|uur|dagen?|weken?|maanden?|jaar)\s+geleden|"
    r"just now|yesterday|today|gestern|heute|hier|aujourd'hui|ayer|hoy|ontem|hoje|ieri|oggi|gisteren|vandaag"
    r")[\s.,]*$",
    re.IGNORECASE,
)

# The comment-section vocabulary of other languages: "Comentar", "Kommentare (12)", "Répondre".
FOREIGN_WIDGET = re.compile(
    r"^(?:comentar(?:ios?)?|comentários?|comente!?|responder|commenter|commentaires?|répondre|"
    r"kommentare?|kommentieren|antworten|commenti|commenta|rispondi|reacties?|reageer|beantwoorden|"
    r"compartir|partager|teilen|condividi|compartilhar|delen|imprimir|imprimer|drucken|stampa|"
    r"suscr[ií]bete|abonnieren|s'abonner|iscriviti|assine|publicidad|anuncio|werbung|anzeige|"
    r"leer m[aá]s|lire la suite|weiterlesen|leggi (?:anche|tutto)|leia mais|lees meer|ver m[aá]s|mehr)"
    r"[\s:.!»›>→|•\-–—()\d]*$",
    re.IGNORECASE,
)

# The site talking about itself to the reader: legal notices, account and data-protection text.
SITE_NOTICE = re.compile(
    r"\b(?:our|this) (?:web ?site|privacy (?:policy|notice)|terms(?: of (?:use|service))?|cookie policy|"
    r"community (?:standards|guidelines|rules)|user agreement|newsletters?)\b|"
    r"\byour (?:e-?mail address|browser settings)\b|"
    r"\bregistered trademarks? of\b|\ball other trademarks\b|"
    r"\b(?:(?:is|are) (?:provided|intended) for (?:general )?information(?:al)? purposes only)\b",
    re.IGNORECASE,
)

# Notices for screen readers and link hints: "These are external links and will open in a new
# window", "(opens in new tab)", "Accessibility help". They read like a short sentence, sit
# between the headline and the body, and are neither.
ACCESSIBILITY = re.compile(
    r"\bopens? in (?:a )?new (?:window|tab)\b|^accessibility (?:links|help|statement)\b|"
    r"^(?:these are|this is an?) external links?\b",
    re.IGNORECASE,
)

"""What people mean beyond keywords: a part of the body or a treatment with a symptom word, and thanks.

"lungs cough" is about lung symptoms, not where cancer spreads; "liver pain" about liver symptoms;
"nausea after chemo" about side effects, not the liver's; "ok thx" and "gracias, adios" are a kind
close, not "we did not find that".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from service.content.model import DEFAULT_LANGUAGE, TREATMENT_TOPIC_PREFIX, Content, Medicines, Sites
from service.core import commands
from service.core.matching import Matcher, match_in_any
from service.safety.rules import finished
from service.safety.triage import URGENT_TOPIC_WORDS
from service.words.fold import normalize

SIDE_EFFECTS_WORDS = "side effects"  # what the matcher turns into the side effects topic
TREATMENTS_WORDS = "treatments"  # what the matcher turns into the treatments menu
PLACES_WORDS = "where does it spread"  # ...into the menu of places it spreads (its topics, and its menus')
# A treatment named as the cause of how one feels ("nausea after chemo", "the pills make me constipated",
# "me arde la piel por la radiación"): a side effect for the care team, not a sign of spread somewhere.
_TREATMENT_WORDS = (
    r"chemo|chemotherapy|kimo|radiation|radiotherapy|treatments?|infusions?|shots?|injections?|pills|meds"
    r"|medicines?|medications?|tablets|drugs?|surgery|hormone therapy|immunotherapy|quimio|quimioterapia"
    r"|radiacion|radiaciones|radioterapia|tratamiento|pastillas|medicinas?|medicamentos?|inyeccion"
    r"|inyecciones|cirugia|operacion"
)
_TREATMENT = f"({_TREATMENT_WORDS})"
_TREATMENT_NAMED = re.compile(rf"\b({_TREATMENT_WORDS}|therapy|terapia)\b")  # in a page's title
_BLAMED = re.compile(
    r"\b(from|after|since|because of|due to|on|por|despues de|desde|con|de) ((the|my|her|his|this|that"
    r"|last|first|each|every|starting|pain|sleeping|la|el|las|los|mi|mis|su|sus|esta|este|ultima|primera"
    rf"|cada|empezar|la ultima|la primera) )*{_TREATMENT}\b"
    rf"|\b{_TREATMENT} (is |are |can |could |will |may |might |has |have |does |do )?(makes?|made|making"
    r"|gives?|gave|giving|causes?|caused|causing|leaves?|left)\b"
    rf"|\b{_TREATMENT} (me |le |te )?(hace|hizo|da|dio|deja|dejo|causa|causo|provoca|provoco|pone|puso)\b"
)

# "What do we do if she has one", naming nothing the line knows: when to get help says what to do.
_WHAT_TO_DO_IF = re.compile(
    r"^(so |ok |okay |and |but )?(what|wat) (do|should|can|would|shall) (i|we|you|they) do (if|when"
    r"|in case)\b"
    r"|^(y |pero )?que (hago|hacemos|debo hacer|debemos hacer|hay que hacer) (si|cuando|en caso)\b"
)
# Asking how something is treated ("how is it treated", "what can they do for it", "como lo tratan"):
# not "what can i do" (what to do now), nor "what can you do" (what the line does).
_ASKS_TREATMENT = re.compile(
    r"\b(treat|treats|treated|treating|treatment|treatments|therapy|therapies"
    r"|(what|wat|wht|whta) (can|could|will|would|do|did) (they|doctors|the doctors|the doctor|her doctors"
    r"|his doctors) do|can (they|doctors|the doctors) (fix|help) (it|that|this|her|him)"
    r"|what (can|could) be done|anything (they|doctors|the doctors) can do|anything (that )?can be done"
    r"|what are (the|my|her|his|our|their) options|que opciones (hay|tengo|tiene|tenemos)"
    r"|get rid of (it|this|that|them|the cancer|cancer|the tumou?rs?|the spots?)"
    r"|como (se|me|le) (lo |la )?(quita|quitan|elimina|eliminan) (el cancer|los tumores|el tumor)?"
    r"|trata|tratan|tratar|tratarlo|tratarla|tratarse|tratamiento|tratamientos|terapia|terapias"
    r"|que (se puede|se le puede|le pueden|pueden|puede|podemos) hacer|que le hacen|que hacen"
    r"|que (le|les|me|nos|te) (van|vamos) a hacer)\b"
)
# After a treatment, asking how it is given, how often or for how long ("is it a pill", "how long do i
# take it", "cuanto dura"): the care team plans that for each person; the sources do not say.
_HOW_GIVEN = re.compile(
    r"\b(how (is|are) (it|they|this|that) (given|taken|done|administered)"
    r"|how do (i|you|they|we|she|he) (take|get|give) (it|them|this|that)"
    r"|(is|are) (it|this|that|they) (a|an)? ?(pill|pills|shot|shots|injection|injections|infusion|iv|tablet"
    r"|tablets|drip)"
    r"|how (long|often) (do|does|will|would|should|can) (i|she|he|you|we|they) (take|get|need|have|be on"
    r"|stay on|do) (it|them|this|that)"
    r"|how long (does|will|would) (it|this|that|the treatment|treatment) (take|last)"
    r"|how long (do|does|will|would|should|can) (i|she|he|you|we|they) (have|get|need|be getting"
    r"|be having) (chemo|chemotherapy|radiation|radiotherapy|treatment|treatments|infusions|shots"
    r"|injections|therapy|immunotherapy|hormone therapy)"
    r"|how many (treatments|sessions|doses|rounds|cycles|shots|infusions)"
    r"|(is it|do you take it|do i take it|is it given|do you get it|do i get it) every (day|week|month"
    r"|other week|3 weeks|three weeks)|^how often\??$"
    r"|como se (da|toma|pone|aplica|administra)|cada cuanto( tiempo)? se (da|toma|pone|aplica)"
    r"|es (una )?(pastilla|pildora|inyeccion|infusion|suero)|^(y )?cuanto (tiempo )?(dura|duran)"
    r"|por cuanto tiempo (se|lo|la|le|me) (da|toma|pone|dan|ponen)|cuantas (sesiones|dosis|rondas"
    r"|aplicaciones))\b"
)
# With a medicine's name where the pronoun would be ("how is herceptin given").
_MEDICINE_GIVEN = re.compile(
    r"\bhow (long|often)\b|\bhow (is|are|do|does|will|would) \w+( \w+)? (given|taken|take|get|administered)\b"
    r"|\b(is|are) \w+ (a |an )?(pill|pills|shot|shots|injection|injections|infusion|iv|tablet|tablets)\b"
    r"|\b(cuanto tiempo|cada cuanto|por cuanto tiempo)\b"  # "como se da", "es una pastilla": _HOW_GIVEN's
)
# Someone told to have cancer, and nothing more the line can match ("my mom has cancer", "tengo
# cancer"): what stage 4 means, the line's subject, rather than "we did not find that".
_HAS_CANCER = re.compile(
    r"\b(has|have|had|got|with|diagnosed with|tiene|tengo|tuvo|con|le (dio|salio)|me (dio|salio))"
    r" (breast |stage \w+ |metastatic |el |un )?(cancer|canser|cancr)( de (mama|seno))?( (?P<after>again"
    r"|too|now|tambien|otra vez))?$"
)
# A treatment named with a place ("radiation for bones", "chemo for liver mets", "quimio para el higado"):
# what that treatment does there, not how often cancer spreads there.
_NAMED_TREATMENT = re.compile(
    r"\b(chemo|chemotherapy|kimo|radiation|radiotherapy|surgery|operation|hormone therapy|hormonal therapy"
    r"|immunotherapy|targeted therapy|quimio|quimioterapia|radiacion|radiaciones|radioterapia|cirugia"
    r"|operacion|terapia hormonal|inmunoterapia|terapia dirigida)\b"
)
# Asking help to understand something ("can you help me understand what stage 4 means", "ayúdeme a
# entender"): the something is what is asked about, not help (the people to talk to).
_HELP_ME_TO = re.compile(
    r"\b((can|could|would) (you|u) (please )?)?help me (to )?(understand|know|learn about|figure out)\b"
    r"|\b((me )?(puede|podria) )?(ayudar|ayudarme|ayudeme) a (entender|comprender|saber)\b"
)
# Being sent to the line ("i was told to call this number", "my doctor gave me this number", "me dijeron
# que llamara a este número"): how the person came, not what they ask, so it is left out before matching
# ("call" alone finds the urgent signs); with nothing else asked, what the line is.
_REFERRED = re.compile(
    r"\b(told|asked|said|wants|wanted|recommended|suggested)( for)? ((me|us|her|him|them) )?to (call|text"
    r"|ring|contact|try)( (this|the|your|you|here|you guys))?( (number|line|phone number|hotline))?\b"
    r"|\b(gave|give|given|passed|sent) ((me|us|her|him) )?(this|the|your) (number|line|phone number)\b"
    r"|\b(got|get|found|saw) (this|the|your) (number|line|phone number) (from|on|in|at)\b"
    r"|\b(me|le|nos) (dijeron|dijo|pidieron|pidio|recomendaron|recomendo) (que )?(llamara|llame|llamar"
    r"|escribiera|escriba|escribir)( (a|al))?( (este|esta|ustedes|aqui))?( (numero|linea))?\b"
    r"|\b(me|le|nos) (dieron|dio|pasaron|paso) (este|el|su) numero\b"
)
# Who sent a person to the line, around those words ("my oncologist's nurse told me to call"; "mi doctora
# me dio este número"): with them, still only how the person came.
REFERRED_BY = frozenset(
    "my her his our their the a an um uh well doctor doctors dr nurse nurses oncologist oncologists "
    "hospital clinic social worker friend center team they someone somebody was were been by from about "
    "mi su el la mis doctora medico medica enfermera enfermero oncologo oncologa clinica amiga amigo "
    "trabajadora social equipo alguien".split()
)
# Going back to a place by name ("go back to the symptoms", "volver a los síntomas"): the place named,
# not a step back, nor a back's symptoms ("back" and "symptoms" name the bones' symptoms).
_BACK_TO = re.compile(
    r"^(please |can we |can you |i want to |i wanna |lets |let us |quiero |vamos a |podemos |puede )?"
    r"(go |going |take me |take us |bring me |get me |ir |irnos )?(back|volver|regresar|regresa|regrese"
    r"|vuelve|vuelva) (to|a|al)\b ?"
)
SUBJECT_TOPIC_WORDS = "metastatic breast cancer"  # what the matcher turns into What stage 4 means
# Asking what stage the cancer is ("what stage is it when it goes to the liver", "is stage 4 the last
# stage", "en que etapa esta"): what stage 4 means, unless the place named says which stages it can be.
_ASKS_STAGE = re.compile(
    r"\b((what|which|wat|wich|whats|what's) stage|stage (is|was) (it|this|that|she|he|mine|hers|his)"
    r"|how many stages|(the )?(last|highest|worst|most advanced|top) stage|stage\?$|^stage$"
    r"|(que|cual|en que|en cual) (etapa|estadio|fase)|cuantas (etapas|fases)"
    r"|(la )?(ultima|peor|mas avanzada|mas alta) (etapa|fase))\b"
)
_NAMES_STAGES = re.compile(r"\b(stage|stages|etapa|etapas|estadio) (\d|ii|iii|iv)\b")  # "stage 2, 3 or 4"
RECURRENCE_TOPIC_WORDS = "recurrence"  # ...and into Cancer that comes back
# "is it serious", about a sign just told or read: what to do now (elsewhere, the honest answer of how long).
_ASKS_IF_SERIOUS = re.compile(
    r"^(so |and |but |y |pero )?(is (it|this|that) (serious|bad|dangerous|life threatening)|how (serious|bad)"
    r" is (it|this|that)|(es|eso es|esto es) (grave|peligroso|serio)|que tan grave es( eso| esto)?)( now)?$"
)
# A sign just told that has passed, or whether to still go ("its gone now", "she is ok now", "should we
# still go", "ya se le pasó"): what to do now again, as a sign that goes away still needs the care team.
_PASSED = re.compile(
    r"^(ok |okay |but |well |so |now |pero |ya |bueno )?(it|its|it s|the pain|pain|that|this)( is| s| has)?"
    r" (gone|went away|stopped|passed|better|over)( now)?$"
    r"|^(ok |but |now )?(she|he|i|we|mom|dad)( is| s| am| m|s|m)? (ok|okay|fine|better|alright|all right)"
    r"( now)?$|^(i|she|he) (feel|feels) (ok|okay|fine|better)( now)?$"
    r"|^(should|do|must|shall) (i|we|she|he) (still )?(need to )?(go|call|call 911|go to the er|call them"
    r"|go in)( still| now| anyway)?$"
    r"|^(ya )?(se le|se me|se) (paso|quito)( el dolor)?( ya)?$|^ya (esta|estoy) (bien|mejor)$"
    r"|^(todavia |aun )?(tengo|tenemos|debo|debemos) que (ir|llamar)( todavia)?$"
)
# Asking whether the line is private ("is this private", "will you share my number", "es confidencial").
_PRIVACY = re.compile(
    r"\b(private|privacy|confidential|anonymous|(who|anyone|someone) (sees|reads|can see|can read|see|read)"
    r" (my|these|the|our) (messages|texts)|(share|sell|keep|store|save|record|track)(s|ing)? (my|our)"
    r" (number|phone number|info|information|data|messages|texts|name)|privado|privada|privacidad"
    r"|confidencial|anonimo|anonima|quien (ve|lee|puede ver|puede leer) (mis|los|nuestros) mensajes"
    r"|(comparten|guardan|venden|graban) (mi|mis|nuestro|nuestros) (numero|informacion|datos|mensajes)"
    r"|(is|are) (this|the|my|our) (call|calls|conversation|line) (being )?(recorded|monitored|taped)"
    r"|are you (recording|taping)|(record|recording|tape|taping) (this|me|my|the call|our)"
    r"|(se )?(graba|grabara|esta grabando|estan grabando) (la |esta )?(llamada|conversacion)"
    r"|me (estan|esta) grabando|(esta|la) llamada (se )?(graba|esta grabada))\b"
)

# Asking whether the line is a person or a machine ("are you a bot", "is this a real person", "estoy
# hablando con una máquina"): it answers by itself, then how to reach a person. ("Who am i talking to"
# hears the line's name.)
_ASKS_IF_AUTOMATED = re.compile(
    r"\b(are you|r u|ru|is this|is that|am i (talking|texting|speaking|chatting|writing) (to|with))( a| an)?"
    r" (real |live |actual )?(bot|robot|computer|machine|ai|automated|automatic|human|person"
    r"|chatbot|chat bot|answering machine|doctor|nurse)\b|\b(is this|is that) a recording\b"
    r"|\b(eres|es usted|es esto|estoy hablando con|me contesta|me responde)( un| una)? (robot|bot"
    r"|maquina|computadora|persona|humano|grabacion|contestadora|doctor|doctora|enfermera)\b"
)
MAX_AUTOMATED_WORDS = 10  # a longer message names a machine or a doctor in passing

# Words that point at a picture sent with them ("this is my scan", "what does this say", "que dice esto").
_POINTS_AT_MEDIA = re.compile(
    r"\b(this|these|attached|picture|pictures|photo|photos|pic|pics|image|images|screenshot|look at|read"
    r"|report|results|esto|estos|esta|adjunto|foto|fotos|imagen|imagenes|mire|vea|lea|que dice|informe"
    r"|resultados)\b"
)
MAX_MEDIA_WORDS = 8  # longer words with a picture say their own question, and get its answer
# A symptom told as gone ("the pain is gone", "no more pain", "ya no le duele"): part of good news.
_GONE = re.compile(
    r"\b\w+ (is|are|has|have|had) (all )?(gone|better|eased|stopped|gone away)\b|\b\w+ went away\b"
    r"|\bno (more )?\w+\b|\bya no (le |me )?\w+\b"
)
# Good news told ("i'm in remission", "el tumor se redujo"): glad to hear it, never "we did not find that".
_GOOD_NEWS = re.compile(
    r"\b(in remission|no evidence of disease"
    r"|scans? (is |are |was |were |came back |all )*(clear|clean|good|stable|normal)"
    r"|(im|i am|she is|shes|he is|hes|its|it is|cancer is|everything is|everything looks) (still )?stable"
    r"|tumou?rs? (shrank|shrunk|is shrinking|are shrinking|(is|are|got) smaller)"
    r"|(markers?|numbers|levels) (are|is|went|came) down"
    r"|(treatment|chemo|it|the medicine|the meds) is working|good news|rang the bell"
    r"|(finished|done with|completed) (my |her |his )?(last )?(treatment|chemo|radiation)"
    r"|cancer free|(cancer|it) is gone|en remision"
    r"|(estudio|escaneo|tac|pet|resultados?|analisis) (me |le )?(salio|salieron|esta|estan|vino|vinieron) "
    r"(limpios?|bien|normal|normales|estables?)|(estoy|esta|sigue|sigo) estable"
    r"|tumor (se )?(redujo|encogio|achico|hizo mas pequeno)|(tratamiento|quimio|medicina) (me |le )?(esta "
    r"funcionando|funciona)|buenas noticias|termine (el tratamiento|la quimio|las radiaciones|la radiacion)"
    r"|toque la campana|libre de cancer"
    r"|^(she is|shes|he is|hes|i am|im|i feel|she feels|he feels|my \w+ is|my \w+ feels) (feeling )?"
    r"(a lot |a little |much |so much )?better( now| today)?$"
    r"|^(ya )?(esta|estoy|me siento|se siente) (mucho |un poco )?mejor( ahora| hoy)?$)\b"
)
_ASKING = frozenset(
    "how what is are does do can will when why which if whats hows could would should como que cual cuando "
    "por porque es esta puede se".split()
)
_ASKING_TOO = frozenset(
    "but however question questions how what why should pero pregunta preguntas como".split()
)
# Asking how one would know it is somewhere ("how do i know if its spread to my brain", "como se si se fue
# al higado"): the signs there, as "signs of brain mets" gets.
_HOW_TO_KNOW = re.compile(
    r"\bhow (do|would|will|can|could|does|should) (i|we|you|she|he|they|one|anyone|someone|a person)"
    r" (know|kno|knw|tell|find out)\b|\bcomo (se|sabe|sabemos|saber|puedo saber|podemos saber|se sabe) si\b"
)
# A greeting with a name, and nothing more ("hi, i'm mary", "my name is john", "hola, me llamo rosa").
_GREETING = (r"(hi|hello|hey|hola|buenas|buenos dias|buenas tardes|buenas noches|good morning|good afternoon"
             r"|good evening)")
_INTRODUCES = re.compile(
    rf"({_GREETING} )+(there )?(im|i am|this is|soy|habla) \w+( \w+)?( here| aqui)?"
    rf"|({_GREETING} )*(there )?(my name is|my names|me llamo|mi nombre es) \w+( \w+)?"
)
MAX_LANGUAGE_WORDS = 6  # "i would like it in spanish please"; longer messages name a language in passing


class SiteFinder:
    """The symptom topic of a body part named with a symptom word, or the side effects topic when a
    treatment is named as the symptom's cause; one instance serves every message."""

    def __init__(
        self, sites: Sites | None, medicines: Medicines | None = None, side_effects: str = "",
        treatments: str = "", places: frozenset[str] = frozenset(),
    ) -> None:
        symptoms = sites.symptom_words.values() if sites else ()
        self._symptoms = _folded(word for words in symptoms for word in words)
        self._parts: dict[str, str] = {}
        for site in sites.sites if sites else ():
            for word in _folded(w for words in site.words.values() for w in words):
                self._parts.setdefault(word, site.topic)
        effects = medicines.side_effects.values() if medicines else ()
        self._effects = tuple(f" {w} " for w in _folded(w for words in effects for w in words) if w)
        self._side_effects = side_effects
        self._treated_in = sites.treated_in if sites else {}
        self.treatments = treatments
        self.places = places  # the topics of where cancer spreads

    def topic(self, message: str) -> str | None:
        """The symptom topic when a message names a treatment or a part of the body, and a symptom."""
        text = normalize(message)
        if self._side_effects and self.blames_treatment(text):
            return self._side_effects
        words = text.split()
        told = [at for at, word in enumerate(words) if word in self._symptoms]
        if not told and not _HOW_TO_KNOW.search(text):
            return None
        parts = [at for at, word in enumerate(words) if word in self._parts]
        if not parts:
            return None
        nearest = min(parts, key=lambda at: min((abs(at - symptom) for symptom in told), default=0))
        return self._parts[words[nearest]]  # "radiation for her bones ... now she has headaches": the head

    def names_symptom(self, text: str) -> bool:
        """Whether folded `text` names a symptom ("sore", "headaches"), wherever it is felt."""
        return any(word in self._symptoms for word in text.split())

    def blames_treatment(self, text: str) -> bool:
        """Whether folded `text` names a treatment as the cause of a symptom ("sick after chemo")."""
        return bool(_BLAMED.search(text)) and self._names_effect(text)

    def follow_up(self, message: str, place: str) -> str | None:
        """The symptom topic of the place just read about (`place`: its title), when a message asks of
        symptoms and names no place of its own: "is it painful" after Liver, "what are the symptoms"."""
        words = normalize(message).split()
        if not any(word in self._symptoms for word in words) or any(word in self._parts for word in words):
            return None
        return next((self._parts[word] for word in normalize(place).split() if word in self._parts), None)

    def after_treatment(self, message: str, place: str, title: str) -> str | None:
        """The side effects topic when a message names a side effect, and no part of the body, right after
        a treatment's page or the side effects' own (`place`, `title` its title): "will it make me sick"
        after Chemotherapy, "does it make you sick" after Side effects."""
        text = normalize(message)
        if not self._side_effects or any(word in self._parts for word in text.split()):
            return None
        after = place == self._side_effects or _TREATMENT_NAMED.search(normalize(title))
        if not after or not self._names_effect(text, only=True):
            return None  # "symptoms" alone, after a treatment, is the symptoms menu
        return self._side_effects

    def treatment_of(self, message: str, topic: str | None, named: str | None = None) -> str | None:
        """The topic telling how a place is treated, when a message asks how and `topic` is the place;
        `named`, the node the words found, may be the treatments menu ("how is it treeted")."""
        linked = self._treated_in.get(topic or "")
        asked = linked and (asks_treatment(message) or (named is not None and named == self.treatments))
        return linked if asked else None

    def _names_effect(self, text: str, only: bool = False) -> bool:
        """Whether folded `text` names a side effect, or (unless `only` side effects) a symptom word."""
        padded = f" {text} "
        if any(word in padded for word in self._effects):
            return True
        return not only and self.names_symptom(text)


def site_finder(content: Content, matchers: Mapping[str, Matcher]) -> SiteFinder:
    """The content's SiteFinder, its side effects topic and treatments menu found by the words that name
    them."""
    english = matchers.get(DEFAULT_LANGUAGE)  # the words are English; the nodes serve both languages
    topic = (english.match(SIDE_EFFECTS_WORDS) if english else None) or ""
    menu = (english.match(TREATMENTS_WORDS) if english else None) or ""
    places = (english.match(PLACES_WORDS) if english else None) or ""
    return SiteFinder(content.sites, content.medicines, topic if topic in content.topics else "",
                      menu if content.is_menu(menu) else "", _topics_under(content, places))


def _topics_under(content: Content, menu: str) -> frozenset[str]:
    """The topics a menu offers, and those its menus offer, and so on."""
    return frozenset(node for node in reachable(content, menu) if not content.is_menu(node))


def reachable(content: Content, menu: str) -> frozenset[str]:
    """Every node a menu's choices lead to, menus and topics, at any depth."""
    found: set[str] = set()
    menus, seen = [menu], set()
    while menus:
        node = menus.pop()
        if node in seen or not content.is_menu(node):
            continue
        seen.add(node)
        targets = [option.target for option in content.menus[node].options]
        menus.extend(target for target in targets if content.is_menu(target))
        found.update(targets)
    return frozenset(found)


def node_named(
    content: Content, sites: SiteFinder, matchers: Mapping[str, Matcher], lang: str, words: str, place: str
) -> str | None:
    """The node words name, for texts and calls alike: a body part or a treatment with a symptom, a
    keyword (in `lang`, else another language), else, when they find no topic, the symptoms of the place
    just read (`place`: the topic the person is at, or ""); a side effect asked after a treatment's page
    is about that treatment; how a place is treated, the topic that tells it (sites.yaml's treated_in);
    having cancer, told alone, what stage 4 means (or, told again, a recurrence)."""
    back = back_to(words)
    if back:  # "go back to the symptoms": the symptoms menu, not the symptoms of the place just read
        words, place = back, ""
    told = sites.topic(words)  # a symptom told now: its page, which says when to get help, comes first
    asked = _HELP_ME_TO.sub(" ", _REFERRED.sub(" ", normalize(words)))
    node = told or match_in_any(matchers, lang, asked)
    if place in content.topics:
        title = content.title(place, lang)
        if node is None or content.is_menu(node):  # "is it painful", after Liver
            node = sites.follow_up(words, title) or node
        node = sites.after_treatment(words, place, title) or node  # "will it make me sick", after Chemo
        if node is None and _WHAT_TO_DO_IF.search(normalize(words)):  # "what do we do if she has one"
            node = match_in_any(matchers, DEFAULT_LANGUAGE, URGENT_TOPIC_WORDS)
    if node is not None and node == told:
        return node
    about = place if node is None or content.is_menu(node) else node
    node = sites.treatment_of(words, about, node) or node  # "how is it treated" after Bones
    node = _treatment_there(content, sites, matchers, lang, words, node)  # "radiation for bones"
    if node is None and asks_treatment(words):  # "what can they do for it": the kinds of treatment
        node = sites.treatments or None
    if node is None or content.is_menu(node) or node in sites.places:
        node = _stage_asked(content, matchers, lang, words, node, place)
    has = _HAS_CANCER.search(normalize(words)) if node is None and "?" not in words else None
    if has is not None:  # "my mom has cancer"; "i have cancer again": a recurrence
        again = has.group("after") in ("again", "otra vez")
        topic_words = RECURRENCE_TOPIC_WORDS if again else SUBJECT_TOPIC_WORDS
        node = match_in_any(matchers, DEFAULT_LANGUAGE, topic_words)
    return node


def back_to(message: str) -> str:
    """The place words go back to by name ("go back to the liver": "the liver"), else ""."""
    text = normalize(message)
    found = _BACK_TO.match(text)
    return text[found.end():].strip() if found else ""


def _stage_asked(
    content: Content, matchers: Mapping[str, Matcher], lang: str, words: str, node: str | None, place: str
) -> str | None:
    """What stage 4 means, for a stage asked of a place or of nothing ("what stage is it in the liver");
    the place itself when its pages name the stages it can be (the lymph nodes: stage 2, 3 or 4)."""
    if not _ASKS_STAGE.search(normalize(words)):
        return node
    if _tells_stages(content, lang, node or place):
        return node or place
    return match_in_any(matchers, DEFAULT_LANGUAGE, SUBJECT_TOPIC_WORDS)


def stage_page(content: Content, lang: str, topic: str, words: str) -> int:
    """The first page of a topic naming stages by number, when words ask a stage; else 0."""
    if not _ASKS_STAGE.search(normalize(words)):
        return 0
    return next(iter(_pages_naming_stages(content, lang, topic)), 0)


def _tells_stages(content: Content, lang: str, node: str | None) -> bool:
    """Whether a topic's pages name stages by number ("can be stage 2, 3 or 4"): it answers a stage
    question about its place better than what stage 4 means does."""
    return bool(_pages_naming_stages(content, lang, node or ""))


def _pages_naming_stages(content: Content, lang: str, topic: str) -> tuple[int, ...]:
    """The pages of a topic that name stages by number ("stage 2, 3 or 4"), none for a menu or nothing."""
    if topic not in content.topics:
        return ()
    pages = content.topic_text(topic, lang).sms
    return tuple(number for number, page in enumerate(pages) if _NAMES_STAGES.search(normalize(page)))


def _treatment_there(
    content: Content, sites: SiteFinder, matchers: Mapping[str, Matcher], lang: str, words: str,
    node: str | None,
) -> str | None:
    """A place with a treatment named: the place, when its pages speak of that treatment (the text core
    gives the page on treating it), else that treatment's topic ("radiation for bones": Radiation)."""
    treatment = _named_treatment_topic(content, matchers, lang, words) if node in sites.places else ""
    if node is None or not treatment or treatment in sites.places:
        return node
    spoken = {normalize(k) for k in content.topic_text(treatment, lang).keywords if len(k.split()) == 1}
    pages = (normalize(page).split() for page in content.topic_text(node, lang).sms)
    return node if any(spoken.intersection(page) for page in pages) else treatment


def how_given_topic(
    content: Content, matchers: Mapping[str, Matcher], lang: str, words: str, place: str, node: str | None
) -> str:
    """The treatment a question of how it is given is about ("how long will she have radiation"): the
    one named, else the one the person is at (`place`) unless `node` is another treatment; else ""."""
    if not asks_how_given(words):
        return ""
    treatment = _named_treatment_topic(content, matchers, lang, words)
    if treatment:
        return treatment
    other = node in content.topics and node != place and (node or "").startswith(TREATMENT_TOPIC_PREFIX)
    return place if place.startswith(TREATMENT_TOPIC_PREFIX) and not other else ""


def _named_treatment_topic(content: Content, matchers: Mapping[str, Matcher], lang: str, words: str) -> str:
    """The topic of the kind of treatment words name ("radiation": Radiation), or ""."""
    named = treatment_named(words)
    found = (match_in_any(matchers, lang, named) if named else None) or ""
    return found if found in content.topics else ""


def treatment_named(message: str) -> str:
    """The kind of treatment a message names ("chemo", "radiacion"), or ""."""
    found = _NAMED_TREATMENT.search(normalize(message))
    return found.group() if found else ""


def about_the_line(message: str) -> bool:
    """Whether a message only greets the line or asks what it is ("hello is this the cancer line"),
    greets it with a name ("hi, i'm mary", "me llamo rosa"), or says who sent the person to it."""
    text = normalize(message)
    words = text.split()
    if not words:
        return False
    if set(words) <= commands.ABOUT_LINE_WORDS or _INTRODUCES.fullmatch(text):
        return True
    left = _REFERRED.sub(" ", text)  # "i was told to call this number": how they came, and nothing asked
    return left != text and set(left.split()) <= commands.ABOUT_LINE_WORDS | REFERRED_BY


def closes(message: str) -> str:
    """"bye" when a message says goodbye (with or without thanks), "thanks" for thanks alone, else ""."""
    text = normalize(message)
    if finished(text):  # "that's all, thanks"
        return "bye"
    words = text.split()
    if not words or not all(w in commands.CLOSE_WORDS or w in commands.CLOSE_FILLERS for w in words):
        return ""
    if any(w in commands.GOODBYE_WORDS for w in words):
        return "bye"
    return "thanks" if any(w in commands.CLOSE_WORDS for w in words) else ""


def thanks(message: str) -> bool:
    """Whether a message says thank you ("thanks, bye"): "you are welcome" answers it, not a bare bye."""
    return any(word in commands.THANKS_WORDS for word in normalize(message).split())


def asks_if_serious(message: str) -> bool:
    """Whether a message only asks if something is serious ("is it serious", "es grave")."""
    return bool(_ASKS_IF_SERIOUS.search(normalize(message)))


def passed_or_still_go(message: str) -> bool:
    """Whether a message says a sign has passed, or asks whether to still go ("its gone now")."""
    return bool(_PASSED.search(normalize(message)))


def asks_how_given(message: str) -> bool:
    """Whether a message asks how a treatment is given, how often or for how long ("is it a pill")."""
    return bool(_HOW_GIVEN.search(normalize(message)))


def asks_how_medicine_given(message: str) -> bool:
    """Whether a message naming a medicine asks how, how often or how long it is given ("how long do you
    take letrozole", "is ibrance a pill", "cada cuánto se pone el xgeva")."""
    text = normalize(message)
    return bool(_HOW_GIVEN.search(text) or _MEDICINE_GIVEN.search(text))


def asks_treatment(message: str) -> bool:
    """Whether a message asks how something is treated ("what can they do for it")."""
    return bool(_ASKS_TREATMENT.search(normalize(message)))


def points_at_media(message: str) -> bool:
    """Whether a few words only point at a picture sent with them, asking it to be read."""
    text = normalize(message)
    return len(text.split()) <= MAX_MEDIA_WORDS and bool(_POINTS_AT_MEDIA.search(text))


def asks_if_automated(message: str) -> bool:
    """Whether a short message asks if the line is a person or a machine ("are you a bot")."""
    text = normalize(message)
    return len(text.split()) <= MAX_AUTOMATED_WORDS and bool(_ASKS_IF_AUTOMATED.search(text))


def asks_privacy(message: str) -> bool:
    """Whether a message asks if the line is private or what it keeps ("is this confidential")."""
    return bool(_PRIVACY.search(normalize(message)))


def good_news(message: str) -> bool:
    """Whether a message tells good news ("i'm in remission", "my scan was clear"), not asks about it."""
    text = normalize(message)
    words = text.split()
    if not words or words[0] in _ASKING or "?" in message or not _ASKING_TOO.isdisjoint(words):
        return False  # "my scan was clear but what about tamoxifen": the question is answered instead
    return bool(_GOOD_NEWS.search(text))


def glad_news(sites: SiteFinder, message: str) -> bool:
    """Good news told, and no symptom with it: "she finished radiation, now she has headaches" is a
    symptom to answer, not news to be glad of."""
    return good_news(message) and not sites.names_symptom(_GONE.sub(" ", normalize(message)))


def _folded(words: Iterable[str]) -> frozenset[str]:
    """Words as messages are folded: "pulmón" is found as "pulmon"."""
    return frozenset(normalize(word) for word in words)


def language_named(message: str) -> str | None:
    """The language a short message asks for ("hablo español", "spanish please"), else None; named as
    the one not spoken ("no hablo inglés", "i don't speak spanish"), the line's other language."""
    words = normalize(message).split()
    if len(words) > MAX_LANGUAGE_WORDS:
        return None
    named = {commands.LANGUAGE_NAMES[w] for w in words if w in commands.LANGUAGE_NAMES}
    if len(named) != 1:
        return None
    lang = named.pop()
    return commands.OTHER_LANGUAGE_OF[lang] if commands.NOT_SPOKEN_WORDS.intersection(words) else lang


def only_language(message: str) -> str | None:
    """The language, when naming it is all a message does ("en español por favor", not "herceptin en
    español")."""
    words = normalize(message).split()
    lang = language_named(message)
    others = [w for w in words if w not in commands.LANGUAGE_NAMES and w not in commands.LANGUAGE_FILLERS]
    return lang if lang and not others else None


def language_key(message: str) -> str | None:
    """The opening's language chosen by a number word said in either language ("dos", "two", "uno")."""
    words = [w for w in normalize(message).split() if w not in commands.NUMBER_FILLERS]
    if len(words) != 1:
        return None
    return commands.LANGUAGE_KEYS.get(commands.SPOKEN_NUMBERS.get(words[0], words[0]))

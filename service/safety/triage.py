"""Triage: urgent signs and distress in people's own words, found before any keyword matching.

A text or a spoken answer that describes an urgent sign must hear what to do now (911 or the care
team) before any topic; one that shows fear, grief or a wish to talk to someone must hear how to
reach a person, not "Sorry". Keyword matching could hide both (a numb leg matches bone pain), so
this runs first and cannot be outranked by a keyword.

Signs that are plainly urgent ("can't breathe", "chest pain", "coughing up blood") trigger alone.
Signs that are also asked about as facts ("seizure", "confusion", "fever") trigger unless the
message reads as a question about facts with no sign it is happening to someone ("what is a
seizure", "can it cause confusion"). Typos are folded onto the words the patterns use first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from service.words.everyday import EVERYDAY_WORDS
from service.words.fold import normalize

TYPO_SIMILARITY = 0.8
NEAREST_KEPT = 50_000  # words seen lately and the pattern word each stands for (bounded: texts are free text)
URGENT_TOPIC_WORDS = "urgent"  # what the matcher turns into the urgent-signs topic
# Words people ask about as facts that sit one letter from a pattern word ("breast", "breath").
_NEVER_FOLDED = frozenset(
    "breast breasts chemo liver lungs bones brain cancer spread heart heard hearing treat treats "
    "wake week weeks feel feels fail fell file fill fine five helped helps hello".split()
)


class Concern(StrEnum):
    """What a message shows: an urgent sign, or a person who needs a person."""

    URGENT = "urgent"
    DISTRESS = "distress"


@dataclass(frozen=True)
class Finding:
    """What triage found, and words that name the matching topic (looked up by the caller)."""

    concern: Concern
    about: str


@dataclass(frozen=True)
class _Rule:
    concern: Concern
    about: str  # words the keyword matcher turns into the topic to offer
    pattern: re.Pattern[str]
    plain: bool  # True: urgent even in a question; False: not in a question about facts
    personal: bool = False  # True: only when someone it is happening to is named ("i am ...")


def _rule(
    concern: Concern, about: str, pattern: str, plain: bool = True, personal: bool = False
) -> _Rule:
    return _Rule(concern, about, re.compile(pattern), plain, personal)


# Someone this is happening to, now: "i", "my mum", "she is", "right now"...
_PERSON = (
    r"\b(i|im|ive|id|me|my|myself|we|our|us|she|shes|her|he|hes|his|him|they|their|mom|mum|mother|"
    r"dad|father|wife|husband|partner|sister|brother|daughter|son|friend|aunt|grandma|nan|patient|"
    r"having|had|has|now|just|today|tonight|keeps?|started|suddenly|sudden)\b"
)
# A question about facts: "what is", "can it", "signs of", "side effects"...
_FACT_QUESTION = (
    r"^(what|whats|which|how|why|where|when|is|are|can|could|does|do|will|would|should|tell)\b"
    r"|\b(symptoms?|signs?|side effects?|cause|causes|caused|mean|means|meaning|define|definition|"
    r"risk|risks)\b|\btreat(ment|ed|ing|s)? (for|of)\b"
)
_OF = r"(my|her|his|the|their|both|one|a|an|either)?\s?"
_LIMB = r"(legs?|feet|foot|arms?|hands?|toes)"

_RULES: tuple[_Rule, ...] = (
    # Words that say it is an emergency now.
    _rule(Concern.URGENT, "urgent", r"\b(emergency|emergancy|911|nine one one|ambulance|er now)\b"),
    _rule(Concern.URGENT, "one side weak", r"\b(stroke|having a stroke|had a stroke)\b", plain=False),
    _rule(Concern.URGENT, "urgent",
          r"\b(collapsed|collapse|unresponsive|not responding|wont respond|blacked out|passed out|"
          r"fainted|unconscious|cant wake|wont wake|not waking)\b"),
    _rule(Concern.URGENT, "urgent", r"\b(kill (myself|herself|himself)|suicide|suicidal|want to die|"
          r"end (my|it) (life|all)|better off dead)\b"),
    # Breathing.
    _rule(Concern.URGENT, "cant breathe",
          r"\b(cant|cannot|can not|unable to|struggling to|hard to|trouble|difficulty|difficult|"
          r"problems?|fighting to) (to )?(breathe|breathing|breath|get (my|her|his) breath|catch)\b"
          r"|\b(cant|cannot|can not) get (any )?(air|a breath)\b"
          r"|\b(isnt|is not|not|arent|wasnt) breathing\b"),
    _rule(Concern.URGENT, "cant breathe", r"\b(gasping|choking|not breathing|stopped breathing)\b"),
    _rule(Concern.URGENT, "cant breathe", r"\b(short(ness)? of breath|breathless|out of breath)\b",
          plain=False, personal=True),
    # Chest pain.
    _rule(Concern.URGENT, "urgent",
          r"\bchest (pain|pains|hurts?|hurting|tight|tightness|pressure|is tight)\b"
          r"|\bpain in " + _OF + r"chest\b|\btight chest\b"),
    # Numb or weak legs, or one side; spinal cord.
    _rule(Concern.URGENT, "legs numb",
          r"\b" + _LIMB + r"\b.{0,20}\b(numb|numbness|weak|weakness|tingling|dead|gave out|gave way|"
          r"giving way|giving out|give way|wont work|not working|cant move)\b"
          r"|\b(numb|paralysed|paralyzed|no feeling|cant feel anything) (from|below) (the|my|her|his)? ?"
          r"(waist|hips?|chest|belly button)\b"),
    _rule(Concern.URGENT, "legs numb",
          r"\b(numb|numbness|weak|weakness|tingling|no feeling)\b.{0,20}\b" + _LIMB + r"\b"),
    _rule(Concern.URGENT, "legs numb",
          r"\b(cant|cannot|can not|unable to) (feel|move|stand|walk)\b|\bparaly[sz]ed\b"),
    _rule(Concern.URGENT, "one side weak",
          r"\b(one|left|right) side\b.{0,25}\b(numb|weak|droop|drooping|cant move|dead)\b"
          r"|\b(numb|weak|droop|drooping|drooped)\b.{0,25}\b(one|left|right) side\b"
          r"|\bface (is )?(droop|drooping|drooped)\b|\bslurred\b|\bslurring\b"),
    # Bladder or bowel control.
    _rule(Concern.URGENT, "urgent",
          r"\b(lost|loss of|losing|lose|no|cant|cannot|can not) (control|controll?) (of|over)? ?"
          r"(my|her|his)? ?(bladder|bowels?|pee|urine|poo|poop|stool)\b"
          r"|\b(cant|cannot|can not|unable to) (pee|wee|urinate|poop|poo|pass urine|pass stool)\b"
          r"|\bwet (myself|herself|himself)\b|\bincontinen"),
    # Seizure.
    _rule(Concern.URGENT, "seizure", r"\b(seizing|convulsing|fitting)\b"
          r"|\b(having|had|has|having a|had a|has a|in a) (seizure|seizures|fit|fits|convulsion)\b"),
    _rule(Concern.URGENT, "seizure", r"\b(seizure|seizures|convulsion|convulsions)\b", plain=False),
    # Sudden severe headache, or a headache with vomiting.
    _rule(Concern.URGENT, "headache",
          r"\b(worst|sudden|severe|terrible|awful|really bad|very bad|bad|horrible|splitting|"
          r"excruciating) (head ?ache|head pain|migraine)\b"),
    _rule(Concern.URGENT, "headache",
          r"\b(head ?ache|head pain|head hurts|migraine)\b.*\b(vomit|vomiting|throwing up|threw up|"
          r"throw up|being sick|puking|sick)\b"
          r"|\b(vomit|vomiting|throwing up|threw up|throw up|being sick|puking)\b.*\b(head ?ache|"
          r"head pain|head hurts|migraine)\b"
          r"|\b(vomit|vomiting|throwing up|threw up|being sick|puking)\b.*\bhead\b.{0,15}\b(killing|pounding|"
          r"exploding|splitting|hurts|hurting|agony)\b"
          r"|\bhead\b.{0,15}\b(killing|pounding|exploding|splitting)\b.*\b(vomit|vomiting|throwing up|"
          r"threw up|being sick|puking)\b"),
    # Confusion.
    _rule(Concern.URGENT, "urgent",
          r"\b(confused|confusion|disoriented|delirious|not making sense|doesnt know where|"
          r"dont know where i am|cant wake|wont wake|not waking|passed out|fainted|unconscious)\b"
          r"(?! (about|by|with|what|which|how|over|as to))", plain=False),
    # Coughing up or bringing up blood, or bleeding.
    _rule(Concern.URGENT, "urgent",
          r"\b(cough|coughs|coughing|coughed|spitting|spit|spat|bringing|brought|vomiting|vomit|"
          r"throwing|threw) (up )?(blood|bloody)\b|\bblood in " + _OF + r"(cough|spit|phlegm|sputum|"
          r"vomit|sick|mucus)\b|\bbloody (cough|phlegm|sputum|mucus|vomit)\b"
          r"|\bblood\b.{0,20}\b(cough|coughing|coughed)\b|\b(cough|coughing|coughed)\b.{0,20}\bblood\b"
          r"|\bbleeding (a lot|heavily|badly|wont stop|that wont stop)\b|\b(heavy|bad|lots of) bleeding\b"),
    # A fall, or a bone that may be broken.
    _rule(Concern.URGENT, "broken bone",
          r"\b(i|she|he|mom|mum|dad|we|they|wife|husband|mother|father) (just )?(fell|fall|have "
          r"fallen|has fallen|had a fall|tripped|slipped)\b|\b(had|have) a (bad )?fall\b"
          r"|\b(fell|slipped|tripped) (over|down|on|off|in)\b"
          r"|\b(cant|cannot|can not) (put|bear|take) (any )?weight\b"),
    _rule(Concern.URGENT, "broken bone",
          r"\b(broke|broken|break|fractured|cracked|snapped) (my|her|his) \w+\b"
          r"|\b(bone|hip|leg|arm|wrist|rib|ribs|back|ankle|spine|shoulder|collarbone|neck) "
          r"(is|are|may be|might be|could be|feels|feel|must be|looks) (broken|fractured|cracked)\b"
          r"|\b(think|thinks|may|might|could) (be|have|has)? ?(a )?(broken|fractured)\b"
          r"|\b(leg|arm|hip|wrist|ankle|bone) (looks|is) (wrong|bent|deformed|at a funny angle)\b"),
    # Fever during treatment.
    _rule(Concern.URGENT, "urgent",
          r"\b(fever|feverish|temperature|temp|chills|shivering|shaking|rigors)\b.*\b(chemo|treatment|therapy|"
          r"infusion|radiation|immunotherapy)\b|\b(chemo|treatment|therapy|infusion)\b.*\b(fever|"
          r"feverish|high temperature|high temp|chills)\b", plain=False),
    _rule(Concern.URGENT, "urgent",
          r"\b(fever|feverish|high temperature|high temp|temp of|temperature of|10[0-4] ?(f|degrees)|"
          r"3[89] ?(c|degrees))\b", plain=False),
    # A person, not "Sorry": asking for one.
    _rule(Concern.DISTRESS, "talk to someone",
          r"\b(help me|i need help|need help|please help|help please|someone help|help us|"
          r"help her|help him|sos)\b"),
    _rule(Concern.DISTRESS, "talk to someone",
          r"\b(talk|speak|chat|get through) (to|with) (someone|somebody|a person|a human|a real person|"
          r"a nurse|nurse|a doctor|anyone|anybody|a counsell?or|a social worker|a real|people)\b"
          r"|\b(real person|human being|a human|operator|nurse|nurses|counsell?or|counsell?ing|"
          r"social worker|helpline|hotline|support line|someone to talk to)\b|^(talk|person|human)$"),
    # Fear, grief, despair, a new diagnosis, what is ahead.
    _rule(Concern.DISTRESS, "talk to someone",
          r"\b(scared|scarred|afraid|frightened|terrified|terrifed|panic|panicking|panicked|"
          r"freaking out|freaked out|anxious|anxiety|so worried|really worried|very worried|"
          r"worried sick|fear|fearful|nervous|petrified|in shock)\b"),
    _rule(Concern.DISTRESS, "talk to someone",
          r"\b(cant cope|can not cope|cannot cope|not coping|cant take (it|this|any more|anymore)|"
          r"cant handle (it|this|any more|anymore)|(i am|im|feel|feeling) (so )?lost|is (any|some)(one|body) "
          r"there|"
          r"cant do this|overwhelmed|hopeless|no hope|give up|giving up|depressed|depression|"
          r"so alone|all alone|lonely|crying|cant stop crying|heartbroken|devastated|grief|grieving|"
          r"lost my|passed away|died|funeral)\b"),
    _rule(Concern.DISTRESS, "talk to someone",
          r"\b(am i dying|is she dying|is he dying|im dying|i am dying|dying|going to die|gonna die|"
          r"will i die|will she die|will he die|how long (do|have|will|does|has) (i|she|he|we|my|"
          r"her|his)|how (long|much time) (to|left to|do|does|have|has) (live|i|she|he|we|they|my|her|his)|"
          r"time left|life expectancy|terminal)\b"),
    _rule(Concern.DISTRESS, "talk to someone",
          r"\b(dont|do not) know what to do\b|\bis this the end\b|\bnot ready to die\b"
          r"|\bwho (can|do|could|should) (i|we) (talk|speak|call)\b|\b(can|could) (someone|somebody|a "
          r"person) (call|ring|phone|talk to) (me|us)\b|\b(i|we) (need|want|have) to talk\b"
          r"|\bneed (someone|somebody|a person)\b|\bplease call me\b"),
    _rule(Concern.DISTRESS, "talk to someone",
          r"\b(just|newly|recently|only just) (been )?(diagnosed|told|found out)\b"
          r"|\bfound out (it|the cancer|my cancer|her cancer|his cancer) (has )?(spread|is back)\b"
          r"|\b(got|had|have) the (news|results)\b"),
)

# The same signs in Spanish, in people's words (accents are folded away before matching).
_RULES_ES: tuple[_Rule, ...] = (
    _rule(Concern.URGENT, "urgent", r"\b(emergencia|urgencia|ambulancia|nueve uno uno)\b"),
    _rule(Concern.URGENT, "cant breathe",
          r"\b(no (puedo|puede|podemos) respirar|no respira|me ahogo|se ahoga|ahogando|falta de aire|"
          r"me falta el aire|le falta el aire|dificultad para respirar)\b"),
    _rule(Concern.URGENT, "urgent",
          r"\b(dolor|presion|opresion) (en el|de|del) pecho\b|\bme duele el pecho\b"),
    _rule(Concern.URGENT, "legs numb",
          r"\b(piernas?|pies?|brazos?)\b.{0,20}\b(dormidas?|dormidos?|entumid[ao]s?|debiles?|"
          r"adormecid[ao]s?|no (las|los) siento|no (se|me) mueven?)\b"
          r"|\bno (puedo|puede) (caminar|mover las piernas|sentir las piernas|pararme)\b|\bparalizad[ao]\b"),
    _rule(Concern.URGENT, "one side weak",
          r"\b(un lado|lado (izquierdo|derecho))\b.{0,25}\b(dormido|debil|paralizado|caido)\b"
          r"|\bderrame\b|\bcara (caida|torcida)\b"),
    _rule(Concern.URGENT, "urgent",
          r"\b(no (puedo|puede) (orinar|hacer pipi|controlar (la orina|el intestino|la vejiga))|"
          r"perdi el control|se hizo pipi|incontinencia)\b"),
    _rule(Concern.URGENT, "seizure", r"\b(convulsion|convulsiones|convulsionando|ataque epileptico)\b"),
    _rule(Concern.URGENT, "headache",
          r"\b(dolor de cabeza|migrana)\b.{0,40}\b(vomit\w*|fuerte|terrible|horrible|repentino)\b"
          r"|\b(vomit\w*)\b.{0,40}\bdolor de cabeza\b"),
    _rule(Concern.URGENT, "urgent",
          r"\b(confundid[ao]|desorientad[ao]|se desmayo|me desmaye|inconsciente|no despierta)\b"),
    _rule(Concern.URGENT, "urgent",
          r"\b(tos con sangre|tosiendo sangre|toso sangre|escupo sangre|vomito sangre|sangre al toser)\b"),
    _rule(Concern.URGENT, "broken bone",
          r"\b(me cai|se cayo|una caida|me cayo)\b|\bhueso (roto|quebrado|fracturado)\b"
          r"|\b(me|se) (rompi|rompio|quebre|quebro|fracture|fracturo)\b"),
    _rule(Concern.URGENT, "urgent", r"\b(fiebre|calentura|escalofrios)\b"),
    _rule(Concern.URGENT, "urgent", r"\b(quiero morir(me)?|suicid\w*|matarme|quitarme la vida)\b"),
    _rule(Concern.DISTRESS, "talk to someone",
          r"\b(hablar con (alguien|una persona|un humano|una enfermera|un doctor|un medico)|enfermera|"
          r"una persona real|operador[a]?|necesito ayuda|ayudeme|ayudenme|auxilio)\b"),
    _rule(Concern.DISTRESS, "talk to someone",
          r"\b(tengo miedo|miedo|asustad[ao]|aterrad[ao]|angustiad[ao]|preocupad[ao]|ansiedad|"
          r"no puedo mas|deprimid[ao]|sol[ao] en esto|llorando|me voy a morir|me estoy muriendo|"
          r"voy a morir|cuanto tiempo (me|le|nos) queda|me acaban de diagnosticar|"
          r"recien diagnosticad[ao])\b"),
)
_RULES = _RULES + _RULES_ES

# The words the patterns are written with: a typo of one of them is read as that word.
_PATTERN_WORDS = frozenset(
    word for rule in _RULES for word in re.findall(r"[a-z]{4,}", rule.pattern.pattern)
) - {"cant", "wont", "dont", "doesnt"}


def urgent_topic_words() -> tuple[str, ...]:
    """The words each urgent sign's topic is looked up by: the checker proves each finds a topic."""
    return tuple(dict.fromkeys(rule.about for rule in _RULES if rule.concern is Concern.URGENT))


def triage(message: str) -> Finding | None:
    """An urgent sign first, else distress, else None: the caller looks up the topic to offer."""
    text = fold_typos(normalize(message))
    if not text:
        return None
    person = bool(re.search(_PERSON, text))
    question = bool(re.search(_FACT_QUESTION, text)) and not person
    found: Finding | None = None
    for rule in _RULES:
        applies = (rule.plain or not question) and (person or not rule.personal)
        if applies and rule.pattern.search(text):
            if rule.concern is Concern.URGENT:
                return Finding(rule.concern, rule.about)
            found = found or Finding(rule.concern, rule.about)
    return found


def fold_typos(text: str) -> str:
    """Each word a letter or two off a pattern word becomes that word; everyday words stay."""
    return " ".join(_nearest(word) for word in text.split())


@lru_cache(maxsize=NEAREST_KEPT)
def _nearest(word: str) -> str:
    """The pattern word a typo stands for; short, everyday and topic words are never folded."""
    if len(word) < 5 or word in _PATTERN_WORDS or word in EVERYDAY_WORDS or word in _NEVER_FOLDED:
        return word  # four letters are too few to tell a typo from another word ("diet", "died")
    cutoff = TYPO_SIMILARITY
    scored = [
        (DamerauLevenshtein.normalized_similarity(word, known), known)
        for known in _PATTERN_WORDS
        if known[0] == word[0] and abs(len(known) - len(word)) <= 2
    ]
    score, known = max(scored, default=(0.0, word))
    return known if score >= cutoff else word

"""The first layer: patterns for crisis, emergency signs, distress and prognosis, in people's words.

Each pattern is matched against a message folded to lowercase ASCII words (typos of the pattern
words folded onto them first). Signs that are also asked about as facts ("seizure", "fever") fire
only when the message is not a question about facts with no one it is happening to; crisis words
fire always: asking about suicide is never only a question about facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Concern(StrEnum):
    """What a message shows, most pressing first."""

    CRISIS = "crisis"  # suicide, self-harm, a wish to die: the Lifeline first
    URGENT = "urgent"  # an emergency sign: what to do now first
    DISTRESS = "distress"  # fear, grief, a wish for a person: a person first
    PROGNOSIS = "prognosis"  # how long, survival, am I dying: the honest answer, with a person


@dataclass(frozen=True)
class Rule:
    """One pattern, what it shows, and when it applies."""

    concern: Concern
    sign: str  # an emergency-sign id of content/signs.yaml, or "" (no one sign)
    pattern: re.Pattern[str]
    plain: bool = True  # True: even in a question about facts; False: not in one
    personal: bool = False  # True: only when someone it is happening to is named ("i am ...")
    lang: str = ""  # "es": written in Spanish words, so the answer is in Spanish; "": any language
    topic: str = ""  # where no sign names one, the words that find the topic to offer ("headache")


# The words that find Brain symptoms: offered after a bad headache, which has no sign of its own.
HEADACHE_TOPIC_WORDS = "headache"


def _rule(concern: Concern, sign: str, pattern: str, plain: bool = True, personal: bool = False,
          topic: str = "") -> Rule:
    return Rule(concern, sign, re.compile(pattern), plain, personal, topic=topic)


def _rule_es(concern: Concern, sign: str, pattern: str, plain: bool = True, topic: str = "") -> Rule:
    return Rule(concern, sign, re.compile(pattern), plain, lang="es", topic=topic)


# Someone this is happening to, now: "i", "my mum", "she is", "right now"...
PERSON = re.compile(
    r"\b(i|im|ive|id|me|my|myself|we|our|us|she|shes|her|he|hes|his|him|they|their|mom|mum|mother|"
    r"dad|father|wife|husband|partner|sister|brother|daughter|friend|aunt|grandma|nan|patient|"
    r"having|had|has|now|just|today|tonight|keeps?|started|suddenly|sudden|"
    r"yo|mi|mis|me|tengo|tiene|estoy|esta|mama|papa|esposo|esposa|hija|hijo|hermana|hermano|ahora|"
    r"hoy|de repente)\b"
)
# A question about facts: "what is", "can it", "signs of", "side effects"...
FACT_QUESTION = re.compile(
    r"^(what|whats|which|how|why|where|when|is|are|can|could|does|do|will|would|should|tell|list|info)\b"
    r"|\b(symptoms?|signs?|side effects?|cause|causes|caused|mean|means|meaning|define|definition|"
    r"risk|risks|warning|emergency with|treated|treatment for)\b|\btreat(ment|ed|ing|s)? (for|of)\b"
    r"|^(que|cual|cuales|como|por que|cuando|donde)\b"
    r"|\b(sintomas?|senales?|efectos secundarios|causa|causan|significa|riesgo|se trata)\b"
)
# What makes a sign pressing rather than an everyday symptom ("my back hurts", "i have a cough"):
# something sudden, severe, new, unable to do what a body does ("cant walk", not "cant afford"), or a
# named danger. The model may raise an urgent sign only with one of these words; the rules name their
# signs themselves.
ACUTE = re.compile(
    r"\b(sudden|suddenly|all of a sudden|out of nowhere|won ?t wake|"
    r"(can ?t|cannot|can not|couldn ?t|unable to|not able to) (walk|move|stand|feel|breathe|breath|stop|wake|"
    r"speak|talk|get up|keep|hold|lift|control|pee)|"
    r"very|really bad|so bad|severe|terrible|worst|worse|worsening|getting worse|bloody|bleeding|"
    r"blood(?! (sugar|pressure|tests?|work|counts?|draws?|type|cells?|levels?))|"
    r"faint|fainted|passed out|collapsed|fell|fall|fallen|broke|broken|snapped|crack|numb|numbness|"
    r"tingling|pins and needles|funny|strange|weird|asleep|weak|weakness|heavy|paralysed|paralyzed|"
    r"droop|drooping|slurred|slurring|confused|"
    r"confusion|muddled|seizure|seizing|shaking|fit|fever|temperature|chills|swollen|swelling|puffy|"
    r"hot|red|tight|bloated|thirsty|breathe|breathing|breath|chest|choking|gasping|"
    r"repente|de golpe|no puedo|no puede|muy|fuerte|grave|peor|sangre|sangrando|desmayo|"
    r"desmaye|cayo|caida|me cai|se cayo|rompi|roto|quebr\w*|entumid\w*|adormecid\w*|hormigueo|"
    r"debil|debilidad|pesad\w*|torcid\w*|confundid\w*|convulsi\w*|fiebre|temperatura|escalofrios|"
    r"hinchad\w*|inflamad\w*|roj\w*|calient\w*|sed|respirar|respiro|aire|ahog\w*|pecho)\b"
)
_OF = r"(my|her|his|the|their|both|one|a|an|either)?\s?"
# A sign said not to be there ("no chills", "no tengo fiebre"): lookbehinds for the words before it.
NOT_EN = (r"(?<!no )(?<!not )(?<!nor )(?<!without )(?<!dont have )(?<!didnt have )(?<!havent had )"
          r"(?<!no fever or )(?<!dont have a )(?<!doesnt have )(?<!doesnt have a )(?<!didnt have a )"
          r"(?<!dont have any )(?<!doesnt have any )")
# Not said of someone named just before ("mi mamá se está muriendo" tells of a death near, for a person).
_NOT_OF_KIN_ES = "".join(f"(?<!{word} )" for word in (
    "mama papa madre padre esposo esposa marido hermana hermano hija hijo abuela abuelo amiga amigo pareja ya"
).split())
NOT_ES = r"(?<!no )(?<!sin )(?<!no tengo )(?<!no tiene )(?<!ya no tengo )(?<!no hay )(?<!ni )"
_LIMB = r"(legs?|feet|foot|toes)"
_ARM = r"(arms?|hands?)"
_SELF = r"(my ?self|herself|himself|themselves|themself|their self)"
# Hurt in an accident, not on purpose: "i cut myself shaving", "burned herself cooking".
_BY_ACCIDENT = (r"(?! (shaving|cooking|falling|by accident|accidentally|on the (stove|oven|knife|door|stairs"
                r"|corner)|in the kitchen|at work|lifting|gardening|when (i|she|he) fell))")
_BONE = (r"bones?|hip|hips|legs?|arms?|wrists?|ribs?|ankles?|back|spine|shoulders?|collar ?bone|neck|"
         r"foot|feet|hands?|fingers?|toes?|knees?|pelvis|femur|elbows?|jaw|nose|skull|thigh ?bone")

# Where to die, not a wish to ("my mom wants to die at home"): end-of-life care, a person to talk it over.
_AT_HOME_WORDS = (r"(at|in) (her |his |my |their )?(own )?(home|house|bed)( with (her|his|my|their) family"
                  r"| peacefully| surrounded by (family|loved ones))?$")
_AT_HOME = r"(?! " + _AT_HOME_WORDS + ")"
# A sign told as years gone ("she had a stroke 10 years ago"): history, not what to do now.
_LONG_AGO = (r"(?!( \w+){0,3} ((\d+|a few|few|several|many|two|three|four|five|ten) (years|months)|a year)"
             r" ago\b)")
_LONG_AGO_ES = (r"(?!( \w+){0,3} hace (\d+|unos|varios|muchos|dos|tres|cuatro|cinco|diez|un) (anos|ano"
                r"|meses)\b)")

# A visit planned, not an emergency now ("should i go to the hospital for my appointment tomorrow").
_NOT_A_VISIT = (r"(?! (for (a |an |my |her |his |the )?(appointment|chemo|infusion|scan|treatment|visit"
                r"|tests?|checkup|check up|labs?|blood work)|cafeteria|parking|pharmacy|gift shop|tomorrow"
                r"|later|next (week|month|time)|on (monday|tuesday|wednesday|thursday|friday|saturday"
                r"|sunday)))")

CRISIS_RULES: tuple[Rule, ...] = (
    _rule(Concern.CRISIS, "", r"\b(suicide|suicidal|suicidel|sucidal|suicid\w*|kms)\b"),
    # Wanting all of it over ("i just want the pain to stop"): the words of despair, the Lifeline first.
    _rule(Concern.CRISIS, "",
          r"\bjust want (the|this|my|all the|all this) pain to (stop|end)( forever| for good)?$"
          r"|\bwant (it all|everything|all of (this|it)|this all) to (end|be over|stop)\b"
          r"|\b(want|wanna|wish i could|ready) to (go )?(be with|join|see) (my|our) \w+ (who|that)"
          r" (passed( away)?|died|is gone|is in heaven)\b"),
    # Other ways, said in Spanish ("me voy a pegar un tiro", "me voy a tomar todo el frasco").
    _rule_es(Concern.CRISIS, "",
          r"\b(pegarme|pegarse|(me|se) (voy|va|quiero|quiere) (a )?pegar) un (tiro|balazo)\b"
          r"|\b(dispararme|darme un (tiro|balazo)|envenenarme|(me|se) (voy a|va a|quiero|quiere) envenenar)\b"
          r"|\b(aventarme|arrojarme|lanzarme|tirarme|(me|se) (voy a|va a|quiero|quiere) (aventar|arrojar"
          r"|lanzar|tirar)) (del|de un|de una|de la|desde el|desde la|por la|al|a la|a las|a los|frente al?)"
          r" (puente|edificio|techo|ventana|balcon|tren|metro|vias|carro|carros|azotea|precipicio|rio)\b"
          r"|\b(tomarme|(me|se) (voy a|va a|quiero|quiere) tomar) (todo el (frasco|bote)|todas (las|mis|sus)"
          r" (pastillas|pildoras)|el frasco entero)\b"),
    # Hanging, said in Spanish ("me quiero ahorcar", "me quiero colgar").
    _rule_es(Concern.CRISIS, "",
          r"\b(ahorcarme|ahorcarse|colgarme)\b(?! (del|el|al) telefono)|\b(me|se) (quiero|quiere|voy a|va a"
          r"|pienso|piensa) (ahorcar|colgar)\b(?! (del|el|al) telefono| la llamada)"),
    # Ways, said in English ("drive off a cliff", "step in front of a train"); dying as the aim ("so i
    # can die", "until i die").
    _rule(Concern.CRISIS, "",
          r"\b(drive|driving|crash|crashing|steer|swerve) (my car |the car )?(off|into) (a|the) (cliff|bridge"
          r"|wall|tree|river|lake|ocean|traffic|truck)\b"
          r"|\b(step|stepping|jump|jumping|walk|walking|throw myself|lie down) in front of (a|the) (train|bus"
          r"|car|truck|traffic)\b(?! and)"
          r"|\b(so|so that) (i|she|he) (can|could|will|would|may|just) (die|be dead)\b"
          r"|\b(stop|stopping|stopped|quit|quitting|not) (eating|drinking|taking (my|her|his) \w+)( \w+)?"
          r" (until|till) (i|she|he) (die|dies)\b"),
    # Leaving the world ("i am leaving this world", "me quiero ir de este mundo").
    _rule(Concern.CRISIS, "",
          r"\b(?<!she )(?<!he )(?<!who )(leave|leaving|exit|exiting|go from) (this|the) (world|earth)\b"),
    _rule_es(Concern.CRISIS, "", r"\b(dejar|dejando|irme de|ir de|me voy de|salir de) (este|el) mundo\b"),
    # The crisis line asked for by name ("whats the crisis line", "988"): its number, first.
    _rule(Concern.CRISIS, "",
          r"\bcrisis (line|hotline|number|text line|textline|lifeline|center)\b|\blifeline\b"
          r"|(?<!\d )\b988\b(?! \d)|^(call |dial |the )?nine (eight eight|eighty eight)$"),
    _rule_es(Concern.CRISIS, "", r"\blinea (de )?(crisis|prevencion del suicidio)\b"
             r"|^(llamar al |marcar el |el )?nueve (ocho ocho|ochenta y ocho)$"),
    # A few words that say it all ("end it", "kill me", "let me die", "done living").
    _rule(Concern.CRISIS, "",
          r"^(i )?(should |could |might |may |will |ill |think i should |maybe i should )?(just )?(want to"
          r" |wanna |gonna |going to )?end it( all)?( now)?$"
          r"|^(just |please |somebody |someone )?kill me( now| please)?$"
          r"|(?<!dont )(?<!do not )(?<!wont )(?<!never )\b(just )?let me die\b"
          r"|\bdone (living|with (life|living))\b"),
    _rule_es(Concern.CRISIS, "",
          r"^(ya )?(quiero )?morirme$|\b(dejame|dejenme|dejeme) morir\b|^(ya )?matenme$"),
    # A wish to die said as going to God or to someone who has died ("me quiero ir con Dios").
    _rule(Concern.CRISIS, "",
          r"\b(want|wanna|ready|wish i could|just want|i am ready|im ready) to (go )?(be with|join) (my|our) "
          r"\w+ (in heaven|up there)\b|\b(want|wanna|ready|wish i could) to go (to heaven|home to (god|jesus"
          r"|the lord)|be with (god|jesus|the lord))\b|\b(god|jesus|the lord) (take|to take) me\b"
          r"|\b(want|wanna|ready|wish i could) to (meet my maker|see (my|our) \w+ in heaven|be at rest"
          r"|go to my grave|rest forever|meet jesus)\b|\bi (just )?(bought|got) (myself )?a (gun|pistol"
          r"|rifle)\b(?! (license|permit|for (protection|hunting|work)|years ago))|\bloaded (gun|pistol)\b"
          r"|\bgun (to|in) my (head|mouth)\b"
          r"|\b(want|wanna|ready|wish i could|just want|long) to (go )?(home to )?(be with|see|meet)"
          r" (god|jesus|the lord)\b"
          r"|^(i am|im|i feel|i think im|i think i am|i feel like im) (so |just )?ready to go( now)?$"),
    _rule_es(Concern.CRISIS, "",
          r"\b(me quiero ir|quiero irme|me quisiera ir|ya me quiero ir|ya quiero irme) con (dios|diosito"
          r"|el senor|jesus)\b|\bquiero (estar|irme) con (dios|diosito|mi \w+) (en el|al) cielo\b"
          r"|\bque (dios|diosito|el senor) (ya )?me (lleve|recoja)\b|\bquiero que (dios"
          r"|diosito) (ya )?me (lleve|recoja)\b"),
    _rule(Concern.CRISIS, "",
          r"\b(?<!fell and )(?<!fall and )(?<!slipped and )(?<!tripped and )(kill|killing|hurt|hurting|harm|"
          r"harming|harmed|hurted|cut|cutting|cuts|shoot|shooting|hang|hanging|poison|poisoning|overdose) "
          + _SELF + r"\b" + _BY_ACCIDENT + r"|\b(cut|cutting|slit|slash|slashed|slitting) "
          r"(my|her|his) wrists?\b|\b((going|gonna|about) to|gonna|wanna) (end it|end my life|take my life"
          r"|kill (my|her|him)self)\b"),
    _rule(Concern.CRISIS, "",
          r"\b(?<!not )(?<!never )(?<!dont )(?<!didnt )(want|wanna|wanted|wants|wish|wishes|ready|plan|"
          r"planning|planned|thinking|thought|thoughts|think|decided|like) "
          r"(to |of |about |i (was|were|could) )?"
          r"(die" + _AT_HOME + r"|be dead|dead|dying by|end (it|it all|my life|her life|his life|things"
          r"|everything)|"
          r"ending (it|it all|my life|things|everything)|not wake up|disappear|vanish|take (my|her|his) "
          r"(own )?life|taking (my|her|his) (own )?life|hurt (my|her|him)self)\b"
          # "want to kill", unless a cancer, a pain or a weed is what is to be killed
          r"|\b(?<!not )(?<!never )(?<!dont )(?<!didnt )(want|wanna|wanted|wants"
          r"|wish|wishes|ready|plan|planning|planned|thinking|thought|thoughts|think|decided|like) (to |of "
          r"|about |i (was|were|could) )?(kill|killing)\b(?! ((this|the|that|these|those|all the|all|all of"
          r" the|my|her|his|every|off the|off) )?(cancer|tumou?rs?|cells?|disease|beast|bugs?|mets|spots?"
          r"|germs|pain|time|weeds))"),
    _rule(Concern.CRISIS, "",
          r"\b(end|ending|take|taking|took|ended) (my|her|his|their) (own )?life\b|\bend it (all|tonight|now|"
          r"today|for good)\b|\bending it all\b|\bend (things|everything) (tonight|now|for good)\b"),
    _rule(Concern.CRISIS, "",
          r"\bbetter off (dead|without me|without her|without him|if i (was|were|am) (gone|dead))\b"
          r"|\brather be dead\b|\bwish (i|she|he) (was|were) dead\b|\bnot wake up\b|\bnever wake up\b"
          r"|\b(no one|nobody|noone) (cares|would care|will care|would even care) (if|whether) (i|she|he)"
          r" ((live|lives|lived) or (die|dies|died)|die|dies|died|was gone|were gone|am gone|was dead)\b"
          r"|^(i have|ive got|ive made|i made|i got|i have made|ive already made|i already have) a plan"
          r"( now| already)?$"),
    # A farewell ("goodbye everyone", "this is my last message", "i wont be here tomorrow"): a warning
    # sign of suicide (988), so the Lifeline first.
    _rule(Concern.CRISIS, "",
          r"^(ok |so )?(goodbye|good bye|bye|farewell) (everyone|everybody|all|world|forever|for good"
          r"|cruel world|to (everyone|everybody|all|you all))$|\bthis is (goodbye|my goodbye)\b"
          r"|\b(this is|its|it s|this will be) my (last|final) (message|text|goodbye|words|call|phone call)\b"
          r"|\bi (wont|will not|am not going to|m not going to|im not going to|might not|may not) be"
          r" (here|around|alive) (tomorrow|anymore|any more|much longer|by (the )?morning|next week"
          r"|after tonight)\b"),
    _rule_es(Concern.CRISIS, "",
          r"^(adios|chao) (a todos|para siempre|mundo)$|\b(este es|es) mi (ultimo|ultima) (mensaje"
          r"|despedida|llamada)\b|\b(manana )?ya no (voy a|vo a) estar (aqui|aca|viva|vivo)( manana)?\b"),
    _rule(Concern.CRISIS, "",
          r"\bgiving (my|her|his|all my|away my) (things|stuff|belongings|possessions)( away)?\b"
          r"|\b(dont|do not|no longer|dont really|doesnt|does not) want to (live|be alive|be here|exist|"
          r"wake up|go on|keep living|keep going)\b|\b(cant|cannot|can not) (go on|keep going) "
          r"(like this|any ?more|living)\b|^(i )?(cant|cannot|can not) go on$"
          r"|\bi (cant|cannot|can not) (go on|keep going)\b(?! (to|with|on|for))"
          r"|\bi (cant|cannot|can not) (hang on|hold on)( much longer| any ?longer| any ?more)?$"),
    _rule(Concern.CRISIS, "",
          r"\b(no|nothing|no reason|no point) (left |else |more )?(to live for|in living|in going on"
          r"|to keep living|to keep going(?! (to|back))|to go on(?! (a|the|with|to|vacation|holiday|this))|"
          r"(in )?(living|being alive) any ?more)\b|\bwhats the point of (living|going on|being alive)\b"
          r"|^(so )?(whats|what is|wheres) the point( in| of)?"
          r"( (it|it all|anything|trying|any of this|any of it))?"
          r"( any ?more)?$|\b(whats|what is) the point (any ?more|of anything any ?more)\b"
          r"|\b(there is|theres|i see) no point (any ?more|in anything)\b"
          r"|\blife (isnt|is not|aint|is no longer) worth\b|\b(tired|sick) of (living|being alive|life)\b"
          r"|\bgive up on (living|life)\b|\bno reason to (live|keep living|go on)\b"),
    _rule(Concern.CRISIS, "",
          r"\b((keep|always|cant stop|been|am|im) (thinking|think)|thoughts) (about|of) (dying|death"
          r"|being dead)\b|\b(feel|feels|feeling|felt) like dying\b(?! (of|from|laughing|inside))"
          r"|\bunalive\w*\b"),
    _rule(Concern.CRISIS, "",
          r"\b(a|such a|just a|being a|only a|nothing but a|am a|im a) burden\b"
          r"|\b(a|such a|just a|dead) weight (on|to|for) (my|the|our|everyone)\b"),
    _rule(Concern.CRISIS, "",
          r"\b(overdose|overdosing|overdosed|od on|oded)\b(?<!accidentally overdosed)"
          r"|\b(took|take|taking|swallowed|swallow) (all|a whole bottle"
          r"|the whole bottle|too many|a bottle)\b(?!( of)? (my|her|his|the) (meds|medicines?|medications?"
          r"|pills|tablets|vitamins|doses) (on time|as (prescribed|told|directed)|every (day|morning|night)"
          r"|in the morning|at night|with food|this morning|today|yesterday|on schedule|like (i|she"
          r"|he) (should|was told|am supposed)))|\bpills\b.{0,40}\b(all at once|at once|end it|to die"
          r"|not wake|on purpose)\b|\b(saved|saving|stockpiling|hoarding) (up )?(my |her "
          r"|his )?(pain )?(pills|tablets|meds)\b"),
    # A way or a dose asked for ("the easiest way to die", "how many oxycodone would it take", "a lethal
    # dose"), or the will to live lost.
    _rule(Concern.CRISIS, "",
          r"\b(easiest|quickest|fastest|painless|simplest|surest|best|least painful|most peaceful|peaceful)"
          r" (way|ways|method|methods) (to|of) (die|dying|kill (myself|yourself|oneself|herself|himself)|end"
          r" (it|it all|my life|a life|your life|things)|commit suicide)\b" + _AT_HOME +
          r"|\bhow many (pills|tablets|sleeping pills|pain pills|painkillers|oxycodone|oxy|oxys|oxycontin"
          r"|morphine|percocets?|vicodins?|xanax|ambien|tylenol|advil|fentanyl|norco|valium|benadryl|insulin"
          r"|tramadol|hydrocodone|meds|of my pills|of her pills|of these) (would|will|does|do) (it )?take\b"
          r"|\b(lethal|deadly|fatal) (dose|amount|overdose)\b|\bhow much \w+ (would|will) (kill|be lethal"
          r"|be fatal)\b"
          r"|\b(lost|losing|have no|there is no|theres no|no more|without) (my |the |her |his |any )?will to"
          r" live\b"),
    _rule_es(Concern.CRISIS, "",
          r"\b(la )?(forma|manera) (mas )?(facil|rapida|segura|indolora) de (morir|matarme|matarse"
          r"|quitarme la vida)\b|\bcuantas (pastillas|pildoras|tabletas) (se necesitan|necesito|hacen falta)"
          r" para (morir|matarme|no despertar)\b|\bdosis (letal|mortal)\b|\b(perdi|he perdido|ya no tengo)"
          r" (las )?ganas de vivir\b|\b(una )?sobredosis\b(?<!por error una sobredosis)"),
    # Said sideways: doing something to oneself, not trusting oneself, the means ready, things given away.
    _rule(Concern.CRISIS, "",
          r"\b(ill|i will|i might|i may|im going to|im gonna|i am going to|might|may|going to|gonna"
          r"|afraid to|scared to) do something (stupid|drastic|crazy|terrible|bad|to (myself|herself"
          r"|himself))\b|\bdo something to (myself|herself|himself)\b|\bwant out of (this |my )?(life"
          r"|world)\b|\bend it (myself|herself|himself|on my own)\b|\b(dont|do not|cant|cannot"
          r"|can not) trust (myself|herself|himself)\b(?! (to (drive|cook|walk|remember|decide|choose|make"
          r"|pick|say|read|understand)|with (money|decisions|the car)|behind))|\b(have|got|has) (the |my "
          r"|all the |all my |enough )?(pills|gun|rope|pistol) (all )?(ready|lined up|counted out"
          r"|saved up)\b|\b(gave|giving|give|given) away (all )?(my|her|his) (things|stuff|belongings"
          r"|possessions)\b|\b(sleep|go to sleep|fall asleep) (forever|for good|and never wake( up)?)\b"),
    _rule_es(Concern.CRISIS, "",
          r"\b(hacer|haga|hare|cometer|cometa) una (locura|tonteria)\b|\bno respondo de mi\b|\bno (confio"
          r"|me fio) (en|de) mi (misma|mismo)\b|\b(regale|regalando|regalar|regalo) (todas )?mis cosas\b"
          r"|\btengo (las pastillas|el arma|la pistola|la cuerda) (lista|listas|preparada|preparadas)\b"),
    _rule(Concern.CRISIS, "",
          r"\b(gun|rope|knife|blade|pills|bridge)\b.{0,40}\b(myself|herself|himself|end it|end my life)\b"
          r"|\bthe rope\b|\bjump(ing)? (off|from|in front of)\b|\bdriv(e|ing) (my|the) car (into|off)\b"),
    _rule(Concern.CRISIS, "",
          r"\b(disappear|vanish) (forever|for good|and never)\b|\bnobody would (miss|care)\b"
          r"|\b(letters?|notes?) (to my family )?(saying )?goodbye\b|\bsuicide note\b"
          r"|\b(thought|thinking|think|planned|planning) (about |of )?how (i|she|he) "
          r"(would|could|will|might) (do it|end it|die)\b"),
    # Spanish
    _rule_es(Concern.CRISIS, "",
          r"\b(matarme|matarse|mato|quitarme la vida|quitarse la vida|acabar con mi vida|acabar con su "
          r"vida|acabar con todo|terminar con todo|terminar con mi vida|hacerme dano|hacerse dano|"
          r"me hice dano|se hizo dano|me corto|se corta|cortandome|cortandose|se esta cortando)\b"
          r"(?! (el|la|los|las|un|una) (pelo|cabello|unas|fleco|flequillo|barba|dedo|mano)\b)"),
    _rule_es(Concern.CRISIS, "",
          r"\b(?<!no )(quiero|quisiera|quiere|prefiero|prefiere|ganas de) (morir\w*(?! en (su |mi )?casa$)"
          r"|estar muert[ao]"
          r"|desaparecer|(ir a )?dormir\w* y no despertar|hacerme dano|(ir|irme) al cielo|estar en el cielo"
          r"|(ir a )?descansar para siempre"
          r"|(ir|irme) con dios|(ir a )?ver a dios)\b|\b(?<!no )me quiero morir\b"
          r"|\bkiero morir\w*\b|\b(mejor|ojala) me muer[oa]\b|\bojala (ya )?no (despierte|amanezca"
          r"|este aqui)\b|\b(prefiero|quisiera|me quisiera) morir\w*\b"
          r"|\bdejarme morir\b|\b(ya )?no (quiero|quiere|quisiera) (vivir|estar aqui|seguir"
          r"|despertar)\b(?! con (el|la|los|las|mi|su) (tratamiento|quimio|quimioterapia|radiacion|pastillas"
          r"|medicinas?))"),
    _rule_es(Concern.CRISIS, "",
          r"\b(soy|me siento|siento que soy|ser) (una )?carga\b|\bestar\w* mejor sin mi\b"
          r"|\bnadie me extranaria\b|\bcansad[ao] de vivir\b|\b(razones|razon|motivos?) para vivir\b"
          r"|\b(sentido|caso) (a |de )?seguir viviendo\b|\b(ya )?nada tiene sentido\b"
          r"|\bno (le )?veo (el |ningun )?sentido a (nada|la vida|vivir|seguir)\b"
          r"|\bya no tiene (ningun )?sentido (nada|vivir|seguir)\b|^(ya )?(para que|de que sirve) (seguir"
          r"|vivir|seguir viviendo)( ya)?$|\btirarme\b|\btirarse\b|\b(?<!tengo que )(?<!debo )(?<!hay que )"
          r"(?<!necesito )(tome|tomo|tomar|tomarme|tomarse|trague|trago|tomarmelas"
          r"|tomarselas) (todas|un frasco)\b(?!( mis| sus)? (pastillas|medicinas|medicamentos"
          r"|pildoras)? ?(a tiempo|a su hora|como me (dijeron|indicaron)|con (la )?comida|hoy|esta manana"
          r"|cada dia|todos los dias))|\bpastillas\b.{0,40}\b(todas|a proposito|de una vez)\b|\bcontra (el"
          r"|ella|mi) mism[ao]\b"),
)

URGENT_RULES: tuple[Rule, ...] = (
    # Words that say it is an emergency now.
    _rule(Concern.URGENT, "",
          r"^(emergency|emergancy)$|^(is|its) (this|it) an emergency\b|\b(this is|its|it is|we have"
          r"|i have) an emergency\b|\b(911|nine one one|ambulance|er now)\b"),
    _rule(Concern.URGENT, "", r"\b(emergency|emergancy)\b", plain=False),
    # A heart attack, or an allergic reaction (to a treatment): no one sign, so what to do now (911).
    _rule(Concern.URGENT, "",
          r"\b(heart attack|cardiac arrest|anaphyla\w*|allergic reaction|hives|no pulse)\b", plain=False),
    _rule(Concern.URGENT, "stroke", r"\b(stroke|having a stroke|had a stroke)\b" + _LONG_AGO,
          plain=False),
    _rule(Concern.URGENT, "stroke", r"\b(lost|losing|lose|lost all) (my|her|his) balance\b", plain=False),
    _rule(Concern.URGENT, "",
          r"\bcome (quick|quickly|fast|now)\b|\bsomething is (really |very |badly )?wrong with (my|her"
          r"|him)\b|\b(cant|cannot|can not|wont|will not) stop (shaking|shivering|trembling)\b"
          r"|\b(shaking|shivering|trembling) (all over|uncontrollably|so hard|so bad|and cant stop)\b"
          # Someone changed ("she is not herself"), or in pain she cannot say ("she is moaning a lot").
          r"|\b(is|seems|has been|was|isnt|shes|hes|im|am) (just )?not (acting like )?(herself|himself"
          r"|myself)\b|\bnot (acting|acting like|feeling like) (herself|himself|myself)\b"
          r"|\b(moaning|groaning|moans|groans|crying out|whimpering) (a lot|all (day|night)|in pain"
          r"|constantly|all the time|when (i|we) (move|touch|turn) (her|him))\b"),
    _rule(Concern.URGENT, "confusion",
          r"\b(collapsed|collapse|unresponsive|(not responding|wont respond|isnt responding|is not responding"
          r"|doesnt respond)(?! (to (the |her |his |my )?(treatments?|chemo|chemotherapy|therapy|radiation"
          r"|drugs?|medicines?|meds|medications?|hormone therapy|immunotherapy|it|this)|well|as (hoped"
          r"|expected|they hoped))\b)|blacked out|fainted"
          r"|unconscious|cant wake|wont wake|not waking|isnt waking|wasnt waking|doesnt wake|does not wake"
          r"|(passing|passed|passes) out(?! (flyers|fliers|papers|leaflets|food|candy|cards|gifts|the))"
          r"|fainting|faints)\b"),
    # Breathing.
    _rule(Concern.URGENT, "breathing",
          r"\b(cant|cannot|can not|unable to|struggling to|hard to|trouble|difficulty|difficult|problems?"
          r"|fighting to|a hard time|hard time|can barely|can hardly) (to )?(breathe|breathing|breath"
          r"|get (my|her|his) breath|catch|breed|breeth)\b"
          r"|\b(cant|cannot|can not) get (any |enough )?(air|a breath)\b"
          r"|\b(isnt|is not|not|arent|wasnt) breathing\b|\bsuffocat\w*\b"
          r"|\blips (are |look |looks |turned |turning |going )?(blue|purple|gray|grey|bluish)\b"
          r"|\b(she|shes|he|hes|her|his|my|face|lips|skin|fingers|nails|i|im) (is |are |has )?(turning"
          r"|turned|going|gone|went|looks?) (a bit |all )?blue\b"),
    _rule(Concern.URGENT, "breathing", r"\b(gasping|choking|not breathing|stopped breathing)\b"
          r"|\b(gurgling|gurgly|rattling|rattly|rattle) (sounds?|noises?|breath\w*|when (she|he)"
          r" breathes)\b"
          r"|\b(breathing|breath|breaths|chest) (is |are |sounds? )?(gurgling|rattling|rattly"
          r"|wet and noisy)\b"
          r"|\bdeath rattle\b"
          r"|\bthroat (is |feels |keeps )?(closing|closing up|swelling|swelling up|swollen shut)\b"),
    _rule(Concern.URGENT, "breathing", r"\b(short(ness)? of breath|breathless|out of breath)\b",
          plain=False, personal=True),
    # Chest pain.
    _rule(Concern.URGENT, "chest-pain",
          r"\bchest (is |feels |feeling |gets |got |has been |went |keeps )?(so |really |very |all |kind of "
          r"|a bit )?(pain|pains|hurts?|hurting|aches?|aching|tight|tightness|tightening|pressure|heavy"
          r"|heaviness|crushing|squeezing|squeezed|is tight)\b|\b(pain|pains|tightness|heaviness|pressure"
          r"|squeezing|crushing) (in|on|across) " + _OF + r"chest\b|\b(tight|heavy) chest\b"
          r"|\bsitting on my chest\b"),
    # Not able to walk, or to control the bladder or bowels; the spinal cord.
    _rule(Concern.URGENT, "cord-severe",
          r"\b(cant|cannot|can not|unable to) (move|stand|walk)\b(?! (my|her|his|the) (left |right )?(arms?"
          r"|hands?|face|fingers?)\b)(?! (it|this|that|the pain|the way|being|him|her|them|my (pain|life"
          r"|husband|wife)|(as (far|much|well|long|fast)|far|very far|for long|long distances"
          r"|much|fast|without getting tired|without a cane|up (the )?(stairs|hills?)))\b)|\bparaly[sz]ed\b"
          r"|\b(cant|cannot|can not|unable to) feel (my |her |his |their |the )?(legs?|feet|foot|toes"
          r"|lower body|body|anything|below|bottom|butt)\b|\b(numb|paralysed|paralyzed|no feeling"
          r"|cant feel anything) (from|below) (the|my|her|his)? ?(waist|hips?|chest|belly button)( down)?\b"
          r"|\b" + _LIMB + r" (wont|will not|cant) (hold|carry)\b|\b" + _LIMB + r" (just )?(gave out"
          r"|gave way|giving way|giving out|give way|wont work|not working)\b"),
    _rule(Concern.URGENT, "cord-severe",
          r"\b(lost|loss of|losing|lose|no|cant|cannot|can not) (control|controll?) (of|over)? ?(my|her"
          r"|his)? ?(bladder|bowels?|pee|urine|poo|poop|stool)\b|\b(havent|hasnt|have not|has not) (peed"
          r"|urinated|passed urine|been able to pee)\b|\b(cant|cannot|can not|unable to|havent been able to"
          r"|not able to) (pee|wee|urinate|poop|poo|pass urine|pass stool)\b|\bincontinen|\b(cant|cannot"
          r"|can not|couldnt|unable to) hold (in )?(my |her |his |the )?(pee|wee|urine|bladder|poop|poo"
          r"|bowels?|stool)\b|\b(peed|pooped|pooed|pissed|soiled|wet|messed) (myself|herself|himself"
          r"|my pants|her pants|his pants|the bed|my bed|her bed|his bed)\b|\b(peed|pooped|went) in (my|her"
          r"|his) (pants|bed)\b"),
    _rule(Concern.URGENT, "spinal-cord",
          r"\b" + _LIMB + r"\b.{0,20}\b(numb|numbness|weak|weaker|weakness|tingling|tingly|dead|heavy"
          r"|heaviness|pins and needles)\b|\b(numb|numbness|weak|weakness|tingling|no feeling|heavy"
          r"|heaviness|pins and needles)\b.{0,20}\b" + _LIMB + r"\b|\b(back|neck|spine)\b.{0,60}\b" + _LIMB
          + r"\b.{0,15}\b(funny|strange|weird)\b"),
    _rule(Concern.URGENT, "stroke",
          r"\b(one|left|right) side\b.{0,25}\b(numb|weak|droop|drooping|cant move|dead|went numb|wont move"
          r"|will not move|wont work|isnt working|not working|limp|went limp|gave out)\b"
          r"|\b(numb|numbness|weak|weakness|droop|drooping|drooped)\b.{0,25}\b(one|left|right) side\b"
          r"|\bface (is )?(droop|drooping|drooped)\b|\bslurred\b|\bslurring\b|\bface (fell|looks crooked)\b"
          r"|\b(mouth|smile|face) (is |looks |went |has gone )?(crooked|lopsided|uneven)\b"
          r"|\b(cant|cannot|can not) smile (on one side|right|properly|straight)\b"
          r"|\b(arm|face|hand|leg) (suddenly )?(went|has gone|just went) (numb|limp|dead|weak)\b"
          r"|\b(cant|cannot) (lift|raise|move) (his|her|my) (right|left) "
          + _ARM + r"\b|\b(cant|cannot) see out of one\b|\bcant get (her|his|my) words out\b"
          r"|\b(talking|talks|speaking|speech|speaks|voice) (is |sounds |was |went |came out |all )*(funny"
          r"|weird|strange|odd|slurred|garbled|jumbled|drunk|wrong|off|mumbled|not right)\b|\b(her|his"
          r"|my) words (are |were |come out |came out |coming out )?(all )?(jumbled|garbled|mixed up|wrong"
          r"|slurred|not making sense)\b|\bwords are (all )?(jumbled|garbled|mixed up)\b|\b(cant|cannot"
          r"|can not|couldnt) (talk|speak) (right|properly|clearly|normally|straight)\b(?! (now|away|here"
          r"|then)\b)|(?<!\bi )(?<!\bwe )\b(cant|cannot|can not|couldnt) (talk|speak)\b(?! (now|right now|to"
          r"|with|about|of|on|in|for|anymore|any more|it|this|that|much|long|loud|english|spanish|the|a|an"
          r"|well)\b)"),
    # Asking whether to go to the ER or call 911 ("should i take her to the er"): what to do now, first.
    _rule(Concern.URGENT, "",
          r"\b(should|do|must|can) (i|we) (go|take (her|him|them|my \w+)|bring (her|him|my \w+)|drive (her"
          r"|him|my \w+)) (to )?(the )?(er|e r|emergency|emergency room|hospital|urgent care"
          r"|emergency department)\b" + _NOT_A_VISIT +
          r"|\b(should|do|must) (i|we) call (911|an ambulance|the ambulance|for an ambulance)\b"
          r"|^(so |and |but )?(is this|is it|this is|its|it is) an emergency( now)?$"),
    _rule_es(Concern.URGENT, "",
          r"\b((la|lo|me) (llevo|llevamos)|(debo|debemos|tengo que|tenemos que) (llevarla|llevarlo|ir)"
          r"|voy|vamos) (al|a) (hospital|urgencias|emergencias|la sala de emergencias)\b"
          r"|\b(llamo|llamamos|debo llamar|tengo que llamar|hay que llamar) (al 911|a una ambulancia"
          r"|a la ambulancia)\b|^(y |pero )?(esto |eso )?es una emergencia( ahora)?$"),
    # Words that will not come out right (a stroke's sudden trouble speaking).
    _rule(Concern.URGENT, "stroke",
          r"\b(my|her|his|the) words (are |keep )?(coming|come|came) out (wrong|funny|jumbled|garbled"
          r"|all wrong|weird|mixed up)\b"),
    # Sight lost or going dark all at once (a stroke's sudden trouble seeing).
    _rule(Concern.URGENT, "stroke",
          r"\b(vision|sight|eyesight) (suddenly |just )?(went|goes|has gone|is going|turned) (black|dark"
          r"|blank)\b|\b(suddenly|all of a sudden) (cant|cannot|can not) see\b|\b(suddenly |just )?(went"
          r"|gone|going) blind\b|\blost (my|her|his) (vision|sight|eyesight)\b|\bsudden (blindness"
          r"|loss of (vision|sight|eyesight))\b"),
    # Seizure.
    _rule(Concern.URGENT, "seizure", r"\b(seizing|convulsing|fitting|siezing)\b"
          r"|\b(having|had|has|having a|had a|has a|in a) (seizure|seizures|fit|fits|convulsion)\b"
          + _LONG_AGO +
          r"|\bshaking all over\b|\beyes rolled back\b|\bfoaming at the mouth\b"),
    _rule(Concern.URGENT, "seizure",
          r"\b(seizure|seizures|convulsion|convulsions)\b(?! (medications?|medicines?|meds|pills|drugs?"
          r"|prevention))" + _LONG_AGO, plain=False),
    # Sudden severe headache, or a headache with vomiting.
    _rule(Concern.URGENT, "",
          r"\b(worst|sudden|severe|terrible|awful|really bad|very bad|bad|horrible|splitting|"
          r"excruciating) (head ?ache|head pain|migraine)\b", topic=HEADACHE_TOPIC_WORDS),
    _rule(Concern.URGENT, "",
          r"\b(head ?ache|head pain|head hurts|migraine)\b.*\b(vomit|vomiting|throwing up|threw up|"
          r"throw up|being sick|puking|sick)\b"
          r"|\b(vomit|vomiting|throwing up|threw up|throw up|being sick|puking)\b.*\b(head ?ache|"
          r"head pain|head hurts|migraine)\b"
          r"|\b(vomit|vomiting|throwing up|threw up|being sick|puking)\b.*\bhead\b.{0,15}\b(killing|pounding|"
          r"exploding|splitting|hurts|hurting|agony)\b"
          r"|\bhead\b.{0,15}\b(killing|pounding|exploding|splitting)\b.*\b(vomit|vomiting|throwing up|"
          r"threw up|being sick|puking)\b", topic=HEADACHE_TOPIC_WORDS),
    # Confusion.
    _rule(Concern.URGENT, "confusion",
          r"\b(confused|confusion|disoriented|delirious|not making sense|not making any sense|"
          r"doesnt know where|dont know where i am|(doesnt|does not|didnt|did not) (know|recognize"
          r"|recognise) (me|us|who)|cant wake|wont wake|not waking|passed out(?! (flyers|fliers|papers"
          r"|leaflets|food|candy|cards|gifts))|fainted|"
          r"unconscious|hard to wake|talking nonsense|doesnt recognize|went limp|gone limp|is limp"
          r"|seeing things that (arent|are not|werent|isnt) there|seeing things$|hearing voices"
          r"|hallucinating|hallucinations|acting (drunk|like (she|he) is drunk|like (shes|hes) drunk))\b"
          r"(?! (about|by|with|what|which|how|over|as to))", plain=False),
    # Blood in the urine or the stool: no one sign says it, so the general what to do now.
    _rule(Concern.URGENT, "",
          r"\b" + NOT_EN + r"(blood|bloody) (in|with) " + _OF + r"(pee|urine|wee|stool|stools|poop|poo|bowel "
          r"movements?)\b|\b(peeing|pissing|pooping|pee|peed|poop|pooped) (out )?blood\b"
          r"|\b(bloody|red|pink) (urine|pee|stool|stools|poop)\b"
          r"|\bblood when (i|she|he) (pee|pees|poop|poops)\b"
          r"|\b(black|tarry|tar like|tar colored|jet black) (poop|poo|stool|stools|bowel movements?)\b"
          r"|\b(poop|poo|stool|stools|bowel movements?) (is|are|was|were|looks?|looked) (all )?(black|tarry"
          r"|like tar)\b"),
    # Blood: coughed up, vomited, or bleeding that will not stop.
    _rule(Concern.URGENT, "coughing-blood",
          r"\b(cough|coughs|coughing|coughed|spitting|spit|spat) (up )?(blood|bloody)\b|\bblood in " + _OF
          + r"(cough|spit|phlegm|sputum|mucus)\b|\bbloody (cough|phlegm|sputum|mucus)\b|\bphlegm is bloody\b"
          r"|\bblood\b.{0,20}\b(cough|coughing|coughed)\b|\b(cough|coughing|coughed)\b.{0,20}\bblood\b"),
    _rule(Concern.URGENT, "bleeding",
          r"\b(vomiting|vomit|vomited|throwing|threw|bringing|brought) (up )?(blood|bloody)\b"
          r"|\bblood in (my|her|his|the|their) (vomit|throw up|puke|sick)\b|\b(vomit|throw up|puke) (has|had"
          r"|with|is full of) blood( in it)?\b|\bbloody (vomit|throw up|puke)\b"
          r"|\bbleeding (a lot|heavily|badly|wont stop|that wont stop|for an hour)\b"
          r"|\b(heavy|bad|lots of) bleeding\b|\b(cant|cannot|wont) stop (the )?bleeding\b"
          r"|\bblood everywhere\b|\bbleeding\b.{0,30}\b(wont|will not|has not|hasnt|have not|havent"
          r"|did not|didnt|does not|doesnt|is not|isnt) (stop|stopped|stopping)\b"
          r"|\b(hasnt|has not|havent|have not|didnt|did not|wont|will not) stop(ped)? bleeding\b"
          r"|\b(nosebleeds?|nose ?bleeds?|bloody nose)\b.{0,30}\b(wont|will not|doesnt|does not|cant|not"
          r"|never) stop\b|\bnose (wont|will not|doesnt|does not) stop bleeding\b"),
    # A head hit, in a fall or not: no one sign, so the general what to do now (911 if it may be an
    # emergency), before the fall's bone sign.
    _rule(Concern.URGENT, "",
          r"\b(hit|hits|bumped|banged|struck|smacked|cracked) (my|her|his|their|the back of (my|her"
          r"|his)) head\b|\bhead (injury|injuries|wound)\b"),
    # A fall, or a bone that may be broken.
    _rule(Concern.URGENT, "fracture",
          r"\b(keeps|kept|keep) (falling|tripping)\b(?! (asleep|behind|apart|in love|for|off the|out of))"
          r"|\b(falls|falling) (down )?(a lot|all the time|often)\b"
          r"|\b(i|she|he|mom|mum|dad|we|they|wife|husband|mother|father) (just )?(fell|fall|have fallen"
          r"|has fallen|had a fall|tripped|slipped)\b(?! (asleep|in love|for (it|that|him|her)|behind|apart"
          r"|ill|sick|short|silent|pregnant|back to sleep))|\b(had|have) a (bad )?fall\b|\b(fell|slipped"
          r"|tripped) (over|down|on|off|in)\b|\b(cant|cannot|can not) (put|bear|take) (any )?weight\b"
          r"|\bheard a crack\b"),
    _rule(Concern.URGENT, "fracture",
          r"\b(broke|broken|break|fractured|cracked|snapped) (my|her|his) (" + _BONE + r")\b"
          r"|\b(bone|hip|leg|arm|wrist|rib|ribs|back|ankle|spine|shoulder|collarbone|neck) "
          r"(is|are|may be|might be|could be|feels|feel|must be|looks) (broken|fractured|cracked)\b"
          r"|\b(bone|hip|leg|arm|wrist|rib|ribs|ankle|collarbone) (snapped|cracked)\b"
          r"|\b(think|thinks|may|might|could) (be|have|has)? ?(a )?(broken|fractured)\b"
          r"|\b(leg|arm|hip|wrist|ankle|bone) (looks|is) (wrong|bent|deformed|at a funny angle)\b"
          r"|\b(" + _BONE + r") (breaks|broke|fractures|cracks|snaps)\b"),
    # Fever during treatment.
    _rule(Concern.URGENT, "fever",
          r"\b(fever|feverish|temperature|temp|chills|shivering|shaking|rigors|hot and shaky)\b.*\b(chemo|"
          r"treatment|therapy|infusion|radiation|immunotherapy|last round)\b|\b(chemo|treatment|therapy|"
          r"infusion)\b.*\b(fever|feverish|high temperature|high temp|chills|temperature is)\b", plain=False),
    _rule(Concern.URGENT, "fever",
          r"\b" + NOT_EN + r"(fever(?! blisters?)|feverish|high temperature|high temp|temp of|temperature of|"
          r"10[0-4]( [0-9])?( ?(f|degrees))?(?! ?(years|year|yrs|yr|yo|pounds|lbs|lb|kg|mg|percent|days|weeks"
          r"|wks|months))|3[89]( [0-9])? ?(c|degrees))\b", plain=False, personal=True),  # "she is 38": an age
    _rule(Concern.URGENT, "fever",
          r"\b(fever|temp|temperature) (of |is |at |was |now |reading |up to )?(10[0-5]"
          r"|3[89])\b|\b(10[0-5]|3[89])( point \d| \d)? ?(f |c |degrees? )?(fever|temp|temperature)\b",
          plain=False),
    # A temperature sent alone ("102.5", "101 f", "38.9"), or a body "burning up": a fever's what to do now.
    _rule(Concern.URGENT, "fever",
          r"^(temp |temperature )?((100 [4-9]|10[1-5] [0-9])( ?f| degrees)?|10[1-5] ?(f|degrees)"
          r"|3[89] [0-9] ?(c|degrees)?)$"
          r"|\b(is|s|am|im|are|feels|feel|felt|was|been|keeps) burning up\b(?! (with|about|over|at))",
          plain=False),
    # Chills: CDC asks for a temperature taken whenever someone feels chilled, ACS names shaking chills.
    _rule(Concern.URGENT, "fever",
          r"\b(?<!gave me )(?<!gives me )(?<!give me )(?<!gave me the )(?<!gives me the )" + NOT_EN
          + r"(chills|shivering|shivers|shivery|rigors)\b(?! (down|up) (my|your|her|his) spine)",
          plain=False),
    # A clot in the lung (a pulmonary embolism): no one sign's words fit it, so what to do now.
    _rule(Concern.URGENT, "",
          r"\b(blood )?clots? (in|on) (my|her|his|the|their|both) lungs?\b|\bpulmonary (embolism|embolus"
          r"|emboli)\b|\blung clots?\b", plain=False),
    _rule_es(Concern.URGENT, "",
          r"\b(coagulos?|trombos?) en (el|los|su|mi) pulmon(es)?\b|\b(embolia|embolismo|tromboembolia)"
          r" pulmonar\b", plain=False),
    # An arm or leg swollen, red and painful (a clot); a belly suddenly swollen and tight; high calcium.
    _rule(Concern.URGENT, "clot-leg",
          r"\b(legs?|calf|calves|ankles?|thighs?|arms?)\b.{0,30}\b(swollen|swelling|puffed|puffy|bigger|red"
          r"|hot)\b"
          r"|\b(swollen|swelling|puffed|puffy)\b.{0,20}\b(legs?|calf|calves|thighs?|arms?)\b"
          r"|\bclot in (my|her|his) (leg|arm)\b"
          r"|\b(blood clot|dvt)\b", plain=False),
    _rule(Concern.URGENT, "belly",
          r"\b(belly|stomach|tummy|abdomen|tummys|stomachs)\b.{0,25}\b(swollen|swelling|tight|hard|bloated|"
          r"blew up|huge|bigger|distended|puffy|puffed up"
          r"|(getting|got|gotten|is|so|very|really) (big|large|larger)"
          r"|growing|full of (fluid|water))\b"
          r"|\b(fluid|water) (in|filling|building up in) (her |his |my |the )?(belly|stomach|tummy|abdomen)\b"
          r"|\bascites\b", plain=False),
    # About to faint, or a heart racing or pounding: no one sign, so the general what to do now.
    _rule(Concern.URGENT, "",
          r"\b(feel|feeling|felt|feels) (so |very |really )?(faint|like (i am |im |i will |ill )?"
          r"(going to |gonna |about to )?(faint|pass out|black out))\b"
          r"|\b(about|going|gonna) to (faint|pass out)\b"
          r"|\b(heart|heartbeat|pulse) (is |keeps |has been |was )?(racing|pounding"
          r"|beating (so |really |very )?fast|fluttering|skipping beats)\b|\bpalpitations\b"
          r"|\bheart (feels|is) like (its|it is) (going to|gonna|about to) (explode|burst|jump out"
          r"|beat out)\b",
          plain=False),
    # Vomiting that goes on, or nothing staying down (NCI: tell the care team): no one sign, so the
    # answer is the general one (911 if it may be an emergency, else the care team right away).
    _rule(Concern.URGENT, "",
          r"\b(cant|cannot|can not|unable to|not able to|couldnt|wont) (keep|hold) (anything|any thing|"
          r"food|water|fluids?|liquids?|drinks?|meds|medicines?|medications?|pills|(my|her|his) (food|meds|"
          r"medicines?|medications?|pills))( at all)? down\b"
          r"|\b(cant|cannot|wont|will not|doesnt|does not|not) stop "
          r"(vomiting|throwing up|being sick|puking)\b"
          r"|\b(keeps?|kept|keep on) (vomiting|throwing up|being sick|puking)\b"
          r"|\b(throws?|throwing|threw|vomits?|vomiting|vomited|pukes?|puking|puked) (up )?(everything|"
          r"all (of )?(it|her food|his food|my food|she eats|he eats|i eat))\b"
          r"|\b(vomiting|throwing up|being sick|puking) and (i |she |he |it )?(cant|cannot|wont) stop\b"
          r"|\b(vomiting|throwing up|been sick|being sick|puking|threw up|vomited) (all day|all night|"
          r"nonstop|non stop|constantly|every hour|for (two|2|three|3|several|many) (days|hours))\b"
          # Nothing eaten for days, or drunk for a day (ACS: eating nothing for over 2 days, or too little
          # to drink in a day, is for the care team).
          r"|\b(hasnt|has not|havent|have not|hadnt|had not|didnt|did not) (eaten|ate|eat|drunk|drank|drink"
          r"|had (anything|a thing|any food|any water|a bite|a sip) (to (eat|drink))?)( or (drunk|drank"
          r"|drink|eaten|ate|eat))?( anything| a thing| any food| any water| a bite| a sip)?( at all)?( in"
          r"| for)? (\d+|two|three|four|five|several|a few|a couple of|many|over a|more than a)? ?(days?"
          r"|whole day|all day|24 hours)\b"
          r"|\b(cant|cannot|can not|unable to|not able to) (drink|swallow) (anything|any water|any fluids"
          r"|even water)\b"),
    _rule(Concern.URGENT, "calcium",
          r"\b(thirsty|thirst)\b.{0,60}\b(sick|nausea|throwing up|vomit\w*|constipated|confused|muddled|"
          r"foggy|awful|drowsy)\b|\b(sick|nausea|constipated|confused|muddled)\b.{0,60}\b(thirsty|thirst)\b"
          r"|\bcant stop drinking\b|\bcalcium (is |might be |may be )?(high|up)\b", plain=False),
    # Walking that has become hard, with no sign named (ACS: new weakness or trouble walking is for the
    # care team at once): what to do now.
    _rule(Concern.URGENT, "",
          r"\b(?<!no )(trouble|difficulty|problems?|a hard time|struggling) (with )?walking\b"
          r"|\b(hard|harder|difficult) (for (me|her|him) )?to walk\b|\b(cant|cannot|can not) walk (well|right"
          r"|straight|properly)\b", plain=False),
    _rule_es(Concern.URGENT, "",
          r"\b(le|me) cuesta (mucho )?caminar\b|\bdificultad para caminar\b|\bcamina con dificultad\b"),
    # Pain someone cannot bear, with no sign named: what to do now (NCI: pain not under control is
    # for the care team; 911 if it may be an emergency).
    _rule(Concern.URGENT, "",
          r"\b(?<!not )(?<!no longer )in (so much|such|a lot of|lots of|terrible|awful|severe|excruciating"
          r"|unbearable|agonizing) pain\b|\b(pain|hurts?|hurting) (is )?(so bad|unbearable|excruciating"
          r"|agonizing)\b|\b(unbearable|excruciating|agonizing) pain\b|\b(pain|it|its|pain is|it is) (a )?(8"
          r"|9|10|eight|nine|ten) (out of|of|on a scale of) (10|ten)\b|\bpain (meds|medicine|medication"
          r"|medications|pills|killers|killer|relief) (arent|are not|isnt|is not|not|dont|do not|doesnt"
          r"|does not|stopped) (working|helping|help|work|touching it)\b|\b(morphine|oxycodone|oxy|fentanyl"
          r"|dilaudid|hydromorphone|hydrocodone|norco|percocet|vicodin|tramadol|pain patch|patch)"
          r" (is |are )?(arent|are not|isnt|is not|not|dont|do not|doesnt|does not|stopped|no longer)"
          r" (working|helping|help|work|touching it)\b|\b(pain is|pains are) (out of control|not under"
          r" control|uncontrolled)\b|\b(uncontrolled|uncontrollable) pain\b|\bnothing (helps|is helping"
          r"|works|is working) (for |with )?(the|her|his|my) pain\b"
          r"|\b(cant|cannot|can not) (stand|take|bear|handle|deal with) (this|the|my|her|his|that|such|all"
          r"|all this|all the) pain\b|\bpain\b.{0,30}\b(cant|cannot|can not) (stand|bear|take) it\b",
          plain=False),
    # Spanish.
    _rule_es(Concern.URGENT, "",
          r"^(es una |esto es una )?(emergencia|urgencia)$|\b(ambulancia|nueve uno uno)\b"),
    _rule_es(Concern.URGENT, "", r"\b(emergencia|urgencia)\b", plain=False),
    _rule_es(Concern.URGENT, "",
          r"\b(infarto|ataque al corazon|ataque cardiaco|paro cardiaco|reaccion alergica|anafila\w*"
          r"|ronchas|urticaria)\b", plain=False),
    _rule_es(Concern.URGENT, "breathing",
          r"\b(no (puedo|puede|podemos) respirar|no respira|me ahogo|se ahoga|ahogando|falta de aire"
          r"|me falta el aire|le falta el aire|dificultad para respirar|cuesta (mucho )?respirar"
          r"|asfixi\w*)\b|\blabios (morados|azules)\b|\b(se esta poniendo|se puso|esta) (morad[ao]|azul)\b"
          r"|\bno (puedo|puede) (agarrar|jalar|tomar|coger|recuperar) (el )?aire\b|\bno (me"
          r"|le) entra (el )?aire\b|\brespira\w*\b.{0,12}\b(muy dificil|con mucha dificultad)\b"),
    _rule_es(Concern.URGENT, "chest-pain",
          r"\b(dolor|presion|opresion) (fuerte )?(en el|de|del) pecho\b|\bme duele el pecho\b"),
    _rule_es(Concern.URGENT, "cord-severe",
          r"\bno (puedo|puede) (caminar|mover las piernas|sentir las piernas|pararme|orinar|hacer pipi"
          r"|controlar (la orina|el intestino|la vejiga))\b|\bparalizad[ao]\b|\bno (siento"
          r"|siente) las piernas\b|\bperdi el control\b|\bse hizo pipi\b|\bincontinencia\b|\bno (aguanto"
          r"|aguanta|puedo aguantar|puede aguantar|puedo retener|puede retener|controlo|controla) (la orina"
          r"|el pipi|la pipi|las ganas de orinar|el popo|la caca|el excremento|la vejiga)\b|\b(me|se) (orine"
          r"|orino|hice|hizo|hice pipi|hizo pipi|hice popo|hizo popo) (encima|en la cama|en los pantalones"
          r"|en el pantalon|en la ropa)\b"),
    _rule_es(Concern.URGENT, "spinal-cord",
          r"\b(piernas?|pies?)\b.{0,20}\b(dormidas?|dormidos?|entumid[ao]s?|debiles?|adormecid[ao]s?"
          r"|pesadas?|no (las|los) siento|no (se|me) mueven?)\b|\b(dormidas?|entumid[ao]s?|debiles?"
          r"|adormecid[ao]s?|pesadas?)\b.{0,20}\b(piernas?|pies?)\b"
          r"|\bse (le|me|nos) (duermen|durmieron|adormecen|adormecieron|entumen|entumieron|debilitan"
          r"|debilitaron|aflojan|aflojaron) (las |los )?(piernas|pies)\b"),
    _rule_es(Concern.URGENT, "stroke",
          r"\b(un lado|lado (izquierdo|derecho))\b.{0,25}\b(dormido|debil|paralizado|caido)\b"
          r"|\bse (le|me) (durmio|duerme|adormecio|entumio|paralizo) (un lado|medio lado|la mitad"
          r"|medio cuerpo|el lado (izquierdo|derecho)|la cara|media cara|un brazo|el brazo)\b|\b(cara"
          r"|boca) (caida|torcida)\b|\bcaida de un lado\b|\ble (esta|dio) dando un derrame\b|\bhabla raro\b"
          r"|\bno (puede|puedo) mover el brazo\b|\b(cara|boca)\b.{0,15}\b(chueca|chueco|torcida|ladeada"
          r"|caida|colgada)\b|\b(se le|se me) (cayo|cae|esta cayendo|torcio|tuerce|esta torciendo"
          r"|chueco) (la cara|la boca|un lado)\b|\b(la )?(cara|boca) se (le|me) (cayo|cae|esta cayendo"
          r"|torcio|tuerce)\b|\blado (izquierdo|derecho)\b.{0,25}\b(no (lo |la |le )?(puedo|puede) mover"
          r"|no se (le |me )?mueve|no responde|no (lo |la )?siento|no (lo |la )?siente)\b|\bno (puedo"
          r"|puede) mover (el|su|mi) lado\b|\b(habla|hablando) (muy )?(raro|extrano|chistoso|enredado"
          r"|trabado|trabada|arrastrado|mocho)\b|\barrastra (las palabras|la lengua)\b"
          r"|\bse le traba la lengua\b|\bno (puede|puedo) hablar( bien| claro)?\b(?! (con|de|del|sobre"
          r"|ingles|espanol|por|ahora)\b)|\bno le salen las palabras\b"),
    _rule_es(Concern.URGENT, "stroke", r"\bderrame( cerebral)?\b" + _LONG_AGO_ES, plain=False),
    _rule_es(Concern.URGENT, "seizure",
          r"\b(convulsionando|sacudirse|temblar todo el cuerpo|(tuvo|tiene|le dio|le dio un|tengo|tuve"
          r"|le (esta|estan) dando|le da|me (esta|estan) dando) (una |un )?(convulsion|convulsiones"
          r"|ataque))\b"
          r"(?! (de (panico|ansiedad|nervios|tos|risa|asma)|al corazon|cardiaco))"),
    _rule_es(Concern.URGENT, "seizure", r"\b(convulsion|convulsiones|ataque epileptico)\b", plain=False),
    _rule_es(Concern.URGENT, "",
          r"\b(dolor de cabeza|migrana)\b.{0,40}\b(vomit\w*|fuerte|terrible|horrible|repentino)\b"
          r"|\b(vomit\w*)\b.{0,40}\b(dolor de cabeza|(me|le) duele la cabeza)\b"
          r"|\b(me|le) duele (mucho |muchisimo |muy fuerte |horrible )?la cabeza\b.{0,40}\bvomit\w*"
          r"|\b(me|le) duele (muchisimo|muy fuerte|horrible|terriblemente) la cabeza\b"
          r"|\b(me|le) duele la cabeza (muchisimo|muy fuerte|fuerte|horrible|terriblemente|demasiado)\b"
          r"|\bla cabeza me (va a )?(explota|estalla|explotar|estallar)\b"
          r"|\b(el )?peor dolor de cabeza\b", topic=HEADACHE_TOPIC_WORDS),
    # A head hit; pain someone cannot bear.
    _rule_es(Concern.URGENT, "",
          r"\b(se|me) (golpeo|golpe|pego|pegue) (en )?la cabeza\b|\bgolpe en la cabeza\b"
          r"|\b" + NOT_ES + r"(mucho|muchisimo|tanto) dolor\b"
          r"|\bdolor (es |esta )?(muy fuerte|insoportable|inaguantable|terrible|horrible)\b"
          r"|\bno (aguanto|aguanta|soporto|soporta|resisto|resiste|puedo con|puede con) (el|este|ese|tanto"
          r"|mas el) dolor\b|\bdolor (es )?(de )?(8|9|10|ocho|nueve"
          r"|diez)\b"
          r"|\b(medicina|medicinas|medicamento|medicamentos|pastillas?) (para|del) (el )?dolor no (me "
          r"|le )?(hace|hacen"
          r"|funciona|funcionan|sirve|sirven|ayuda|ayudan)\b"
          r"|\b(medicina|medicinas|medicamento|medicamentos|pastillas?|morfina|parche)( para el dolor)?"
          r" (ya )?no (me |le )?(hace|hacen|hizo) (nada|efecto)\b|\b(la )?morfina (ya )?no (me |le )?(ayuda"
          r"|sirve|funciona|hace nada)\b|\b(el )?dolor no (se )?(me |le )?(quita|calma|pasa) con nada\b"
          r"|\b(me|le) duele (muchisimo|horrible|demasiado)\b", plain=False),
    # Vomiting that goes on, or nothing staying down.
    _rule_es(Concern.URGENT, "",
          r"\bno (puedo|puede|logro|logra) (retener|mantener) (nada|la comida|comida|el agua|agua"
          r"|los liquidos|liquidos|las pastillas|la medicina|las medicinas)\b|\bno (puedo|puede|logro"
          r"|logra) tragar (nada|ni agua|el agua|agua|los liquidos|liquidos)\b|\bno (para|paro|paran"
          r"|puedo parar|puede parar|deja|dejo) de vomitar\b|\b(sigo|sigue) vomitando\b"
          r"|\bno (ha|he|han|hemos) (comido|tomado|bebido)( ni (comido|tomado|bebido))?( nada)?( (en"
          r"|desde hace|por|durante) (\d+|dos|tres|cuatro|cinco|varios|unos|muchos|mas de un) dias?"
          r"| en todo el dia| todo el dia)\b|\bno (puede|puedo) (tomar|beber) (ni agua|nada)\b"
          r"|\bvomit\w* (todo el dia|toda la noche|sin parar|cada hora|desde hace (dos|2|tres|3"
          r"|varios) dias)\b|\bvomit[ao] todo\b|\btodo lo (vomito|devuelvo|vomita|devuelve)\b"
          r"|\bno (retengo|aguanto) (nada|la comida|comida)\b"
          r"|\b(me voy a|siento que me voy a|siento que me) desmay\w*\b"
          r"|\bel corazon me late (muy )?(rapido|fuerte)\b|\bpalpitaciones\b"),
    _rule_es(Concern.URGENT, "confusion",
          r"\b(se (esta |anda )?desmay\w*|no (me|nos|la|lo) reconoce)\b|\b(confundid[ao]|desorientad[ao]"
          r"|se desmayo|me desmaye|se desvanecio|me desvaneci|inconsciente|no despierta"
          r"|no (puedo|podemos|puede) despertar(?! temprano)"
          r"|cosas sin sentido)\b|\bno se (despierta|quiere despertar)\b|\bno (la|lo) (puedo"
          r"|podemos) despertar\b|\bno (reacciona|responde|esta respondiendo)\b(?! (bien )?(a|al|con) "
          r"(el |la |los |las |su |mi )?(tratamiento|quimio\w*|medicina\w*|medicamentos?|radiacion|terapia"
          r"|hormonas?|pastillas|inmunoterapia)\b)"),
    _rule_es(Concern.URGENT, "",
          r"\b" + NOT_ES + r"sangre en (la |el |mi |su )?(orina|pipi|popo|heces|excremento|caca"
          r"|evacuacion)\b|\b(orino|orina|hago pipi|hace pipi|hago popo|hace popo) (con )?sangre\b|\b(orina"
          r"|heces|popo|pipi) con sangre\b|\b(heces|popo|caca|excremento|evacuaciones?) (muy )?negr[oa]s?\b"
          r"|\bno (puedo|puede) (dejar de|parar de) temblar\b|\btiembl[ao] (mucho|sin parar"
          r"|todo el cuerpo)\b"),
    _rule_es(Concern.URGENT, "coughing-blood",
          r"\b(tos(i|io|e|o|iendo|er)? (con )?sangre|escup(o|i|e|io|iendo) sangre|sangre al toser"
          r"|al toser (me )?sale sangre|(flema|flemas|esputo) con sangre"
          r"|sangre en (la|las) (tos|flemas?))\b"),
    _rule_es(Concern.URGENT, "bleeding",
          r"\b(vomito sangre|vomite sangre|vomitando sangre|vomita sangre|vomito con sangre|vomita con sangre"
          r"|vomitando con sangre|vomite con sangre|devuelve sangre|esta devolviendo sangre"
          r"|vomitos con sangre|sangre en (el|su|mi) vomito|no para de sangrar|sangrando mucho"
          r"|\bnariz\b.{0,30}\bno (para|paro|se detiene|se le quita|se quita)\b|sangra\w* y no (para"
          r"|se detiene))\b"),
    _rule_es(Concern.URGENT, "fracture",
          r"\b(me cai|se cayo|una caida|me cayo)\b|\bhueso (roto|quebrado|fracturado)\b|\b(me|se) (rompi"
          r"|rompio|quebre|quebro|fracture|fracturo)\b(?=$|.{0,20}\b(hueso|huesos|cadera|pierna|brazo|muneca"
          r"|costillas?|tobillo|espalda|columna|hombro|cuello|pie|mano|dedo|rodilla|pelvis|clavicula)\b)"
          r"|\bcrujido\b|\b(se )?(me |le )?(rompe|quiebra|fractura) (un|el|la|mi|su) (hueso|cadera|pierna"
          r"|brazo|costilla|columna)\b"),
    _rule_es(Concern.URGENT, "fever", r"\b" + NOT_ES + r"(fiebre|calentura|escalofrios)\b", plain=False),
    # A temperature told in Celsius ("tiene 38.5", "temperatura de 39"): the sentence says where fever starts.
    _rule_es(Concern.URGENT, "fever",
          r"\b(tiene|tengo|tuvo|tenia|marca|marco|temperatura|temperatura de|temperatura es de|esta en)"
          r" (3[7-9] [0-9]|3[89]|40)( ?c| grados)?\b(?! (anos|semanas|dias|meses|kilos|libras|minutos|horas"
          r"|de embarazo))|\b(3[89]|40) grados\b", plain=False),
    _rule_es(Concern.URGENT, "clot-leg",
          r"\b(piernas?|pantorrillas?|brazos?|tobillos?)\b.{0,20}\b(hinchad[ao]s?|roj[ao]s?|calientes?)\b"
          r"|\bhinch\w* (de )?(la|el|las|los) (piernas?|pantorrillas?|brazos?|tobillos?)\b"
          r"|\bcoagulo en (la pierna|el brazo)\b", plain=False),
    _rule_es(Concern.URGENT, "belly",
          r"\b(panza|barriga|abdomen|vientre|estomago)\b.{0,25}\b(hinchad[ao]|dur[ao]|tens[ao]"
          r"|inflamad[ao]|inflad[ao]|(muy |mas )?grande|creciendo|(llen[ao] de|con) (liquido|agua))\b"
          r"|\bse (me|le) (hincho|esta hinchando|ha hinchado) (mucho )?(el abdomen|la panza|la barriga"
          r"|el vientre|el estomago)\b|\bliquido en (el|la|su|mi) (vientre|barriga|panza|abdomen|estomago)\b"
          r"|\bascitis\b|\b(me|le) (crecio|ha crecido|esta creciendo) (mucho |bastante )?"
          r"(el abdomen|la panza|la barriga|el vientre|el estomago)\b", plain=False),
    _rule_es(Concern.URGENT, "calcium",
          r"\bmucha sed\b|\bsed todo el tiempo\b", plain=False),
    # A breast red, swollen or hot (infection, or the cancer): the care team now, as no one sign says.
    _rule(Concern.URGENT, "",
          r"\b(breast|breasts|boob|boobs|nipple|nipples)( \w+){0,4} (red|redness|swollen|swelling|hot|warm"
          r"|inflamed|infected)\b|\b(red|swollen|hot|inflamed|infected) (and (red|swollen|hot|warm|inflamed)"
          r" )?(left |right )?(breast|breasts|boob|boobs|nipple|nipples)\b", plain=False),
    _rule_es(Concern.URGENT, "",
          r"\b(seno|senos|pezon|pezones)( \w+){0,4} (rojo|roja|rojos|rojas|hinchado|hinchada|hinchados"
          r"|hinchadas|caliente|calientes|inflamado|inflamada|infectado|infectada)\b", plain=False),
    # Signs of an infection ("i think i have an infection", "the port site is red and has pus", "mi herida
    # está infectada"): during treatment an infection can become dangerous fast (CDC, ACS); no one sign
    # says it, so what to do now (911 if it may be an emergency, else the care team right away).
    _rule(Concern.URGENT, "",
          r"(?<!avoid )(?<!prevent )(?<!risk of )(?<!chance of )(?<!risk for )(?<!had )\b(an|a|some|bad|the)"
          r"( \w+){0,2} infection\b|\binfected\b|\b(pus|oozing)\b|\b(port|incision|wound|scar|drain|picc"
          r"|catheter|stitches|surgery site)\b( \w+){0,4} (red|redness|swollen|hot|warm|draining|leaking"
          r"|weeping|split open|opened up|puffy)\b|\b(red|redness|swelling|swollen) (around|at|near|on|by)"
          r" (the |my |her |his )?(port|incision|wound|scar|drain|picc|catheter|stitches)\b", plain=False),
    _rule_es(Concern.URGENT, "",
          r"(?<!evitar )(?<!prevenir )(?<!riesgo de )\b(una|la|alguna) infeccion\b|\binfectad[ao]s?\b"
          r"|\b(pus|supura|supurando)\b|\b(puerto|port|herida|incision|cicatriz|drenaje|cateter|puntos)\b"
          r"( \w+){0,4} (roj[ao]s?|enrojecid[ao]s?|hinchad[ao]s?|caliente|abiert[ao]s?)\b", plain=False),
    # Whether it can wait, or the care team cannot be reached ("can this wait till monday", "the clinic
    # is closed"): what to do now, 911 if it may be an emergency, else the care team right away (the care
    # team's number after hours).
    _rule(Concern.URGENT, "",
          r"\b(can|should|could) (this|it|that|we|i|she|he) (just )?wait (till|until|til|for|to) (monday|"
          r"tomorrow|the morning|morning|next week|my appointment|her appointment|his appointment|the weekend"
          r"|after the weekend)\b|\b(office|clinic|doctors office|cancer center|oncologist|oncology|"
          r"doctor|dr) (is|s|are) (closed|not open)\b"),
    _rule_es(Concern.URGENT, "",
          r"\b(puede|podemos|debo|debemos) esperar (hasta|al|a) (el lunes|lunes|manana|la manana"
          r"|la cita|su cita|mi cita)\b|\b(la clinica|el consultorio|la oficina|el hospital|el doctor"
          r"|el medico) (esta|estan) cerrad[ao]s?\b"),
    # Lips, tongue, throat or face that swell (a treatment's reaction, or a blocked vein in the chest: ACS,
    # NCI): what to do now, 911 if it may be an emergency; no one sign says it.
    _rule(Concern.URGENT, "",
          r"\b(lips?|tongue|throat|face|eyelids?)( is| are| has| have| got| getting| started| keeps| feels"
          r"| feel)?( been| getting| to)? (very |really |so )?(swollen|swelling|swell|swelled|puffy|puffed up"
          r"|puffing up|blowing up)\b|\b(swollen|swelling|puffy|swelled) (up )?(of )?(the |her |his |my )?"
          r"(lips?|tongue|throat|face|eyelids?)\b|\bthroat (is |feels )?(closing|tight|tightening)\b",
          plain=False),
    _rule_es(Concern.URGENT, "",
          r"\b(labios?|lengua|garganta|cara|parpados?)( \w+){0,3} (hinchad[ao]s?|inflamad[ao]s?)\b"
          r"|\bse (me|le) (hincharon|hincho|esta hinchando|estan hinchando|inflamo|inflamaron) (mucho )?"
          r"(los labios|el labio|la lengua|la garganta|la cara|los parpados)\b"
          r"|\bse (me|le) (cierra|esta cerrando) la garganta\b", plain=False),
    # Hands, feet or skin gone blue, purple or mottled ("her hands and feet are cold and blue"): poor blood
    # flow may be an emergency; no one sign says it, so what to do now.
    _rule(Concern.URGENT, "",
          r"\b(hands?|feet|foot|fingers?|toes?|legs?|arms?|skin|fingernails|nails|knees)\b( \w+){0,2}"
          r" (is|are|look|looks|turning|turned|getting|got|went|gone|going|seem|seems)( \w+){0,3}"
          r" (blue|bluish|purple|purplish|gray|grey|mottled)\b(?! (from|with|because|after the|since the) )"
          r"|\b(legs?|arms?|feet|foot|hands?)\b( \w+){0,3} (cold and (pale|white)|(pale|white) and cold)\b",
          plain=False),
    _rule_es(Concern.URGENT, "",
          r"\b(manos|pies|dedos|piel|unas|rodillas|piernas)\b( \w+){0,3} (moradas?|morados|azules|azul"
          r"|amoratad[ao]s?|grises|manchad[ao]s de morado)\b", plain=False),
    # Someone found on the floor ("i found her on the floor", "está en el piso y no se mueve"): a fall,
    # a faint or worse; no one sign says which, so what to do now.
    _rule(Concern.URGENT, "",
          r"\b(found|find|came home to) (her|him|them|my \w+|mom|dad|mum)( lying| laying| passed out"
          r"| collapsed)? on the (floor|ground|bathroom floor|kitchen floor)\b"
          r"|\b(she|he|mom|dad|mum|my (mom|mum|mother|dad|father|wife|husband|sister|brother|daughter|son"
          r"|grandma|grandpa))( is| s| was)? (lying|laying|lay|down|still) on the (floor|ground"
          r"|bathroom floor|kitchen floor)\b|\b(she|he)( is| s) on the (floor|ground) and\b"
          r"|\b(she|he|mom|dad)( is| s)? on the floor$", plain=False),
    _rule_es(Concern.URGENT, "",
          r"\b(la|lo|los) (encontre|encontramos|hallamos) (tirad[ao]s? )?en el (piso|suelo)\b"
          r"|\b(esta|estaba|quedo|sigue) (tirad[ao] )?en el (piso|suelo)\b|^(ya )?no se mueve$"
          r"|\b(mi (mama|papa|esposo|esposa|hija|hijo|abuela|abuelo|hermana|hermano)|ella) (ya )?no se"
          r" mueve\b",
          plain=False),
    # Someone who cannot get up ("she cant get out of bed", "no se puede levantar"): weakness with no one
    # sign named, so what to do now (911 if it may be an emergency, else the care team right away).
    _rule(Concern.URGENT, "",
          r"\b(cant|can not|cannot|couldnt|could not|unable to|hasnt|has not|havent|have not|wont|will not"
          r"|doesnt|does not) (get|gotten|got|getting) (up )?(out of|up (from|out of|off)|off) (the |her |his"
          r"|my )?(bed|chair|couch|floor|toilet)\b|\b(hasnt|has not|havent|have not) (left|been out of)"
          r" (her|his|my|the) bed\b|\b(cant|can not|cannot|couldnt) get (her|him|me) up\b"),
    _rule_es(Concern.URGENT, "",
          r"\bno (se |me )?(puede|puedo|pudo|ha podido|he podido) levantar(se|me)?\b"
          r"|\bno se (ha )?(levanta|levantado|levanto) de la cama\b"
          r"|\bno (la|lo) (puedo|podemos|pudimos) levantar\b"),
    # Too much of a medicine taken or given by mistake ("i gave her too much morphine"): what to do now;
    # asked of beforehand ("can i get extra pain meds") it is no sign.
    # (Taken on purpose, "she took all her pills", is a crisis, read before this.)
    _rule(Concern.URGENT, "",
          r"\b(took|taken|gave|given|had|swallowed|used|put on) (her |him |me |them )?(way )?(too much"
          r"|too many|extra|double|a double dose of|twice the dose of|an extra dose of|two doses of) (of )?"
          r"(her |his |my |the |their )?(morphine|oxycodone|oxy|oxycontin|fentanyl|dilaudid|hydromorphone"
          r"|hydrocodone|norco|percocet|vicodin|tramadol|methadone|pain meds|pain medicine|pain medication"
          r"|pain pills|sleeping pills|meds|medicine|medication|pills|patches|dose)\b"
          r"|\b(took|taken|given|gave (her|him|me)|had) (a |her |his |my )?double dose\b"
          r"|\baccidental(ly)? (overdose|overdosed|took too)\b"
          r"|\b(took|taken|gave (her|him|me)|given|had|swallowed) (two|2|three|3|both|extra|more) (of )?"
          r"(her |his |my |the |their )?(pills|tablets|doses|patches|meds)\b.{0,30}\b(by (mistake|accident)"
          r"|accidentally|instead of one|at once)\b|\b(by (mistake|accident)|accidentally) (took|gave (her"
          r"|him|me)) (two|2|three|3|both|extra|another|a second)\b"),
    _rule_es(Concern.URGENT, "",
          r"\b(demasiada|demasiadas|doble) (dosis|morfina|medicina|pastillas|medicamento)\b"
          r"|\b(le di|se tomo|me tome|tomo) (de mas|doble)\b"
          r"|\b(le di|se tomo|me tome|tomo|tome) (dos|2|tres|3|otra|otras|mas) (pastillas|dosis|tabletas"
          r"|pildoras)\b.{0,25}\b(por (error|equivocacion|accidente)|sin querer)\b"),
)

# "how long do you take it", "how long will she be on chemo": how long a treatment lasts, not a life.
_NOT_HOW_LONG_A_TREATMENT = (
    r"(?! (\w+ )?(take|taking|took|need|needs|be on|stay on|stays on|be in|wait|waiting|get|gets|keep|go|"
    r"goes|feel|have to|has to|stay|use|receive|last|lasts|stop|continue|do (chemo|radiation)|"
    r"on (it|this|chemo|the)|(have|has|be having|be getting) (chemo|chemotherapy|radiation|radiotherapy"
    r"|treatment|treatments|infusions?|shots?|injections?|therapy|immunotherapy|hormone therapy|surgery"
    r"|sessions?|rounds?|cycles?))\b)"
)

PROGNOSIS_RULES: tuple[Rule, ...] = (
    _rule(Concern.PROGNOSIS, "",
          r"\b(am i dying|is (she|he|my \w+) dying|will i die|will (she|he|my \w+) die|going to die from|"
          r"(am i|is (she|he|my \w+)|are (we|they)) (going|gonna) (to )?die|"
          r"how long (do|have|will|does|has|can|could) (i|she|he|we|you|my|her|his|people|someone|one)"
          + _NOT_HOW_LONG_A_TREATMENT + r"|"
          r"how (long|much time) (to|left to|do|does|have|has) (live|i|she|he|we|they|my|her|his)"
          + _NOT_HOW_LONG_A_TREATMENT + r"|"
          r"(what (will|is going to|is gonna|would)|whats (going to|gonna)) happen to"
          r" (her|him|me|us|them|my \w+)( now)?$|"
          r"time left|life expectancy|terminal|end stage"
          r"|final stages?(?! of (her |his |my |the |our )?(chemo\w*|treatment|radiation|therapy|round))"
          r"|survival rates?|survival statistics"
          r"|5 year survival"
          r"|five year survival|prognosis|outlook|my chances|odds of surviv\w*|death sentence|can (it"
          r"|this) be cured|is (it|this) the end|can (you|i|she|he|we|people|anyone|someone) (beat|overcome)"
          r" (it|this|stage (4|four|iv)|metastatic|mbc|metastatic breast cancer|breast cancer|cancer)"
          r"|(can|will|do) (you|i|she|he|people|someone) live (long"
          r"|for years|many years|(\d+|five|ten|twenty|a few|several) (more )?(years|months))"
          r"|(is|are) (she|he|i|my \w+|we) (going to|gonna) make it (to|till|until|through|past) (christmas"
          r"|thanksgiving|easter|summer|spring|winter|new year\w*|next (year|month|summer|christmas)"
          r"|(her|his|my|our) (birthday|wedding|graduation|anniversary)|the (holidays|wedding|new year))"
          r"|will (i|she|he|we) (live to see|make it to|be here (for|at|by)|be around (for|to see))"
          r"|will (i|she|he) (get to )?see (my|her|his|our) \w+ (graduate|get married|grow up|be born)"
          r"|^(is there|theres) (any |still )?hope\??$"
          r"|(can|will|do) (you|i|she|he|people|anyone) survive|^(and |so |but |ok "
          r"|okay )?how long( now| then| exactly)?$|how many (years|months) (do|does|will|would|can|could"
          r"|have|has) (i|she|he|we|you|my \w+|people|women|patients|someone) (get|have|got|live|last"
          r"|left)|(are|will|is) (people|women|patients|i|she|he|anyone|someone) (still )?(be )?alive (after"
          r"|in|for|years|5|five|10|ten)|^(so |and |but )?(is (it|this|that) (serious|life threatening|fatal)"
          r"|how serious is (it"
          r"|this|that))( now)?$"
          r"|^(so |and |but )?((is|are) (she|he|i|my \w+|we|they) (going to|gonna) (be )?"
          r"|(will|would) (she|he|i|my \w+|we|they) (be )?|am i (going to|gonna) (be )?)(ok|okay|alright"
          r"|all right|fine|make it|pull through|get better|recover|be ok|be okay)$)\b"),
    _rule_es(Concern.PROGNOSIS, "",
          r"\b(me voy a morir|me estoy muriendo|(?<!vamos )va a morir\w*|"
          + _NOT_OF_KIN_ES + r"se esta muriendo|"
          r"cuanto tiempo (me|le|nos|de vida)|"
          r"cuanto (me|le|nos) queda|tasa de supervivencia"
          r"|que (me|le|nos) va a pasar( ahora)?( a (ella|el|mi \w+))?$"
          r"|que va a pasar con (ella|el|mi \w+)( ahora)?$|esperanza de vida|pronostico|"
          r"es terminal|(etapa|fase) (final|terminal)|se puede (curar|vencer|superar)|cuantos anos se vive"
          r"|que posibilidades|cuanto vive"
          r"|cuanto tiempo se vive|^(y |pero )?(hay|habra|todavia hay) (alguna )?esperanza$"
          r"|(va|voy) a (llegar|durar|aguantar) (a|hasta) (navidad|fin de ano|ano nuevo|su cumpleanos"
          r"|mi cumpleanos|el verano|su boda|la boda|la graduacion)\b"
          r"|se puede sobrevivir|^(y |pero )?cuanto tiempo( mas)?$"
          r"|^(y |pero )?(eso |esto )?(es (algo )?(grave|mortal)|que tan grave es|es muy grave)( eso| esto)?$"
          r"|^(y |pero )?((va|voy|van) a (estar bien|salir adelante|sobrevivir|aguantar)|se (va|van) a "
          r"(poner bien|mejorar|recuperar|salvar|aliviar))( mi \w+)?$)\b"),
)

DISTRESS_RULES: tuple[Rule, ...] = (
    # Bad news told ("my cancer progressed", "they found more tumors", "el cancer avanzo"): a person.
    _rule(Concern.DISTRESS, "",
          r"\b(my|her|his|the|our) (cancer|tumor|tumors|tumour|tumours|disease|mets) (has |have |is |are )?"
          r"(progressed|progressing|grown|grew|got worse|gotten worse|getting worse|spread more"
          r"|spreading again)\b"
          r"|\b(scan|scans|pet|pet scan|ct|mri) (showed|shows|found) (that )?(it|the cancer|the tumor"
          r"|the tumors) (grew|has grown|progressed|spread)\b"
          r"|\b(found|showed|shows|see|saw) (more|new) (tumor|tumors|tumour|tumours|tumores|spots|lesions"
          r"|mets|growths)\b"
          # ...or treatment that has stopped working ("her cancer is not responding to chemo")
          r"|\b(is not|isnt|are not|arent|was not|wasnt|not|no longer|stopped) responding to (the |her"
          r" |his |my )?(treatments?|chemo"
          r"|chemotherapy|therapy|radiation|drugs?|medicines?|meds|hormone therapy|immunotherapy)\b"
          r"|\b(the |her |his |my )?(treatment|treatments|chemo|chemotherapy|medicine|meds|drugs?|hormone"
          r" therapy|immunotherapy|therapy) (isnt|is not|arent|are not|stopped|has stopped|is no longer|not)"
          r" (working|helping)( any ?more)?\b"),
    _rule_es(Concern.DISTRESS, "",
          r"\b(el|mi|su) (cancer|tumor|tumores) (ya )?(avanzo|crecio|progreso|empeoro|se extendio mas"
          r"|esta creciendo|sigue creciendo|esta avanzando)\b"
          r"|\b(encontraron|salieron|hay|vieron) (mas|nuevos|nuevas) (tumores|manchas|lesiones|bolitas)\b"
          r"|\b(no|ya no) (esta )?respond(e|iendo) (al|a la|a los) (tratamiento|quimio|quimioterapia"
          r"|radiacion|medicamentos?)\b|\b(el|la|su|mi) (tratamiento|quimio|quimioterapia|medicina) (ya )?no"
          r" (le |me )?(esta )?(funciona|funcionando|sirve|hace efecto)\b"),
    # Someone gone from the world ("my mom left this world last year", "mi mama dejo este mundo"): grief.
    _rule(Concern.DISTRESS, "", r"\b(left|departed) (this|the) world\b(?! a better place)"),
    _rule_es(Concern.DISTRESS, "", r"\b(dejo|partio de) (este|el) mundo\b"),
    # The end of life, planned: where to die, the funeral ("she wants to be buried next to dad").
    _rule(Concern.DISTRESS, "",
          r"\b(want|wants|wanted|wish|wishes) to (die|pass) " + _AT_HOME_WORDS
          + r"|\bbe buried (next to|with|beside)\b|\bfuneral (plans?|arrangements?)\b"
          r"|\bplan(ning)? (her|his|my|the) funeral\b"),
    _rule_es(Concern.DISTRESS, "",
          r"\b(quiero|quiere|quisiera) morir(se|me)? en (su |mi )?casa$|\b(ser )?enterrad[ao] (junto a|con)\b"
          r"|\b(planear|preparar) (el|su|mi) funeral\b"),
    # A plea ("help me", "please help", "help me i dont know what to do"), not help to a purpose ("can you
    # help me understand stage 4", "the meds help me sleep").
    _rule(Concern.DISTRESS, "",
          r"\b(help (me|us|her|him))\b(?=$| (please|plz|pls|now|asap|someone|somebody|anyone|anybody|i|im"
          r"|we|she|he|my|its|it|this|idk|god|lord|oh|quick|fast|right now|somebody)\b)"
          r"|\b(i need help|need help|please help|help please|someone help|sos)\b"),
    _rule(Concern.DISTRESS, "",
          r"\b(talk|speak|chat|get through) (to|with) (someone|somebody|a person|a human|a real person"
          r"|a nurse|nurse|a doctor|anyone|anybody|a counsell?or|a social worker|a real|people)\b"
          r"|\b(real person|human being|a human|operator|(?<!chemo )(?<!oncology )(?<!infusion )(?<!my )"
          r"(?<!the )(?<!her )(?<!his )(?<!our )nurses?(?! (is|are|was|were|said|says|told|gave|called|came"
          r"|who))"
          r"|counsell?or|counsell?ing|social worker"
          r"|helpline|hotline|support line|(someone|no one|anyone|anybody|nobody) to talk to)\b"
          r"|^(talk|person|human)$"),
    _rule(Concern.DISTRESS, "",
          r"\b(scared|scarred|afraid|frightened|terrified|terrifed|panic|panicking|panicked|"
          r"freaking out|freaked out|anxious|anxiety|so worried|really worried|very worried|"
          r"worried sick|fear|fearful|nervous|petrified|in shock|scanxiety|scan anxiety)\b"),
    _rule(Concern.DISTRESS, "",
          r"\b(cant cope|can not cope|cannot cope|not coping|cant (take|stand|bear|handle) (it|this|any more"
          r"|anymore)|cant (handle|bear|stand) (seeing|watching|losing|being)"
          r"|(i am|im|feel|feeling) (so )?lost|is (any|some)(one|body) there|cant do this|overwhelmed"
          r"|hopeless|no hope|(dont|do not) want to (fight|keep fighting)|tired of fighting"
          r"|(i )?(dont|do not|cant|cannot|can not) (understand|make sense of) (any of (this|it|what)"
          r"|anything|what (is|s) happening|whats happening|what (is|s) going on|whats going on|what (the"
          r"|her|his|my|our) (doctors?|docs?|dr|oncologists?|onc|surgeon) (said|says|told|is saying"
          r"|are saying)"
          r"|what they (said|told))|(none of (this|it)|nothing) (makes|make) (any )?sense"
          r"|(this|the|her|his|my) (cancer|disease|chemo|treatment) is killing (me|her|him|us)"
          r"|i hate (my life|this|cancer|this cancer|all of this|everything|this disease)\b"
          r"|^(im |i am )?(so )?done with (this|all this|all of this|everything|it all)$"
          r"|^(i )?(feel|feeling) (so |just |kind of )?(numb|empty|nothing|dead inside)$"
          r"|^i (dont|do not) feel like myself( anymore| lately)?$|^why god\??$"
          r"|\b(i|we) miss (her|him|them|my (mom|mum|mother|dad|father|wife|husband|sister|brother"
          r"|daughter|son|friend|partner|grandma|grandmother|grandpa|grandfather|best friend))\b"
          r"|\b(no one|nobody|noone) (visits|calls|comes to see|comes by|checks on) (her|him|me|us)\b"
          r"|\b(anniversary of|since) (her|his|my \w+s?) (death|passing)\b"

          r"|^((hi|hello|hey) )?(this|it|its|it is|everything|all this|all of this|this is all) (is )?"
          r"(just )?(so |really |very |too )?(hard|tough|difficult|much|overwhelming|scary|unfair)( right now"
          r"| today| lately| for me| for us)?$"
          r"|(cant|can not|cannot|dont want to|do not want to|not ready to|scared of|afraid of|terrified of)"
          r" (lose|losing) (her|him|them|you|my (mom|mum|mother|dad|father|wife|husband|sister|brother"
          r"|daughter|son|friend|partner|grandma|grandmother|best friend))\b"
          r"|(?<!not )(?<!never )(?<!wont )(?<!dont )(?<!wont ever )give up|giving up|depressed|depression"
          r"|so alone|all alone|lonely|(im|i am|i feel|feeling|i feel so|im so) alone|(nobody|no one"
          r"|noone) (cares|understands|listens|gets it|loves me|wants me)|i have (no one|nobody|noone)"
          r"|crying|cant stop crying|heartbroken|broke my heart|devastated|grief|grieving|lost my(?! (balance"
          r"|footing|breath|voice|sight|appetite|hair|taste|sense|keys|phone|weight))|passed away"
          r"|died(?! laughing)|funeral|falling apart|(dont|do not) feel like doing anything|no motivation"
          r"|no energy for anything|(doesnt|does not|dont|do not|wont|will not) (support|help|understand"
          r"|listen to) (me|us)"
          r"|im not ok|not okay|(i )?feel (so |very |really )?guilty|(im|i am) (such a|a total|a complete"
          r"|a) (mess|wreck)|(my family|my husband|my wife|my kids|my friends|they) (doesnt|dont|do not"
          r"|does not) (get it|understand)( me| us| what (im|i am) going through| how (i|we) feel)?$)\b"),
    # The end of life, someone gone, someone waiting for an answer, someone worn out: a person to talk to.
    _rule(Concern.DISTRESS, "",
          r"\b(actively dying|shes dying|hes dying|(she|he|mom|mum|mother|dad|father|husband|wife|partner"
          r"|sister|brother|daughter|son|friend|grandma|grandpa|nan|aunt|uncle|patient) is dying|(in|on|into"
          r"|to) hospice|end of life|last (days|hours)|when (its|it is) the end|what happens at the end"
          r"|near the end|close to the end|nearing the end|the end is near|signs of dying|signs (that )?(she"
          r"|he|someone) is dying|when (someone|a person|people|you) (die|dies) (of|from)"
          r"|(admitted|taken|rushed|moved) (her |him |me )?to (the )?(icu|intensive care|hospital)"
          r"|in (the )?(icu|intensive care)"
          r"|(pray|praying) for (me|us|her|him|them|my \w+)|(can|could|will|would) (you|u|someone) pray"
          r"|comfort care|when (i|she|he|we) (die|dies)|(husband|wife|partner|boyfriend"
          r"|girlfriend|family) (left|abandoned|walked out on) (me|us))\b|^(u|you|are you|r u|is anyone"
          r"|anyone|anybody|someone|is someone|hello is anyone|hello anyone) there$|\b(tired|sick|done) (of"
          r"|with) fighting\b|\bcant fight (this |it )?any ?more\b|^why me$|\b(blame|blaming|hate) (myself"
          r"|herself|himself)\b|\b(cant|cannot|can not|no longer) (take care of|look after|care for) (myself"
          r"|herself|himself)\b|\b(cant|cannot|can not) stop thinking about (it|this|the cancer|what)\b"
          r"|\b(nothing|nothing more|nothing else) (that )?(they|we|the doctors?|doctors|anyone"
          r"|you) can do\b|\bno more (treatment|treatments|options) (left|for (her|him|me|us))\b"
          r"|\bout of (treatment )?options\b|\b(call|calling|called|start|starting|started|go to|going to"
          r"|recommend\w*|suggest\w*|talk\w* about|time for|mentioned) hospice\b|\b(has|have|given|gave (her"
          r"|him|me|us)|got) (only |about |maybe )?(\w+ )?(weeks|months|days|a year|a few weeks"
          r"|a few months) (left )?to live\b|\b(im|i am|i feel|feeling|so|im so|i am so) (so |really "
          r"|very )?(angry|mad|furious|frustrated|pissed|pissed off)\b|\bwhy (did|does|do|is|would) (this|it"
          r"|god) (happen|happening|let this)\b|\b(is|was) (it|this) my fault\b|\bmy fault\b|\bdid i (cause"
          r"|do) (this|it)\b|\b(could|should|would|might) (i|we|she|he) have (prevented|stopped|caught|found"
          r"|noticed|done something about) (this|it|that)\b"
          r"|\bcaregiv\w*\b.{0,40}\b(exhausted|burn\w* out|burnout|worn out|so tired"
          r"|stressed|struggling|overwhelmed|drained)\b|\b(caregiver|carer) (burnout|stress|fatigue)\b"
          r"|\b(taking care of|caring for|looking after)\b.{0,40}\b(wearing me out|worn me out|exhausting"
          r"|exhausted|worn out|burn\w* out|too much|so hard|draining)\b|\b(i hate this|its not fair"
          r"|this is not fair|so unfair)\b"),
    # Told how long someone has ("the doctor gave her 6 months", "they said weeks left", "le quedan
    # semanas"): a person to talk to, not how long people live; not months of treatment, nor a next visit.
    _rule(Concern.DISTRESS, "",
          r"\b(doctor|doctors|dr|oncologist|oncologists|they|the team|hospice|nurse)( \w+)? (said|says|say"
          r"|told (us|me|her|him|them)|gave (her|him|me|us|them)|gives (her|him|me|us)|giving (her|him|me"
          r"|us))( (that|she|he|i|we|it|her|him|me|us|has|had|have|got|only|maybe|about|like|around"
          r"|probably|less than|at most|is|was))*( (\d+|a|one|two|three|four|five|six|few|a few|couple|a"
          r" couple of|some)( (to|or) \d+)?)? (weeks?|months?|days|years?)\b(?! (of|on|for|until|till"
          r"|before|after|apart|between|off|ago|later|in between))"
          r"|\b(weeks|months|days|a year|a few weeks|a few months|a couple (of )?(weeks|months)) (left|to"
          r" live)\b(?! (of|on|in|until|till|before|for (chemo|treatment|radiation)))"),
    _rule_es(Concern.DISTRESS, "",
          r"\b(le|me|nos) (quedan|queda|dan|dieron|dio|estan dando) (solo |unos |unas |como |mas o menos "
          r")?(\w+ )?(meses|semanas|dias|un ano|un mes|poco tiempo|pocos meses|pocas semanas)\b(?! (de"
          r" (quimio|quimioterapia|tratamiento|radiacion|radioterapia|terapia|descanso|incapacidad"
          r"|pastillas|medicina|vacaciones)|para (la|el|su|mi) (cita|consulta|estudio|tratamiento)))"),
    _rule_es(Concern.DISTRESS, "",
          r"\b(mama|papa|madre|padre|esposo|esposa|marido|hermana|hermano|hija|hijo|abuela|abuelo|amiga"
          r"|amigo|pareja) (ya )?se (esta|nos esta|nos) (muriendo|yendo|va)\b|\b(agonizando"
          r"|en (el )?hospicio|(final|fin) de (la|su|mi) vida|(sus|mis) ultimos dias"
          r"|(oren|ore|recen|rece|rezen|reze) por (mi|ella|el|nosotros|nosotras)"
          r"|(esta|la|lo) (en|internaron en|llevaron a) (la )?(terapia intensiva|cuidados intensivos|uci)"
          r"|me (dejo"
          r"|abandono) mi (esposo|esposa|pareja|marido))\b|\bcuidador[a]?\b.{0,40}\b(agotad[ao]|cansad[ao]"
          r"|quemad[ao]|rendid[ao]|no puedo mas)\b|\b(cuidar|cuidando|cuidarl[ao])\b.{0,40}\b(agota"
          r"|agotad[ao]|me tiene (agotad[ao]|cansad[ao])|no puedo mas)\b|\bya no (hay"
          r"|se puede hacer) nada (que hacer|mas)?\b|\bno hay (nada )?mas (que hacer|tratamiento"
          r"|tratamientos|opciones)\b|\ble (dieron|dan|quedan) (\w+ )?(meses|semanas|dias) de vida\b"
          r"|\b(meses|semanas) de vida\b|\b(estoy|me siento) (muy |tan )?(enojad[ao]|furios[ao]|frustrad[ao]"
          r"|con coraje|con rabia)\b|\btengo (mucha )?(rabia|coraje)\b|\bpor ?que (me )?(paso|pasa"
          r"|tuvo que pasar) esto\b|\bes (mi culpa|culpa mia)\b|\bculpa mia\b"
          r"|\b(pude|pudimos|podria|hubiera podido) (haberlo|haberla) (evitado|detectado|prevenido)\b"
          r"|\bnecesito (un )?descans(o|ar)( de (esto|todo))?$"
          r"|\b(necesita|necesito|necesitamos|no tengo|no tiene|no tenemos) (quien (me|la|lo|nos) lleve"
          r"|transporte|como llegar|raite|ride) (a|al|para) (la quimio|quimio|el tratamiento|las citas"
          r"|la cita|el hospital|la clinica|la radiacion|sus citas|mis citas)\b"
          r"|\bcon quien (puedo|podemos"
          r"|podria|pueda) hablar\b|\bcomo (le|les|se lo|se los) (digo|explico|cuento|decimos|explicamos"
          r"|voy a decir)\b.{0,30}\b(hijos|hijas|hijo|hija|nietos|familia|ninos)\b|^(hay alguien|alguien"
          r"|esta alguien) ahi$"),
    # "I'd rather die than do chemo again": what is too hard to bear, for a person to talk it over with.
    _rule(Concern.DISTRESS, "",
          r"\b(would|id|i d) (rather|sooner) die (than|" + _AT_HOME_WORDS[:-1] + r")\b"
          r"|\bprefiero morir(me)? (que|a)\b"),
    _rule(Concern.DISTRESS, "",
          r"^(please )?(just )?(leave me alone|leave me be|go away|no more|enough|enough already|stop it|"
          r"im done|i am done|im so done|i cant anymore|i cant any more)( please)?$"),
    _rule(Concern.DISTRESS, "",
          r"\b(im dying|i am dying|gonna die|going to die|not ready to die|"
          r"(dont|do not|never) want to die|(dont|do not) let (me|her|him) die)\b"
          r"(?! (to (know|see|hear|try|meet|go|get|tell)|for|laughing|of laughter))"),
    _rule(Concern.DISTRESS, "",
          r"\b(dont|do not) know (what to do|how to tell)\b"
          r"|\bhow (do|can|should|will|would) (i|we) (tell|explain\w*)\b.{0,30}\b(kids|children|son|daughter"
          r"|family|grandkids|grandchildren|her|him|them)\b|\b(kids|children|son|daughter|grandkids)\b.{0,40}"
          r"\bhow (do|can|should|will|would) (i|we) (tell|explain\w*)\b"
          r"|\bwho (can|do|could|should) (i|we) (talk|speak|call)\b|\b(can|could) (someone|somebody|a "
          r"person) (call|ring|phone|talk to) (me|us)\b|\b(i|we) (need|want|have) to talk\b"
          r"|\bneed (someone|somebody|a person)\b|\bplease call me\b"
          r"|\bwho (can|could|will|would) help (me|us|her|him)\b"
          r"|\b(i|she|he) (live|lives|living) (all )?alone\b"
          # A caregiver worn out, or a ride needed ("i need a break", "she needs a ride to chemo"): the
          # helplines know the help near them.
          r"|^(i|we) (really |just )?(need|could use) a (break|rest|breather)( from (this|it all|all this))?$"
          r"|\b(need|needs|get|find|getting|finding|no) (a )?(ride|rides|transportation|transport) (to|for)"
          r" (chemo|treatment|treatments|radiation|appointments?|the hospital|the clinic|her appointments?"
          r"|his appointments?|my appointments?|infusions?|the doctor)\b|^(transportation|transport|rides?)"
          r" (to|for) (chemo|treatment|treatments|radiation|appointments?)$"
          r"|\b(american cancer society|cancer society|cancer information service|cancer info service)\b"
          r"|\b(can|could|will|would) (you|u|someone|somebody|anyone) (please )?(call|ring|phone) (me|us)\b"
          r"|^(please )?(call|ring) (me|us)( back)?( please)?$|\bgive (me|us) a call\b"
          r"|\b(are you|r u|is this|am i (talking|texting|speaking) (to|with)) (a |an )?(real )?(person|human"
          r"|bot|robot|machine|computer|automated|doctor|nurse|ai|a i|chatbot|chat bot)\b"),
    _rule(Concern.DISTRESS, "",
          r"\b(just|newly|recently|only just) (been |got |was |being )?(diagnosed|told|found out)\b"
          r"|\bfound out (it|the cancer|my cancer|her cancer|his cancer) (has )?(spread|is back)\b"
          r"|\b(got|had|have) the (news|results)\b|\bjust (got|had|heard) (my|her|his|our) (news|results)\b"
          r"|\b(cancer|it|tumou?rs?|disease|mets) (is|are|has|have"
          r"|has been|have been|keeps|kept) (progressing|progressed|spreading|growing|getting worse)\b"
          r"|\b(showed|shows|show|found|there is|theres) (some |more )?(progression|new spots|new lesions"
          r"|new tumou?rs)\b|\b(markers?|ca 27 29|ca 15 3|cea) (are |is |went |keep |keeps |have |has )"
          r"?(going up|gone up|rising|up|higher|climbing|increased|increasing)\b"),
    # A texter or caller who finds no one, or no help, here ("hello?? anyone??", "this is useless"): a
    # person, kindly (never "we did not find that" again).
    _rule(Concern.DISTRESS, "",
          r"^(hello |hi |hey )*(is )?(any|some)(one|body)( there| here| out there| home)?$"
          r"|^(this|that|you|this line|this thing|this service|it)( is|s| are|re)?"
          r" (so |really |totally |just )?(useless|pointless|worthless|stupid|no help|not helpful"
          r"|not helping|a waste of time|no use)$"
          r"|^(this|that|it|you) (doesnt|does not|didnt|did not|dont|do not) help( at all| me| us)?$"),
    _rule_es(Concern.DISTRESS, "",
          r"^(hola )*(hay )?alguien( ahi| alli| por ahi)?$|^(esto|eso|usted|ustedes|esta linea)( no)?"
          r" (es|son|sirve)( muy)? (inutil|inutiles|una perdida de tiempo|para nada|de nada)$"
          r"|^(esto|eso) no (me )?(ayuda|sirve)( para nada| de nada)?$"),
    # Asked whether to worry, as a whole message ("should i be worried", "is that normal", "es grave"): only
    # the care team can say, so a person to ask (never "we did not find that").
    _rule(Concern.DISTRESS, "",
          r"^(so |but |ok |okay |and |hmm |um )?((should|do|must) (i|we) (be )?(worried|worry|concerned"
          r"|panic)|(do|would) (i|we) need to (worry|be worried)|how (worried|concerned) should (i|we) be"
          r"|(is|isnt|is not) (that|this|it) (normal|bad|serious|dangerous|a bad sign|something to worry"
          r" about|worrying|ok|okay)|(should|do) (i|we) worry)( about (it|that|this|her|him))?"
          r"( (at all|now|yet))?$"),
    _rule_es(Concern.DISTRESS, "",
          r"^(y |pero |entonces )?((eso |esto )?es (normal|grave|malo|peligroso|serio|preocupante)"
          r"|(me |nos )?(debo|debemos|tengo que|tenemos que) (preocuparme|preocuparnos|preocupar)"
          r"|(debo|debemos) estar"
          r" preocupad[ao]s?)( por (eso|esto))?$"),
    # Money for care: the cancer helplines help with costs too (a person, not "we did not find that").
    _rule(Concern.DISTRESS, "",
          r"\b(cant|cannot|can not|couldnt|unable to) (afford|pay for)\b|\binsurance (wont|will not|doesnt"
          r"|does not|denied|refused|refuses|stopped)\b|\b(financial|money) (help|assistance|problems"
          r"|worries)\b|\b(costs?|costing) (too much|so much|a fortune)\b|\b(too|so) expensive\b"
          r"|\bhelp (paying|with (bills|costs|the cost|money))\b"),
    _rule_es(Concern.DISTRESS, "",
          r"\bno (puedo|podemos|puede) pagar\b|\bno tengo (seguro|dinero)\b|\bel seguro no (cubre|paga)\b"
          r"|\bayuda (economica|financiera|para pagar)\b|\b(muy|demasiado|tan) caros\b"
          r"|\b(son|es|salen|sale|estan|esta) (muy |demasiado |tan )car[ao]s?\b"
          r"|\b(cuestan?|cobran?) (mucho|muchisimo|demasiado|un dineral)\b|\bno (nos|me) alcanza\b"),
    _rule_es(Concern.DISTRESS, "",
          r"\b(hablar con (alguien|una persona|un humano|una enfermera|un doctor|un medico)|enfermera|"
          r"una persona real|operador[a]?|necesito ayuda|ayudeme|ayudenme|ayudame|ayudenos|auxilio|"
          r"sociedad americana contra el cancer|servicio de informacion sobre el cancer|"
          r"(me|nos) (puede|pueden|podria|podrian|puedes) llamar|llamame|llameme|"
          r"(eres|es|esto es) (un )?(robot|maquina|bot|una maquina|una computadora)|"
          r"ayuda por favor|por favor ayuda|ayuda ayuda)\b"),
    # A whole message that asks to be left alone, or says it is enough: someone worn out, who hears
    # kindly how to reach a person (not "we did not find that").
    _rule_es(Concern.DISTRESS, "",
          r"^(por favor )?(ya )?(dejenme|dejame|dejeme|dejen|deja) (en paz|tranquil[ao]"
          r"|sol[ao])( por favor)?$|^(ya )?(basta|no mas|estuvo)( ya)?( por favor)?$"),
    _rule_es(Concern.DISTRESS, "",
          r"\b(tengo miedo|miedo|asustad[ao]|aterrad[ao]|angustiad[ao]|preocupad[ao]|ansiedad|panico"
          r"|me siento (muy |tan )?(mal|fatal|horrible|terrible)(?! (por|de|desde|con|despues de) (la |el "
          r"|las |los |mi |mis )?(quimio\w*|radiaci\w*|radioterapia|tratamiento|pastillas|medicina\w*"
          r"|medicamento\w*|inyecci\w*))|no me siento bien|triste|tristeza|lloro"
          r"|me siento (tan |muy )?culpable"
          r"|\b(la|lo|los|las|te) extrano( mucho| tanto| muchisimo)?$"
          r"|\bextrano (mucho |tanto )?a (mi|mis) \w+"
          r"|^(me siento|estoy) (tan |muy )?(vaci[ao]|sin nada)$"
          r"|\bnadie (la|lo|me|nos) (visita|llama|viene a ver)\b|^(y )?por que dios\??$"
          r"|^(esto|todo esto|es) (es )?(muy |tan |demasiado )?(dificil|duro|mucho|demasiado)( para mi"
          r"| para nosotros)?$|nada (de esto )?tiene sentido|no entiendo nada"
          r"|no entiendo (lo que|que) (dijo|dijeron|dice|dicen|me dijeron|le dijeron|nos dijeron|esta pasando"
          r"|pasa|nos dijo|me dijo|le dijo)"
          r"|rendirme|me rindo|no puedo mas|ya no puedo con esto|nadie me (entiende|quiere|escucha|comprende"
          r"|ayuda)|no tengo a nadie|no tengo con quien hablar|(estoy|me siento) (tan |muy )?sol[ao]"
          r"|deprimid[ao]|sol[ao] en esto"
          r"|muy sol[ao]|llorando|llorar|me acaban de (diagnosticar|decir)|recien diagnosticad[ao]"
          r"|recien me (diagnosticaron|dijeron)|(ya )?no aguanto (mas|esto)|quiero dejar(lo)? todo"
          r"|(el cancer|el tumor|la enfermedad) (sigue|esta|ha estado) (avanzando|creciendo|progresando)"
          r"|marcadores (tumorales )?(subieron|estan subiendo|salieron altos|altos)"
          r"|(me canse|estoy cansad[ao]|harta|harto) de luchar|(de|por) (la )?preocupacion"
          r"|no quiero (seguir )?luchar|no quiero seguir luchando"
          r"|desesperad[ao]|perdid[ao]|nerviosa|nervioso|en shock|perder a mi"
          r"|no (la|lo|los|las) (puedo|quiero) perder|no quiero perder(la|lo|los|las)|no se (que hacer"
          r"|que acer|q hacer|como decir\w*)|no (quiero|quisiera) morir\w*|no tengo ganas de nada"
          r"|sin ganas de nada"
          r"|no tengo animo|sin animo|nada me importa|no me (apoya|apoyan|ayuda|ayudan|entiende|entienden"
          r"|comprende|escucha|escuchan))\b"),
    # Worn out by it all, or someone lost ("tired of all of this", "mi mama fallecio anoche"): a person.
    _rule(Concern.DISTRESS, "",
          r"\b(so |really |just |sick and )?(tired|sick|exhausted) of (all of this|all this|all of it|it all"
          r"|everything|this anymore|this)$"
          r"|\b(dont|do not) know how (much )?(long|longer) (i|we|she|he) (can|could) (do|take|keep|handle"
          r"|go on|last|hold on|hang on)\b|\bhow (much )?longer (i|we) can (do|take|handle|go on|hold on)\b"
          # Someone who may not live long ("she wont make it", "i dont think he will last the week"): a
          # person to talk to (how long someone has is the care team's, and the page's, to say).
          r"|\b(she|he|they|mom|mum|dad|(my|our) (mom|mum|mother|dad|father|wife|husband|partner|sister"
          r"|brother|daughter|son|friend|aunt|grandma|grandmother|grandpa|grandfather|nana|papa))( is| s"
          r"| are)? (not going to|wont|will not|isnt going to|is not going to|not gonna|isnt gonna|aint gonna"
          r"|may not|might not) (make it|last|survive|pull through|hold on)\b"
          r"(?! to (the |her |his |my |our )?(appointment|appt|visit|clinic|office|hospital|work|school"
          r"|church|party|meeting|doctor))"
          r"|\b(dont|do not) think (she|he|they|(my|our) \w+) (will|is going to|gonna|can|is gonna) (make it"
          r"|last|survive|pull through|hold on)\b(?! to (the |her |his |my |our )?(appointment|appt|visit"
          r"|clinic|office|hospital|work|school|church|party|meeting|doctor))"
          r"|\b(she|he) (cant|cannot|can not) (hold|hang) on (much |any )?longer\b"),
    _rule_es(Concern.DISTRESS, "",
          r"\bno creo que (aguante|dure|sobreviva|llegue|salga de esta)\b|\bno va a (aguantar|durar"
          r"|sobrevivir|salir de esta)\b|\bya no (va a )?aguanta(r)? (mucho|mas)\b"
          r"|\b(cansad[ao]|hart[ao]|agotad[ao]) de todo\b"
          r"|\b(mi|nuestra|nuestro|su) (mama|mami|madre|papa|papi|padre|esposo|esposa|hermana|hermano|hija"
          r"|hijo|abuela|abuelo|tia|tio|amiga|amigo) (ya )?(se )?(murio|fallecio|nos dejo)\b"
          r"|\b(se )?(murio|fallecio) (mi|nuestra|nuestro|su) \w+\b|\bse nos fue\b"
          r"|\b(perdi|perdimos) a (mi|nuestra|nuestro) (mama|mami|madre|papa|papi|padre|esposo|esposa|hermana"
          r"|hermano|hija|hijo|abuela|abuelo)\b"),
    # The care team out of reach ("my doctor wont call me back", "mi doctor no me contesta"): a person now.
    _rule(Concern.DISTRESS, "",
          r"\b(cant|can not|cannot|couldnt|could not) (reach|get (a )?hold of|get through to"
          r"|get in touch with|contact|find) (my|her|his|the|our|their) (doctor|doctors|oncologist|care team"
          r"|nurse|team)\b"
          r"|\b(my|her|his|the|our) (doctor|doctors|oncologist|care team|nurse|team) (is not|isnt|are not"
          r"|arent|wont|will not|doesnt|does not|dont|do not|hasnt|has not|havent|have not|never) (answer"
          r"|answering|called|call|calling|respond|responding|return|returned|returning|pick up|get back"
          r"|gotten back"
          r"|got back)\b"
          r"|\b(they|nobody|no one|noone) (didnt|did not|dont|do not|doesnt|wont|will not|isnt|is not|arent"
          r"|are not) (answer|answering|pick up|picking up|call back|calling back)\b"
          r"|\b(cant|can not|cannot|couldnt|could not|unable to|not able to) (reach|get (a )?hold of"
          r"|get through to|get in touch with|contact) (them|anyone|anybody|((my|her|his|the|our|their) )?"
          r"(clinic|office|on call|oncology|cancer center|nurses|oncologists|doctors office))\b"
          r"|\b(no one|nobody|noone) (is )?(answering|answers|picks up|picking up|called back|calls back)\b"
          r"|\b(the office|the clinic|the nurse|the doctor|the hospital)( is| are)? not (answering|picking up"
          r"|calling back)\b|\b(they|she|he) (didnt|did not|havent|have not|hasnt|has not) (call|called)"
          r" (me |us )?back\b"),
    _rule_es(Concern.DISTRESS, "",
          r"\bno (puedo|podemos|pude|pudimos) (comunicarme|comunicarnos|hablar|contactar|localizar|encontrar)"
          r" (con )?(a )?(mi|su|el|la|nuestro|nuestra) (doctor|doctora|medico|medica|oncologo|oncologa"
          r"|enfermera|equipo)\b"
          r"|\b(mi|su|el|la) (doctor|doctora|medico|medica|oncologo|oncologa|enfermera) no"
          r" (me |nos |le |les )?"
          r"(contesta|responde|llama|regresa|devuelve)\b"
          r"|^(y |pero )?(no (me |nos )?(contestan|contesta|responden)|nadie (me |nos )?(contesta"
          r"|responde))$"
          r"|\bno (me|nos|le) (contestan|responden|devuelven la llamada) (en|de) (la|el) (clinica|consultorio"
          r"|oficina|hospital)\b|\bno (puedo|podemos|pude|pudimos) (comunicarme|comunicarnos|contactar"
          r"|localizar) (con )?(a )?(nadie|ellos|la clinica|el consultorio)\b"),
)

RULES: tuple[Rule, ...] = CRISIS_RULES + URGENT_RULES + PROGNOSIS_RULES + DISTRESS_RULES



def _whole_words(pattern: str) -> list[str]:
    """The whole words a pattern is written with: not escapes (\\b), nor stems ("muert[ao]", "suicid\\w*")."""
    plain = re.sub(r"\\[a-zA-Z]", " ", pattern.replace("\\w", "["))
    return re.findall(r"(?<![a-z])[a-z]{4,}(?![a-z\[\\(])", plain)


# Signs told with what makes them everyday, and nothing severe besides: breath short only with effort
# ("climbing stairs": a lung symptom, whose topic says when to call 911), and feet or hands numb from
# chemo (a side effect for the care team, whose medicine's page says so), not the 911 breathing sign
# nor the spinal cord's. Each sign: what explains it, and what keeps it a sign all the same.
EXPLAINED_SIGNS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "breathing": (
        re.compile(
            r"\b(stairs|steps|climbing|climb|walking|walk|walks|exercise|exercises|exercising|working out|"
            r"effort|"
            r"exertion|active|activity|hills?|uphill|carrying|housework|gardening|cleaning|shopping|"
            r"escaleras|caminar|camino|camina|caminando|subir|subo|sube|subiendo|ejercicio|esfuerzo)\b"
        ),
        re.compile(
            r"\b(sudden|suddenly|very|really|so|worse|worsening|cant|cannot|can not|barely|hardly|struggling|"
            r"gasping|choking|blue|lips|chest|rest|resting|lying|sitting|sleep|night|de repente|muy|peor|"
            r"no puedo|no puede|pecho|descanso|acostad[ao]|bathroom|toilet|loo|talking|dressed|dressing|"
            r"shower|across the room|getting up|bano)\b"
        ),
    ),
    "spinal-cord": (
        re.compile(
            r"\b(from|since|after|because of|due to|with|on) (the |my |her |his |starting "
            r"|i started )?(chemo|"
            r"chemotherapy|taxol|paclitaxel|abraxane|docetaxel|taxotere|halaven|eribulin|infusions?)\b"
            r"|\bneuropath\w*|\b(por|desde|de|con) (la )?(quimio|quimioterapia)\b"
        ),
        re.compile(
            r"\b(back|neck|spine|weak|weakness|weaker|heavy|heaviness|walk|walking|stand|bladder|bowels?|"
            r"sudden|suddenly|worse|espalda|cuello|columna|debil\w*|pesad\w*|caminar|de repente)\b"
        ),
    ),
    # Something seen on the chest ("a lump on my chest", "a rash on my chest"), not a pain in it.
    "chest-pain": (
        re.compile(
            r"\b(lumps?|bumps?|rash|scar|skin|port|moles?|spots?|itch|itchy|itching|sunburn|bruise|"
            r"bultos?|bolitas?|granitos?|sarpullido|cicatriz|piel|lunar|manchas?|moreton)\b"
        ),
        re.compile(
            r"\b(pain|pains|painful|hurts?|hurting|aches?|aching|tight|tightness|pressure|heavy|heaviness|"
            r"crushing|squeez\w*|sudden|suddenly|breath|breathe|breathing|dolor|duele|opresion|presion|"
            r"apreta\w*|de repente|respirar|aire)\b"
        ),
    ),
    # Speaking named as a language ("he can't speak english", "no habla inglés"), not trouble speaking.
    "stroke": (
        re.compile(r"\b(english|spanish|espanol|ingles|castellano|language|idioma)\b"),
        re.compile(
            r"\b(slurred|slurring|droop\w*|face|mouth|side|weak|weakness|numb|numbness|sudden|suddenly|"
            r"balance|vision|sight|jumbled|garbled|cara|boca|lado|debil\w*|de repente|arrastra\w*|derrame|"
            r"stroke)\b"
        ),
    ),
}


def explained(sign: str, text: str) -> bool:
    """Whether a folded message tells a sign with what makes it everyday, and nothing severe besides."""
    cause, severe = EXPLAINED_SIGNS.get(sign, (None, None))
    return cause is not None and severe is not None and bool(cause.search(text)) and not severe.search(text)


# Words of hope and of fighting on, when no rule spoke: never read by the model as despair ("i want to
# live", "never give up", "voy a luchar").
HOPE = re.compile(
    r"\b(never|not|wont|will not|dont|do not|not going to|refuse to|im not|i am not) (give up|giving up|"
    r"quit|quitting|stop fighting)\b"
    r"|(?<!dont )(?<!do not )(?<!no longer )(?<!not )\b(want|going|ready|determined|hope) to (live|fight"
    r"|beat|win|keep fighting)\b|\bi (will|can|am going to|re going to) (fight|beat|win|live|get through)\b"
    r"|(?<!no )\bquiero vivir\b|\bno me (voy a rendir|rindo)\b|\bvoy a (luchar|salir adelante|vencer)\b"
    r"|\b(my )?heart goes out\b|\bsending (love|prayers|hugs|strength)\b"
    r"|\bme muero (de ganas|por (ver|ir|conocer|saber|estar))\b"
)


# Fighting words aimed at the illness ("i want to kill this cancer", "kick cancers butt"): hope, not harm.
FIGHTS_ILLNESS = re.compile(
    r"\b(kill|killing|beat|beating|kick|kicking|crush|crushing|destroy|destroying|fight|fighting|nuke"
    r"|nuking|matar|vencer|acabar con) (this |the |that |my |her |his |these |all the |este |el |ese |mi "
    r"|su |los |las )?(cancer|cancers|cancers butt|tumou?rs?|beast|disease|mets|cells|bicho|tumores"
    r"|enfermedad)\b"
)


# ...unless the message also speaks of death or of harm ("i want to live but i keep thinking of pills").
DARK = re.compile(
    r"\b(die|dying|dead|death|kill\w*|end it|end my|suicid\w*|pills|overdose|hurt myself|harm myself|gone|"
    r"disappear|morir\w*|muert\w*|matar\w*|pastillas|desaparecer|anymore|any more|heaven|god|maker|wake"
    r"|forever|cielo|dios|despertar|para siempre)\b"
)


# Stopping or refusing treatment, said with no word of death or harm: a choice to talk over with the
# care team and a person (the distress answer), never the Lifeline from the model alone.
TREATMENT_CHOICE = re.compile(
    r"\b(stop|stopping|quit|quitting|refuse|refusing|skip|skipping|end|ending|give up|giving up|"
    r"(?<!be )(?<!almost )(?<!finally )(?<!nearly )(?<!all )done with|"
    r"had enough of|dejar|parar|suspender) (all |my |her |his |the |la |el |mi |su )?(treatment|treatments|"
    r"chemo|chemotherapy|radiation|meds|medication|medicines|tratamiento|quimio|quimioterapia|radiacion)\b"
    r"|\bno (quiero|quiere) (seguir|continuar) con (el |la |mi |su )?(tratamiento|quimio|quimioterapia"
    r"|radiacion)\b"
    r"|\b(wont|will not|doesnt want to|does not want to|refuses to|refusing to|refused to) (take|swallow)"
    r" (her|his|my|the|any) (pills|meds|medicine|medicines|medication|medications)\b"
    r"|\b(spits|spit|spitting) out (her|his|my|the) (pills|meds|medicine|medicines|medication)\b"
    r"|\b(dont|doesnt|do not|does not|wont|will not) want (any )?(more )?(treatment|treatments|chemo"
    r"|chemotherapy|radiation)( anymore| any more)?\b"
    r"|\bya no (quiero|quiere) (el |la |mas )?(tratamiento|quimio|quimioterapia|radiacion)\b"
)


def chooses_treatment(text: str) -> bool:
    """Whether a folded message weighs stopping treatment, and says nothing of death or harm besides
    ("she doesnt want treatment anymore": that "anymore" is the treatment's)."""
    return bool(TREATMENT_CHOICE.search(text)) and not DARK.search(TREATMENT_CHOICE.sub(" ", text))


# A whole message that ends the talk ("nothing else, thanks", "no more questions", "eso es todo"): a
# goodbye to the line (service.core.understand.meaning.closes), and never read by the model, which had
# read "nothing else" as a crisis.
FINISHED = re.compile(
    r"^((ok|okay|no|nope|nah|um|well) )*(nothing (else|more)( to ask)?|no (more|other) questions"
    r"|i (have|got) no (more|other) questions|(thats|that is) (all|it)( i (needed|need|wanted)( to know)?)?"
    r"|(im )?all (done|set)|im done for (now|today)|(we are|were) (going|leaving|on our way|heading (there"
    r"|in|over))( now| there)?|(i am|im) on my way( now| there)?|(ya )?vamos (para alla|en camino)"
    r"|nada mas|(eso )?(es|era|seria) todo|ya es todo|(ya )?no (tengo )?(mas|otras) preguntas)"
    r"( (for now|right now|today|thanks|thank you|thx|ty|gracias|muchas gracias|por ahora|por hoy|por el"
    r" momento))*$"
)


# A sign said not to be there, and nothing else ("no chest pain", "she is not confused", "no tiene
# convulsiones"): every word one of these, one of them a "no". Not "not breathing", "not responding":
# those words are signs themselves, so they are not here.
_DENIAL_WORDS = frozenset(
    "i im am is are was she shes he hes my her his mom mother dad father wife husband it its there has have "
    "had having any anymore more now today still or and nor but so a the "
    "mama papa esposo esposa hija hijo hermana hermano "
    "chest pain fever chills bleeding seizure seizures confused confusion headache headaches dizzy "
    "yo ella el mi tiene tengo tenia esta estoy estaba le me duele dolor de pecho fiebre escalofrios "
    "calentura sangrando sangrado convulsiones convulsion confundida confundido mareada mareado ya ahora hoy "
    "tampoco y o".split()
)
_NEGATIONS = frozenset("no not never isnt wasnt arent doesnt dont didnt hasnt havent without ni sin".split())


# A first "no" denies only the sign named right after it ("no chest pain", "no fever"); before anything
# else it may answer ("no, she is confused"; "no, esta sangrando", its comma lost), so it denies nothing.
_SIGN_NOUNS = frozenset(
    "chest pain fever chills bleeding seizures seizure confusion headache headaches dolor fiebre escalofrios "
    "calentura sangrado convulsiones".split()
)


# Words of a sign: each must come soon after a "no" ("she is not having a seizure, she has chest pain"
# denies one sign and tells another).
_SIGN_WORDS = _SIGN_NOUNS | frozenset(
    "blood confused dizzy duele pecho sangrando convulsion confundida confundido mareada mareado".split()
)
_NEGATION_REACH = 4  # words after a "no" that it denies ("isnt having any seizures")


def denied(text: str) -> bool:
    """Whether a folded message only says a sign is not there ("no chest pain", "ella no esta sangrando")."""
    words = text.split()
    if len(words) > 1 and words[0] in ("no", "nope", "nah", "never") and words[1] not in _SIGN_NOUNS:
        words = words[1:]
    if not words or _NEGATIONS.isdisjoint(words):
        return False
    reach = 0
    for word in words:
        if word in _NEGATIONS:
            reach = _NEGATION_REACH + 1
        elif word in ("or", "nor", "ni", "o"):
            reach = max(reach, 3)  # "no fever or chills", "ni fiebre ni escalofrios"
        elif word not in _DENIAL_WORDS or (word in _SIGN_WORDS and reach <= 1):
            return False
        reach -= 1
    return True


def finished(text: str) -> bool:
    """Whether a folded message only ends the talk, and says nothing of death or harm."""
    return bool(FINISHED.search(text)) and not DARK.search(text)


# Dying as a figure of speech ("i want to die of embarrassment"): no crisis, when nothing else is dark.
# (Not "of shame", nor "me muero de pena": in some places "pena" is grief.)
FIGURE_OF_SPEECH = re.compile(
    r"\b(die|dying|died|dead) (of|from) (embarrassment|laughter|laughing|boredom|cuteness)\b"
    r"|\bme muero de (la )?(verguenza|risa|aburrimiento)\b"
)


def without_figures(text: str) -> str:
    """A folded message without its figures of speech of dying, when it says nothing else dark; the rest
    is still read ("i nearly died of laughter and then she had a seizure" has a seizure)."""
    plain = FIGURE_OF_SPEECH.sub(" ", text)
    return text if plain == text or DARK.search(plain) else " ".join(plain.split())


def hopeful(text: str) -> bool:
    """Whether a folded message speaks of hope or fighting on, and not of death or harm (asked only
    where no rule spoke); fighting words aimed at the illness ("kill this cancer") are no harm."""
    fights = FIGHTS_ILLNESS.search(text)
    return bool(fights or HOPE.search(text)) and not DARK.search(FIGHTS_ILLNESS.sub(" ", text))


def acute(text: str) -> bool:
    """Whether a folded message says something sudden, severe or dangerous, not an everyday ache."""
    return bool(ACUTE.search(text))


def names_someone(text: str) -> bool:
    """Whether a folded message names someone something is happening to ("i", "my mum", "she")."""
    return bool(PERSON.search(text))


def asks_facts(text: str) -> bool:
    """Whether a folded message reads as a question about facts, with no one it is happening to."""
    return bool(FACT_QUESTION.search(text)) and not PERSON.search(text)


def rule_finding(text: str) -> Rule | None:
    """The first rule that applies to a folded message, most pressing concern first."""
    person = bool(PERSON.search(text))
    question = bool(FACT_QUESTION.search(text)) and not person
    for rule in RULES:
        applies = (rule.plain or not question) and (person or not rule.personal)
        if applies and rule.pattern.search(text):
            return rule
    return None


# The words the patterns are written with, those of the rules and of the words that steer them (hope,
# harm, a choice of treatment): a typo of one of them is read as that word, and the word itself is kept
# ("dejar" stays "dejar", not "deja").
PATTERN_WORDS = frozenset(
    word for pattern in (*(rule.pattern for rule in RULES), HOPE, DARK, TREATMENT_CHOICE)
    for word in _whole_words(pattern.pattern)
) - {"cant", "wont", "dont", "doesnt"}

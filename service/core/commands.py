"""Command words and keys: the one list of what a caller or texter can say or press to steer the line.

The content checker builds its list of words a topic keyword may not use from here, so a command
can never be hidden by a keyword, nor a keyword by a command.
"""

from __future__ import annotations

# The keys that mean the same thing in every menu and after every topic.
SLOWER = "7"
BACK = "8"
REPEAT = "9"
MAIN = "0"
# The other language (a line with two): the same place in it, at any menu on the phone. The talking
# menu's star key is its normal speed, and there the language is chosen by its name.
OTHER_LANGUAGE = "*"
UNIVERSAL_KEYS = (SLOWER, BACK, REPEAT, MAIN, OTHER_LANGUAGE)
# After a part of a topic that has more: this key (or a word below, said) plays the next part.
MORE = "1"
SPOKEN_MORE = frozenset({"more", "yes", "yeah", "yep", "continue", "go on", "tell me more", "keep going",
                         "next", "hear more", "more please", "yes please", "one", "what else", "and",
                         "mas", "si", "siga", "continuar", "quiero oir mas", "uno", "que mas", "y que mas",
                         "is there anything else", "anything else", "is there more", "what else is there",
                         "go ahead", "hay mas", "algo mas", "y que mas hay", "siguiente", "sigue"})

# Number words that name a choice or the main menu, said or texted instead of the digit.
NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "zero": "0",
    "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5", "cero": "0",
}
# What a recogniser hears for some numbers and keys, said to a phone menu.
SPOKEN_NUMBERS = {
    **NUMBER_WORDS,
    "to": "2", "too": "2", "for": "4", "oh": "0", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    "seis": "6", "siete": "7", "ocho": "8", "nueve": "9",
}
NUMBER_FILLERS = frozenset({"number", "press", "pressing", "option", "choice", "i", "want", "please", "um",
                            "numero", "opcion", "el", "la", "quiero", "por", "favor",
                            # "give me number two", "id like option 4", "can i hear three", "deme la primera"
                            "ill", "lets", "do", "give", "me", "would", "like", "id", "hear", "can", "the",
                            "uh", "deme", "dame", "quisiera", "escuchar", "oir"})

# A texted choice with words around it ("option 3", "2 please", "the second one", "número 2").
TEXT_NUMBER_FILLERS = NUMBER_FILLERS | {"the", "pls", "plz", "go", "to", "choose", "pick", "topic", "item",
                                        "opt", "num", "nr", "ok", "okay", "k", "and", "now", "then", "next",
                                        "ahora", "y", "luego", "bueno"}
ORDINALS = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "1st": "1", "2nd": "2",
    "3rd": "3", "4th": "4", "5th": "5",
    "primero": "1", "primera": "1", "segundo": "2", "segunda": "2", "tercero": "3", "tercera": "3",
    "tercer": "3", "cuarto": "4", "cuarta": "4", "quinto": "5", "quinta": "5",
}
ORDINAL_FILLERS = frozenset({"one", "uno", "una", "option", "opcion", "take"})  # "I'll take the second"

# Phrases a caller says instead of a universal key.
SPOKEN_COMMANDS = {
    REPEAT: ("repeat", "again", "say again", "say that again", "what", "pardon", "one more time",
             "come again", "what did you say", "what was that", "i didnt understand", "didnt understand",
             "i didnt catch", "didnt catch", "i didnt hear", "didnt hear", "i missed", "missed",
             "repetir", "repita", "repitalo", "repite", "otra vez", "no entendi", "no le entendi",
             "repita informacion", "repita eso", "repitamelo", "vuelva a decirlo",
             "no escuche", "no oi", "que dijo", "como dijo", "como", "mande",
             "what does that mean", "what does it mean", "what do you mean", "i dont understand",
             "dont understand", "i dont get it", "no entiendo", "no le entiendo", "no comprendo",
             "que significa", "que significa eso", "que quiere decir", "que quiere decir eso",
             # as heard without the words around them ("i didn't hear the first part", "can you repeat
             # the phone number", "i can't hear you", "okay I'm back")
             "didnt hear first part", "didnt hear beginning", "didnt hear that", "missed first part",
             "repeat number", "repeat phone number", "what was number", "what was number again",
             "number again", "say number again", "cant hear", "can not hear", "cannot hear", "speak up",
             "louder", "speak louder", "talk louder", "my hearing aid", "hard of hearing", "im back",
             "am back", "no le oigo", "no le escucho", "no oigo", "no escucho", "hable mas fuerte",
             "mas fuerte", "repita numero", "repita el numero", "cual era el numero", "ya regrese",
             "ya estoy aqui"),
    BACK: ("back", "go back", "previous", "back up", "atras", "volver", "regresar", "anterior",
           "back last thing", "back last one", "back previous one", "back one"),
    MAIN: ("main menu", "menu", "start over", "start again", "beginning", "home",
           "menu principal", "inicio", "empezar de nuevo",
           # as heard without the words around them ("go back to the menu", "volver al menu principal")
           "back menu", "back main menu", "return menu", "return main menu", "from beginning", "begin again",
           "volver menu", "volver menu principal", "regresar menu", "regresar menu principal",
           "volver inicio", "regresar inicio", "volver principio", "comenzar de nuevo", "desde el principio"),
    SLOWER: ("slower", "slow", "slow down", "too fast", "speak slower", "more slowly", "talk slower",
             "say slower", "say slowly", "slowly", "speak slowly", "talk slowly", "go slower", "not so fast",
             "talk too fast", "talking too fast", "are talking too fast", "youre talking too fast",
             "are going too fast", "youre going too fast", "going too fast", "too quick", "slower please",
             "mas despacio", "despacio", "muy rapido", "hable mas despacio", "mas lento", "hable mas lento",
             "habla muy rapido", "habla mas despacio", "mas lentamente"),
}
# A caller asking the line to wait ("hold on", "let me get a pen", "un momento"): "take your time", and the
# same place again, never "sorry"; as said and as heard without the words around them.
SPOKEN_WAIT = frozenset({
    "hold on", "wait", "wait minute", "wait second", "one moment", "one minute", "one second", "just minute",
    "just second", "give second", "give minute", "give moment", "hang on", "hang on let get pen",
    "wait one second", "wait one minute", "wait one moment", "one sec", "wait sec",
    "let get pen", "get pen", "let write down", "let write this down", "hold on let get pen", "hold please",
    "espere", "espereme", "un momento", "un momentito", "un segundo", "un minuto", "deme un momento",
    "permitame", "dejeme buscar una pluma", "espere voy por una pluma", "aguante", "aguanteme",
})
# A caller not sure what to say ("I don't know", "no sé"): "Take your time." and the same choices, on a call
# as after "hold on" (a text of these gets the menu: TEXT_MENU_WORDS); never "Sorry, I did not catch that".
SPOKEN_UNSURE = frozenset({
    "i dont know", "i do not know", "dont know", "i dunno", "dunno", "idk", "not sure", "im not sure",
    "i am not sure", "i dont know what to say", "i dont know what to ask", "i dont know what to do",
    "i dont know what i want", "i dont know what to pick", "no se", "no lo se", "no se que decir",
    "no se que preguntar", "no estoy segura", "no estoy seguro", "no se que hacer", "pues no se",
})
# Words around a spoken command that do not change it ("can you repeat that please", "a little slower",
# "puede repetirlo por favor"): dropped before the command is looked up.
COMMAND_FILLERS = frozenset(
    {"please", "can", "could", "would", "will", "you", "that", "it", "this", "me", "um", "uh", "oh", "sorry",
     "just", "a", "bit", "little", "ok", "okay", "por", "favor", "lo", "go", "to", "the", "take", "i", "want",
     "like", "lets", "puede", "podria", "usted", "un", "poco", "perdon", "disculpe", "oiga", "ir", "al",
     "quiero", "lleveme", "el", "la"}
)

# A person to talk to (only when the operator set HELPLINE_PHONE): the main menu's key, or said at any menu.
PERSON = "6"
SPOKEN_PERSON = ("talk to a person", "operator", "representative", "speak to someone", "a real person",
                 "real person", "speak to a person", "talk to a human", "speak to a human",
                 "hablar con una persona", "una persona", "operadora", "hablar con alguien")
# Asking for a person, at any menu, by text or by voice: a whole message of one of these words, or a
# short message holding one of these phrases (an urgent sign is still answered first).
PERSON_WORDS = frozenset(
    {"person", "human", "agent", "operator", "representative", "rep", "nurse", "someone", "somebody",
     "anyone", "anybody", "people", "live agent", "real person", "live person", "a person", "a human",
     "human being", "customer service", "talk", "speak",
     "alguien", "persona", "una persona", "humano", "un humano", "operadora", "operador", "enfermera",
     "representante", "agente", "hablar", "hablar con alguien"}
)
PERSON_PHRASES = SPOKEN_PERSON + (
    "representative", "agent", "live person", "real human", "a human", "human being", "live agent",
    "a nurse", "customer service", "someone to talk to", "somebody to talk to", "talk to someone",
    "talk to somebody", "talk with someone", "speak with someone", "speak to somebody",
    "talk to a real", "talk to anyone", "speak to anyone", "talk to a nurse", "speak to a nurse",
    "alguien", "una persona", "un humano", "una enfermera", "representante", "agente", "operador",
    "where can i get help", "where can i find help", "where do i get help", "where do i find help",
    "who can help", "donde puedo encontrar ayuda", "donde encuentro ayuda", "donde consigo ayuda",
    "donde puedo conseguir ayuda", "donde busco ayuda", "donde puedo buscar ayuda", "quien me puede ayudar",
    "quien puede ayudarme", "quien me ayuda", "quien nos puede ayudar", "ayuda en espanol",
    "call back", "callback", "call me back", "que me llamen", "que me devuelvan la llamada",
    "me devuelvan la llamada", "me regresen la llamada",
)
# After words of suicide or self-harm (phone only): connect the caller to the Suicide and Crisis Lifeline.
CRISIS_LINE = "1"
# A plain no ("no", "not now", "ahora no"): never "sorry" or "not found". By text, the menu with how to
# reach a person (988 and 911 among them); on a call, after the Lifeline was offered, the Lifeline's
# words again; after a topic, the menu it is in; at a menu, the menu again.
DECLINE_WORDS = frozenset({"no", "nope", "nah", "no no", "not now", "not right now", "not really", "not yet",
                           "maybe later", "later", "i dont want to", "no i dont", "no not now", "no quiero",
                           "ahora no", "todavia no", "mas tarde", "no ahorita", "ahorita no", "no no quiero",
                           "nothing", "nada", "none", "ninguno", "ninguna"})
SPOKEN_CRISIS_YES = frozenset({"yes", "yeah", "yep", "yes please", "please", "ok", "okay", "connect me",
                               "connect", "call", "call them", "988", "nine eight eight", "lifeline",
                               "si", "si por favor", "por favor", "comuniqueme", "llame", "bueno", "uno",
                               "one"})
# After a topic (only when the line can send texts): send this topic's text pages to the caller's phone.
TEXT_ME = "2"
SPOKEN_TEXT_ME = ("text me", "text me this", "send me a text", "send it to my phone", "text it to me",
                  "send me this", "send me that", "send that to me", "send this to me", "send it to me",
                  "text that to me", "text this to me", "text me that", "send me a message",
                  "envieme un mensaje", "mandeme un mensaje", "por mensaje", "enviemelo", "mandemelo",
                  "mandamelo", "envialo", "mandelo a mi telefono", "mandemelo por mensaje")

# Thanks and goodbyes: a message of only these words, with at least one thanks or goodbye word, gets a
# kind close ("ok thx", "thank you so much", "gracias, adios").
GOODBYE_WORDS = frozenset({"bye", "goodbye", "byebye", "bye bye", "cya", "adios", "chao", "chau", "ciao"})
THANKS_WORDS = frozenset(
    {"thanks", "thank", "thx", "thanx", "thnx", "thnks", "tx", "ty", "tysm", "cheers", "appreciate",
     "gracias", "grasias", "agradezco", "bendiciones", "bless", "blessing", "blessings", "helpful",
     "bendiga", "bendigan", "helped", "helps", "ayudo", "sirvio"}
)
CLOSE_WORDS = GOODBYE_WORDS | THANKS_WORDS
CLOSE_FILLERS = frozenset(
    {"ok", "okay", "okey", "k", "kk", "you", "u", "so", "much", "very", "a", "lot", "lots", "for", "the",
     "this", "that", "info", "information", "help", "and", "great", "good", "night", "have", "nice",
     "day", "all", "it", "i", "got", "perfect", "will", "do", "god", "again", "now", "see", "are",
     "such", "dios", "le", "te", "los", "que",
     "later", "take", "care", "alright", "fine", "yes", "no", "oh", "well", "that's", "thats",
     "useful", "was", "really", "is", "kind", "you're", "youre", "makes", "sense", "understand",
     "understood", "gotcha", "entiendo", "entendi", "entendido", "ya", "veo", "claro",
     "listening", "listen", "your", "helping", "time", "patience", "me", "us", "been", "has", "super",
     "extremely", "truly", "soo", "sooo", "its", "it's", "incredibly", "ha", "sido", "util", "utiles",
     "ayudo", "ayudaron", "mucho", "muchisimo", "nos", "bien", "sirvio",
     "escuchar", "escucharme", "ayudarme", "tu", "tiempo", "atencion", "paciencia",
     "muchas", "muchisimas", "mil", "muy", "amable", "por", "la", "informacion", "ayuda", "hasta",
     "luego", "pronto", "buenas", "noches", "y", "vale", "lo", "bendiga", "todo", "su",
     "perfecto", "si", "de", "nada", "pues", "ur", "blessing", "angel", "godsend", "lifesaver", "bendicion",
     "eres", "una", "es", "usted"}
)

# A page taken in ("got it", "makes sense", "ya entendí"): by text the menu, as for "ok"; on a call the
# choices where the caller is; never "not found" or "sorry".
ACKNOWLEDGED_WORDS = frozenset(
    {"got it", "i got it", "ok got it", "okay got it", "k got it", "kk got it", "ok gotcha", "gotcha",
     "i see", "oh i see", "ok i see",
     "makes sense", "that makes sense", "ok that makes sense", "it makes sense", "understood", "i understand",
     "ok i understand", "okay i understand", "noted", "entiendo", "ok entiendo", "ya entendi", "entendido",
     "ya veo", "ah ya veo", "de acuerdo", "ok ya entendi", "claro", "ah ok", "oh ok", "oh okay", "alright",
     "all right", "ok then", "okay then", "i see now", "i get it", "i get it now", "ok i get it", "cool",
     "ok cool", "nice", "ok nice", "great", "ok great", "awesome", "sounds good", "ok sounds good", "lol",
     "interesting", "wow", "oh wow", "ah", "oh", "ok perfect", "perfecto", "bueno", "muy bien", "esta bien",
     "ah bueno", "ok bueno",
     # said alone on a call, a nod, not a question of what the line is: the place is kept
     "ok", "okay", "k", "okey", "ok ok", "okay okay", "uh huh", "mhm", "mm hmm", "yeah okay", "ok yeah",
     "vale", "sale", "ajá", "aja"}
)
# Back again, in Spanish ("hola otra vez"): the menu, in Spanish.
SPANISH_BACK_AGAIN = frozenset({"soy yo otra vez", "hola otra vez", "hola de nuevo", "les escribi ayer",
                                "ya les habia escrito"})
# Whole texts that steer the text line.
TEXT_MENU_WORDS = frozenset(
    {"menu", "main menu", "main", "topics", "list", "options", "start over", "hi", "hello", "hey",
     "hiya", "good morning", "good afternoon", "good evening", "test", "ok", "okay", "k", "kk", "okey",
     "okie", "oki", "start", "yes", "huh", "hm", "hmm", "idk", "i dont know", "dunno",
     "unstop",
     "hola", "buenas", "buenos dias", "buenas tardes", "buenas noches", "temas", "opciones",
     "menu principal", "inicio", "comenzar", "no se", "no lo se", "mande", "lista", "la lista", "el menu",
     "ola", "ola buenas", "ola buenos dias",
     # back again ("its me again", "i texted yesterday"): the menu, to start from
     "its me again", "me again", "hi its me", "hi its me again", "hello its me again", "hi again",
     "hello again", "i texted yesterday", "i texted before", "i texted you yesterday", "i texted you before",
     "i texted earlier", "i texted you earlier"} | SPANISH_BACK_AGAIN
    | set(SPOKEN_COMMANDS[MAIN])
    | ACKNOWLEDGED_WORDS
)
# The menu asked for by name ("menu", "start over", "go back to the menu"): the page read before is left,
# so MORE and REPEAT are about the menu; "ok", "hi" or "huh" show the menu and keep the page for MORE.
MENU_ASKED_WORDS = frozenset(SPOKEN_COMMANDS[MAIN]) | {
    "main", "topics", "list", "options", "temas", "opciones", "comenzar"}
TEXT_MORE_WORDS = frozenset({"more", "next", "continue", "go on", "more please", "m", "what else", "and",
                             "what else is there", "is there more", "is there anything else",
                             "tell me more", "keep going", "anything else", "que mas", "y que mas",
                             "mas", "siguiente", "sigue", "continuar", "mas por favor", "next page",
                             "next one", "the rest", "rest", "go ahead", "siguiente pagina", "continua",
                             "el resto"})
# A yes to "(Reply MORE for the rest)": the next page. Elsewhere these are not MORE (after an urgent
# reply "yes" opens the topic offered; after the last page, the menu).
TEXT_YES_MORE_WORDS = frozenset({"yes", "yes please", "yeah", "yea", "yep", "yup", "sure", "please", "ok yes",
                                 "yes more", "si", "si por favor", "claro", "claro que si", "ok si"})
# Asking what to do now that something has happened ("what do we do now", "y ahora qué hago"): how to
# reach a person and when to call 911, by text anywhere (not only after a topic).
NOW_WHAT_WORDS = frozenset({
    "what do i do now", "what should i do now", "what now", "now what", "what do we do now",
    "what should we do now", "what can we do now", "what can i do now", "so what now", "ok what now",
    "que hago ahora", "y ahora que", "y ahora que hago", "ahora que hago", "que hacemos ahora",
    "ahora que hacemos", "y ahora que hacemos"})
# Asking what to do now: after a topic (by text) or at any menu (on a call), how to reach a person and
# when to call 911, never "sorry"; a new texter asking it gets HELP, what the line is.
WHAT_TO_DO_WORDS = NOW_WHAT_WORDS | frozenset({
    "what should i do", "what do i do", "what can i do", "what do we do", "what should we do",
    "que hago", "que debo hacer", "que puedo hacer", "que hacemos", "que tengo que hacer", "what can i take",
    "what should i take", "what can i take for it", "what can i take for the pain",
    "what can i take for that", "what can she take", "what can he take", "que puedo tomar",
    "que me puedo tomar", "que le puedo dar", "que puede tomar"})
# "I have a question": an opening, not the topic of questions to ask; a caller hears the main menu and
# that they may say what they want to hear, a texter HELP.
QUESTION_WORDS = 3  # words, the first of them a question's, make a question (with no answer here)
QUESTION_STARTS = frozenset(
    "what whats how why when where who which can could is are does do did will would should may am "
    "que como por porque cuando donde quien cual cuanto cuantos puedo puede podria es hay tengo debo "
    "se".split()
)
QUESTION_OPENERS = frozenset({
    "i have a question", "i have some questions", "i have questions", "quick question",
    "can i ask a question", "can i ask you a question", "can i ask you something", "i got a question",
    "tengo una pregunta", "tengo preguntas", "una pregunta", "le puedo hacer una pregunta",
    "puedo hacer una pregunta"})
# Not understanding what was just read ("what does that mean", "no entiendo"): after a page, a person
# who can explain it; anywhere else, what the line is.
MEANING_ASKED_WORDS = frozenset({"what does that mean", "what does it mean", "what does this mean",
                                 "what does that mean for her", "what does that mean for him",
                                 "what does that mean for me", "que significa eso", "que significa",
                                 "que quiere decir"})
UNCLEAR_WORDS = MEANING_ASKED_WORDS | frozenset({
    "what do you mean", "i dont understand", "dont understand", "i dont get it", "i dont understand that",
    "que quiere decir eso", "no entiendo", "no le entiendo", "no comprendo", "no entendi"})
# After a page, a person instead of what the line is: what to do now, or what the page means.
PERSON_AFTER_A_PAGE_WORDS = WHAT_TO_DO_WORDS | UNCLEAR_WORDS
# Asking who the line is, or who called ("who is this", "i got a call from this number", "quién habla"):
# by text, HELP; on a call, the line's name said first, then the main menu.
WHO_IS_THIS_ASKED = frozenset({
    "what is this", "whats this", "who is this", "who are you", "what is this number", "what is this line",
    "who am i talking to", "who is calling", "whos calling", "who called me", "who called", "did you call me",
    "did someone call me",
    "you called me", "someone called me", "somebody called me", "why did you call me", "why did you call",
    "i got a call from this number", "i got a call from you", "i got a call",
    "someone called me from this number", "somebody called me from this number", "this number called me",
    "i missed a call from this number", "i missed a call from you", "i missed a call", "i missed your call",
    "i have a missed call from this number",
    "returning a call", "returning your call", "im returning a call", "im returning your call",
    "i am returning your call", "i was returning a call", "i got a text from this number"})
WHO_IS_THIS_ASKED_ES = frozenset({
    "que es esto", "quien es", "quien es usted", "quienes son", "quien habla", "con quien hablo",
    "quien me llamo", "me llamaron", "me llamaron de este numero", "alguien me llamo de este numero",
    "por que me llamaron", "tengo una llamada perdida de este numero", "tengo una llamada perdida",
    "estoy devolviendo una llamada", "devuelvo la llamada", "me llego un mensaje de este numero"})
# Asking what else the line offers, or who may use it ("email me", "do you have a website", "can my
# daughter text this number too"): HELP, which says what the line is, how to call it and how to stop.
ABOUT_THE_LINE_ASKED = frozenset({
    "email me", "can you email me", "can you email me this", "can you email this to me", "email it to me",
    "do you have a website", "is there a website", "whats your website", "what is your website",
    "send me a link", "can you send me a link", "is there a link", "is there a video",
    "can you mail me a brochure", "can you mail me something", "do you have a brochure",
    "can i get this in writing", "can i share this", "can i share this with my family",
    "can i share this with my sister", "can i share this number", "can my daughter text this number",
    "can my daughter text this number too", "can my family text this number", "can my husband use this",
    "can others use this", "can anyone text this number",
    # someone who did not expect the line's texts: what it is, and how to stop them (text STOP)
    "wrong number", "you have the wrong number", "you got the wrong number", "wrong person",
    "sorry wrong number", "sry wrong number", "oops wrong number", "wrong number sorry", "sorry wrong person",
    "i didnt sign up for this", "i did not sign up for this", "i never signed up for this",
    "i didnt sign up", "i never signed up", "how did you get my number", "how did you get this number",
    "why are you texting me", "why am i getting these texts", "why am i getting this",
    "who gave you my number", "i dont know who this is", "do i know you",
    # when the line can be reached: any time, which HELP says
    "can i text you later", "can i text later", "can i text you anytime", "can i text again",
    "can i text you again", "can i text back later", "is this line open all the time"})
ABOUT_THE_LINE_ASKED_ES = frozenset({
    "mandeme un correo", "mandame un correo", "me lo pueden mandar por correo",
    "me lo puede mandar por correo",
    "tienen pagina web", "tienen pagina de internet", "hay una pagina web", "cual es su pagina web",
    "mandeme el enlace", "me manda el enlace", "hay un video", "me lo pueden dar por escrito",
    "puedo compartir esto", "puedo compartir este numero", "mi hija puede escribir a este numero",
    "mi familia puede escribir a este numero", "otra persona puede usar esto",
    "numero equivocado", "se equivoco de numero", "se equivocaron de numero", "yo no me inscribi",
    "como consiguieron mi numero", "como obtuvieron mi numero", "por que me escriben", "quien me inscribio"})
TEXT_HELP_WORDS = UNCLEAR_WORDS | frozenset({"help", "info", "information", "ayuda", "informacion",
                             "how does this work",
                             "hlp", "halp", "hepl", "whats your phone number", "what is your phone number",
                             "whats your number", "what is your number", "can i call you",
                             "como funciona", "can i call instead",
                             "can i call", "can i call this number", "what number do i call",
                             "what number can i call", "is there a number i can call",
                             "is there a number to call",
                             "how do i stop", "how do i stop these texts", "how do i stop the texts",
                             "how do i stop getting texts", "how do i unsubscribe", "how do i opt out",
                             "puedo llamar", "a que numero llamo", "hay un numero para llamar",
                             "como dejo de recibir mensajes", "como paro los mensajes",
                             "i dont understand the menu", "i dont understand how this works",
                             "how do i use this", "how does this line work", "no entiendo el menu",
                             "no entiendo como funciona", "como se usa esto"} | ABOUT_THE_LINE_ASKED
                            | WHO_IS_THIS_ASKED | WHO_IS_THIS_ASKED_ES
                            | ABOUT_THE_LINE_ASKED_ES
                            ) | WHAT_TO_DO_WORDS | QUESTION_OPENERS
# Words of a text that asks what the line is or greets it ("hello is this the cancer line", "what can
# you tell me"): when nothing else in the text names a topic, it gets HELP, not "we did not find that".
ABOUT_LINE_WORDS = frozenset(
    "hello hi hey good morning afternoon evening is this the a an it cancer breast line number phone what "
    "whats can could you tell me do does about info information who are how work works service here "
    "there i im am get with for please so ok okay yes something anything text texting help need want "
    "some learn know more to of on in and much cost costs free charge charges money pay price runs run owns "
    "behind made "
    "hola buenas buenos dias tardes noches es esta este esto la el linea numero telefono del de que "
    "me puede puedes decir dice informacion sobre mama seno quien eres usted como funciona ayuda "
    "servicio por favor algo quiero quisiera saber mas necesito un una en y con cuanto cuesta gratis cobra "
    "talking speaking hablo hablando estoy open hours hour when time times your now "
    "abren abre horario horarios hora horas atienden atiende "
    "cobran pagar precio dinero cual cuales para llamar marcar call calling dial".split()
)
# After "Reply 1 for <topic>": words that take the offer as 1 does, a yes or asking what to do now.
OFFER_TAKEN_WORDS = frozenset({"yes", "yes please", "yeah", "yep", "sure", "please", "si", "si por favor",
                               "claro", "what should i do", "what do i do", "what do we do",
                               "what should we do", "what now", "now what", "what can i do",
                               "what do i do now", "what should i do now", "que hago", "que debo hacer",
                               "que hacemos", "que puedo hacer", "y ahora que", "que hago ahora",
                               "que tengo que hacer"}) | MEANING_ASKED_WORDS
# REPEAT by text: the page (or menu) last sent, sent again.
TEXT_REPEAT_WORDS = frozenset({"repeat", "again", "say again", "say that again", "send again",
                               "send that again", "resend", "repeat that", "what did you say", "repetir",
                               "repite", "repita", "otra vez", "de nuevo", "repitalo", "repitelo",
                               "im back", "ok im back", "i am back", "ya regrese", "ya estoy aqui"})
# Asked to wait, by text ("hold on", "brb"): "take your time", the place kept for MORE.
TEXT_WAIT_WORDS = SPOKEN_WAIT | {
    "brb", "be right back", "one sec", "1 sec", "a sec", "sec", "hold on a sec", "wait a sec", "wait a min",
    "hold on a min", "gimme a sec", "gimme a minute", "give me a sec", "give me a minute", "give me a second",
    "hold on please", "wait please", "just a sec", "ahorita vuelvo", "ya vuelvo", "ahorita regreso",
    "un momento por favor", "espera", "esperame", "dame un momento", "dame un segundo",
}
# Words of asking around a texted command ("menu please", "text me the menu", "muéstrame el menú"):
# left out when a text is read as MENU, MORE, BACK or REPEAT; never for HELP, so "help me" stays a plea.
TEXT_COMMAND_FILLERS = COMMAND_FILLERS | {"pls", "plz", "the", "show", "send", "text", "give", "i", "have",
                                          "see", "get", "el", "la", "quiero", "ver", "mandame", "enviame",
                                          "muestrame", "dame", "puedo", "want", "now", "again"}
# BACK by text: from a topic to the menu it was chosen from, from a menu to the one above it.
TEXT_BACK_WORDS = frozenset(SPOKEN_COMMANDS[BACK]) | {
    "atras por favor", "back please", "i want to go back", "take me back", "go back please", "quiero volver",
    "quiero regresar", "volver atras", "regresar atras"}
# The texted commands, in the order they are tried.
TEXT_COMMANDS = (("more", TEXT_MORE_WORDS), ("menu", TEXT_MENU_WORDS), ("back", TEXT_BACK_WORDS),
                 ("repeat", TEXT_REPEAT_WORDS))
# The keys of the opening's language choice ("For English, press 1. Para espanol, oprima 2.").
LANGUAGE_KEYS = {"1": "en", "2": "es"}
# Words that choose the language of the replies: on a call, at the opening; by text, at any time.
LANGUAGE_WORDS = {
    "espanol": "es", "spanish": "es", "en espanol": "es", "castellano": "es",
    "english": "en", "ingles": "en", "en ingles": "en",
}
# A language named in a short message, said or texted in either language ("hablo español", "en español
# por favor", "spanish please", "in english"): it chooses that language, at the opening or at any menu.
LANGUAGE_NAMES = {"espanol": "es", "spanish": "es", "castellano": "es", "english": "en", "ingles": "en"}
# A language named as the one a person does not speak ("no hablo inglés", "hablo poquito inglés", "i
# don't speak spanish", "no english"): the line's other language is theirs.
NOT_SPOKEN_WORDS = frozenset({"no", "not", "dont", "doesnt", "cant", "cannot", "nada", "poco", "poquito",
                              "little"})
OTHER_LANGUAGE_OF = {"en": "es", "es": "en"}
LANGUAGE_FILLERS = frozenset(
    {"hablo", "habla", "hablar", "en", "por", "favor", "please", "i", "speak", "in", "quiero", "prefiero",
     "idioma", "language", "si", "yes", "the", "want", "would", "like", "de", "a", "al", "cambiar",
     "switch", "to", "change", "say", "it", "do", "you", "usted", "puede", "can", "me", "que", "lo",
     "mas", "el", "la", "only", "solo", "we", "nosotros", "hablamos", "prefer", "oh", "um", "eh", "ok",
     "entiendo", "understand", "read", "leo", "bien", "well", "very", "muy", "bit", "sorry", "perdon",
     "have", "get", "this", "is", "there", "any", "does", "speaks", "my", "mom", "mum", "mother", "dad",
     "father", "he", "she", "husband", "wife", "text", "texts", "info", "information", "also", "too",
     "version", "tiene", "tienen", "hay", "esto", "mi", "mama", "papa", "esposo", "esposa", "entiende",
     "sabe", "or", "o", "hi", "hello", "hey", "hola", "buenas", "buenos", "dias", "tardes", "good",
     "morning", "afternoon", "hablan", "hablas", "se", "ustedes", "alguien", "aqui", "tambien", "noches",
     "are", "anyone", "someone",
     *NOT_SPOKEN_WORDS}
)

# Whole texts that are Spanish greetings or commands: a texter who sends one wants Spanish.
SPANISH_TEXT_WORDS = frozenset(
    {"hola", "buenas", "buenos dias", "buenas tardes", "buenas noches", "temas", "opciones", "gracias",
     "lista", "la lista", "el menu", "ola", "ola buenas", "ola buenos dias",
     "menu principal", "inicio", "comenzar", "mas", "siguiente", "sigue", "continuar", "mas por favor",
     "ayuda", "informacion", "parar", "alto", "baja", "detener", "cancelar", "reanudar", "atras", "volver",
     "regresar", "atras por favor", "que es esto", "quien es", "quien es usted", "quienes son",
     "no entiendo", "no le entiendo", "no comprendo", "como funciona", "que hago", "mande", "no se",
     "no lo se", "entiendo", "ok entiendo", "ya entendi", "ok ya entendi", "entendido", "ya veo", "ah ya veo",
     "de acuerdo", "claro", "bueno", "ah bueno", "ok bueno", "muy bien", "perfecto"} | ABOUT_THE_LINE_ASKED_ES
    | SPANISH_BACK_AGAIN
    | WHO_IS_THIS_ASKED_ES
)
# Whole texts that are English thanks or greetings: after Spanish, a texter who sends one wants English.
ENGLISH_TEXT_WORDS = frozenset(
    {"thank you", "thanks", "thank you so much", "thanks so much", "thx", "ty", "good morning",
     "good afternoon", "good evening", "hello", "english please"} | ABOUT_THE_LINE_ASKED
)
# Said on a call, "help" is a person asking for help (the carrier's HELP keyword is for texts only).
SPOKEN_HELP = frozenset({"help", "help help"}) | WHAT_TO_DO_WORDS

# The carrier-standard words that stop and restart texts, checked before anything else.
# Spanish texters get the same: PARAR, ALTO, BAJA, DETENER, CANCELAR stop; COMENZAR, REANUDAR restart.
STOP_WORDS = frozenset({"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout",
                        "parar", "alto", "baja", "detener", "cancelar"})
START_WORDS = frozenset({"start", "yes", "unstop", "comenzar", "reanudar"})


def command_words() -> frozenset[str]:
    """Every word or phrase that acts as a command on some channel: no topic keyword may be one."""
    spoken = {phrase for phrases in SPOKEN_COMMANDS.values() for phrase in phrases} | SPOKEN_MORE
    return frozenset(
        spoken | TEXT_MENU_WORDS | TEXT_MORE_WORDS | TEXT_HELP_WORDS | TEXT_BACK_WORDS | TEXT_REPEAT_WORDS
        | STOP_WORDS | START_WORDS
        | set(LANGUAGE_WORDS) | CLOSE_WORDS | DECLINE_WORDS
        | set(SPOKEN_NUMBERS) | {str(n) for n in range(10)}
    )


def text_command(text: str) -> str:
    """Which of MORE, MENU, BACK or REPEAT a folded text is, as sent or asked for in a sentence; else ""."""
    asked = asked_command(text)
    return next((name for name, words in TEXT_COMMANDS if text in words or asked in words), "")


def asked_command(text: str) -> str:
    """A folded text without the words of asking around a command ("menu please" is "menu"); the
    text as it is when those words are all it has."""
    kept = " ".join(word for word in text.split() if word not in TEXT_COMMAND_FILLERS)
    return kept or text


def number_chosen(text: str) -> str:
    """The number a folded text chooses ("3", "three", "option 3", "the second one"), else ""."""
    words = [word for word in text.split() if word not in TEXT_NUMBER_FILLERS]
    if any(word in ORDINALS for word in words):
        words = [word for word in words if word not in ORDINAL_FILLERS]
    if len(words) != 1:
        return ""
    word = words[0]
    number = NUMBER_WORDS.get(word) or ORDINALS.get(word) or word
    return number if number.isdigit() and len(number) <= 2 else ""


def asks_a_question(words: list[str]) -> bool:
    """Whether folded words are a question heard in full ("can i still work"), not words half caught."""
    return len(words) >= QUESTION_WORDS and words[0] in QUESTION_STARTS

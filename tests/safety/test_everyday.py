"""Everyday life in words that sound alarming gets no Lifeline and no 911; the urgent signs people
text in their own words (a tight chest, a fever of 102, sight gone dark) get what to do now first."""

from __future__ import annotations

import pytest

from service.content import Content
from service.core.gsm import to_gsm
from service.safety.triage import Concern, triage
from service.web.twilio.simulate import TwilioSimulator
from tests.safety.phone import not_read_as, person_offered, sign_first, texted, urgent_with_no_sign

PRESSING = (Concern.CRISIS, Concern.URGENT)

# Written for this test, none of them in the corpus: what people text about their day.
EVERYDAY = [
    "i am doing well", "i was cooking dinner and cut my finger", "i fell asleep watching tv",
    "i broke my phone", "i broke my glasses", "i take all my meds on time", "i want to live",
    "i want to beat this", "i want to go home", "i am going to bed", "going to sleep now",
    "i could kill for a coffee", "i am dead tired", "see you tomorrow", "end of story",
    "i gave up smoking", "my daughter is driving me to my appointment tomorrow",
    "i cant walk as far as i used to", "i am tired of this weather", "my chest xray was clear",
    "i had a chest port put in", "i gave blood last year", "i am dying to know what the scan says",
    "i will not give up", "never give up", "walking helps me feel better",
    "me voy a dormir", "quiero vivir", "se me rompio el telefono", "me corte el pelo",
    "ahora estoy mejor", "me corte el dedo cocinando",
]


@pytest.mark.parametrize("message", EVERYDAY)
def test_everyday_sentences_get_no_lifeline_and_no_911(message: str) -> None:
    finding = triage(message)
    assert finding is None or finding.concern not in PRESSING, (message, finding)


@pytest.mark.parametrize("message", [
    "i will not give up", "i am doing well", "i am dying to know the results",
])
def test_words_of_hope_are_not_read_as_despair(message: str) -> None:
    assert triage(message) is None


# (message, the sign whose what-to-do-now sentence comes first)
SIGNS_IN_OWN_WORDS = [
    ("chest feels tight", "chest-pain"), ("my chest feels heavy", "chest-pain"),
    ("tightness in my chest", "chest-pain"), ("she says her chest is so tight", "chest-pain"),
    ("hard time breathing", "breathing"), ("i can barely breathe", "breathing"),
    ("he doesnt know who i am", "confusion"), ("fever 102", "fever"), ("temp is 101 on chemo", "fever"),
    ("my vision went black", "stroke"), ("i suddenly cant see", "stroke"),
    ("vomita con sangre", "bleeding"), ("está devolviendo sangre", "bleeding"),
    ("le creció mucho la barriga", "belly"),
    ("she is burning up", "fever"), ("102.5", "fever"), ("101 F", "fever"), ("38.9", "fever"),
    ("i cant breed", "breathing"),  # "breathe" as a phone may hear it
    ("se desvaneció", "confusion"), ("tiene la panza inflada", "belly"),
    ("le duele la espalda y se le duermen las piernas", "spinal-cord"),
    ("she has fluid in her belly", "belly"), ("fluid in belly", "belly"), ("ascites", "belly"),
    ("tiene líquido en el vientre", "belly"),
]


@pytest.mark.parametrize(("message", "sign"), SIGNS_IN_OWN_WORDS)
def test_urgent_signs_in_peoples_words_say_what_to_do_now_first(
    twilio: TwilioSimulator, content: Content, message: str, sign: str
) -> None:
    sign_first(twilio, content, message, sign)


@pytest.mark.parametrize("message", [
    "i get short of breath climbing stairs", "im short of breath when i walk",
    "me falta el aire al subir escaleras", "le falta el aire cuando camina",
])
def test_breath_short_only_with_effort_gets_the_lung_topic_not_911_now(
    twilio: TwilioSimulator, content: Content, message: str
) -> None:
    answer = texted(twilio, message)
    assert not answer.startswith(tuple(content.sign("breathing").says.values()))
    assert "only happen with exercise" in answer or "solo con ejercicio" in answer, answer  # the lung topic


@pytest.mark.parametrize("message", [
    "i cant breathe when i walk", "suddenly short of breath climbing stairs",
    "i'm breathless walking to the bathroom",
])
def test_breath_short_with_anything_severe_is_still_911(twilio: TwilioSimulator, content: Content,
                                                         message: str) -> None:
    assert texted(twilio, message).startswith(content.sign("breathing").says["en"])


@pytest.mark.parametrize("message", [
    "i have numbness in my feet from chemo", "my hands and feet are numb since chemo started",
    "chemo neuropathy in my toes", "tengo los pies dormidos por la quimio",
])
def test_feet_numb_from_chemo_get_the_side_effects_topic_not_the_spinal_cord_sign(
    twilio: TwilioSimulator, content: Content, message: str
) -> None:
    answer = texted(twilio, message)
    assert not answer.startswith(tuple(content.sign("spinal-cord").says.values())), answer
    assert answer.startswith(("If this may be an emergency, call 911 now. If not, call your care team today.",
                              "Si puede ser una emergencia, llame al 911 ahora.")), answer


def test_a_named_chemo_drug_with_numb_feet_gets_its_page_and_side_effects_to_the_care_team(
    twilio: TwilioSimulator,
) -> None:
    answer = texted(twilio, "my feet are numb from taxol")
    assert answer.startswith("Taxol") and "Ask your care team about side effects" in answer


@pytest.mark.parametrize("message", [
    "my legs are numb and weak since chemo", "my back hurts and my feet are numb", "my feet are numb",
])
def test_numb_legs_with_weakness_or_back_pain_still_get_the_spinal_cord_sign(
    twilio: TwilioSimulator, content: Content, message: str
) -> None:
    assert texted(twilio, message).startswith(content.sign("spinal-cord").says["en"])


@pytest.mark.parametrize("message", [
    "never give up", "i am going to fight this", "i want to live to see my grandkids", "voy a luchar",
    "no me voy a rendir",
])
def test_words_of_hope_get_no_lifeline(message: str) -> None:
    assert triage(message) is None


@pytest.mark.parametrize("message", [
    "i want to live but not like this anymore", "i want to live but i keep thinking about dying",
])
def test_hope_said_with_words_of_death_is_still_read_by_the_rules_and_model(message: str) -> None:
    finding = triage(message)
    assert finding is not None and finding.concern is Concern.CRISIS, finding


@pytest.mark.parametrize(("message", "sign"), [
    ("she's turning blue", "breathing"), ("his lips turned blue", "breathing"),
    ("I can't move my left arm", "stroke"), ("i havent peed all day", "cord-severe"),
    ("what do i do if a bone breaks", "fracture"), ("que hago si se rompe un hueso", "fracture"),
    ("my husband has bone mets and he keeps falling", "fracture"), ("103 fever", "fever"),
    ("101 degree fever", "fever"),
])
def test_more_signs_in_peoples_words_say_what_to_do_now_first(
    twilio: TwilioSimulator, content: Content, message: str, sign: str
) -> None:
    sign_first(twilio, content, message, sign)


@pytest.mark.parametrize("message", ["she keeps falling asleep", "im falling behind at work"])
def test_falling_asleep_or_behind_is_no_fall(message: str) -> None:
    not_read_as(message, Concern.URGENT)


@pytest.mark.parametrize("message", ["tengo que tomar todas las pastillas", "i have a gun license",
                                     "we got a gun for protection years ago"])
def test_pills_as_prescribed_or_a_gun_long_owned_is_no_crisis(message: str) -> None:
    not_read_as(message, Concern.CRISIS)


@pytest.mark.parametrize("message", ["my chemo nurse is amazing", "the nurse said to text this line",
                                     "i nearly died laughing"])
def test_a_nurse_spoken_of_or_a_laugh_is_no_plea_for_a_person(message: str) -> None:
    not_read_as(message, Concern.DISTRESS)


@pytest.mark.parametrize("message", ["the sky is blue", "i feel blue"])
def test_blue_that_is_not_a_person_turning_blue_is_no_sign(message: str) -> None:
    assert triage(message) is None


@pytest.mark.parametrize(("message", "sign"), [
    ("fevr on chemo", "fever"), ("i think my dad is having a stroak", "stroke"),
    ("chest payne", "chest-pain"), ("chest pian", "chest-pain"),
    ("high feaver and chills on chemo", "fever"),
])
def test_misspelt_sign_words_still_say_what_to_do_now_first(
    twilio: TwilioSimulator, content: Content, message: str, sign: str
) -> None:
    assert texted(twilio, message).startswith(content.sign(sign).says["en"])


@pytest.mark.parametrize("message", [
    "i have the chills", "shaking chills", "chills and sweats", "i keep shivering",
    "i have chills and shaking",
])
def test_chills_get_the_fever_sign_first(twilio: TwilioSimulator, content: Content, message: str) -> None:
    reply = texted(twilio, message)
    assert reply.startswith(content.sign("fever").says["en"]) and reply.startswith("Chills"), reply


@pytest.mark.parametrize("message", ["that movie gave me chills", "it sent chills down my spine"])
def test_chills_of_a_story_are_no_sign(message: str) -> None:
    not_read_as(message, Concern.URGENT)


@pytest.mark.parametrize("message", [
    "my legs are numb and i wet myself", "my legs are weak and i cant pee",
])
def test_numb_legs_with_the_bladder_lost_get_911_not_the_care_team(
    twilio: TwilioSimulator, content: Content, message: str
) -> None:
    assert texted(twilio, message).startswith(content.sign("cord-severe").says["en"])


@pytest.mark.parametrize("message", [
    "i feel faint", "i feel like im going to pass out", "my heart is racing", "heart pounding",
    "me voy a desmayar", "el corazon me late muy rapido", "vomito todo", "no retengo nada",
])
def test_faint_a_racing_heart_or_nothing_kept_down_say_911_first(
    twilio: TwilioSimulator, message: str
) -> None:
    urgent_with_no_sign(twilio, message)


@pytest.mark.parametrize("message", ["tosí sangre", "tosió sangre", "escupí sangre", "flema con sangre"])
def test_coughing_blood_in_spanish_says_911_first_in_spanish(
    twilio: TwilioSimulator, content: Content, message: str
) -> None:
    reply = texted(twilio, message)
    assert reply.startswith(to_gsm(content.sign("coughing-blood").says["es"])), reply


@pytest.mark.parametrize("message", [
    "nobody cares", "i'm alone", "i feel so alone", "no one understands", "i have no one",
    "nadie me entiende", "no tengo a nadie", "estoy sola",
])
def test_loneliness_gets_a_person_to_talk_to_not_a_menu(twilio: TwilioSimulator, message: str) -> None:
    person_offered(twilio, message)


@pytest.mark.parametrize("message", [
    "she cant get out of bed", "she hasnt gotten out of bed in days", "i cant get her up",
    "he cant get up off the floor", "no se puede levantar de la cama", "no se ha levantado de la cama",
    "no la puedo levantar",
])
def test_someone_who_cannot_get_up_gets_what_to_do_now_first(twilio: TwilioSimulator, message: str) -> None:
    """These had got "We did not find that": 911 if it may be an emergency, else the care team."""
    urgent_with_no_sign(twilio, message)


@pytest.mark.parametrize("message", ["i got out of bed today and felt good", "she gets out of bed with help",
                                     "i cant get up early for appointments"])
def test_getting_up_told_as_everyday_news_is_no_alarm(message: str) -> None:
    not_read_as(message, Concern.URGENT)


@pytest.mark.parametrize("message", [
    "i dont understand any of this", "i don't understand what the doctor said",
    "i cant make sense of any of it", "no entiendo nada", "no entiendo lo que dijo el doctor",
    "no entiendo lo que esta pasando", "none of this makes sense", "nada de esto tiene sentido",
    "i dont understnd what the doc said",
])
def test_lost_in_what_is_happening_gets_a_person_who_can_explain_not_not_found(
    twilio: TwilioSimulator, message: str
) -> None:
    """These had got "We did not find that"; "i dont understand" alone still hears what the line is."""
    person_offered(twilio, message)


@pytest.mark.parametrize("message", [
    "i cant lose her", "im scared of losing my mom", "i dont want to lose him", "no la puedo perder",
    "no quiero perderlo", "she wont make it", "i dont think she will last the week",
    "i dont think my husband will make it", "she cant hold on much longer", "no creo que aguante mucho",
    "ya no aguanta más", "i dont know how much longer i can hold on",
])
def test_fear_of_losing_someone_gets_a_person_to_talk_to(twilio: TwilioSimulator, message: str) -> None:
    """"I cant lose her", after the honest answer of how long, had got "We did not find that"."""
    person_offered(twilio, message)


@pytest.mark.parametrize("message", [
    "her lips are swollen", "my tongue is swelling", "face is puffy after chemo",
    "her face is very swollen", "my neck is swollen", "se le hincharon los labios",
    "tiene la lengua hinchada", "se me cierra la garganta", "tiene la cara muy hinchada",
])
def test_lips_tongue_throat_or_face_that_swell_get_what_to_do_now_first(
    twilio: TwilioSimulator, message: str
) -> None:
    """Swollen lips had got "We did not find that", a swollen face an arm or leg's clot: a treatment's
    reaction or a blocked vein may be an emergency (ACS, NCI), and no one sign says which."""
    urgent_with_no_sign(twilio, message)


@pytest.mark.parametrize("message", [
    "i think i have an infection", "my wound looks infected", "the port site is red and has pus",
    "my incision is oozing", "redness around my port", "she has a urinary tract infection",
    "creo que tengo una infección", "herida infectada", "mi herida está roja y caliente",
    "she throws up everything", "vomita todo",
])
def test_signs_of_an_infection_or_nothing_kept_down_get_what_to_do_now_first(
    twilio: TwilioSimulator, message: str
) -> None:
    """These had got "We did not find that" (a red port with pus: the bleeding sign): an infection during
    treatment can become dangerous fast (CDC, ACS), and no one sign says it."""
    urgent_with_no_sign(twilio, message)


@pytest.mark.parametrize("message", ["how can i avoid an infection during chemo",
                                     "i had an infection last year", "does chemo raise the risk of infection",
                                     "cómo evitar una infección"])
def test_asking_how_to_avoid_an_infection_or_one_long_past_is_no_sign(message: str) -> None:
    not_read_as(message, Concern.URGENT)


@pytest.mark.parametrize("message", ["i have a sore throat", "my throat hurts", "me duele la garganta"])
def test_a_sore_throat_is_no_swelling_sign(message: str) -> None:
    not_read_as(message, Concern.URGENT)


@pytest.mark.parametrize("message", [
    "she fell and hit her head", "i hit my head", "my wife has stage 4 and shes in a lot of pain",
    "the pain is unbearable", "se golpeo la cabeza", "tengo mucho dolor",
    "mi mama tiene un dolor insoportable", "i cant stand this pain", "the pain is so bad i cant take it",
    "el dolor es insoportable", "no aguanto el dolor", "ya no soporto este dolor",
    "my mom has brain mets and shes having trouble walking", "le cuesta caminar",
])
def test_a_head_hit_or_pain_no_one_can_bear_says_911_first(twilio: TwilioSimulator, message: str) -> None:
    urgent_with_no_sign(twilio, message)


@pytest.mark.parametrize("message", [
    "i cant stand it anymore", "i just got diagnosed with stage 4", "ya no aguanto mas",
    "my cancer is progressing", "scan showed progression", "el cancer sigue avanzando",
    "my insurance wont pay", "i cant afford my medicine", "no puedo pagar la quimio", "tumor markers went up",
    "los medicamentos son muy caros", "la quimio cuesta mucho", "no nos alcanza el dinero",
    "my ca 27-29 is rising", "los marcadores subieron",
    "hello i dont really know what to ask i just got my results", "i dont want to fight anymore",
    "ya no quiero luchar",
    "the news broke my heart", "quiero dejar todo", "ya me canse de luchar", "no duermo de la preocupacion",
    "recien me diagnosticaron",
])
def test_being_worn_out_or_newly_diagnosed_gets_a_person_not_a_page(
    twilio: TwilioSimulator, message: str
) -> None:
    person_offered(twilio, message)


def test_a_newly_diagnosed_texter_is_offered_what_stage_4_means_and_one_who_found_out_the_place(
    twilio: TwilioSimulator,
) -> None:
    assert person_offered(twilio, "i just got diagnosed with stage 4").endswith(
        "Reply 1 for What stage 4 means, or MENU for topics.")
    assert person_offered(twilio, "just found out its in my liver").endswith(
        "Reply 1 for Liver, or MENU for topics.")
    assert person_offered(twilio, "my cancer is progressing").endswith(
        "Reply 1 for How care is chosen, or MENU for topics.")


@pytest.mark.parametrize("message", [
    "no chills", "i dont have chills", "no escalofrios", "sin fiebre", "no tengo mucho dolor",
    "ya no tengo tanto dolor",
])
def test_a_sign_said_not_to_be_there_is_no_sign(message: str) -> None:
    assert triage(message) is None


@pytest.mark.parametrize("message", [
    "whats the point anymore", "what's the point", "so whats the point", "whats the point of it all",
    "there's no point anymore", "para qué seguir", "ya nada tiene sentido", "de que sirve seguir viviendo",
    "no le veo sentido a nada",
])
def test_hopelessness_in_few_words_gets_the_lifeline_first(twilio: TwilioSimulator, message: str) -> None:
    finding = triage(message)
    assert finding is not None and finding.concern is Concern.CRISIS, finding
    assert "988" in texted(twilio, message).split(";")[0]


@pytest.mark.parametrize("message", ["whats the point of chemo", "what is the point of radiation"])
def test_asking_what_a_treatment_is_for_is_no_crisis(message: str) -> None:
    not_read_as(message, Concern.CRISIS)


@pytest.mark.parametrize("message", [
    "havent pooped in 5 days", "i have not had a bowel movement in 4 days", "no he ido al baño en 5 días",
    "mi mamá no ha ido al baño en una semana",
])
def test_constipation_gets_bone_symptoms_with_when_to_call_not_the_lifeline(
    twilio: TwilioSimulator, message: str
) -> None:
    not_read_as(message, Concern.CRISIS)
    reply = texted(twilio, message)
    assert reply.startswith(("If this may be an emergency, call 911 now.", "Si puede ser una emergencia")), \
        reply
    assert "Bone spread" in reply or "En los huesos" in reply, reply


@pytest.mark.parametrize("message", [
    "my belly is getting big", "her stomach is growing", "la panza se me está poniendo muy grande",
    "tengo la barriga grande",
])
def test_a_belly_getting_big_gets_the_belly_sign_first(
    twilio: TwilioSimulator, content: Content, message: str
) -> None:
    sign_first(twilio, content, message, "belly")


def test_a_big_pain_in_the_belly_is_no_swollen_belly() -> None:
    finding = triage("big stomach pain")
    assert finding is None or finding.sign != "belly", finding


@pytest.mark.parametrize("message", [
    "there's blood in my pee", "blood in my urine", "blood in my stool", "peeing blood",
    "sangre en la orina", "orino sangre",
])
def test_blood_in_the_urine_or_stool_says_911_or_the_care_team_first_and_names_no_cough(
    twilio: TwilioSimulator, message: str
) -> None:
    reply = urgent_with_no_sign(twilio, message)
    assert "ough" not in reply and "Toser" not in reply, reply


@pytest.mark.parametrize("message", [
    "i think she's dying", "hes dying", "how do i tell my kids", "my daughter is 8 how do i explain this",
])
def test_someone_dying_or_children_to_tell_get_a_person_not_the_lifeline(message: str) -> None:
    finding = triage(message)
    assert finding is not None and finding.concern is Concern.DISTRESS, finding


@pytest.mark.parametrize("message", ["she stopped eating and drinking", "mi mama ya no come ni bebe"])
def test_not_eating_or_drinking_gets_general_symptoms_with_when_to_call(
    twilio: TwilioSimulator, message: str
) -> None:
    assert triage(message) is None
    reply = texted(twilio, message)
    assert reply.startswith(("If this may be an emergency, call 911 now.", "Si puede ser una emergencia")), \
        reply
    assert "Alcohol" not in reply, reply


@pytest.mark.parametrize("message", ["i keep thinking about dying", "thoughts of death"])
def test_thoughts_of_dying_get_the_lifeline(message: str) -> None:
    finding = triage(message)
    assert finding is not None and finding.concern is Concern.CRISIS and not finding.by_model, finding


@pytest.mark.parametrize("message", [
    "her right side wont move", "talking funny", "his words are all jumbled", "she cant talk right",
    "se le cayo la cara", "tiene la cara chueca", "la cara se le cayo de un lado",
    "el lado derecho no lo puedo mover", "no puede hablar bien", "habla enredado",
    "se le durmió un lado de la cara", "se le adormeció la cara", "her arm went numb",
    "she cant smile on one side", "her mouth is crooked", "sudden blindness",
])
def test_a_stroke_told_in_everyday_words_says_911_first(
    twilio: TwilioSimulator, content: Content, message: str
) -> None:
    sign_first(twilio, content, message, "stroke")


@pytest.mark.parametrize(("message", "sign"), [
    ("la pierna hinchada y roja", "clot-leg"), ("el brazo hinchado", "clot-leg"),
    ("se le hincho la barriga", "belly"), ("se le esta hinchando el estomago", "belly"),
    ("la respiracion muy dificil", "breathing"), ("tiene los labios morados", "breathing"),
    ("no puedo agarrar aire", "breathing"), ("no se despierta", "confusion"), ("no reacciona", "confusion"),
])
def test_a_spanish_sign_said_without_a_person_or_after_an_article_says_what_to_do_first(
    twilio: TwilioSimulator, content: Content, message: str, sign: str
) -> None:
    assert sign_first(twilio, content, message, sign).startswith(to_gsm(content.sign(sign).says["es"]))


@pytest.mark.parametrize("message", [
    "my mom is 38 and has bone mets", "i am 39 years old with stage 4", "she was diagnosed at 38",
    "im 38 weeks pregnant", "mi mama tiene 38 años y tiene cancer en los huesos", "she weighs 104 pounds",
])
def test_an_age_or_a_weight_is_no_fever(message: str) -> None:
    """"my mom is 38 and has bone mets" had got the fever sign first."""
    finding = triage(message)
    assert finding is None or finding.sign != "fever", finding


@pytest.mark.parametrize("message", [
    "tiene 38.5", "mi mama tiene 38.2", "temperatura de 39", "tiene 39 grados",
])
def test_a_temperature_told_in_celsius_in_spanish_gets_the_fever_sign(
    twilio: TwilioSimulator, content: Content, message: str
) -> None:
    sign_first(twilio, content, message, "fever")


@pytest.mark.parametrize(("message", "lang"), [
    ("tiene las piernas hinchadas", "es"), ("se le hinchan las piernas", "es"),
    ("tengo los tobillos hinchados", "es"), ("tiene los brazos hinchados y rojos", "es"),
    ("my legs are swollen", "en"), ("her ankles are swollen and red", "en"), ("swollen legs", "en"),
])
def test_swollen_legs_or_arms_said_in_the_plural_are_the_clot_sign_not_the_spinal_cord(
    twilio: TwilioSimulator, content: Content, message: str, lang: str
) -> None:
    said = sign_first(twilio, content, message, "clot-leg")
    assert said.startswith(to_gsm(content.sign("clot-leg").says[lang]))


def test_the_worst_headache_in_spanish_says_911_first(twilio: TwilioSimulator) -> None:
    assert urgent_with_no_sign(twilio, "el peor dolor de cabeza de mi vida").startswith("Si puede ser")


@pytest.mark.parametrize("message", [
    "i cant talk right now", "no puedo hablar con mi familia de esto", "el cancer no responde al tratamiento",
    "no responde a la quimio", "i cant talk about it",
])
def test_talking_or_responding_in_everyday_senses_is_no_stroke_or_confusion(message: str) -> None:
    finding = triage(message)
    assert finding is None or finding.sign not in ("stroke", "confusion"), finding


@pytest.mark.parametrize("message", [
    "my wife has stage 4 breast cancer", "my husband has stage 4 breast cancer", "my mom has stage 4",
    "mi mama tiene cancer etapa 4",
])
def test_being_told_who_has_stage_4_gets_what_it_means_not_how_long_people_live(
    twilio: TwilioSimulator, message: str
) -> None:
    not_read_as(message, Concern.PROGNOSIS)
    reply = texted(twilio, message)
    assert "spread beyond the breast" in reply or "se ha extendido mas alla" in reply.lower(), reply
    assert "alive 5 years" not in reply and "vivas 5" not in reply, reply


@pytest.mark.parametrize("message", [
    "can you call me", "call me back please", "are you a bot", "am i texting a real person",
    "me pueden llamar", "eres un robot",
])
def test_asking_to_be_called_or_for_a_human_gets_a_person_to_talk_to(
    twilio: TwilioSimulator, message: str
) -> None:
    person_offered(twilio, message)


@pytest.mark.parametrize(("message", "sign"), [
    ("she cant speak", "stroke"), ("his speech is slurred and he cant speak english", "stroke"),
])
def test_not_able_to_speak_is_a_stroke_sign_but_not_a_language(message: str, sign: str) -> None:
    finding = triage(message)
    assert finding is not None and finding.sign == sign, finding
    assert triage("he cant speak english") is None


@pytest.mark.parametrize("message", [
    "quiero dejar el tratamiento", "quiero dejar la quimio", "no tengo ganas de nada",
    "mi esposo no me apoya", "my husband doesnt support me", "i dont feel like doing anything",
    "she doesnt want treatment anymore", "i dont want chemo anymore", "ya no quiere la quimio",
])
def test_weighing_stopping_treatment_or_feeling_low_gets_a_person_to_talk_to(
    twilio: TwilioSimulator, message: str
) -> None:
    finding = triage(message)
    assert finding is not None and finding.concern is Concern.DISTRESS, finding
    assert "1-800-227-2345" in texted(twilio, message)


@pytest.mark.parametrize("message", [
    "i am so tired of all of this", "i dont know how much longer i can do this", "estoy cansada de todo",
    "mi mama fallecio anoche", "mi papa murio ayer", "perdi a mi esposo",
])
def test_worn_out_or_grieving_gets_a_person_not_a_side_effect_or_not_found(
    twilio: TwilioSimulator, message: str
) -> None:
    """"tired of all of this" had got the side effects page, "mi mama fallecio anoche" "not found"."""
    person_offered(twilio, message)


@pytest.mark.parametrize("message", [
    "im tired of chemo", "so tired all the time", "how long can i take tamoxifen",
])
def test_tired_from_treatment_or_a_question_of_how_long_is_no_distress(message: str) -> None:
    not_read_as(message, Concern.DISTRESS)


@pytest.mark.parametrize("message", [
    "mi doctor no me contesta", "i cant reach my doctor", "my oncologist wont call me back",
    "no puedo comunicarme con mi oncologa", "her care team hasnt called back",
    "what if i cant reach them", "i can't get a hold of the oncologist", "no one is answering at the clinic",
    "they didnt call me back", "no me contestan en la clínica", "no puedo comunicarme con nadie",
])
def test_a_care_team_out_of_reach_gets_a_person_now_not_not_found(
    twilio: TwilioSimulator, message: str
) -> None:
    person_offered(twilio, message)


@pytest.mark.parametrize("message", [
    "how long do you take it", "how long will she be on chemo", "how long do i have to wait",
    "how long do i need to take tamoxifen", "cuanto tiempo dura la quimio",
])
def test_how_long_a_treatment_lasts_is_no_question_of_how_long_to_live(message: str) -> None:
    not_read_as(message, Concern.PROGNOSIS)


@pytest.mark.parametrize("message", [
    "how long do i have", "how long can she live", "how long does she have left",
])
def test_how_long_someone_has_is_still_answered_honestly(message: str) -> None:
    finding = triage(message)
    assert finding is not None and finding.concern is Concern.PROGNOSIS, finding


@pytest.mark.parametrize(("message", "answer"), [
    ("is he going to be ok", "No one can say"), ("will my mom be okay?", "No one can say"),
    ("is she going to make it", "No one can say"), ("y eso es grave?", "Nadie puede decir"),
    ("va a estar bien mi mama?", "Nadie puede decir"), ("se va a poner bien", "Nadie puede decir"),
    ("can you beat stage 4", "No one can say"), ("se puede vencer el cancer", "Nadie puede decir"),
])
def test_asking_if_someone_will_be_ok_gets_the_honest_answer_not_not_found(
    twilio: TwilioSimulator, message: str, answer: str
) -> None:
    """They had got "We did not find that" (or "No encontramos eso")."""
    assert texted(twilio, message).startswith(answer)


@pytest.mark.parametrize("message", ["will she be ok on chemo", "is the chemo going to be ok"])
def test_asking_if_a_treatment_will_be_ok_is_no_question_of_how_long_to_live(message: str) -> None:
    not_read_as(message, Concern.PROGNOSIS)


@pytest.mark.parametrize("message", [
    "i think im having a heart attack", "allergic reaction to chemo",
    "her face is swelling up and she has hives", "me esta dando un infarto", "tiene una reaccion alergica",
])
def test_a_heart_attack_or_an_allergic_reaction_says_911_first(twilio: TwilioSimulator, message: str) -> None:
    urgent_with_no_sign(twilio, message)


def test_asking_about_heart_attacks_as_a_fact_is_no_alarm() -> None:
    assert triage("can chemo cause a heart attack") is None


@pytest.mark.parametrize("message", [
    "whats the number for the american cancer society", "numero de la sociedad americana contra el cancer",
])
def test_asking_for_a_helplines_number_gets_the_numbers(twilio: TwilioSimulator, message: str) -> None:
    assert "1-800-227-2345" in texted(twilio, message)


@pytest.mark.parametrize("message", [
    "nosebleed wont stop", "my nose wont stop bleeding", "le sangra la nariz y no para",
])
def test_a_nosebleed_that_will_not_stop_gets_the_bleeding_sign_first(
    twilio: TwilioSimulator, content: Content, message: str
) -> None:
    sign_first(twilio, content, message, "bleeding")


@pytest.mark.parametrize("message", [
    "me quiero ir con mi hija al doctor", "im ready to go home from the hospital", "thank god",
    "god bless you", "this pain is killing me", "dont let me die", "im dying to know",
])
def test_going_home_or_god_in_everyday_words_is_no_crisis(message: str) -> None:
    not_read_as(message, Concern.CRISIS)


@pytest.mark.parametrize(("message", "sign"), [
    ("no responde ahora", "confusion"), ("no reacciona a nada", "confusion"),
    ("no puede hablar desde ayer", "stroke"),
])
def test_a_sign_followed_by_everyday_words_is_still_the_sign(message: str, sign: str) -> None:
    finding = triage(message)
    assert finding is not None and finding.sign == sign, finding


@pytest.mark.parametrize("message", [
    "i fell and hurt myself", "i cut myself shaving", "i burned myself on the stove", "i take care of myself",
    "i dont feel like myself today", "i pushed myself too hard", "i cant dress myself", "i weighed myself",
    "i dont trust myself to drive", "she cant feed herself",
])
def test_everyday_words_about_oneself_get_no_lifeline(message: str) -> None:
    not_read_as(message, Concern.CRISIS)


def test_looking_forward_to_the_end_of_treatment_is_no_choice_to_stop() -> None:
    assert triage("cant wait to be done with radiation") is None


@pytest.mark.parametrize("message", [
    "i peed myself", "i pooped my pants", "i cant hold my pee", "he wet the bed last night",
    "no aguanto la orina", "me orine encima", "se hizo popo encima",
])
def test_wetting_or_soiling_oneself_gets_the_cord_sign_first(
    twilio: TwilioSimulator, content: Content, message: str
) -> None:
    sign_first(twilio, content, message, "cord-severe")


@pytest.mark.parametrize("message", ["weakness on one side", "numbness on one side"])
def test_weakness_or_numbness_on_one_side_gets_the_stroke_sign_first(
    twilio: TwilioSimulator, content: Content, message: str
) -> None:
    sign_first(twilio, content, message, "stroke")


@pytest.mark.parametrize("message", [
    "caregiver burnout", "im a caregiver and im exhausted", "looking after my mom is wearing me out",
    "soy cuidadora y estoy agotada", "con quien puedo hablar", "como le digo a mis hijos",
    "i cant stop blaming myself", "i cant take care of myself anymore",
])
def test_a_worn_out_carer_or_someone_blaming_themselves_gets_a_person(
    twilio: TwilioSimulator, message: str
) -> None:
    person_offered(twilio, message)


def test_pills_too_hard_to_swallow_are_no_emergency(twilio: TwilioSimulator) -> None:
    assert triage("no puedo tragar las pastillas") is None
    assert texted(twilio, "no puedo tragar las pastillas").startswith("Si puede ser una emergencia")


@pytest.mark.parametrize("message", [
    "i found a lump on my chest", "there is a bump on my chest", "i have a rash on my chest",
    "tengo un sarpullido en el pecho",
])
def test_something_seen_on_the_chest_is_no_chest_pain(message: str) -> None:
    finding = triage(message)
    assert finding is None or finding.sign != "chest-pain", finding


@pytest.mark.parametrize("message", ["my chest hurts and i have a rash", "lump on my chest and it hurts"])
def test_a_lump_or_rash_with_chest_pain_is_still_chest_pain(message: str) -> None:
    finding = triage(message)
    assert finding is not None and finding.sign == "chest-pain", finding


@pytest.mark.parametrize("message", [
    "she keeps passing out", "he isnt waking up", "she doesnt wake up", "se esta desmayando",
    "no me reconoce",
])
def test_passing_out_or_not_waking_gets_the_confusion_sign_first(
    twilio: TwilioSimulator, content: Content, message: str
) -> None:
    sign_first(twilio, content, message, "confusion")


@pytest.mark.parametrize("message", [
    "black poop", "cant stop shaking", "the pain meds arent working", "pain 10 out of 10",
    "tiene heces negras", "no puedo dejar de temblar", "el dolor es de 10",
    "la medicina para el dolor no me hace efecto",
])
def test_black_stool_shaking_or_pain_nothing_eases_says_911_first(
    twilio: TwilioSimulator, message: str
) -> None:
    urgent_with_no_sign(twilio, message)


@pytest.mark.parametrize("message", [
    "the morphine doesnt help", "pain is out of control", "nothing helps her pain",
    "le duele mucho y la medicina no le hace nada", "el dolor no se le quita con nada",
    "la morfina ya no le ayuda",
    "she hasnt eaten in 3 days", "he hasnt had anything to drink all day", "she cant drink anything",
    "no ha comido en 3 dias", "mi mama no ha comido ni tomado nada en 2 dias",
])
def test_pain_no_medicine_eases_or_days_without_food_say_911_first(
    twilio: TwilioSimulator, message: str
) -> None:
    """These had got "We did not find that" or the symptoms menu."""
    urgent_with_no_sign(twilio, message)


@pytest.mark.parametrize("message", [
    "i havent eaten today", "i didnt eat breakfast", "how long can you go without eating",
    "no he comido bien",
])
def test_a_missed_meal_is_no_alarm(message: str) -> None:
    not_read_as(message, Concern.URGENT)


@pytest.mark.parametrize("message", ["my pain is a 2 out of 10", "i was passing out flyers", "black beans"])
def test_mild_pain_or_passing_things_out_is_no_alarm(message: str) -> None:
    not_read_as(message, Concern.URGENT)


@pytest.mark.parametrize("message", ["pls help", "help me plz", "hlp me", "plz call me"])
def test_a_plea_in_texting_shorthand_gets_a_person(twilio: TwilioSimulator, message: str) -> None:
    person_offered(twilio, message)


@pytest.mark.parametrize("message", ["mi mamá se está muriendo", "mi esposo ya se nos va"])
def test_telling_in_spanish_that_someone_is_dying_gets_a_person_not_figures(
    twilio: TwilioSimulator, message: str
) -> None:
    """"mi mamá se está muriendo" had got the survival figures; "my mom is dying" gets a person."""
    reply = person_offered(twilio, message)
    assert "de cada 100" not in reply


@pytest.mark.parametrize("message", ["se va a morir mi mamá", "¿se está muriendo?"])
def test_asking_in_spanish_if_someone_will_die_gets_the_honest_answer(message: str) -> None:
    finding = triage(message)
    assert finding is not None and finding.concern is Concern.PROGNOSIS, finding


@pytest.mark.parametrize("message", [
    "they said there is nothing more they can do", "the doctor said to call hospice",
    "she has 6 months to live", "i am angry", "why did this happen", "is it my fault", "did i cause this",
    "are you a doctor", "ya no hay nada que hacer", "le dieron seis meses de vida", "estoy muy enojada",
    "por qué me pasó esto", "es mi culpa",
])
def test_hard_news_anger_or_blame_gets_a_person(twilio: TwilioSimulator, message: str) -> None:
    """"nothing more they can do" had got the Lifeline; the others "We did not find that"."""
    person_offered(twilio, message)


@pytest.mark.parametrize("message", [
    "the doctor gave her 6 months", "they said she has weeks left", "doctor says a year maybe",
    "she has stage iv and the doctor said months", "the oncologist told us 2 to 3 months",
    "hospice said days",
    "el doctor dijo que le quedan semanas", "le dieron 6 meses", "le queda poco tiempo",
])
def test_being_told_how_long_someone_has_gets_a_person(twilio: TwilioSimulator, message: str) -> None:
    """These had got "We did not find that", or what stage 4 means."""
    person_offered(twilio, message)


@pytest.mark.parametrize("message", ["theres blood in her vomit", "blood in my vomit", "vomita sangre",
                                     "vómito con sangre"])
def test_blood_in_vomit_gets_the_bleeding_sign_first(
    twilio: TwilioSimulator, content: Content, message: str
) -> None:
    """These had got the general symptoms page (or "No encontramos eso")."""
    sign_first(twilio, content, message, "bleeding")


@pytest.mark.parametrize("message", [
    "her cancer is not responding to chemo", "she is not responding to treatment",
    "the chemo stopped working",
    "no responde al tratamiento", "la quimio ya no le está funcionando",
])
def test_a_treatment_that_stopped_working_gets_a_person_never_911(
    twilio: TwilioSimulator, message: str
) -> None:
    """"not responding to treatment" had got "call 911" (the sign of someone who cannot be woken)."""
    person_offered(twilio, message)


@pytest.mark.parametrize("message", ["my mom is not responding to me", "he isnt responding",
                                     "she is unresponsive", "he is hallucinating", "she is acting drunk"])
def test_someone_who_does_not_respond_still_gets_911(
    twilio: TwilioSimulator, content: Content, message: str
) -> None:
    sign_first(twilio, content, message, "confusion")


@pytest.mark.parametrize("message", [
    "she takes seizure medication since last year",
    "my mom had a stroke 10 years ago and now has breast cancer", "mi papá tuvo un derrame hace 10 años",
    "breathing exercises help me relax", "she is dying her hair before chemo",
    "my heart goes out to everyone here", "can you help me understand what stage 4 means",
    "the meds help me sleep", "i want to dye my hair", "is the contrast dye safe",
    "she is responding to treatment",
    "i feel like dying of embarrassment", "ugh i want to die of embarrassment", "me muero de vergüenza",
    "she is in the final stages of chemo", "can i get extra pain meds", "i might miss my appointment",
])
def test_everyday_sentences_with_alarming_words_get_no_alarm(message: str) -> None:
    """Each had got 911, a person or the Lifeline."""
    assert triage(message) is None


def test_a_figure_of_speech_beside_dark_words_still_gets_the_lifeline() -> None:
    finding = triage("i want to die of embarrassment and i have pills")
    assert finding is not None and finding.concern is Concern.CRISIS, finding


@pytest.mark.parametrize(("message", "concern"), [
    ("i nearly died of laughter and then she had a seizure", Concern.URGENT),
    ("i almost died of embarrassment, i feel so hopeless", Concern.DISTRESS),
])
def test_what_a_figure_of_speech_sits_beside_is_still_read(message: str, concern: Concern) -> None:
    finding = triage(message)
    assert finding is not None and finding.concern is concern, finding


@pytest.mark.parametrize("message", [
    "this cancer is killing me", "done with this", "i hate my life right now", "i hate cancer",
    "pray for my mom", "can you pray for me", "she was admitted to the icu",
    "they rushed him to the hospital",
    "how do i know when she is close to the end", "what happens when someone dies of breast cancer",
    "oren por mi mamá", "está en terapia intensiva", "hi this is hard", "this is so hard", "its too much",
    "esto es muy difícil", "i live alone", "could i have prevented this", "pude haberlo evitado",
    "i feel nothing", "i dont feel like myself", "why god", "i miss her so much",
    "today is the anniversary of her death", "no one visits her anymore", "i feel numb",
    "la extraño mucho", "nadie la visita", "por qué dios",
    "I was told my cancer is in my bones. I live alone. Who can help me get to my appointments?",
    "scanxiety", "scanxiety is real", "i need a break", "necesito un descanso", "she needs a ride to chemo",
    "transportation to treatment", "no tengo quien me lleve a la quimio",
])
def test_hard_times_told_get_a_person_to_talk_to_not_not_found(twilio: TwilioSimulator, message: str) -> None:
    """Each had got "We did not find that", the emergency signs, or what stage 4 means."""
    person_offered(twilio, message)


@pytest.mark.parametrize("message", [
    "i gave her too much morphine", "accidentally took double dose of oxycodone", "le di demasiada morfina",
    "se tomó doble dosis", "i took two pills by mistake", "she took 2 doses by accident",
    "me tomé dos pastillas por error", "le di otra dosis sin querer",
])
def test_too_much_medicine_by_mistake_gets_what_to_do_now(twilio: TwilioSimulator, message: str) -> None:
    """These had got "We have no page on that medicine"."""
    urgent_with_no_sign(twilio, message)


@pytest.mark.parametrize("message", [
    "can this wait till monday", "its the weekend and the office is closed",
    "the clinic is closed what do i do", "puede esperar hasta el lunes", "la clínica está cerrada",
])
def test_whether_it_can_wait_or_the_clinic_is_closed_gets_what_to_do_now(
    twilio: TwilioSimulator, message: str
) -> None:
    """These had got "We did not find that": 911 if it may be an emergency, else the care team now."""
    urgent_with_no_sign(twilio, message)


@pytest.mark.parametrize("message", ["my phone wont last", "my mom wont make it to the appointment"])
def test_a_thing_or_a_visit_that_will_not_last_is_no_fear_of_losing_someone(message: str) -> None:
    not_read_as(message, Concern.DISTRESS)


@pytest.mark.parametrize("message", [
    "her hands and feet are cold and blue", "her feet are blue", "my toes are turning purple",
    "tiene los pies morados", "my leg is cold and pale", "her foot is pale and cold",
    "i accidentally overdosed on tylenol",
])
def test_hands_or_feet_gone_blue_get_what_to_do_now_first(twilio: TwilioSimulator, message: str) -> None:
    """These had got "We did not find that": poor blood flow (or a dose taken by mistake) may be an
    emergency, and no one sign says it."""
    urgent_with_no_sign(twilio, message)


@pytest.mark.parametrize("message", [
    "i found her on the floor", "she is lying on the floor", "my mom is on the floor",
    "está en el piso y no se mueve", "la encontré en el suelo", "mi mamá no se mueve",
])
def test_someone_found_on_the_floor_gets_what_to_do_now_first(twilio: TwilioSimulator, message: str) -> None:
    """These had got "We did not find that" (or how spread is found, for "found"): a fall, a faint or
    worse, which no one sign says."""
    urgent_with_no_sign(twilio, message)


@pytest.mark.parametrize("message", ["she is on the floor playing with the dog",
                                     "i dropped my pills on the floor", "la bolita no se mueve",
                                     "tengo una bolita y no se mueve"])
def test_play_or_a_dropped_thing_on_the_floor_is_no_sign(message: str) -> None:
    not_read_as(message, Concern.URGENT)


@pytest.mark.parametrize("message", ["i painted my nails blue", "my hands are blue from the dye",
                                     "she wore a blue dress"])
def test_blue_paint_dye_or_clothes_is_no_sign(message: str) -> None:
    not_read_as(message, Concern.URGENT)


@pytest.mark.parametrize("message", ["i cant reach the top shelf", "i cant reach the pharmacy"])
def test_something_out_of_reach_is_no_care_team_out_of_reach(message: str) -> None:
    not_read_as(message, Concern.URGENT)


@pytest.mark.parametrize("message", ["hes burning up with anger", "100", "38", "100.2", "102 pounds"])
def test_a_number_or_anger_is_no_fever(message: str) -> None:
    not_read_as(message, Concern.URGENT)


@pytest.mark.parametrize("message", ["i took two pills this morning", "should i take two pills",
                                     "tomo dos pastillas al dia"])
def test_two_pills_taken_as_told_or_asked_of_is_no_sign(message: str) -> None:
    not_read_as(message, Concern.URGENT)


@pytest.mark.parametrize("message", ["she is making gurgling sounds", "her breathing is rattling",
                                     "he has the death rattle", "her lips are purple"])
def test_noisy_wet_breathing_gets_the_breathing_sign(
    twilio: TwilioSimulator, content: Content, message: str
) -> None:
    sign_first(twilio, content, message, "breathing")


@pytest.mark.parametrize("message", ["should i be worried", "is that normal", "is this normal?", "is it bad",
                                     "do i need to worry", "debo preocuparme", "eso es normal",
                                     "me debo preocupar", "no se que acer"])
def test_asking_whether_to_worry_gets_a_person_to_ask_not_not_found(
    twilio: TwilioSimulator, message: str
) -> None:
    """These had got "We did not find that": only the care team can say, so a person to ask."""
    person_offered(twilio, message)


@pytest.mark.parametrize("message", ["hello?? anyone??", "is anybody there", "this is useless",
                                     "this doesnt help", "hola hay alguien", "esto no sirve para nada"])
def test_finding_no_one_or_no_help_here_gets_a_person_kindly(twilio: TwilioSimulator, message: str) -> None:
    """These had got "We did not find that": someone let down, who needs a way to a person."""
    person_offered(twilio, message)


@pytest.mark.parametrize("message", ["is this chemo useless for her", "does radiation help bone pain"])
def test_asking_whether_a_treatment_helps_is_no_plea(message: str) -> None:
    not_read_as(message, Concern.DISTRESS)


@pytest.mark.parametrize("message", ["is it normal to be tired on chemo", "is bone pain normal with mets"])
def test_asking_whether_a_named_thing_is_normal_is_read_for_its_words(message: str) -> None:
    not_read_as(message, Concern.DISTRESS)


@pytest.mark.parametrize("message", ["help me", "please help me", "help me i dont know what to do",
                                     "someone please help us"])
def test_a_plea_for_help_still_gets_a_person(twilio: TwilioSimulator, message: str) -> None:
    person_offered(twilio, message)


@pytest.mark.parametrize("message", ["she is not herself", "he is not himself", "shes not herself lately",
                                     "she is moaning a lot", "he groans when we move him"])
def test_someone_changed_or_in_pain_they_cannot_say_gets_what_to_do_now_never_the_lifeline(
    twilio: TwilioSimulator, message: str
) -> None:
    """"she is not herself" had got the Lifeline (the model read "herself"); moaning, "not found"."""
    urgent_with_no_sign(twilio, message)


@pytest.mark.parametrize("message", ["she wont take her pills", "she spits out her medicine"])
def test_someone_refusing_their_medicine_gets_a_person(twilio: TwilioSimulator, message: str) -> None:
    """These had got "We have no page on that medicine" and the medicines menu."""
    person_offered(twilio, message)


@pytest.mark.parametrize("message", ["she has a blood clot in her lung", "pulmonary embolism",
                                     "tiene un coágulo en el pulmón"])
def test_a_clot_in_the_lung_says_911_first_not_the_swollen_leg_sign(
    twilio: TwilioSimulator, message: str
) -> None:
    """These had got the sign of an arm or leg suddenly swollen (the care team first)."""
    urgent_with_no_sign(twilio, message)


@pytest.mark.parametrize("message", ["i would rather die than do chemo again", "i would rather die at home"])
def test_rather_dying_than_a_treatment_or_away_from_home_gets_a_person_not_the_lifeline(
    twilio: TwilioSimulator, message: str
) -> None:
    """The first had got "We did not find that"; the second the Lifeline, from the model."""
    person_offered(twilio, message)


@pytest.mark.parametrize("message", ["i want to kill this cancer", "i want to kill cancer",
                                     "how many tylenol can i take", "how many treatments would it take",
                                     "i should just end it with him"])
def test_fighting_the_cancer_or_asking_a_dose_is_no_crisis(message: str) -> None:
    """"i want to kill this cancer" had got the Lifeline, from the model."""
    not_read_as(message, Concern.CRISIS)


@pytest.mark.parametrize("message", [
    "doctor said 6 months of chemo", "doctor said come back in 3 months",
    "they said 3 months until the next scan", "i have 2 weeks left of radiation",
    "the doctor said it has been there for months", "me dieron 6 meses de quimio",
    "le quedan 2 semanas de tratamiento", "she was diagnosed 6 months ago",
])
def test_months_of_treatment_or_till_a_visit_are_no_distress(message: str) -> None:
    not_read_as(message, Concern.DISTRESS)


@pytest.mark.parametrize("message", [
    "what is hospice", "how many months left of chemo", "es culpa de la quimio",
])
def test_asking_about_hospice_or_the_months_of_a_treatment_is_no_distress(message: str) -> None:
    not_read_as(message, Concern.DISTRESS)

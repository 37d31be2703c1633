"""Where in the body a message says the trouble is, so a sign the model guessed for another place is
not named ("me duele la cabeza muy fuerte" is no chest pain; the answer still says to call 911)."""

from __future__ import annotations

# Words of each place, folded (lowercase ASCII), in English and Spanish.
PLACES: dict[str, frozenset[str]] = {
    "head": frozenset("head heads headache headaches migraine cabeza migrana".split()),
    "chest": frozenset("chest pecho".split()),
    "belly": frozenset("belly stomach tummy abdomen abdominal estomago panza barriga vientre".split()),
    "back": frozenset("back spine espalda columna".split()),
    "legs": frozenset("leg legs calf calves foot feet pierna piernas pantorrilla pie pies".split()),
    "arms": frozenset("arm arms hand hands finger fingers brazo brazos mano manos dedos".split()),
    "ribs": frozenset("rib ribs ribcage costilla costillas".split()),
    "breast": frozenset("breast breasts boob boobs nipple nipples seno senos pezon".split()),  # not "mama"
    "face": frozenset("face cheek cheeks lips lip tongue eyelid eyelids neck throat cara cachetes mejillas "
                      "labios labio lengua parpados cuello garganta".split()),
}
# The places each sign of a place is about (content/signs.yaml's ids); other signs have none here.
SIGN_PLACES: dict[str, frozenset[str]] = {
    "chest-pain": frozenset({"chest"}),
    "belly": frozenset({"belly"}),
    "clot-leg": frozenset({"legs", "arms"}),
    "spinal-cord": frozenset({"back", "legs"}),
    "cord-severe": frozenset({"back", "legs"}),
}


# Signs whose what-to-do-now sentence names what the place does ("a belly that is suddenly swollen
# and tight"): the model's guess of one is named only when the message says that too.
SIGN_NEEDS: dict[str, frozenset[str]] = {
    # "her breast is hot and red" is no breathing trouble: the sentence needs a word of breath.
    "breathing": frozenset(
        "breath breathe breathing breathless breaths air inhale wheeze wheezing winded short shortness gasp "
        "gasping suffocate suffocating choke choking lungs respirar respira respiro respirando aire ahoga "
        "ahogo ahogando asfixia falta".split()
    ),
    "belly": frozenset(
        "swollen swelling swelled tight hard bloated bigger huge distended hinchado hinchada hinchazon "
        "inflamado inflamada duro dura tenso tensa".split()
    ),
    # "his hands are peeling and red" is no stroke: the stroke's sentence needs a stroke's own words.
    "stroke": frozenset(
        "stroke weak weakness numb numbness droop drooping droopy drooped droops crooked lopsided sagging "
        "lift speak speaking speech "
        "talk talking slurred slurring words see seeing vision blind balance dizzy paralyzed paralysed move "
        "moving confused confusion derrame embolia debil debilidad entumido entumida adormecido adormecida "
        "lado chueca chueco torcida torcido caida hablar habla hablando vista ver equilibrio mareo mareada "
        "mareado paralizado paralizada mover confundido confundida".split()
    ),
}


def unlike(sign: str, folded: str) -> bool:
    """Whether a folded message leaves out what the sign's own sentence says happens."""
    needs = SIGN_NEEDS.get(sign)
    return needs is not None and needs.isdisjoint(folded.split())


def elsewhere(sign: str, folded: str) -> bool:
    """Whether a folded message names places of the body, none of them the sign's own."""
    own = SIGN_PLACES.get(sign)
    if own is None:
        return False
    words = set(folded.split())
    named = {place for place, place_words in PLACES.items() if not place_words.isdisjoint(words)}
    return bool(named) and named.isdisjoint(own)

"""Common words that are not typos: each sits a letter or two from a word of the safety rules, but means
something else ("doing" is not "dying", "cooking" not "choking", "walking" not "waking", "ahora" not
"ahoga"). Triage never folds them onto the rule's word.

Kept by tests/words/test_real_words.py, which finds them with wordfreq (the development install) and
prints the list to write here when the rules' words change. A word is left out when the rule's word is
only its own other form ("strokes", "stroke"; "talkin", "talking"), which may still be folded.
"""

REAL_WORDS = frozenset(
    """
    abandonada aboga abort acaben acatar acres acting adora agent agora aguda ahogado ahora alabar
    alice alike ambulante ambulantes anales angel angie angles apoyen arches ardent arrastrando
    arrestado ashes ayudarme ayuden backed bafta bagged balde banded banked banned barca barley
    barra batter battle beads beaming beams beans bearing bears beast beasts beater beben beets
    belts besar betting betts biden billy bitter blake blame bland blaze bleak blend blending blends
    block blocked bloke blond boating boats boeing bonds bonos bonus boone booth borne bosta botes
    bother bought bowers bowles bowls boxes brake bravo breach breadth breeding breeds brent
    bridging bring brody brood brooke brote broth bugger bully bummed burton butter caballo cabida
    cabra cadena cadre cafes cages caiga caigo caine cairo caixa cakes caldera caldo callar calme
    camello camera canes canso canto cantos capes caras caray carbs cards cared carey carla carles
    carly carnes caros carpa carta carts casas casera cases cauca caves cayera cellar cello centra
    cesta chamo changes cheat checa checo chido childs chiles ciclo ciego clara clare clavo cleanly
    clero cliente cloning cloro cocida coding cojer colas colgar colmo comas combing coming commuter
    compulsion conclusion conclusiones conclusions concussion confession confort confusing
    confusiones constantes constituted consulting contando contar contara conversion conversions
    cooked cooking copas copying corea cores corra corro corso cortado cortados coser cosme cosmo
    cosquillas costa costando costas costo costs cotas couch coupe cover crane crank crashing crest
    cresta crock cromo cuando cuantas cuarto cuartos cuenta cuento cuentos cuerdo cuerno cuervo
    cuida cuidamos cuido cults cunts cuomo curled curry cursar cursed curved dardo deben decor
    decrees dejan dejarle dejarse dejarte dejate delicious depressing depressive depth desarme
    desecho desee desierta determinada determinado determinan determinar devil devuelto diced dices
    dieron digas dijeran diles dimos dinos dioses distancias distantes divas dives doing dolar doler
    domes dones donor doping dormimos dosis dotes doves drank dread dried dries drone drooling
    dropped dropping drown drying emery enciende encienden enfermedad entera entiendan escapo
    escuchen escudo espada espanyol espesa espeso estella ester esther ether evacuation evaluation
    exits exploiting explora explorar exploring extiende extienden extra failing falda falla fallan
    fallon falsa falten fanny farce farther fatter faust feast feather feeding feeds fetal fewer
    fiasco fibre fiend filling fists flaco flair flaming flattering flavor fleas fleet flight flint
    flood fooling forming framing franco fresco fright frost fueling fuels fuente funky gafas galas
    ganes gangs gaping gents giles glowing goles gomes grade grange grasping grave groping gunna
    haber haberme haberse habia hablado habra hacerle hacerte haces hacker halla hallar halls
    handing hanks harding haste hating haunt haute haven hazte healy heartbreak helio hells hides
    hiere hikes hilos hines hints hires hoard homeless homero honra hormones huang hueco huecos
    huevo huevos hunted hunting hunts hurled hurling hurst hwang indication informaron informatics
    informativa informative informativo informativos injurias lager lamar lange lease least leves
    liking linger lining lists lives llamarme llave llene llorado llueve lobes locks logia loner
    looms loops loose loosing loser loses lotes lovely lover loving macho magno major manada manto
    manzana marico marino marking masking matarte mather mating mecha mediation medicinales
    mediciones medido meditation menor mexico mined mitigation moaning mojados month moore morirse
    motivating motives mourning mower mueca muere mueren muevan munch mutilation negar nelly nerds
    newer niche nieve nodes noise norse norte noses notas noting operador opina opinar opino
    oppression orion ounce overcoming pagan pagar pague paint pairs palin panda panned pararse paren
    parir parra pasadas pasan pasar pasarme passing pasted patent paused pearson peces peeling
    peking pelis penes peque perdon perdona pesados pibes pides pierda pierdas pierson pilas piles
    pinza pipes pissed plains planted plantillas planting podamos podia podian podran podremos
    poking polls ponemos pools popped popping posadas possessing premiere preston print prision
    prison prone property props puedan puedas pulls pulso purse qaeda quack queja quema quepa quicio
    quiebre quieta quieto quinta quirk quitarle quitarte quiza quota races racking rages raging
    rally ramon rapes raping ratas rating ratones ratos raving realty rearing reciben redding reddy
    refuge refute regal reilly renal render rendirse resounding respondan responden respondent
    respondido response reuse riendo rites rompe rondo saben sable sabre sacked sacred saeed salon
    samir sangrado scale scaled scored seine selling senior sensor sentado sentar serve setting
    shack shading shady shale shallow shaming shaping shared sharing shaved shaving sheep shelf
    shelling shine shipped shipping shirt shitting shoes shopped shopping shout shouting siendo
    siete sieve sipping sitter sizing skill skipped slapped slaying slick slide slight slipping
    smash smashed smelling smuggling sneak sneaking sneaks snort snuff soaking soared sober
    sobreviven spared spears speck spelling spice spike spire splash splashed split spock sport
    spotting spurred spying stabs stacked staff stains stale stared starred stars stash stats
    staying steak steaks steep stepped stepping stick stiff stock stoke stomping strand stray strike
    stuck suciedad swapped swaying sweep swine tacto tales tammy tango tanks taping taser tasks
    taxing temblor templar tempo tense tenso tenue tercio testing thank thanking thanks theme themes
    these theses theyre thick thinning thirty thong thorough though threat tiered tiled timed timmy
    tinto tipped tiraba tirarle tirarte tires tocar tocas tomas tommy toner tones tonos tonto toros
    torso tovar tower trabaja trabajo traes tragado traigo trajo trama tramo trapo trapped trata
    tratada tratado tratar trato traza trazado trazar trazo tried tries trigo tripled trough tuned
    tuning turing tying tyres ultimas unbeatable unbreakable understated understood uribe urnas
    usable varias varies varnish vender veneer viniendo viuda wading wafer wager waging wailing
    waited waiter waits walking walled walter wanda waning wanting wards warts washes wasted wasting
    watts waving waxing wearer weaver whale wheat while whiting whore whores whose width wight woods
    wording world worlds worms wound wright writing yogur
    """.split()
)

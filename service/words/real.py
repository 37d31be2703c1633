"""Common words that are not typos: each sits a letter or two from a word of the safety rules, but means
something else ("doing" is not "dying", "cooking" not "choking", "walking" not "waking", "ahora" not
"ahoga"). Triage never folds them onto the rule's word.

Kept by tests/words/test_real_words.py, which finds them with wordfreq (the development install) and
prints the list to write here when the rules' words change. A word is left out when the rule's word is
only its own other form ("strokes", "stroke"; "talkin", "talking"), which may still be folded.
"""

REAL_WORDS = frozenset(
    """
    abandonada aboga abort abound acaben acatar acres acting actos adora agent agita agora aguda
    ahogado ahora ahorrar alabar alain alcanzando alentar alianza alice alight alike altas alter
    ambulante ambulantes amino anales angel angie angles anota anvil apoyen aptos arches ardent
    aroma arrastrando arrestado ashes asoma assistants asuma atentar audios autos avanzado
    ayudarme ayuden backed bacon bafta bagged balde balls banded banked banned barca barley
    barra batter battle beads beaming beams beans bearing bears beast beasts beater beben
    bedside beets bells belts besar betting betts biden bieber bilis billy bitter blake blame
    bland blast blaze blazing bleak blend blending blends bling block blocked bloke blond blush
    boast boating boats bobos boeing boletas bombs bonds bonitas bonos bonus books booms boone
    booth boots borda boring borne bosta botes bother bought bowers bowing bowles bowls boxes
    brake bravo bravos breach breaches bread breadth breeding breeds brent brewed bridging bring
    brody brood brooke brote broth bugger bulls bully bummed burned burnt burton burying butter
    caballo caber cabida cabina cabos cabra cadena cadre cafes cages caiga caigo caine cairo
    caixa cakes caldera caldo calla callar calles calls calma calme calmed calming calva camello
    camera camila camisa canes canje canoe cansa canse canso cantas cante canto cantos capes
    capos caras caray carbs cards cared carey cargo cargos carla carles carlo carlos carly
    carnes caros carpa carta carte carter carts carve carver carving casas casera cases cashing
    casing castilla casting casts cater cauca cauce caves cayera cellar cello celos centra
    centre cerda ceros cerrado cerro cerros cesta chama chamo change changes cheat checa checo
    cheek cheeks chick chicks chido childs chiles choir chose christians chuck ciclo ciego
    ciento cierta cimas cindy cinta cintas circo cisco cites clair clama clara clare clase clash
    clause claves clavo cleanly clero cliente clientes clone cloned cloning cloro coach coast
    coasts coating coats cobre cobren cocida cocido codes coding coges cogido cojer colas coles
    colgar colmo coloured colts comas combing combs comenta coming comms commuter comodo compete
    compulsion comunicados comunicarse comunicarte comunitarios concerted conclusion
    conclusiones conclusions concussion cones confession confort confusing confusiones conner
    consistorio constantes constituted consulting consultores contando contar contara contenta
    contesting contract contractor contrastar conversion conversions cooked cooking cooling
    copas copio copying cords corea cores coroner coros corra corran correr corro corso cortado
    cortados coser cosme cosmo cosquillas costa costando costas costo costs cotas couch cougar
    coupe cover crane crank crashing creido crest cresta crises crisps crock cromo crook crouch
    crush cuadro cuando cuantas cuartas cuarto cuartos cubran cuenta cuentan cuentas cuento
    cuentos cuerdo cuerno cuervo cuida cuidado cuidamos cuido culta cults cumbre cunts cuomo
    curing curled curro curry cursar cursed curved dados daily daisy dante dardo darle darse
    darte dearly debamos deben debilitado decade decal decile decime deciros decode decor
    decrees defied dejado dejalo dejan dejaran dejarle dejarse dejarte dejate dejemos delicious
    demos departamento deported depressing depressive depth derive desarme descenso desecho
    desee desierta determinada determinado determinan determinar devil devuelto devuelvan
    diagnosticado diary diced dices diego dieran dieron digas dijeran diles dimos dinos dioses
    dispararle dispararon disparate distancias distantes divas dives diving doable doing dolar
    doler domes dones donor doping doris dormimos dosis dotes doves doyle drags drank drawn
    dread dried dries drone drooling dropped dropping drove drown drums drying dudar duero
    dulles easier easing eater eaton economista ecuaciones editado editar editing electo elfos
    elise ellas ellis emergencies emery empero enciende encienden encina encontraban encontradas
    encontrado encontrados encontramos encontraran encontraras encontraremos encontrarla
    encontrarle encontrarlo encontrarlos encontrarme encontrarnos encontrarse encontrarte
    encontremos enero enfermedad entera entiendan entro enzima equivocaron escapo escuchen
    escudo espada espanyol espesa espeso estadio estafa estando estella ester estero esther
    estrado estuvieron ether evacuation evaluaciones evaluation evitando exciting exhaustion
    exhaustiva exhaustive exhaustivo existing exits expansive explicado explicaron exploiting
    explora explorar explore exploring expressive extensive extiende extienden extra factura
    failing fails falda falla fallan fallon falsa false falten fanny farce farther fatter faust
    feast feather feeding feeds fetal fewer fiasco fibre fiend filing filling fills filming
    financiada firma fists flaco flair flaming flattering flavor fleas fleet flight flint flood
    flour fooling forja forming forza fracturas framing franco frase fresco fright frost
    frustrante fueling fuels fuente funcionado funcionario funcionen functional funding funky
    gafas galas ganes gangs gaping garay gents giles glowing goles gomes graba grace grada
    gradas grade grades graduating gramos grandfather grange granos grape grasos grasping grata
    grate grave graze grimes groan groin groping grove gunna haber haberme haberse habia hablado
    hablamos habra hacerla hacerle hacerlo hacerte haces hacker hagen halla hallados hallar
    halls handing hanks harding haria harper hasta haste hating haunt haunting haute haven hazte
    heading healing healy heaps heartbreak heating helio hells heras herring hides hiere hikes
    hilos hines hinting hints hires hoard hojas holed homeless homero honed honra hopped hordas
    hormones horns horse huang hueco huecos huevo huevos humos hunted hunting hunts hurled
    hurling hurst hwang hyped incentivos incide indication infection infections infectious
    infested inflated informaron informatics informativa informative informativo informativos
    injected injecting injurias inspection inspections intensidad intensos intentaron intentions
    internado inventions junio keller kills lager lamar lambs lamer lanes lange lanzarse laser
    latir latter layer leading leaking leaning leaping leapt lease leasing least legal legiones
    legions lessons leung levantamos levantando leves libres libros licence liked likes liking
    linda lines linger lining linked listing listos lists liter lived lives llamaba llamados
    llamarme llana llano llave llegamos llegaron llego llenar llenaron llene lleno llevados
    llevar llevaran llevemos llorado llueve loaned lobes locked locking locks logia loner longs
    looming looms looping loops loose loosing looted looting loser loses lotes lovely lover
    loving luces luchado lunas lunes macho machos macos macro madera magma magno magos maher
    major makers males malos mames manada mancera manco mande mando mandos maneja mangos manos
    manso manto mantra manzana marchar marchas marea mareo mares margo maria marica marico
    marino markets marking marred marta marzo masking massage matarte mater mates mather mating
    maude mayer meade meaning means meats mecha mediation medicinales mediciones medida medido
    medina meditation meets melting melts memes menor menus mercaderes meros mesas metes metio
    mexico miami mined minera minutes mirad miradas mirado missed mitigation moaning moist
    mojado mojados monkey monos montes month montos monty mooney moons moore moradores moral
    morirse moses moths motivating motives mourning mower muchas mueca muere mueren muevan munch
    munro muses mutilation narco nearby neatly necesitado necesitados necesiten negar nelly
    nerds netos newer niche nidos nieve nodes noise norse norte noses notas noting obras
    operador opina opinar opino oppression orden orion ostras otros ounce overcame overcoming
    pacers pacing packing packs pagan pagando pagar pagarse pague paint paints pairs paises
    palace palin pampa panas panda panes panned parados parando pararse parches paren pario
    parir parity parra parry parting parts pasadas pasado pasan pasar pasarme paseando pasear
    pases passing pasted patent patents patio patrio patty pausa paused pauses pausing paving
    payers peace pearson pecar peces pedido pedimos pedro peeling pegar pegarle peking pelar
    pelis penes pensa peones peque perdamos perdemos perdidos perdon perdona pesados pesar petro
    pibes picos pides pierda pierdas piero pierson pilas piles pinza pipes pisando pisar pissed
    pitch pitches pixel plaga plains planar plantar plantear planted plantillas planting plants
    plate players playing plays podamos poder podia podian podran podre podremos podrido poked
    poker poking polls polos ponder ponds ponemos pools popped popping porche poros posadas
    posar posed possessing power pozos praga praying premiere prensa preocupados preocupamos
    preocuparse preocuparte preparaba preparaban preparados preparamos preparando present
    presented preston pretendido preventing prevention preventiva preventive preventivo prick
    pricks print prision prison processed processing procession production professed profession
    progressive projection projections prone property props prosecution proteccion protecting
    protective protector provenir pudre puedan puedas puerco puesto pulls pulso puntas purse
    pusimos putos qaeda quack queden queen queer queja quejan quejo quema queman quemo quepa
    queso quicio quiebre quiera quieta quieto quinn quinta quirk quitarle quitarte quiten quiza
    quota races racking rages raging raising rally ramon rapes raping ratas rating ratones ratos
    raving realty rearing reciben recoger recon redding reddy redes redress reece refuge refute
    refuted regal regalado regazo regular reich reilly rejas remover renal render rendirse reojo
    represa resale resounding respondan responden respondent respondido response reuse reused
    rider ridges riding riego riendo rioja rises risking rites roach robas robos rocas rodas
    rompa rompe rondo rosas rotas rover rozas rubia saben sabiendo sable sabor sabre sacan sacar
    sacked sacred saeed safer sailed salieran salon salsa salta saltar samir sangrado sanos
    scale scaled scams scars scored scots seams secar secos seeding seeds seeking seeks seeming
    seguia seine selling sendos sends senior sensing sensor sentado sentar serbio sergio serlo
    serve setting sewing sexos shack shading shady shale shallow shaming shaping shared sharing
    shaved shaving sheep sheer shelf shell shelled shelling shine shipped shipping shirt shite
    shits shitting shoes shoots shopped shopping shops shorts shots shout shouting shouts shove
    shoved shoving siendo siete sieve sigas sighs simmer sings sipping siren sirio sirvan sitter
    sizing skill skipped slapped slaps slaying slick slide slight slipping slots slowed slows
    smart smash smashed smell smelled smelling smiled smuggling sneak sneaking sneaks snort
    snuff soaking soaps soared sober sobreviven sonda soplo sorda spans spared sparing spears
    speck spell spelled spelling spending spice spies spike spill spins spire spits splash
    splashed split splits spock spoiled sport sports spotting sprang sprung spurred spying stabs
    stacked staff stains stake stakes stale stall stared stares staring starling starred
    starring stars startled startling starved starving stash state stated states stating stats
    stave staying steak steaks steep stems stepped stepping steve stick stiff stock stoke stole
    stomping stone stoner store strand stray strike string stuart stuck sturgeon suciedad sudar
    sueco suero suite suits sumar sumner superando supercar supieron supra swans swapped swaps
    swaying sweep sweeping swept swine switches tacto tales tammy tango tania tanks taping taser
    tasks taxing temblor temor temores templar tempo temporales tenga tensa tense tenso tents
    tenue tercio terry tesis testing thank thanking thanks theme themes these theses theyre
    thick thinning thirty thong thorough though threat thrust tiered tiled timed timmy timor
    tinto tipped tipping tiraba tirarle tirarte tiren tires tocado tocar tocas token tomando
    tomarle tomarte tomas tomato tommy tonal toner tones tonos tonto torch toros torso tough
    tovar tower trabaja trabajo track traen traes tragado traigo trajo trama tramo
    transformation transformations transplantation trapo trapped trapping trata tratada tratado
    tratar trato traza trazado trazar trazo trecho trick tried tries trigo tripled trough trunk
    tudor tuned tuning turing tutor tutores tutoriales tutors twain tying tyres ultimas
    unbeatable unbreakable understated understood uribe urnas usable usted vacacional vaccines
    vagos vanos variaciones varias varies varnish vasos veamos vemos vender veneer ventaja vices
    vieran vigas vimos viniendo visas vista viuda vivas vocation voces votaciones wading wafer
    wager waging wailing waited waiter waits walking walled walter wanda waning wanting wards
    warts washes wasted wasting watts waving waxing wearer weaver weaving weeds welding whale
    wheat while whine whispering whiting whore whores whose whyte width wight winger winner
    woken woman woods wording world worlds worms wound woven wright write writing yogur
    """.split()
)

/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The word lists are plain strings of folded words separated by spaces;
 * "word=N" stores the value N (default 1).  They are turned into hash
 * tables once.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sl-lexicon.h"
#include "sl-text.h"

/* Section numbers for SL_LEX_HEADING values: section * 10 + weight. */

static const char *const heading_words =
  /* experience = 2 */
  "experience=22 experiences=22 employment=22 work=21 career=21 history=21 jobs=21 positions=21 "
  "internships=22 internship=22 berufserfahrung=22 berufserfahrungen=22 berufspraxis=22 erfahrung=22 "
  "werdegang=22 beruflicher=21 beschaftigung=21 taetigkeiten=21 tatigkeiten=21 praktika=22 "
  "praxiserfahrung=22 arbeitserfahrung=22 berufstatigkeit=22 "
  "professionnelle=21 professionnelles=21 parcours=21 emplois=21 stages=22 "
  "experiencia=22 experiencias=22 laboral=21 laborales=21 trayectoria=21 practicas=21 "
  "experiencia=22 profissional=21 profissionais=21 estagios=22 "
  "esperienza=22 esperienze=22 lavorative=21 lavorativa=21 professionali=21 professionale=21 "
  "werkervaring=22 ervaring=22 loopbaan=22 arbeidsverleden=22 stages=22 werkgevers=21 "
  /* education = 3 */
  "education=32 educational=32 academic=32 academics=32 qualifications=31 qualification=31 "
  "studies=32 schooling=32 degrees=31 training=31 ausbildung=32 bildung=32 bildungsweg=32 "
  "studium=32 schulbildung=32 schulausbildung=32 hochschulbildung=32 akademische=31 "
  "formation=32 formations=32 etudes=32 diplomes=32 cursus=31 scolarite=32 universitaire=31 "
  "formacion=32 estudios=32 academica=31 educacion=32 titulacion=32 "
  "formacao=32 educacao=32 escolaridade=32 academico=31 "
  "istruzione=32 formazione=32 studi=32 titoli=31 "
  "opleiding=32 opleidingen=32 onderwijs=32 scholing=32 studie=31 "
  /* skills = 4 */
  "skills=42 skill=42 competencies=42 competences=42 competence=41 expertise=42 proficiency=41 "
  "proficiencies=42 technologies=41 tools=41 technical=41 abilities=41 strengths=41 "
  "capabilities=41 programming=42 software=41 "
  "kenntnisse=42 fahigkeiten=42 kompetenzen=42 fertigkeiten=42 edv=41 it=41 "
  "competences=42 savoir=41 informatiques=41 "
  "habilidades=42 competencias=42 conocimientos=42 aptitudes=42 "
  "competencias=42 conhecimentos=42 "
  "competenze=42 conoscenze=42 capacita=42 informatiche=41 "
  "vaardigheden=42 competenties=42 kennis=42 "
  /* languages = 5 */
  "languages=52 language=51 sprachen=52 sprachkenntnisse=52 fremdsprachen=52 langues=52 "
  "linguistiques=51 idiomas=52 lenguas=52 linguas=52 lingue=52 linguistiche=51 talen=52 "
  "talenkennis=52 taalvaardigheid=52 "
  /* summary = 1 */
  "summary=12 profile=12 objective=12 objectives=12 overview=11 introduction=11 about=11 "
  "profil=12 zusammenfassung=12 kurzprofil=12 berufsziel=12 "
  "objectif=12 propos=11 synthese=12 "
  "perfil=12 resumen=12 objetivo=12 objetivos=12 sobre=11 "
  "resumo=12 "
  "profilo=12 obiettivo=12 obiettivi=12 sommario=12 presentazione=11 "
  "profiel=12 samenvatting=12 doelstelling=12 "
  /* certifications = 6 */
  "certifications=62 certification=62 certificates=62 certificate=61 licenses=62 licences=62 "
  "zertifikate=62 zertifizierungen=62 zertifikat=61 weiterbildung=61 weiterbildungen=61 "
  "certificats=62 certificaciones=62 certificados=62 certificacoes=62 certificazioni=62 "
  "certificaten=62 certificeringen=62 "
  /* projects = 7 */
  "projects=72 project=71 projekte=72 projets=72 proyectos=72 projetos=72 progetti=72 "
  "projecten=72 "
  /* achievements = 8 */
  "achievements=82 accomplishments=82 awards=82 honors=82 honours=82 achievement=81 "
  "erfolge=82 auszeichnungen=82 realisations=82 distinctions=82 logros=82 premios=82 "
  "conquistas=82 realizacoes=82 premi=82 riconoscimenti=82 risultati=81 prestaties=82 "
  "onderscheidingen=82 "
  /* interests = 9 */
  "interests=92 hobbies=92 interessen=92 freizeit=91 hobbys=92 loisirs=92 interets=92 "
  "interet=92 intereses=92 aficiones=92 interesses=92 passatempi=92 interessi=92 hobby=92 "
  /* references = 10 */
  "references=102 referees=102 referenzen=102 referencias=102 referenze=102 referenties=102 "
  /* personal = 11 */
  "personal=111 contact=112 details=111 persoenliche=111 personliche=111 angaben=111 "
  "kontakt=112 personnelles=111 coordonnees=112 personales=111 contacto=112 pessoais=111 "
  "contato=112 personali=111 contatti=112 persoonlijke=111 gegevens=111 personalia=112 "
  "datos=111 dados=111 dati=111 donnees=111 daten=111 "
  /* other = 12 */
  "activities=121 publications=122 volunteer=121 volunteering=121 memberships=122 "
  "affiliations=122 associations=121 conferences=121 presentations=121 patents=122 "
  "extracurricular=121 publikationen=122 veroffentlichungen=122 ehrenamt=122 engagement=121 "
  "benevolat=122 publicaciones=122 voluntariado=122 publicacoes=122 pubblicazioni=122 "
  "volontariato=122 publicaties=122 vrijwilligerswerk=122 miscellaneous=121 additional=121 "
  "declaration=122 ";

static const char *const heading_fillers =
  "and & of the in my key core main other additional relevant selected professional "
  "work related recent previous prior areas area summary detailed brief short "
  "technical personal general special specific significant select major notable "
  "employment job career academic und der die das des im in und meine weitere "
  "berufliche beruflicher berufliches et de la les du des mes autres principales principaux "
  "y e el los las mis otras otros principales a o os as meus minhas "
  "ed il lo gli le i mie miei altre altri principali en het van mijn overige "
  "computer it soft hard transferable interpersonal linguistic and/or / - experience "
  "history details information info qualification qualifications summary of with for "
  "industry teaching research leadership volunteer coaching student "
  "affairs services international national overseas freelance military "
  "languages spoken foreign";

static const char *const title_words =
  "manager managers engineer engineers developer developers analyst analysts consultant "
  "director officer assistant specialist administrator architect designer coordinator "
  "lead head intern interns trainee associate executive supervisor representative "
  "technician teacher lecturer professor nurse accountant scientist researcher programmer "
  "producer editor writer advisor adviser president vp ceo cto cfo coo cio cmo founder cofounder "
  "co-founder owner partner clerk agent operator instructor tutor therapist pharmacist "
  "physician doctor attorney lawyer paralegal auditor controller buyer planner strategist "
  "recruiter secretary receptionist cashier chef cook driver mechanic electrician worker "
  "fellow postdoc postdoctoral apprentice chairman principal dean counselor counsellor "
  "coach trainer advertiser banker broker underwriter economist statistician librarian "
  "photographer artist musician translator interpreter journalist reporter marketer "
  "salesperson salesman saleswoman estimator surveyor inspector investigator "
  "superintendent foreman technologist hygienist dentist surgeon psychologist "
  "administrative teller bookkeeper ambassador steward stewardess attendant pilot "
  "captain sergeant lieutenant officer guard caretaker nanny housekeeper waiter waitress "
  "bartender barista merchandiser promoter publicist copywriter illustrator animator "
  "modeler modeller scrum owner evangelist expert generalist handler dispatcher "
  "scheduler coordinator organizer organiser facilitator mentor volunteer tester "
  "devops sre dba webmaster consultant freelancer contractor ambassador "
  "leiter leiterin entwickler entwicklerin ingenieur ingenieurin berater beraterin "
  "geschaftsfuhrer geschaftsfuhrerin mitarbeiter mitarbeiterin sachbearbeiter "
  "sachbearbeiterin referent referentin assistent assistentin praktikant praktikantin "
  "werkstudent werkstudentin kaufmann kauffrau lehrer lehrerin vorstand inhaber "
  "inhaberin projektleiter teamleiter abteilungsleiter fachinformatiker verkaufer "
  "directeur directrice developpeur developpeuse chef responsable charge chargee "
  "stagiaire assistante analyste technicien technicienne gestionnaire commercial "
  "commerciale comptable enseignant enseignante conseiller conseillere architecte "
  "administrateur coordinateur coordinatrice alternant alternante ingenieure "
  "redacteur redactrice vendeur vendeuse infirmier infirmiere "
  "directora ingeniero ingeniera desarrollador desarrolladora jefe jefa gerente "
  "consultor consultora tecnico tecnica becario becaria practicante asistente "
  "coordinador coordinadora administrador administradora profesor profesora contable "
  "contador contadora programador programadora disenador disenadora encargado encargada "
  "diretor diretora engenheiro engenheira desenvolvedor desenvolvedora coordenador "
  "assistente auxiliar vendedor vendedora supervisora operador operadora analista "
  "coordenadora estagiario estagiaria gestor gestora chefe professora "
  "direttore direttrice ingegnere sviluppatore sviluppatrice responsabile consulente "
  "stagista tirocinante impiegato impiegata programmatore progettista coordinatore "
  "coordinatrice insegnante docente addetto addetta capo "
  "ontwikkelaar adviseur beheerder medewerker medewerkster stagiair directeur "
  "teamleider projectleider analist leraar lerares verkoper eigenaar hoofd "
  "ondernemer";

static const char *const title_suffixes[] = {
  "entwickler", "entwicklerin", "leiter", "leiterin", "ingenieur", "ingenieurin", "berater",
  "beraterin", "manager", "managerin", "referent", "referentin", "assistent", "assistentin",
  "techniker", "technikerin", "kaufmann", "kauffrau", "spezialist", "spezialistin",
  "mitarbeiter", "mitarbeiterin", "ontwikkelaar", "medewerker", "adviseur", "beheerder",
  "leider", "informatiker", "informatikerin", "wissenschaftler", "analyst",
};

static const char *const seniority_words =
  "senior sr junior jr lead chief head principal staff associate assistant deputy vice "
  "executive general regional global group interim acting trainee graduate "
  "leitender leitende stellvertretender stellvertretende adjoint adjointe "
  "jefe subdirector adjunto adjunta pleno jr. sr.";

static const char *const company_words =
  "inc incorporated ltd limited llc llp lp plc corp corporation company co gmbh ag kg ug "
  "kgaa se sa sas sasu sarl srl spa sl slu bv nv vof pvt pty group groupe grupo gruppo "
  "holding holdings bank banque banco technologies technology tech solutions systems "
  "services consulting consultants partners associates labs laboratories laboratory "
  "software networks communications media agency studio studios industries "
  "international enterprises enterprise ventures capital financial finance insurance "
  "healthcare hospital clinic foundation council ministry government center centre "
  "motors airlines airways pharmaceuticals pharma foods energy electric telecom "
  "telecommunications logistics manufacturing construction engineering restaurant "
  "hotel hotels resort stores store retail markets bancorp trust society association "
  "firm llc. ltd. inc. corp. co. gmbh. s.a. s.l. b.v. n.v. s.p.a. s.r.l. pvt. "
  "stiftung verlag werke werk versicherung versicherungen sparkasse "
  "societe compagnie entreprise cabinet mutuelle "
  "empresa compania sociedad consultores "
  "empresa companhia sociedade ltda "
  "societa azienda studio "
  "gemeente stichting groep";

static const char *const institution_words =
  "university universities univ universitat universitaet universite universidad "
  "universidade universita universiteit college colleges institute institut instituto "
  "istituto school schools schule hochschule fachhochschule ecole escuela escola scuola "
  "academy akademie academie academia accademia polytechnic polytechnique politecnico "
  "politecnica politecnica hogeschool iit iim nit bits lycee liceo gymnasium "
  "conservatory conservatoire conservatorio seminary fakultat faculte facultad "
  "faculdade facolta faculteit uni tu eth epfl mit kth ucla ucl lse insead "
  "gesamtschule realschule berufsschule berufskolleg kolleg athenaeum ateneo "
  "polytechnique polytech insa ens hec essec escp edhec epita epitech supelec centrale "
  "polimi upm uam ucm usp unicamp ufrj rwth lmu tum kit tue vu uva ku eur ";

/* degree level values: 1 secondary, 2 certificate, 3 diploma, 4 associate,
 * 5 bachelor, 6 master, 7 doctorate; +100 = only when written in capitals */
static const char *const degree_words =
  "phd=7 dphil=7 doctorate=7 doctoral=7 edd=7 dba=107 doktor=7 promotion=7 doctorat=7 "
  "doctorado=7 doutorado=7 doutoramento=7 dottorato=7 doctoraat=7 "
  "master=6 masters=6 mba=6 msc=6 ms=106 ma=106 mtech=6 me=106 meng=6 mcom=6 mca=6 "
  "mphil=6 llm=6 mfa=6 mpa=6 mph=6 msw=6 med=106 mres=6 magister=6 maitrise=6 mastere=6 "
  "mestrado=6 staatsexamen=6 mastergrad=6 laurea=5 "
  "bachelor=5 bachelors=5 bachelorette=0 bsc=5 bs=105 ba=105 btech=5 be=105 beng=5 bcom=5 "
  "bca=5 bba=5 bfa=5 llb=5 bsba=5 bsn=5 bed=105 bachelier=5 licence=5 licenciatura=5 "
  "licenciado=5 licenciada=5 grado=5 graduado=5 bacharelado=5 bacharel=5 "
  "associate=4 associates=4 aa=104 as=104 aas=104 hnd=4 bts=104 dut=104 "
  "diploma=3 diplom=3 diplome=3 diplomado=3 diplomi=3 "
  "certificate=2 certification=2 zertifikat=2 certificat=2 certificado=2 certificato=2 "
  "certificaat=2 "
  "hsc=101 ssc=101 gcse=1 gcses=1 abitur=1 matura=1 baccalaureat=1 bachillerato=1 "
  "maturita=1 vwo=101 havo=101 mbo=103 hbo=105 "
  "hs=101 cbse=101 icse=101 sslc=101 puc=101";

static const char *const regions =
  "al ak az ar ca co ct de dc fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh "
  "nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy on bc qc ab mb sk ns nb "
  "nl pe nsw qld vic tas queensland tasmania "
  "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia "
  "hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland "
  "massachusetts michigan minnesota mississippi missouri montana nebraska nevada "
  "ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington "
  "wisconsin wyoming ontario quebec alberta manitoba saskatchewan "
  "bayern bavaria hessen sachsen niedersachsen nrw brandenburg thuringen baden "
  "wurttemberg schleswig holstein saarland tirol steiermark "
  "ile-de-france normandie bretagne provence occitanie alsace "
  "cataluna catalunya andalucia galicia valencia madrid "
  "lombardia lazio toscana piemonte veneto campania sicilia "
  "noord-holland zuid-holland utrecht gelderland brabant limburg "
  "karnataka maharashtra kerala tamil nadu telangana gujarat rajasthan punjab haryana "
  "uttar pradesh bengal delhi goa odisha bihar assam "
  "england scotland wales";

static const char *const countries =
  "usa us u.s. u.s.a. america uk u.k. britain germany deutschland allemagne alemania "
  "alemanha germania duitsland france frankreich francia franca frankrijk spain spanien "
  "espagne espana espanha spagna spanje portugal portogallo italy italien italie italia "
  "italie netherlands niederlande pays-bas holland nederland paises olanda belgium "
  "belgien belgique belgica belgio belgie switzerland schweiz suisse suiza svizzera "
  "zwitserland austria osterreich autriche oostenrijk ireland irland irlande luxembourg "
  "luxemburg canada kanada india indien inde australia australien brazil brasil "
  "brasilien bresil mexico mexiko argentina chile colombia peru poland polen pologne "
  "sweden schweden denmark danemark norway norwegen finland china japan singapore "
  "uae emirates dubai kenya nigeria ghana egypt pakistan bangladesh philippines "
  "malaysia indonesia vietnam thailand russia ukraine turkey greece israel "
  "morocco tunisia algeria south africa zealand";

static const char *const cities =
  "london manchester birmingham leeds glasgow edinburgh liverpool bristol sheffield "
  "cardiff belfast dublin cork oxford cambridge nottingham leicester coventry sunderland "
  "newcastle york brighton reading aberdeen "
  "berlin hamburg munchen munich koln cologne frankfurt stuttgart dusseldorf dortmund "
  "essen leipzig bremen dresden hannover nurnberg nuremberg duisburg bochum bonn mannheim "
  "karlsruhe wiesbaden augsburg aachen freiburg heidelberg potsdam "
  "wien vienna graz linz salzburg innsbruck zurich zuerich geneve geneva genf basel bern "
  "lausanne luzern "
  "paris marseille lyon toulouse nice nantes strasbourg montpellier bordeaux lille rennes "
  "reims grenoble dijon angers nimes toulon brest "
  "madrid barcelona valencia sevilla seville zaragoza malaga murcia palma bilbao alicante "
  "cordoba valladolid vigo gijon granada "
  "lisboa lisbon porto braga coimbra funchal faro aveiro "
  "roma rome milano milan napoli naples torino turin palermo genova genoa bologna firenze "
  "florence bari catania venezia venice verona padova trieste brescia "
  "amsterdam rotterdam utrecht eindhoven groningen tilburg almere breda nijmegen "
  "haarlem arnhem enschede leiden delft maastricht "
  "brussels bruxelles brussel antwerpen antwerp gent ghent liege charleroi leuven "
  "luxembourg "
  "copenhagen stockholm oslo helsinki warsaw krakow prague budapest bucharest athens "
  "istanbul moscow kyiv "
  "bangalore bengaluru mumbai bombay delhi noida gurgaon gurugram hyderabad chennai madras "
  "kolkata calcutta pune ahmedabad jaipur lucknow kochi cochin chandigarh indore nagpur "
  "coimbatore bhopal visakhapatnam thiruvananthapuram trivandrum mysore mangalore "
  "nashik vadodara surat "
  "boston chicago houston phoenix philadelphia dallas austin seattle denver atlanta miami "
  "detroit baltimore pittsburgh cleveland portland sacramento "
  "minneapolis orlando tampa charlotte nashville memphis milwaukee albuquerque tucson "
  "fresno omaha raleigh oakland cincinnati indianapolis columbus louisville "
  "toronto montreal vancouver calgary ottawa edmonton winnipeg "
  "sydney melbourne brisbane perth adelaide auckland wellington "
  "singapore dubai doha riyadh nairobi lagos accra cairo johannesburg capetown "
  "tokyo beijing shanghai shenzhen seoul manila jakarta bangkok karachi lahore "
  "islamabad dhaka colombo kathmandu "
  "saopaulo paulo rio janeiro buenos aires bogota lima santiago caracas york angeles francisco "
  "diego jose haag horizonte alegre";

static const char *const street_words =
  "street st str road rd avenue ave av lane ln drive dr boulevard blvd way court ct place "
  "pl circle cir square sq terrace highway hwy parkway apt apartment suite flat floor "
  "house building block sector nagar colony marg room box "
  "strasse str. gasse weg platz allee ring damm ufer chaussee "
  "rue boulevard chemin allee impasse place quai cours "
  "calle avenida avda paseo plaza carrera camino "
  "rua travessa praca largo estrada alameda "
  "via viale piazza corso vicolo largo "
  "straat laan plein gracht kade singel dreef steeg";

static const char *const not_name_words =
  "resume resumé curriculum vitae cv lebenslauf lebenslaufes bewerbung template sample "
  "page contact address phone mobile email e-mail tel telephone telefon mail profile "
  "summary objective experience education skills personal details information "
  "name nom nombre nome naam date birth of the and for to in a an my at with "
  "street road city state zip london company university college school inc ltd llc "
  "references professional career dear sir madam hello http https www linkedin github "
  "portfolio website homepage available upon request confidential "
  "marital status nationality gender birth font style styles names first last applicant "
  "children religion passport visa objective career position job title "
  "curriculo curriculum hoja vida lettre motivation candidature "
  "java python sql project management marketing sales business finance accounting";

static const char *const languages_list =
  /* value = index + 1 into language_names */
  "english=1 englisch=1 anglais=1 ingles=1 inglese=1 engels=1 "
  "german=2 deutsch=2 allemand=2 aleman=2 alemao=2 tedesco=2 duits=2 "
  "french=3 franzosisch=3 francais=3 frances=3 frances=3 francese=3 frans=3 "
  "spanish=4 spanisch=4 espagnol=4 espanol=4 castellano=4 espanhol=4 spagnolo=4 spaans=4 "
  "portuguese=5 portugiesisch=5 portugais=5 portugues=5 portoghese=5 portugees=5 "
  "italian=6 italienisch=6 italien=6 italiano=6 italiaans=6 "
  "dutch=7 niederlandisch=7 hollandisch=7 neerlandais=7 neerlandes=7 holandes=7 "
  "olandese=7 nederlands=7 flemish=7 "
  "chinese=8 mandarin=8 chinesisch=8 chinois=8 chino=8 chines=8 cinese=8 chinees=8 "
  "japanese=9 japanisch=9 japonais=9 japones=9 giapponese=9 japans=9 "
  "russian=10 russisch=10 russe=10 ruso=10 russo=10 "
  "arabic=11 arabisch=11 arabe=11 arabo=11 "
  "hindi=12 "
  "polish=13 polnisch=13 polonais=13 polaco=13 polacco=13 pools=13 "
  "turkish=14 turkisch=14 turc=14 turco=14 turks=14 "
  "swedish=15 schwedisch=15 suedois=15 sueco=15 svedese=15 zweeds=15 "
  "danish=16 danisch=16 danois=16 danes=16 dinamarques=16 danese=16 deens=16 "
  "norwegian=17 norwegisch=17 norvegien=17 noruego=17 norueguês=17 norvegese=17 noors=17 "
  "greek=18 griechisch=18 grec=18 griego=18 grego=18 greco=18 grieks=18 "
  "korean=19 koreanisch=19 coreen=19 coreano=19 koreaans=19 "
  "catalan=20 katalanisch=20 catala=20 catalao=20 catalano=20 catalaans=20 "
  "romanian=21 rumanisch=21 roumain=21 rumano=21 romeno=21 rumeno=21 roemeens=21 "
  "czech=22 tschechisch=22 tcheque=22 checo=22 ceco=22 tsjechisch=22 "
  "hungarian=23 ungarisch=23 hongrois=23 hungaro=23 ungherese=23 hongaars=23 "
  "finnish=24 finnisch=24 finnois=24 finlandes=24 finlandese=24 fins=24 "
  "hebrew=25 hebraisch=25 hebreu=25 hebreo=25 ebraico=25 hebreeuws=25 "
  "urdu=26 bengali=27 bangla=27 tamil=28 telugu=29 marathi=30 kannada=31 malayalam=32 "
  "gujarati=33 punjabi=34 persian=35 farsi=35 persisch=35 persan=35 "
  "vietnamese=36 thai=37 indonesian=38 malay=39 swahili=40 ukrainian=41 ukrainisch=41 "
  "croatian=42 serbian=43 bulgarian=44 slovak=45 slovenian=46 latin=47 latein=47 latim=47 "
  "latino=47 afrikaans=48 tagalog=49 filipino=49 luxembourgish=50 luxemburgisch=50 "
  "irish=51 welsh=52 basque=53 galician=54 gallego=54 galego=54";

static const char *const language_names[] = {
  "English", "German", "French", "Spanish", "Portuguese", "Italian", "Dutch", "Chinese",
  "Japanese", "Russian", "Arabic", "Hindi", "Polish", "Turkish", "Swedish", "Danish",
  "Norwegian", "Greek", "Korean", "Catalan", "Romanian", "Czech", "Hungarian", "Finnish",
  "Hebrew", "Urdu", "Bengali", "Tamil", "Telugu", "Marathi", "Kannada", "Malayalam",
  "Gujarati", "Punjabi", "Persian", "Vietnamese", "Thai", "Indonesian", "Malay", "Swahili",
  "Ukrainian", "Croatian", "Serbian", "Bulgarian", "Slovak", "Slovenian", "Latin",
  "Afrikaans", "Tagalog", "Luxembourgish", "Irish", "Welsh", "Basque", "Galician",
};

/* 1 native, 2 fluent, 3 advanced, 4 intermediate, 5 basic */
static const char *const level_words =
  "native=1 mother=1 muttersprache=1 muttersprachlich=1 maternelle=1 natal=1 nativo=1 "
  "nativa=1 materna=1 madrelingua=1 moedertaal=1 bilingual=1 bilingue=1 zweisprachig=1 "
  "tweetalig=1 "
  "fluent=2 fluently=2 fliessend=2 fließend=2 verhandlungssicher=2 courant=2 couramment=2 "
  "fluido=2 fluida=2 fluente=2 vloeiend=2 proficient=2 "
  "advanced=3 professional=3 sehr=3 avance=3 avancado=3 avanzado=3 avanzato=3 gevorderd=3 "
  "excellent=3 expert=3 "
  "intermediate=4 conversational=4 good=4 gut=4 gute=4 intermediaire=4 intermedio=4 "
  "intermediario=4 goed=4 buone=4 buono=4 "
  "basic=5 beginner=5 elementary=5 grundkenntnisse=5 basis=5 notions=5 basico=5 base=5 "
  "elementare=5 scolaire=5 limited=5";

static const char *const particles =
  "von van de da del della di le la der den ter ten du dos das do bin ibn al el mac mc st "
  "y e zu vom";

/* One word of a list in its index, found by the FNV hash the callers
 * compute anyway (a GHashTable would hash the word a second time). */
typedef struct
{
  guint32     hash;
  int         value;
  const char *word;   /* NULL: an empty slot */
  gsize       len;
} LexSlot;

typedef struct
{
  GHashTable   *tables[SL_LEX_N_KINDS];
  SlTextFilter  filters[SL_LEX_N_KINDS];   /* the words of each table */
  LexSlot      *index[SL_LEX_N_KINDS];     /* the same words, open addressing */
  guint32       index_mask[SL_LEX_N_KINDS];
  gsize         suffix_len[G_N_ELEMENTS (title_suffixes)];
  gboolean      suffix_last[256];          /* a title suffix ends with this byte */
} Lexicon;

/* Bits per filter: each list has at most a few hundred words. */
#define FILTER_LOG2_BITS 13

static void
fill (GHashTable *t, SlTextFilter *filter, const char *list)
{
  g_auto(GStrv) words = g_strsplit (list, " ", -1);

  for (char **w = words; *w; w++)
    {
      char *eq;
      int value = 1;

      if ((*w)[0] == '\0')
        continue;
      eq = strchr (*w, '=');
      if (eq != NULL)
        {
          *eq = '\0';
          value = atoi (eq + 1);
        }
      if (!g_hash_table_contains (t, *w))
        g_hash_table_insert (t, g_strdup (*w), GINT_TO_POINTER (value));
      sl_text_filter_add (filter, sl_text_hash_append (SL_TEXT_HASH_INIT, *w, strlen (*w)));
    }
}

static guint32
slot_of (guint32 hash, guint32 mask)
{
  return (hash ^ (hash >> 16)) & mask;
}

/* The table's words (each once, with the value the table keeps) in an
 * index at most half full. */
static void
index_table (Lexicon *lex, int k)
{
  GHashTableIter iter;
  gpointer key, value;
  guint32 slots = 16;

  while (slots < 2 * g_hash_table_size (lex->tables[k]))
    slots *= 2;
  lex->index[k] = g_new0 (LexSlot, slots);
  lex->index_mask[k] = slots - 1;
  g_hash_table_iter_init (&iter, lex->tables[k]);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gsize len = strlen (key);
      guint32 h = sl_text_hash_append (SL_TEXT_HASH_INIT, key, len);
      guint32 i = slot_of (h, lex->index_mask[k]);

      while (lex->index[k][i].word != NULL)
        i = (i + 1) & lex->index_mask[k];
      lex->index[k][i] = (LexSlot) { h, GPOINTER_TO_INT (value), key, len };
    }
}

/* The value of the @len bytes at @word (hash @hash) in list @kind, or 0:
 * what g_hash_table_lookup() of the word gives. */
static int
index_lookup (const Lexicon *lex, SlLexKind kind, const char *word, gsize len, guint32 hash)
{
  const LexSlot *index = lex->index[kind];
  guint32 mask = lex->index_mask[kind];

  for (guint32 i = slot_of (hash, mask); index[i].word != NULL; i = (i + 1) & mask)
    if (index[i].hash == hash && index[i].len == len && memcmp (index[i].word, word, len) == 0)
      return index[i].value;
  return 0;
}

static Lexicon *
lexicon (void)
{
  static gsize once = 0;
  static Lexicon lex;

  if (g_once_init_enter (&once))
    {
      const char *lists[SL_LEX_N_KINDS] = {
        [SL_LEX_HEADING] = heading_words,
        [SL_LEX_HEADING_FILLER] = heading_fillers,
        [SL_LEX_TITLE] = title_words,
        [SL_LEX_SENIORITY] = seniority_words,
        [SL_LEX_COMPANY] = company_words,
        [SL_LEX_INSTITUTION] = institution_words,
        [SL_LEX_DEGREE] = degree_words,
        [SL_LEX_REGION] = regions,
        [SL_LEX_COUNTRY] = countries,
        [SL_LEX_CITY] = cities,
        [SL_LEX_STREET] = street_words,
        [SL_LEX_NOT_NAME] = not_name_words,
        [SL_LEX_LANGUAGE] = languages_list,
        [SL_LEX_LEVEL] = level_words,
        [SL_LEX_NAME_PARTICLE] = particles,
      };
      for (int k = 0; k < SL_LEX_N_KINDS; k++)
        {
          lex.tables[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          sl_text_filter_init (&lex.filters[k], FILTER_LOG2_BITS);
          fill (lex.tables[k], &lex.filters[k], lists[k]);
          index_table (&lex, k);
        }
      for (gsize i = 0; i < G_N_ELEMENTS (title_suffixes); i++)
        {
          lex.suffix_len[i] = strlen (title_suffixes[i]);
          lex.suffix_last[(guchar) title_suffixes[i][lex.suffix_len[i] - 1]] = TRUE;
        }
      g_once_init_leave (&once, 1);
    }
  return &lex;
}

int
sl_lex_lookup (SlLexKind   kind,
               const char *word)
{
  Lexicon *lex;

  g_return_val_if_fail (kind < SL_LEX_N_KINDS, 0);
  if (word == NULL || word[0] == '\0')
    return 0;
  lex = lexicon ();
  /* Most words asked about are in no list: the filter says so first. */
  {
    gsize len = strlen (word);
    guint32 h = sl_text_hash_append (SL_TEXT_HASH_INIT, word, len);

    if (!sl_text_filter_maybe (&lex->filters[kind], h))
      return 0;
    return index_lookup (lex, kind, word, len, h);
  }
}

int
sl_lex_lookup_hashed (SlLexKind   kind,
                      const char *word,
                      guint32     hash)
{
  Lexicon *lex;

  g_return_val_if_fail (kind < SL_LEX_N_KINDS, 0);
  if (word == NULL || word[0] == '\0')
    return 0;
  lex = lexicon ();
  if (!sl_text_filter_maybe (&lex->filters[kind], hash))
    return 0;
  return index_lookup (lex, kind, word, strlen (word), hash);
}

int
sl_lex_lookup_len (SlLexKind   kind,
                   const char *word,
                   gsize       len)
{
  return sl_lex_lookup_len_hashed (kind, word, len, sl_text_hash_append (SL_TEXT_HASH_INIT, word, len));
}

int
sl_lex_lookup_len_hashed (SlLexKind   kind,
                          const char *word,
                          gsize       len,
                          guint32     hash)
{
  Lexicon *lex;

  g_return_val_if_fail (kind < SL_LEX_N_KINDS, 0);
  /* (words of 64 bytes or more were never looked up: kept so) */
  if (len == 0 || len >= 64)
    return 0;
  lex = lexicon ();
  if (!sl_text_filter_maybe (&lex->filters[kind], hash))
    return 0;
  return index_lookup (lex, kind, word, len, hash);
}

gboolean
sl_lex_is_title_compound (const char *word,
                          gsize       len)
{
  const Lexicon *lex;

  /* the shortest suffix has 6 letters, and 2 more must come before it */
  if (len < 9)
    return FALSE;
  lex = lexicon ();
  /* (a word whose last letter ends no suffix, most words, is not compared) */
  if (!lex->suffix_last[(guchar) word[len - 1]])
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (title_suffixes); i++)
    {
      gsize sl = lex->suffix_len[i];
      if (len > sl + 2 && memcmp (word + len - sl, title_suffixes[i], sl) == 0)
        return TRUE;
    }
  return FALSE;
}

const char *
sl_lex_language_name (int index)
{
  if (index < 1 || index > (int) G_N_ELEMENTS (language_names))
    return NULL;
  return language_names[index - 1];
}

const char *
sl_lex_degree_level_name (SlDegreeLevel level)
{
  switch (level)
    {
    case SL_DEGREE_SECONDARY: return "secondary";
    case SL_DEGREE_CERTIFICATE: return "certificate";
    case SL_DEGREE_DIPLOMA: return "diploma";
    case SL_DEGREE_ASSOCIATE: return "associate";
    case SL_DEGREE_BACHELOR: return "bachelor";
    case SL_DEGREE_MASTER: return "master";
    case SL_DEGREE_DOCTORATE: return "doctorate";
    case SL_DEGREE_NONE:
    default:
      return NULL;
    }
}

const char *
sl_lex_lang_level_name (SlLangLevel level)
{
  switch (level)
    {
    case SL_LANG_LEVEL_NATIVE: return "native";
    case SL_LANG_LEVEL_FLUENT: return "fluent";
    case SL_LANG_LEVEL_ADVANCED: return "advanced";
    case SL_LANG_LEVEL_INTERMEDIATE: return "intermediate";
    case SL_LANG_LEVEL_BASIC: return "basic";
    case SL_LANG_LEVEL_NONE:
    default:
      return NULL;
    }
}

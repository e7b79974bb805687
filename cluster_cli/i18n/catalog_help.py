"""The CLI's help in both languages: the app's, each group's, command's and option's help
(`help.…`, given as keys to Typer and translated in `cli/helptext.py`), Click's headings, and
Click's usage errors re-worded from their parts (`usage-error.…`).

Every command's help ends with a working example on the sample data (`data/`), in a paragraph
that starts with Click's no-rewrap marker ``\\b`` so that it stays one line;
tests/test_help.py runs each example.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the app and its groups ------------------------------------------------------------------
    "help.app": (
        "Kutsehariduse IT-klastri andmete kontroll, võla- ja toetusaruanded ning praktikalepingud.\n\nAndmekaust: --data, muidu $CLUSTER_DATA, muidu leitakse see praegusest kaustast ülespoole (kaust, kus on cluster.yaml, või kaust, kus on data/cluster.yaml).\n\n\b\nNäide: cluster validate",
        "Data checks, debt and grant reports and placement contracts for an IT vocational-education cluster.\n\nData folder: --data, else $CLUSTER_DATA, else found upward from the current folder (a folder with cluster.yaml, or one with data/cluster.yaml).\n\n\b\nExample: cluster validate",
    ),
    "help.grants": (
        "Põhitoetus: pingerida, fond, kuu väljamaksed.\n\n\b\nNäide: cluster grants rank --round 2026-autumn",
        "Basic study allowance (põhitoetus): ranking, fund, monthly payments.\n\n\b\nExample: cluster grants rank --round 2026-autumn",
    ),
    "help.cache": (
        "Laaditud failide ja vastuste vahemälu: kus see on, kui suur, ja selle tühjendamine.\n\n\b\nNäide: cluster cache info",
        "The cache of loaded files and answers: where it is, how big, and clearing it.\n\n\b\nExample: cluster cache info",
    ),
    "help.contracts": (
        "Praktikalepingud: DOCX-lepingud mallidest; malli kontroll.\n\n\b\nNäide: cluster contracts render --all --dry-run",
        "Placement contracts (praktikaleping): render DOCX contracts from templates; check a template.\n\n\b\nExample: cluster contracts render --all --dry-run",
    ),
    "help.allowances": (
        "Eritoetus, sõidukulude hüvitis ja koolilõuna toetus kuu kaupa.\n\n\b\nNäide: cluster allowances lunch --month 11.2026",
        "Special allowance (eritoetus), travel compensation and school-lunch support, month by month.\n\n\b\nExample: cluster allowances lunch --month 11.2026",
    ),
    "help.members": (
        "Klastri liikmed: koolid, ettevõtted, ülikoolid, organisatsioonid; pakkumised ja koordinaatorid.\n\n\b\nNäide: cluster members list --kind company",
        "Cluster members: schools, companies, universities, organisations; offers and coordinators.\n\n\b\nExample: cluster members list --kind company",
    ),
    # --- commands --------------------------------------------------------------------------------
    "help.validate": (
        "Kontrollib andmekausta õppekorralduseeskirja järgi.\n\nVäljumiskood 0: vigu pole (hoiatused lubatud); 1: leiti vigu; 2: andmed on kasutuskõlbmatud või käsku kasutati valesti.\n\n\b\nNäide: cluster validate --as-of 23.11.2026",
        "Check the data folder against the study regulation.\n\nExit code 0: no errors (warnings allowed); 1: errors found; 2: the data is unusable or the command was used wrongly.\n\n\b\nExample: cluster validate --as-of 23.11.2026",
    ),
    "help.debts": (
        "Õppevõlad koos tähtaegadega tööpäevades, puudumised ja eeskirja nõutud tegevused (6.1, 6.2, 6.3, 6.8.5, 6.11.5, Lisa 4) antud kuupäeva seisuga.\n\nVaated: groups, debts, actions, attendance.\n\n\b\nNäide: cluster debts --as-of 23.11.2026 --group TA-24 --format xlsx --output volad.xlsx",
        "Study debts with their deadlines in working days, attendance, and the actions the regulation prescribes (6.1, 6.2, 6.3, 6.8.5, 6.11.5, Lisa 4), as of a date.\n\nViews: groups, debts, actions, attendance.\n\n\b\nExample: cluster debts --as-of 23.11.2026 --group TA-24 --format xlsx --output debts.xlsx",
    ),
    "help.rules": (
        "Loetleb käsu `cluster validate` kontrollid: reegli tunnus, punkt, tavaline raskusaste, mida see kontrollib.\n\n\b\nNäide: cluster rules --lang en",
        "List the checks of `cluster validate`: rule id, clause, usual severity, what it checks.\n\n\b\nExample: cluster rules --lang en",
    ),
    "help.profile": (
        "Näitab kehtivat eeskirja profiili: iga parameeter, selle väärtus kuupäeval ja punkt.\n\n\b\nNäide: cluster profile --as-of 01.09.2026",
        "Show the regulation profile in force: every parameter, its value on the date, its clause.\n\n\b\nExample: cluster profile --as-of 01.09.2026",
    ),
    "help.tasks": (
        "Klastri praktiliste ülesannete loend koos oodatavate tulemustega ja liikmetega, kes neid pakuvad (seeme 000, tegevus 9). Praktikad nimetavad neid ülesandeid (Lisa 7 1.4.5) ja `cluster validate` kontrollib, et need sobivad õpilase õppekava ja praktika moodulitega.\n\nVaated: tasks, results (üks rida iga oodatava tulemuse kohta).\n\n\b\nNäide: cluster tasks --curriculum 204365 --module TA-M16",
        "The cluster's list of practical tasks with their expected results and the members that offer them (seed 000 activity 9). Placements name these tasks (Lisa 7 1.4.5) and `cluster validate` checks that they fit the student's curriculum and the placement's modules.\n\nViews: tasks, results (one row per expected result).\n\n\b\nExample: cluster tasks --curriculum 204365 --module TA-M16",
    ),
    "help.match": (
        "Pakub praktikakohti õpilastele, kelle rühmal on aknas praktikaperiood ja kellel selleks veel praktikat pole: vaba kohaga vastuvõtjad õppekavale kogu perioodiks, järjestatud koos põhjustega (tunnustamine 2.27, kataloogi ülesanded moodulile, partnerlus, kooli varasem koostöö); kui ükski vastuvõtja ei saa kogu perioodi võtta, siis selleks valmis vastuvõtjate vahel jagatud praktika (tegevus 7). Lahtiste võlgadega õpilased on blokeeritud (6.2.3); 2. taseme ja erivajadustega õpilased märgitakse kooli jaoks (Lisa 7 10.2). Võtmega --write saab iga blokeerimata õpilase esimesest ettepanekust praktika mustand.\n\nVaated: students, proposals, blocked.\n\n\b\nNäide: cluster match --as-of 23.11.2026 --from 01.01.2027 --to 30.06.2027 --group TA-24",
        "Proposes hosts for the students whose group has a practice period in the window and who have no placement for it yet: hosts with a free place for the curriculum over the whole period, ranked with their reasons (recognition 2.27, catalogue tasks for the module, partnership, the school's history); a joint placement split between hosts ready for it when no single host can take the period (activity 7). Students with open debts are blocked (6.2.3); level-2 and special-needs students are flagged for the school to secure (Lisa 7 10.2). With --write the first proposal of every unblocked student becomes a draft placement.\n\nViews: students, proposals, blocked.\n\n\b\nExample: cluster match --as-of 23.11.2026 --from 01.01.2027 --to 30.06.2027 --group TA-24",
    ),
    "help.calendar": (
        "Tähtajad alates antud kuupäevast: praktikalepingu andmed (Lisa 7 4.1), õpilase ühendusevõtt vastuvõtjaga (8.3), dokumendid (4.6) ja kaitsmine (5.9); põhitoetuse taotlused, tulemused, otsused ja väljamaksed (Lisa 11 IV.4, V.1, V.4–V.5; 6.12.4); õppevõlgade järelvastamise kokkulepped ja likvideerimine (6.2.2); akadeemiliselt puhkuselt naasmine (6.7.10, 6.8.2.5). Iga arv tuleb eeskirja profiilist.\n\nVaated: events. Võtmega --ics FAIL lähevad samad sündmused iCalendar-faili kalendriprogrammi jaoks; õpilased on seal tunnuse järgi — nimedega ainult koos --show-pii.\n\n\b\nNäide: cluster calendar --as-of 23.11.2026 --days 90 --ics tahtajad.ics",
        "The deadlines from the as-of date on: placement contract data (Lisa 7 4.1), the student's contact with the host (8.3), documents (4.6) and defense (5.9); basic-allowance applications, results, decisions and payments (Lisa 11 IV.4, V.1, V.4–V.5; 6.12.4); study-debt re-sit agreements and clearing (6.2.2); returns from academic leave (6.7.10, 6.8.2.5). Every number comes from the regulation profile.\n\nViews: events. With --ics FILE the same events go to an iCalendar file for a calendar program; students are named by id there — their names only with --show-pii.\n\n\b\nExample: cluster calendar --as-of 23.11.2026 --days 90 --ics deadlines.ics",
    ),
    "help.grants.rank": (
        "Toetusõigus ja pingerida õppekava kaupa (Lisa 11 III, IV, V.2), iga väljajätmise põhjuse ja punktiga ning iga pingereas oleva õpilase punktide osadega. Vaated: ranking, excluded.\n\n\b\nNäide: cluster grants rank --round 2026-autumn --format csv --output pingerida.csv",
        "Eligibility and the ranking per curriculum (Lisa 11 III, IV, V.2), with every exclusion's reason and clause and every ranked student's score components. Views: ranking, excluded.\n\n\b\nExample: cluster grants rank --round 2026-autumn --format csv --output ranking.csv",
    ),
    "help.grants.fund": (
        "Õppeaasta põhitoetuse fond (Lisa 11 II, VI, VII): kuu, õppevaldkonna ja vooru kaupa, toetused õppekava kaupa ning eritoetuse fondi jääk. Vaated: months, curricula, totals.\n\n\b\nNäide: cluster grants fund --year 2026/2027",
        "The year's basic-allowance fund (Lisa 11 II, VI, VII): by month, by study field and round, allowances per curriculum, and the leftover for the special-allowance fund. Views: months, curricula, totals.\n\n\b\nExample: cluster grants fund --year 2026/2027",
    ),
    "help.grants.report": (
        "Kuu väljamaksete nimekiri (Lisa 11 V.4, V.5, VII.2): kellele makstakse kui palju, mis kuupäevaks, millisele kontole, ja kes on peatatud või lõpetatud.\n\n\b\nNäide: cluster grants report --month 11.2026 --format csv --output toetused-2026-11.csv",
        "The month's payment list (Lisa 11 V.4, V.5, VII.2): who is paid how much, by which date, to which account, and who is suspended or ended.\n\n\b\nExample: cluster grants report --month 11.2026 --format csv --output grants-2026-11.csv",
    ),
    "help.grants.explain": (
        "Miks õpilasel on (või ei ole) põhitoetuse õigus, tema punktide osad ja koht pingereas ning mis eraldab teda naabritest.\n\n\b\nNäide: cluster grants explain TA-24-01 --round 2026-autumn",
        "Why a student is (not) eligible, their score components and place in the ranking, and what separates them from their neighbours.\n\n\b\nExample: cluster grants explain TA-24-01 --round 2026-autumn",
    ),
    "help.cache.info": (
        "Näitab vahemälu kausta, selle kirjeid ja suurust ning seda, kuidas seda kärbitakse.\n\n\b\nNäide: cluster cache info",
        "Show the cache directory, its entries and their size, and how it is pruned.\n\n\b\nExample: cluster cache info",
    ),
    "help.cache.clear": (
        "Kustutab kõik vahemälu kirjed (järgmine käivitus loeb kõik failid uuesti). Andmeid ei puudutata kunagi.\n\n\b\nNäide: cluster cache clear",
        "Delete every cache entry (the next run reads every file afresh). The data is never touched.\n\n\b\nExample: cluster cache clear",
    ),
    "help.contracts.render": (
        "Koostab kontrolli läbinud praktikate kolmepoolsed lepingud kausta OUT/<õppeaasta>/<rühm>/<praktika>_<õpilane>_<vastuvõtja>.docx koos failidega OUT/manifest.json ja OUT/manifest.csv.\n\nPraktika, mille enda, õpilase või vastuvõtjate kirjetes on vigu, lükatakse tagasi (teised koostatakse ikka); samuti lahtiste võlgadega õpilane (6.2.3), kui praktikal pole debt_override'i, ja väärtus, mida dokument ei mahuta (juhtmärk). Kui andmed jõudsid sekretärini vähem kui nädal enne algust, tuleb hoiatus (Lisa 7 4.1). Olemasolevad failid: muutmata, kui sisend on sama; muidu konflikt, mis lükatakse tagasi, kui pole --force (leping võib olla juba allkirjastatud). Ühte kausta kirjutab korraga üks käivitus (teised ootavad kuni --lock-timeout); manifest hoiab alles selles käivituses mitte olnud praktikate read. Väljumiskood 0: kõik koostatud või muutmata; 1: mõni tagasi lükatud või konfliktis; 2: vale kasutus või kasutuskõlbmatud andmed.\n\n\b\nNäide: cluster contracts render --all --out lepingud --dry-run",
        "Render the tripartite contracts of placements that pass validation into OUT/<study year>/<group>/<placement>_<student>_<host>.docx, with OUT/manifest.json and OUT/manifest.csv.\n\nA placement with errors in its own, its student's or its hosts' records is refused (the others are still rendered); so is a student with open debts (6.2.3) unless the placement records a debt_override, and a value a document cannot hold (a control character). Data that reached the secretary less than a week before the start gives a warning (Lisa 7 4.1). Existing files: unchanged when their inputs are the same; otherwise a conflict, refused unless --force (a contract may already be signed). One run writes into a folder at a time (the others wait up to --lock-timeout); the manifest keeps the rows of placements not in this run. Exit 0 all rendered or unchanged, 1 any refused or conflict, 2 usage or unusable data.\n\n\b\nExample: cluster contracts render --all --out contracts --dry-run",
    ),
    "help.contracts.check-template": (
        "Loetleb lepingumalli muutujad, märgib need, mida lepingu andmetes pole, kohustuslikud tingimused (Lisa 7 1.4.2–1.4.11, 5.7, 10.1; 4.11.5, 4.12.5), mida mall ei kasuta, ja selle, mille koostamine tagasi lükkaks (proovikoostamine näidisandmetega samas liivakastis ja samade piiridega). Väljumiskood 0: korras, 1: probleemid, 2: faili pole.\n\n\b\nNäide: cluster contracts check-template templates/praktikaleping_et.docx",
        "List a contract template's variables, flag the ones the contract's data does not have, the mandatory terms (Lisa 7 1.4.2–1.4.11, 5.7, 10.1; 4.11.5, 4.12.5) it never uses, and what rendering would refuse (a trial render of sample data through the same sandbox and bounds). Exit 0 when clean, 1 with problems, 2 when the file is missing.\n\n\b\nExample: cluster contracts check-template templates/praktikaleping_et.docx",
    ),
    "help.allowances.special": (
        "Kuu eritoetus (Lisa 12): fond (1.4: kooli osa kuu põhitoetuse fondist pluss põhifondi jääk), toetusõigus ja tõendid (2.1–2.5), eelistuse alused profiili järjekorras (3.3), summad (5.1–5.3), kes fondi piires toetuse saab, tsükli kuupäevad ja vaidlustamise tähtaeg (3.4–3.7). Vaated: applicants, excluded, fund.\n\n\b\nNäide: cluster allowances special --month 11.2026 --format csv --output eritoetus-2026-11.csv",
        "The special allowance (eritoetus, Lisa 12) of a month: the fund (1.4: the school's share of the month's basic fund plus the basic fund's leftover), eligibility and evidence (2.1–2.5), grounds of preference in the profile's order (3.3), amounts (5.1–5.3), who is awarded within the fund, the cycle's dates and the appeal deadline (3.4–3.7). Views: applicants, excluded, fund.\n\n\b\nExample: cluster allowances special --month 11.2026 --format csv --output special-2026-11.csv",
    ),
    "help.allowances.travel": (
        "Kuus makstav sõidukulude hüvitis: buss (Lisa 14 — edasi-tagasi sõidud vastavalt õpilaskodule, tasemele ja õppekavale või koolipäeva kaupa; mitte kooli asulas, puhkusel ega puudutud päevadel) ja auto (Lisa 13 — 0,06 eurot km kohta kütusetšekkide ulatuses, 100 % kohalolek, ühistranspordi puudumine või raske liikumispuue); iga sõit on aktsepteeritud või tagasi lükatud koos punktiga. Vaated: claims, journeys.\n\n\b\nNäide: cluster allowances travel --month 11.2026 --format xlsx --output soidukulud-2026-11.xlsx",
        "Travel compensation paid in a month: bus (Lisa 14 — round trips allowed by dormitory, level and curriculum or per school day, nothing within the school's settlement, on leave or on days not attended) and car (Lisa 13 — 0.06 EUR/km up to the fuel receipts, 100 % attendance, no public transport or a severe mobility disability), every journey accepted or refused with its clause. Views: claims, journeys.\n\n\b\nExample: cluster allowances travel --month 11.2026 --format xlsx --output travel-2026-11.xlsx",
    ),
    "help.allowances.lunch": (
        "Koolilõuna toetus (6.12.7–6.12.11): kellel on õigus ja miks mitte (6.12.8, 6.12.9), lõunad koolis kord koolipäevas (6.12.10) ning praktikaperioodi toetus pangakontole juhendaja kinnitatud esildise alusel (6.12.11). Päevasumma on profiili lunch_amount_per_day (kehtestatakse käskkirjaga; kaasas olev väärtus on näitlik). Vaated: practice, school, not_qualifying.\n\n\b\nNäide: cluster allowances lunch --month 11.2026 --view practice --format csv",
        "School-lunch support (koolilõuna, 6.12.7–6.12.11): who qualifies and why not (6.12.8, 6.12.9), lunches at school once per school day (6.12.10), and the practice-period support paid to the bank account on the supervisor's approved submission (6.12.11). The daily amount is the profile's lunch_amount_per_day (set by directive; the shipped value is illustrative). Views: practice, school, not_qualifying.\n\n\b\nExample: cluster allowances lunch --month 11.2026 --view practice --format csv",
    ),
    "help.members.list": (
        "Liikmed koos liigi, partnerlusvormi, tunnustamise (2.27), ühispraktikaks valmisoleku (tegevus 7), pakutud kohtade, kataloogi ülesannete (tegevus 9) ja koordinaatoritega (tegevus 1).\n\nVaated: members, offers, coordinators.\n\n\b\nNäide: cluster members list --kind company --recognised --curriculum 204365 --format csv --output vastuvotjad.csv",
        "The members with kind, partnership form, recognition (2.27), joint-placement readiness (activity 7), places offered, catalogue tasks (activity 9) and coordinators (activity 1).\n\nViews: members, offers, coordinators.\n\n\b\nExample: cluster members list --kind company --recognised --curriculum 204365 --format csv --output hosts.csv",
    ),
    "help.members.show": (
        "Üks liige: tema andmed, kontaktid, tema nimetatud koordinaatorid ja nende vastutusalad (tegevus 1), pakkumised, juhendajad ja kataloogi ülesanded ning praktikad, mida ta vastu võtab.\n\nVaated: member, contacts, coordinators, offers, supervisors, tasks, placements.\n\n\b\nNäide: cluster members show koodikoda --format json",
        "One member: its data, contacts, the coordinators it names and their areas of responsibility (activity 1), its offers, supervisors and catalogue tasks, and the placements it hosts.\n\nViews: member, contacts, coordinators, offers, supervisors, tasks, placements.\n\n\b\nExample: cluster members show koodikoda --format json",
    ),
    # --- options shared by many commands (cli/common.py) -----------------------------------------
    "help.option.data": (
        "Andmekaust (vaikimisi: $CLUSTER_DATA, muidu leitakse praegusest kaustast ülespoole: kaust, kus on cluster.yaml, või kaust, kus on data/cluster.yaml).",
        "Data folder (default: $CLUSTER_DATA, else found upward from the current folder: a folder with cluster.yaml, or one with data/cluster.yaml).",
    ),
    "help.option.as-of": (
        "Andmete hindamise kuupäev, 23.11.2026 või 2026-11-23 (vaikimisi: täna).",
        "Judge the data as of this date, 23.11.2026 or 2026-11-23 (default: today).",
    ),
    "help.option.lang": (
        "Teadete keel: et või en (vaikimisi: $CLUSTER_LANG, siis cluster.yaml'i language, siis lokaat, muidu et).",
        "Language of messages: et or en (default: $CLUSTER_LANG, then cluster.yaml's language, then the locale, else et).",
    ),
    "help.option.show-pii": ("Näita isikukoode ja pangakontosid maskimata.", "Show personal codes and bank accounts unmasked."),
    "help.option.verbose": ("Kirjuta töö etappide ajad standardveavoogu.", "Print the pipeline stages' timings to stderr."),
    "help.option.no-cache": ("Loe iga fail uuesti; ära kasuta ega uuenda vahemälu.", "Read every file afresh; neither use nor update the cache."),
    "help.option.quiet": (
        "Ära kirjuta standardveavoogu märkusi (edenemine, kirjutatud failid); vead ikka.",
        "Print no notes on stderr (progress, files written); errors still.",
    ),
    "help.option.format": (
        "table (terminal), json, csv (üks vaade) või xlsx (leht iga vaate kohta); vaikimisi: --output'i laiend (.xlsx, .csv, .json, .txt), muidu table.",
        "table (terminal), json, csv (one view) or xlsx (a sheet per view); default: --output's suffix (.xlsx, .csv, .json, .txt), else table.",
    ),
    "help.option.output": (
        "Kirjuta sellesse faili (atomaarselt) standardväljundi asemel; - on standardväljund.",
        "Write to this file (atomically) instead of stdout; - is stdout.",
    ),
    "help.option.view": (
        "Milline tabel table/csv väljundisse (vaikimisi: table puhul kõik, csv puhul esimene üksikasjalik).",
        "Which table for table/csv output (default: all for table, the first detailed one for csv).",
    ),
    "help.option.wide": ("Tabelid: näita kõiki veerge (vaikimisi: kompaktne valik).", "Tables: show every column (default: the compact set)."),
    "help.option.columns": (
        "Tabelid: näita neid veerge selles järjekorras (väljade nimed, komadega eraldatud).",
        "Tables: show these columns, in this order (field names, comma-separated).",
    ),
    "help.option.no-pager": (
        "Kirjuta pikad tabelid otse terminali, mitte lehitseja kaudu ($PAGER või less).",
        "Print long tables straight to the terminal, not through a pager ($PAGER or less).",
    ),
    "help.option.csv-dialect": (
        "CSV programmidele (rfc4180: koma, UTF-8) või eestikeelsele Excelile (excel: semikoolon, UTF-8 koos BOM-iga, komakoht komaga); vaikimisi: cluster.yaml'i csv_dialect, muidu rfc4180.",
        "CSV for programs (rfc4180: comma, UTF-8) or for Estonian Excel (excel: semicolon, UTF-8 with BOM, decimal comma); default: cluster.yaml's csv_dialect, else rfc4180.",
    ),
    "help.option.group": ("Ainult see rühm.", "Only this group."),
    "help.option.version": ("Näita programmi versiooni ja lõpeta.", "Show the program's version and exit."),
    "help.option.help": ("Näita seda abi ja lõpeta.", "Show this message and exit."),
    # --- options of one command ------------------------------------------------------------------
    "help.validate.format": ("text inimestele, json programmidele.", "text for people, json for programs."),
    "help.option.install-completion": ("Paigalda selle kesta (bash, zsh, fish) tab-lõpetus.", "Install completion for the current shell (bash, zsh, fish)."),
    "help.option.show-completion": ("Näita selle kesta tab-lõpetuse skripti, et see ise paigaldada.", "Show completion for the current shell, to copy it or customise the installation."),
    "help.validate.select": ("Käivita ainult need reeglid: komaga eraldatud (personal-code,iban) või korduvalt.", "Run only these rules: comma-separated (personal-code,iban) or repeated."),
    "help.validate.ignore": ("Jäta need reeglid vahele: komaga eraldatud või korduvalt.", "Skip these rules: comma-separated or repeated."),
    "help.debts.student": ("Ainult see õpilane (tunnus).", "Only this student (id)."),
    "help.calendar.days": ("Mitu päeva ette.", "How many days ahead."),
    "help.calendar.ics": (
        "Kirjuta tähtajad ka iCalendar-faili (atomaarselt; - on standardväljund).",
        "Also write the deadlines as an iCalendar file (written atomically; - is stdout).",
    ),
    "help.grants.round": ("Voor, nt 2026-sügis või 2027-kevad (ka 2026-autumn, 2027-spring).", "The round, e.g. 2026-autumn or 2027-spring (or 2026-sügis, 2027-kevad)."),
    "help.grants.year": ("Õppeaasta, nt 2026/2027.", "The study year, e.g. 2026/2027."),
    "help.grants.month": ("Kuu, mille eest makstakse, nt 11.2026 või 2026-11.", "The month paid for, e.g. 11.2026 or 2026-11."),
    "help.grants.student": ("Õpilase tunnus.", "The student's id."),
    "help.allowances.special.month": (
        "Tsükli kuu, nt 11.2026 või 2026-11: taotlused 10. kuupäevaks, otsused 15. kuupäevaks, väljamakse 26. kuupäevaks.",
        "The month of the cycle, e.g. 11.2026 or 2026-11: applications by the 10th, decisions by the 15th, paid by the 26th.",
    ),
    "help.allowances.travel.month": (
        "Väljamakse kuu, nt 11.2026 või 2026-11: eelmise kuu bussisõitude aruanded (5. kuupäevaks, makstakse 25. kuupäevaks) ja selles kuus esitatud autosõidu taotlused.",
        "The payment month, e.g. 11.2026 or 2026-11: bus reports of the previous month's journeys (due by the 5th, paid by the 25th) and car applications submitted in it.",
    ),
    "help.allowances.lunch.month": (
        "Kooli- ja praktikapäevade kuu, nt 11.2026 või 2026-11.",
        "The month of the school and practice days, e.g. 11.2026 or 2026-11.",
    ),
    "help.contracts.render.ids": ("Praktikate tunnused (või --all, --group, --status).", "Placement ids (or use --all, --group, --status)."),
    "help.contracts.render.all": ("Kõik praktikad peale mustandite ja tühistatute.", "Every placement except draft and cancelled ones."),
    "help.contracts.render.group": ("Ainult selle rühma praktikad.", "Only this group's placements."),
    "help.contracts.render.status": ("Ainult selle olekuga praktikad.", "Only placements with this status."),
    "help.contracts.render.out": ("Väljundkaust (vaikimisi: ./contracts).", "Output folder (default: ./contracts)."),
    "help.contracts.render.template": (
        "Kasuta iga lepingu jaoks seda .docx-malli (vaikimisi: kaasas olev eestikeelne, ingliskeelsete praktikate puhul ingliskeelne).",
        "Use this .docx template for every contract (default: the shipped Estonian one, English for placements in English).",
    ),
    "help.contracts.render.dry-run": ("Otsusta iga faili kohta, ära kirjuta midagi.", "Decide every file, write nothing."),
    "help.contracts.render.force": ("Kirjuta üle lepingud, mille andmed muutusid (konfliktid).", "Overwrite contracts whose data changed (conflicts)."),
    "help.contracts.render.pdf": ("Teisenda iga leping ka PDF-iks (LibreOffice ilma aknata).", "Also convert each contract to PDF (LibreOffice headless)."),
    "help.contracts.render.lock-timeout": (
        "Mitu sekundit oodata, kui teine käivitus kirjutab samasse kausta.",
        "Seconds to wait while another run writes into the same folder.",
    ),
    "help.contracts.check-template.file": ("Kontrollitav .docx-mall.", "The .docx template to check."),
    "help.match.from": (
        "Akna algus, 23.11.2026 või 2026-11-23 (vaikimisi: hindamise kuupäev).",
        "Window start, 23.11.2026 or 2026-11-23 (default: the as-of date).",
    ),
    "help.match.to": (
        "Akna lõpp, 23.11.2026 või 2026-11-23 (vaikimisi: --from'i õppeaastat lõpetav 31. august).",
        "Window end, 23.11.2026 or 2026-11-23 (default: 31 August ending the study year of --from).",
    ),
    "help.match.top": ("Mitu ettepanekut õpilase kohta näidata.", "Proposals shown per student."),
    "help.match.write": (
        "Lisa iga esimene ettepanek praktika mustandina faili placements/<kool>.yaml (kommentaarid ja järjekord jäävad).",
        "Add each first proposal as a draft placement to placements/<school>.yaml (comments and order kept).",
    ),
    "help.members.kind": ("Ainult selle liigi liikmed.", "Only members of this kind."),
    "help.members.partnership": ("Ainult see partnerlusvorm.", "Only this partnership form."),
    "help.members.recognised": (
        "Ainult vastuvõtjad, keda kooli ja ettevõtete komisjon on hindamise kuupäevaks tunnustanud (2.27), või ainult need, keda pole.",
        "Only hosts recognised by the school–company committee by the as-of date (2.27), or only those not.",
    ),
    "help.members.curriculum": (
        "Ainult liikmed, kes pakuvad sellele õppekavale kohti (veel lõppemata) või kataloogi ülesandeid.",
        "Only members offering places (not yet ended) or catalogue tasks for it.",
    ),
    "help.members.show.member": ("Liikme tunnus, nt koodikoda.", "The member's id, e.g. koodikoda."),
    "help.tasks.curriculum": ("Ainult selle õppekava ülesanded.", "Only tasks of this curriculum."),
    "help.tasks.module": ("Ainult seda moodulit teenivad ülesanded.", "Only tasks that serve this module."),
    "help.tasks.member": ("Ainult selle liikme pakutavad ülesanded.", "Only tasks this member offers."),
    # --- Click's headings and metavars -------------------------------------------------------------
    "help.heading.usage": ("Kasutus:", "Usage:"),
    "help.heading.options": ("Valikud", "Options"),
    "help.heading.commands": ("Käsud", "Commands"),
    "help.heading.arguments": ("Argumendid", "Arguments"),
    "help.usage.options": ("[VALIKUD]", "[OPTIONS]"),
    "help.usage.command": ("KÄSK [ARGUMENDID]...", "COMMAND [ARGS]..."),
    "help.default": ("vaikimisi: {value}", "default: {value}"),
    "help.required": ("kohustuslik", "required"),
    "help.metavar.text": ("tekst", "text"),
    "help.metavar.path": ("tee", "path"),
    "help.metavar.number": ("arv", "number"),
    # --- Click's usage errors, re-worded from their parts (exit 2) --------------------------------
    "usage-error.prefix": ("Viga: {message}", "Error: {message}"),
    "usage-error.try-help": ("Abi saab käsuga '{command}'.", "Try '{command}' for help."),
    "usage-error.no-such-option": ("Sellist valikut pole: {option}", "No such option: {option}"),
    "usage-error.did-you-mean": ("Kas mõtlesid: {names}?", "Did you mean {names}?"),
    "usage-error.no-such-command": ("Sellist käsku pole: {name}.", "No such command {name}."),
    "usage-error.missing-command": ("Käsk puudub.", "Missing command."),
    "usage-error.missing-option": ("Valik {name} puudub.", "Missing option {name}."),
    "usage-error.missing-argument": ("Argument {name} puudub.", "Missing argument {name}."),
    "usage-error.choose-from": ("Vali üks neist: {choices}.", "Choose from: {choices}."),
    "usage-error.invalid-value": ("Vigane väärtus valikule {name}: {reason}", "Invalid value for {name}: {reason}"),
    "usage-error.not-one-of": ("{value} ei ole üks neist: {choices}.", "{value} is not one of {choices}."),
    "usage-error.not-valid": ("{value} ei sobi.", "{value} is not valid."),
    "usage-error.not-an-integer": ("{value} ei ole täisarv.", "{value} is not a whole number."),
    "usage-error.at-least": ("peab olema vähemalt {limit}.", "must be at least {limit}."),
    "usage-error.at-most": ("tohib olla kõige rohkem {limit}.", "must be at most {limit}."),
    "usage-error.needs-value": ("Valik {option} vajab väärtust.", "Option {option} requires a value."),
    "usage-error.takes-no-value": ("Valik {option} ei võta väärtust.", "Option {option} does not take a value."),
    "usage-error.extra-arguments.one": ("Üleliigne argument: {args}", "Got unexpected extra argument: {args}"),
    "usage-error.extra-arguments.other": ("Üleliigsed argumendid: {args}", "Got unexpected extra arguments: {args}"),
    # --- the language and the data folder -----------------------------------------------------------
    "usage.lang-env": (
        "Keskkonnamuutuja CLUSTER_LANG väärtus '{value}' ei sobi; vali et või en.",
        "CLUSTER_LANG is '{value}', which is not available; choose et or en.",
    ),
    "data.not-found": (
        "Andmekausta ei leitud: otsisin faili cluster.yaml ja data/cluster.yaml kaustast {start} ja selle ülemkaustadest.",
        "No data folder found: looked for cluster.yaml and data/cluster.yaml in {start} and the folders above it.",
    ),
    "data.not-found.hint": (
        "Anna kaust võtmega --data KAUST või muutujaga CLUSTER_DATA, või käivita käsk andmekaustas (või kaustas, kus on data/).",
        "Give the folder with --data DIR or the CLUSTER_DATA variable, or run the command inside the data folder (or in the folder that holds data/).",
    ),
}

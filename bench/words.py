"""The words the generated archive is made of: names, ranks, units, places, texts."""

SURNAMES = """Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore
Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott
Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker
Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey
Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray James Hughes Price
Sanders Myers Long Ross Foster Powell Jenkins Perry Russell Sullivan Butler Barnes Fisher
Henderson Coleman Simmons Patterson Jordan Reynolds Hamilton Graham Kim Gonzales Alexander
Ramirez Wallace Griffin West Cole Hayes Chavez Gibson Bryant Ellis Stevens Murray Ford
Marshall Owens McDonald Harrison Ruiz Kennedy Wells Alvarez Woods Mendoza Castillo Olson
Webb Washington Tucker Freeman Burns Henry Vasquez Snyder Simpson Crawford Jimenez Porter
Mason Shaw Gordon Wagner Hunter Romero Hicks Dixon Hunt Palmer Robertson Black Holmes
Stone Meyer Boyd Mills Warren Fox Rose Rice Moreno Schmidt Patel Ferguson Nichols Herrera
Medina Ryan Fernandez Weaver Daniels Stephens Gardner Payne Kelley Dunn Pierce Arnold Tran
Spencer Peters Hawkins Grant Hansen Castro Hoffman Hart Elliott Cunningham Knight Bradley
Dumas Kowalski Nowak Lindqvist Okafor Yamamoto Tanaka Nakamura Oconnell Gallagher
Kowalczyk Wisniewski Novak Horvath Santos Delgado Salazar Lambert Dubois Moreau Laurent
Girard Fontaine Bergstrom Johansson Eriksson Larsen Nielsen Jensen Schneider Fischer Weber
Becker Schulz Koch Richter Klein Wolf Schroeder Neumann Schwarz""".split()  # noqa: SIM905
GIVEN = """John Robert James William Charles George Joseph Richard Edward Donald Thomas Frank Harold
Paul Raymond Walter Jack Henry Kenneth Arthur Albert David Harry Ralph Eugene Howard Carl
Willie Louis Clarence Earl Roy Fred Joe Francis Lawrence Herbert Leonard Ernest Alfred
Anthony Stanley Norman Gerald Daniel Samuel Bernard Billy Melvin Marvin Warren Michael
Leroy Russell Leo Andrew Edwin Elmer Peter Floyd Lloyd Ray Frederick Theodore Clifford
Vernon Herman Clyde Chester Philip Alvin Lester Wayne Vincent Gordon Leon Lewis Charles
Milton Roger""".split()  # noqa: SIM905
INITIALS = "ABCDEFGHJKLMNOPRSTW"
ARMY_RANKS = ["Pvt.", "Pfc.", "Pfc.", "Cpl.", "Cpl.", "Sgt.", "Sgt.", "SFC", "MSgt.",
              "2nd Lt.", "1st Lt.", "Capt.", "Maj.", "Lt. Col."]  # fmt: skip
RANKS = {
    "army": ARMY_RANKS,
    "marine_corps": ["Pvt.", "Pfc.", "Cpl.", "Sgt.", "SSgt.", "2nd Lt.", "1st Lt.", "Capt."],
    "air_force": ["A1C", "SSgt.", "TSgt.", "2nd Lt.", "1st Lt.", "Capt.", "Maj."],
    "navy": ["SA", "HN", "HM3", "AD2", "Ens.", "Lt. (jg)", "Lt."],
}
UNITS = {
    "army": [
        f"{co} Co., {reg}, {div}"
        for co, reg, div in (
            ("F", "19th Infantry Regiment", "24th Infantry Division"),
            ("L", "21st Infantry Regiment", "24th Infantry Division"),
            ("K", "34th Infantry Regiment", "24th Infantry Division"),
            ("I", "8th Cavalry Regiment", "1st Cavalry Division"),
            ("M", "7th Cavalry Regiment", "1st Cavalry Division"),
            ("A", "5th Cavalry Regiment", "1st Cavalry Division"),
            ("C", "9th Infantry Regiment", "2nd Infantry Division"),
            ("G", "23rd Infantry Regiment", "2nd Infantry Division"),
            ("E", "38th Infantry Regiment", "2nd Infantry Division"),
            ("B", "31st Infantry Regiment", "7th Infantry Division"),
            ("D", "32nd Infantry Regiment", "7th Infantry Division"),
            ("H", "17th Infantry Regiment", "7th Infantry Division"),
            ("A", "7th Infantry Regiment", "3rd Infantry Division"),
            ("K", "15th Infantry Regiment", "3rd Infantry Division"),
            ("L", "27th Infantry Regiment", "25th Infantry Division"),
            ("F", "35th Infantry Regiment", "25th Infantry Division"),
            ("C", "24th Infantry Regiment", "25th Infantry Division"),
            ("B", "179th Infantry Regiment", "45th Infantry Division"),
            ("I", "223rd Infantry Regiment", "40th Infantry Division"),
        )
    ]
    + [
        "503rd Field Artillery Battalion",
        "57th Field Artillery Battalion",
        "2nd Engineer Combat Battalion",
        "Battery A, 15th AAA AW Battalion",
    ],
    "marine_corps": [
        "Co. F, 2nd Bn, 7th Marines, 1st Marine Division",
        "Co. H, 3rd Bn, 1st Marines, 1st Marine Division",
        "Co. D, 2nd Bn, 5th Marines, 1st Marine Division",
        "VMF-214, 1st Marine Aircraft Wing",
        "11th Marines, 1st Marine Division",
    ],
    "air_force": [
        "8th Bomb Squadron, 3rd Bomb Group",
        "19th Bomb Group",
        "4th Fighter-Interceptor Wing",
        "51st Fighter-Interceptor Wing",
        "18th Fighter-Bomber Group",
        "91st Strategic Reconnaissance Squadron",
    ],
    "navy": ["USS Leyte (CV-32)", "USS Essex (CV-9)", "USS Magpie (AMS-25)", "VF-32"],
}
AUTHORITIES = {"army": "army", "marine_corps": "usmc", "air_force": "usaf", "navy": "navy"}
BRANCHES = ["army"] * 80 + ["marine_corps"] * 9 + ["air_force"] * 8 + ["navy"] * 3
STATES = """AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH
NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR""".split()  # noqa: SIM905
CITIES = ["Springfield", "Franklin", "Greenville", "Clinton", "Salem", "Fairview", "Madison",
          "Georgetown", "Marion", "Oxford", "Ashland", "Dover", "Jackson", "Milton", "Newport",
          "Lowell", "Woonsocket", "Scranton", "Butte", "Duluth", "Macon", "Akron"]  # fmt: skip
PLACES = ["near Unsan", "near Kunu-ri", "east of the Chosin Reservoir", "near Hoengsong",
          "at Taejon", "on the Naktong River", "near Chipyong-ni", "on Heartbreak Ridge",
          "on Pork Chop Hill", "at Outpost Harry", "near the Yalu River", "near Hagaru-ri",
          "near Koto-ri", "near Sinhung-ni", "near Wonju", "on Bloody Ridge", "near Kaesong",
          "over MiG Alley", "near Sariwon", "south of Pyongyang", "near Kapyong",
          "near Yongsan", "off Wonsan harbor", "near Chorwon"]  # fmt: skip
CAMPS = ["Camp 5 (Pyoktong)", "Camp 1 (Changsong)", "Camp 3 (Changsong)", "Camp 2 (Pinchon-ni)",
         "Bean Camp (Suan)", "Death Valley (Pukchin)", "the Tiger death march camp at Chunggang",
         "the Caves", "Camp 4 (Wiwon)"]  # fmt: skip
CIRCUMSTANCES = [
    "Reported missing after his unit was overrun {place}; no remains were recovered.",
    "Last seen wounded during the withdrawal {place}. A returning POW reported him held at {camp}.",
    "Aircraft lost {place}; crew members were not seen to bail out.",
    "Captured {place}; said by fellow prisoners to have died at {camp} in the winter of 1950-51.",
    "Killed in action {place}; remains not recovered during the battle.",
]
TAGS = ["Chosin", "Unsan", "Camp 5", "Tiger death march", "DNA on file", "Rosette placed",
        "Priority", "Family contact lost", "K208", "Sightings", "Court ruling",
        "Lugar letter"]  # fmt: skip
STATUS_MIX = (
    ["mia"] * 20 + ["pow"] * 6 + ["kia"] * 10 + ["missing_presumed_dead"] * 30
    + ["declared_dead"] * 18 + ["died_in_captivity"] * 10 + ["accounted_for"] * 6
)  # fmt: skip
SOURCE_KINDS = [
    ("casualty_report", "Report of casualty, {unit}"),
    ("casualty_data_card", "Korean War casualty data card, {state}"),
    ("pow_debrief", "Debriefing of a returned POW, Operation Big Switch, file {n}"),
    ("idpf", "Individual deceased personnel file {n}"),
    ("hearing_transcript", "Senate Select Committee on POW/MIA Affairs, hearing {n}"),
    ("dpaa_case_summary", "DPAA case summary {n}"),
    ("newspaper_article", "Hometown newspaper article on the missing, {state}, no. {n}"),
    ("letter", "Letter from the Department of the Army to the family, file {n}"),
    ("list", "List of the missing, K208 remains turnover, part {n}"),
    ("oral_history", "Oral history of a fellow prisoner, interview {n}"),
]
EVENT_KINDS = [
    ("loss", "Missing in action {place}", "{circumstances}"),
    (
        "status_change",
        "Declared missing in action by the Army",
        "The Adjutant General's telegram informed the family that he was missing in action.",
    ),
    (
        "status_change",
        "Presumptive finding of death under Public Law 490",
        "A review board found him presumed dead; the family was informed by letter.",
    ),
    (
        "letter",
        "Family letter to the Department of the Army",
        "His mother asked for any word from returned prisoners and was told none was found.",
    ),
    (
        "dna",
        "Family reference sample given to the casualty office",
        "A {relation} gave a mitochondrial DNA sample for comparison with unidentified "
        "remains from {camp}.",
    ),
]
RELATIONS = ["nephew", "niece", "brother", "sister", "cousin"]
RELATION_KINDS = {"nephew": "nephew_of", "niece": "niece_of", "brother": "sibling_of",
                  "sister": "sibling_of", "cousin": "cousin_of"}  # fmt: skip

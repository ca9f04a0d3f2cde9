"""Small word lists the demo district draws from: names, streets, schools.

Kept short on purpose (no Faker): a district of 100,000 households repeats names, as a real
one does; duplicates by normalized name and birth date are avoided by the generator, not by
the size of these lists.
"""

from __future__ import annotations

FEMALE_NAMES = (
    "Ana", "Maria", "Olivia", "Emma", "Sofia", "Ava", "Mia", "Isabella", "Amelia", "Harper",
    "Evelyn", "Abigail", "Emily", "Ella", "Grace", "Chloe", "Camila", "Lucia", "Aaliyah",
    "Zoë", "Nora", "Lily", "Hannah", "Layla", "Zoey", "Riley", "Leah", "Aubrey", "Savannah",
    "Brooklyn", "Claire", "Skylar", "Lucy", "Paisley", "Everly", "Anna", "Caroline", "Nova",
    "Genesis", "Kennedy", "Maya", "Valentina", "Ruby", "Naomi", "Alice", "Sadie", "Hailey",
    "Eva", "Ximena", "Mei", "Priya", "Fatima", "Amara", "Yuki", "Ngozi", "Renée", "Siobhan",
    "Linh", "Ayesha", "Keisha", "Guadalupe", "Rosa", "Dolores", "Margaret", "Patricia",
)  # fmt: skip

MALE_NAMES = (
    "Liam", "Noah", "Oliver", "Elijah", "James", "William", "Benjamin", "Lucas", "Henry",
    "Theodore", "Jack", "Levi", "Alexander", "Jackson", "Mateo", "Daniel", "Michael", "Mason",
    "Sebastian", "Ethan", "Logan", "Owen", "Samuel", "Jacob", "Asher", "Aiden", "John",
    "Joseph", "Wyatt", "David", "Leo", "Luke", "Julian", "Hudson", "Grayson", "Matthew",
    "Ezra", "Gabriel", "Carter", "Isaac", "Jayden", "Luca", "Anthony", "Dylan", "Lincoln",
    "Jose", "Diego", "Carlos", "Juan", "Andre", "Darnell", "Malik", "Kwame", "Hiroshi", "Wei",
    "Arjun", "Omar", "Tariq", "Sean", "Bjorn", "Thanh", "Robert", "Thomas", "Charles",
)  # fmt: skip

NEUTRAL_NAMES = ("Alex", "Jordan", "Taylor", "Morgan", "Casey", "Jamie", "Avery", "Quinn")

LAST_NAMES = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
    "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
    "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
    "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall",
    "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans",
    "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris",
    "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson",
    "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson",
    "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes",
    "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster",
    "Jiménez", "O'Neil", "Park", "Chen", "Okafor", "Nakamura", "Kowalski", "Van der Berg",
    "Haddad", "Singh", "Tran", "Mbeki", "Larsen", "D'Angelo", "St. Clair", "MacDonald",
)  # fmt: skip

MIDDLE_INITIALS = "ABCDEFGHJKLMNPRSTW"

STREETS = (
    ("Main", "St"), ("Oak", "Ave"), ("Maple", "St"), ("Cedar", "Ln"), ("Elm", "St"),
    ("Washington", "Ave"), ("Lake", "Dr"), ("Hill", "Rd"), ("Park", "Pl"), ("Pine", "St"),
    ("Walnut", "St"), ("Sunset", "Blvd"), ("Lincoln", "Ave"), ("Jackson", "St"),
    ("Jefferson", "Ave"), ("Madison", "Ct"), ("Church", "St"), ("Spring", "St"),
    ("Ridge", "Rd"), ("Meadow", "Ln"), ("Forest", "Dr"), ("River", "Rd"), ("Highland", "Ave"),
    ("Chestnut", "St"), ("Willow", "Way"), ("Prairie", "Trl"), ("Mill", "Rd"), ("Orchard", "Ln"),
    ("Grand", "Ave"), ("Union", "St"), ("Broadway", ""), ("Cherry", "St"), ("Birch", "Ct"),
    ("Hickory", "Ln"), ("Sycamore", "Dr"), ("Poplar", "St"), ("Franklin", "Blvd"),
    ("Adams", "St"), ("Monroe", "St"), ("Capitol", "Ave"), ("Veterans", "Pkwy"),
    ("Wabash", "Ave"), ("Stevenson", "Dr"), ("Clear Lake", "Ave"), ("Old Jacksonville", "Rd"),
    ("Dirksen", "Pkwy"), ("Sangamon", "Ave"), ("Bruns", "Ln"), ("Iles", "Ave"), ("Koke Mill", "Rd"),
)  # fmt: skip

CITY = "Springfield"
STATE = "IL"
ZIPS = ("62701", "62702", "62703", "62704", "62707", "62711", "62712")
AREA_CODES = ("217", "309", "618", "312", "630", "773", "847")

SCHOOL_NAMES = (
    "Lincoln", "Douglas", "Washington", "Jefferson", "Roosevelt", "Kennedy", "Franklin",
    "Dubois", "Addams", "Marshall", "Edison", "Hawthorne", "Whittier", "Emerson", "Irving",
    "Lakeside", "Prairie View", "Riverside", "Sunnyside", "Hillcrest", "Parkview", "Oakwood",
    "Maplewood", "Cedar Ridge", "Willow Creek", "Meadowbrook", "Stone Hill", "Fairview",
    "Glenwood", "Brookside", "Ridgeview", "Westwood", "Eastview", "Northside", "Southgate",
    "Harvard Park", "Butler", "Feitshans", "Lanphier", "Iles", "Ball", "Black Hawk",
    "Owen", "Enos", "Laketown", "McClernand", "Matheny", "Wilcox", "Sandburg",
)  # fmt: skip

CASEWORKER_AGENCY = "Sangamon County Family Services"

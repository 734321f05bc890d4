"""What a number is counted in: currencies (ISO 4217), percent, measurement units, time.

Currency symbols are read as news uses them: "$" alone is the US dollar, "A$"/"C$"/"HK$"/
"NT$" the Australian, Canadian, Hong Kong and New Taiwan dollars, "Rs" the Indian rupee
(Pakistani papers also write "Rs": a known limit), "pounds" sterling unless a nationality
says otherwise ("Lebanese pounds"), "pesos" the Philippine peso only next to a Philippine
place (else Mexican: see the component).
"""

from __future__ import annotations

# Symbols written before the number, glued or not ("$48", "A$ 1.5"); longest first when matched.
CURRENCY_SYMBOLS = {
    "us$": "USD", "$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "hk$": "HKD", "nt$": "TWD",
    "nz$": "NZD", "s$": "SGD", "r$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "rs": "INR", "rs.": "INR",
    "₦": "NGN", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₴": "UAH", "₱": "PHP", "usd": "USD", "eur": "EUR", "gbp": "GBP",
    "chf": "CHF", "sfr": "CHF", "rmb": "CNY", "kes": "KES", "ksh": "KES", "ngn": "NGN", "inr": "INR", "jpy": "JPY",
}  # fmt: skip
SYMBOLS_LONGEST_FIRST = tuple(sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
# Currency words written after the number; a preceding nationality word can override.
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
    "naira": "NGN", "real": "BRL", "reais": "BRL", "peso": "MXN", "pesos": "MXN", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "lira": "TRY", "liras": "TRY",
    "won": "KRW", "rand": "ZAR", "shilling": "KES", "shillings": "KES", "francs": "CHF", "franc": "CHF",
    "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED", "afghani": "AFN", "afghanis": "AFN",
    "taka": "BDT", "birr": "ETB", "cedi": "GHS", "cedis": "GHS", "dinar": "IQD", "dinars": "IQD",
    "rial": "IRR", "rials": "IRR", "ringgit": "MYR", "baht": "THB", "dong": "VND", "zloty": "PLN",
    "kwacha": "ZMW", "bitcoin": "BTC",
}  # fmt: skip
# "<nationality> <currency word>" → ISO code, for the currencies many countries share a name with.
NATIONAL_CURRENCIES = {
    ("lebanese", "pound"): "LBP", ("egyptian", "pound"): "EGP", ("syrian", "pound"): "SYP",
    ("sudanese", "pound"): "SDG", ("british", "pound"): "GBP", ("canadian", "dollar"): "CAD",
    ("australian", "dollar"): "AUD", ("hong kong", "dollar"): "HKD", ("taiwan", "dollar"): "TWD",
    ("new zealand", "dollar"): "NZD", ("singapore", "dollar"): "SGD", ("zimbabwean", "dollar"): "ZWL",
    ("mexican", "peso"): "MXN", ("philippine", "peso"): "PHP", ("argentine", "peso"): "ARS",
    ("colombian", "peso"): "COP", ("chilean", "peso"): "CLP", ("pakistani", "rupee"): "PKR",
    ("indian", "rupee"): "INR", ("sri lankan", "rupee"): "LKR", ("nepalese", "rupee"): "NPR",
    ("kenyan", "shilling"): "KES", ("ugandan", "shilling"): "UGX", ("tanzanian", "shilling"): "TZS",
    ("somali", "shilling"): "SOS", ("swiss", "franc"): "CHF", ("cfa", "franc"): "XOF", ("iraqi", "dinar"): "IQD",
    ("jordanian", "dinar"): "JOD", ("kuwaiti", "dinar"): "KWD", ("libyan", "dinar"): "LYD",
    ("iranian", "rial"): "IRR", ("saudi", "riyal"): "SAR", ("qatari", "riyal"): "QAR", ("yemeni", "rial"): "YER",
    ("south african", "rand"): "ZAR", ("south korean", "won"): "KRW", ("north korean", "won"): "KPW",
    ("turkish", "lira"): "TRY", ("chinese", "yuan"): "CNY", ("brazilian", "real"): "BRL",
    ("russian", "rouble"): "RUB", ("russian", "ruble"): "RUB", ("ukrainian", "hryvnia"): "UAH",
}  # fmt: skip
# Where a currency word's country decides ("pesos" in an article about the Philippines).
CURRENCY_BY_COUNTRY = {
    ("peso", "PH"): "PHP", ("peso", "AR"): "ARS", ("peso", "CO"): "COP", ("peso", "CL"): "CLP",
    ("rupee", "PK"): "PKR", ("rupee", "LK"): "LKR", ("rupee", "NP"): "NPR", ("rs", "PK"): "PKR",
    ("pound", "LB"): "LBP", ("pound", "EG"): "EGP", ("pound", "SY"): "SYP", ("pound", "SD"): "SDG",
    ("shilling", "UG"): "UGX", ("shilling", "TZ"): "TZS", ("shilling", "SO"): "SOS", ("dinar", "JO"): "JOD",
    ("dinar", "LY"): "LYD", ("dinar", "KW"): "KWD", ("rial", "YE"): "YER", ("riyal", "QA"): "QAR",
    ("dollar", "AU"): "AUD", ("dollar", "CA"): "CAD", ("dollar", "NZ"): "NZD", ("dollar", "SG"): "SGD",
    ("dollar", "HK"): "HKD", ("dollar", "TW"): "TWD", ("dollar", "ZW"): "ZWL", ("franc", "CD"): "CDF",
}  # fmt: skip
PERCENT_WORDS = {"%": "%", "percent": "%", "per cent": "%", "pc": "%", "percentage points": "pp",
                 "percentage point": "pp", "points": "pp"}  # fmt: skip
# Measurement units after a number → the unit recorded.
MEASURES = {
    "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km", "mile": "mi",
    "miles": "mi", "m": "m", "metre": "m", "metres": "m", "meter": "m", "meters": "m", "mm": "mm",
    "millimetres": "mm", "millimeters": "mm", "cm": "cm", "centimetres": "cm", "centimeters": "cm",
    "inches": "in", "inch": "in", "feet": "ft", "foot": "ft", "hectare": "ha", "hectares": "ha", "ha": "ha",
    "acre": "acre", "acres": "acre", "square kilometres": "km2", "square kilometre": "km2", "sq km": "km2",
    "square kilometers": "km2", "square kilometer": "km2", "square miles": "mi2", "square mile": "mi2",
    "tonne": "t", "tonnes": "t", "ton": "t", "tons": "t", "metric tons": "t", "kg": "kg", "kilograms": "kg",
    "kilogram": "kg", "kilos": "kg", "pounds of": "lb", "litre": "l", "litres": "l", "liter": "l", "liters": "l",
    "gallons": "gal", "gallon": "gal", "cubic metres": "m3", "cubic meters": "m3", "cubic metre": "m3",
    "km/h": "km/h", "kph": "km/h", "mph": "mph", "knots": "kn", "degrees celsius": "°C", "degrees c": "°C",
    "°c": "°C", "c": "°C", "degrees fahrenheit": "°F", "°f": "°F", "f": "°F", "degrees": "°", "mw": "MW",
    "megawatts": "MW", "gw": "GW", "gigawatts": "GW", "kwh": "kWh", "kw": "kW", "kilowatts": "kW",
    "kilowatt": "kW", "kilowatt-hours": "kWh", "hp": "hp", "horsepower": "hp", "lb-ft": "lb-ft",
    "pound-feet": "lb-ft", "cu.ft": "cu ft", "cu ft": "cu ft", "cubic feet": "cu ft", "kilotons": "kt",
    "kiloton": "kt", "megatons": "Mt", "megaton": "Mt",
}  # fmt: skip
MEASURES_LONGEST_FIRST = tuple(sorted(MEASURES, key=lambda u: -len(u)))
# A number followed by one of these is a duration or a time, not a claim.
TIME_UNITS = frozenset({
    "year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "hrs",
    "minute", "minutes", "mins", "second", "seconds", "decade", "decades", "century", "centuries", "night",
    "nights", "a.m.", "p.m.", "am", "pm", "o'clock", "gmt", "utc", "bst", "est", "edt", "pst", "cet", "year-old",
    "years-old", "weekend", "weekends", "term", "terms", "season", "seasons", "innings", "quarter", "quarters",
})  # fmt: skip
MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})  # fmt: skip
# Words before a number that make it a label, not a count ("Section 144", "Article 32").
LABEL_WORDS = frozenset({
    "section", "article", "chapter", "clause", "paragraph", "rule", "resolution", "no", "no.", "number",
    "page", "item", "route", "highway", "flight", "room", "level", "category", "phase", "grade", "stage",
    "amendment", "title", "bill", "act", "regulation", "directive", "volume", "vol", "vol.", "issue", "episode",
    "season", "game", "round", "match", "week", "day", "year", "verse", "psalm", "platform", "gate", "terminal",
    "district", "ward", "precinct", "unit", "batch", "lot", "code", "model", "version", "apartment", "suite",
    "interstate", "channel", "studio", "squad", "division", "brigade", "battalion", "regiment", "corps",
    "type", "group", "class", "tier", "zone", "sector", "block", "lane", "pier", "berth", "track", "line",
})  # fmt: skip

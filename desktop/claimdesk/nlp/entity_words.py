"""Word lists of the entity post-rules: currencies, magnitudes, units, rates and places."""

from __future__ import annotations

from claimdesk.nlp.lexicon import words

# Lower-case, as Token.lower_ spells them. "real" and "won" are left out of the currency
# words: "3 real goals", "won 5 games"; and "try" and "rub" of the currency codes.
CURRENCY_SIGNS = words(
    "£ $ € ¥ ₹ ₦ ₽ ₩ ₺ ₴ ₪ ฿ us$ a$ c$ nz$ hk$ s$ r$ rs rs. inr usd gbp eur "
    "chf jpy cny rmb aud cad nzd hkd sgd sek nok dkk pln czk huf zar brl mxn krw"
)
CURRENCY_WORDS = words(
    """
    dollar dollars pound pounds sterling euro euros yen yuan renminbi rupee rupees rand
    franc francs peso pesos reais rouble roubles ruble rubles naira shilling shillings
    cedi cedis lira dinar dinars dirham dirhams riyal riyals krona kronor krone kroner
    zloty ringgit baht hryvnia pence cents
    """
)
MAGNITUDES = words("m mn bn b tn k million millions billion billions trillion crore crores "
                   "lakh lakhs thousand hundred")
UNITS = words(
    """
    km kms kilometre kilometres kilometer kilometers mile miles mph kph km/h metre metres
    meter meters cm mm foot feet ft inch inches yard yards tonne tonnes ton tons kg kgs
    kilo kilos kilogram kilograms gram grams lb lbs ounce ounces litre litres liter liters
    gallon gallons barrel barrels bpd hectare hectares acre acres degree degrees °c °f
    knots kw kwh mw mwh gw gwh twh megawatts gigawatts watts volts calories megatonnes
    gigatonnes mt sq sqm decibels mpg bcm tcf mmbtu
    """
)
UNIT_PREFIXES = words("square cubic")
SCALES = words("celsius fahrenheit c f centigrade")
# "2.5 million barrels a day", "130 km/h": rates that belong to a quantity.
RATE_WORDS = words("a an per")
SHORT_RATES = words("h hr s sec day yr year")
RATE_UNITS = words("day year week month hour minute second person head capita")


def _lines(text: str) -> frozenset[str]:
    return frozenset(name.strip() for line in text.splitlines() for name in line.split(",")
                     if name.strip())


# Names, exactly as written, that are a place whenever they stand alone as an entity:
# "Jordan said", "Kharkiv" as ORG. Names that are as often a person's first name or a
# firm ("Chad", "Georgia", "Victoria", "Virginia", "Amazon") are left out on purpose.
PLACES = _lines(
    """
    Afghanistan, Albania, Algeria, Andorra, Angola, Argentina, Armenia, Australia, Austria
    Azerbaijan, Bahrain, Bangladesh, Barbados, Belarus, Belgium, Belize, Benin, Bhutan
    Bolivia, Bosnia, Botswana, Brazil, Brunei, Bulgaria, Burkina Faso, Burundi, Cambodia
    Cameroon, Canada, Chile, China, Colombia, Comoros, Congo, Costa Rica, Croatia, Cuba
    Cyprus, Czechia, Czech Republic, Denmark, Djibouti, Dominica, Ecuador, Egypt
    El Salvador, Eritrea, Estonia, Eswatini, Ethiopia, Fiji, Finland, France, Gabon, Gambia
    Germany, Ghana, Greece, Grenada, Guatemala, Guinea, Guyana, Haiti, Honduras, Hungary
    Iceland, India, Indonesia, Iran, Iraq, Ireland, Israel, Italy, Ivory Coast, Jamaica
    Japan, Jordan, Kazakhstan, Kenya, Kiribati, Kosovo, Kuwait, Kyrgyzstan, Laos, Latvia
    Lebanon, Lesotho, Liberia, Libya, Liechtenstein, Lithuania, Luxembourg, Madagascar
    Malawi, Malaysia, Maldives, Mali, Malta, Mauritania, Mauritius, Mexico, Moldova, Monaco
    Mongolia, Montenegro, Morocco, Mozambique, Myanmar, Namibia, Nauru, Nepal, Netherlands
    New Zealand, Nicaragua, Niger, Nigeria, North Korea, North Macedonia, Norway, Oman
    Pakistan, Palau, Palestine, Panama, Papua New Guinea, Paraguay, Peru, Philippines
    Poland, Portugal, Qatar, Romania, Russia, Rwanda, Samoa, San Marino, Saudi Arabia
    Senegal, Serbia, Seychelles, Sierra Leone, Singapore, Slovakia, Slovenia, Somalia
    South Africa, South Korea, South Sudan, Spain, Sri Lanka, Sudan, Suriname, Sweden
    Switzerland, Syria, Taiwan, Tajikistan, Tanzania, Thailand, Togo, Tonga, Tunisia, Turkey
    Türkiye, Turkmenistan, Tuvalu, Uganda, Ukraine, United Arab Emirates, UAE
    United Kingdom, UK, Britain, Great Britain, United States, US, USA, America, Uruguay
    Uzbekistan, Vanuatu, Vatican, Venezuela, Vietnam, Yemen, Zambia, Zimbabwe
    England, Scotland, Wales, Northern Ireland, Gaza, West Bank, Crimea, Donbas, Kashmir
    Tibet, Xinjiang, Hong Kong, Macau, Greenland, Catalonia, Cornwall, Devon, Kent, Essex
    Yorkshire, Lancashire, Lincolnshire, Norfolk, Suffolk, Cumbria, Merseyside, Ulster
    London, Paris, Berlin, Madrid, Rome, Brussels, Vienna, Warsaw, Prague, Budapest, Athens
    Lisbon, Dublin, Edinburgh, Cardiff, Belfast, Glasgow, Manchester, Birmingham, Liverpool
    Leeds, Sheffield, Bristol, Newcastle, Oxford, Cambridge, Moscow, Kyiv, Kiev, Kharkiv
    Odesa, Odessa, Lviv, Mariupol, Bakhmut, Minsk, Tbilisi, Ankara, Istanbul, Tehran
    Baghdad, Damascus, Beirut, Jerusalem, Tel Aviv, Cairo, Riyadh, Doha, Dubai, Abu Dhabi
    Kabul, Islamabad, Karachi, Lahore, Delhi, New Delhi, Mumbai, Kolkata, Chennai
    Bangalore, Bengaluru, Dhaka, Colombo, Kathmandu, Beijing, Shanghai, Shenzhen, Wuhan
    Tokyo, Osaka, Seoul, Pyongyang, Taipei, Manila, Jakarta, Bangkok, Hanoi, Kuala Lumpur
    Sydney, Melbourne, Canberra, Brisbane, Perth, Auckland, Wellington, Ottawa, Toronto
    Montreal, Vancouver, Washington, New York, Los Angeles, Chicago, Houston, Miami
    San Francisco, Boston, Seattle, Mexico City, Havana, Caracas, Bogota, Lima, Santiago
    Buenos Aires, Sao Paulo, São Paulo, Rio de Janeiro, Brasilia, Lagos, Abuja, Nairobi
    Addis Ababa, Khartoum, Kinshasa, Johannesburg, Pretoria, Cape Town, Soweto, Durban
    Harare, Kampala, Accra, Dakar, Algiers, Tunis, Tripoli, Rabat, Casablanca
    """
)

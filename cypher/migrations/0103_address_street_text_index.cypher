// Address search by street name ("Main St" inside "12 MAIN ST") is a CONTAINS, which a
// text index answers.
CREATE TEXT INDEX address_street_key_text IF NOT EXISTS FOR (a:Address) ON (a.streetKey);

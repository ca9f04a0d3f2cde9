// After a load: every index whose statistics the load outdated is sampled again (scheduled;
// the benchmark waits for it), so that statements are planned from the loaded district.
CALL db.resampleOutdatedIndexes()

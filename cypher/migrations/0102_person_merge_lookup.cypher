// An administrator finds the merges of a person (to undo one) by either record's id.
CREATE INDEX person_merge_survivor_id IF NOT EXISTS FOR (m:PersonMerge) ON (m.survivorId);
CREATE INDEX person_merge_merged_id IF NOT EXISTS FOR (m:PersonMerge) ON (m.mergedId);

// A merge of two person records is kept as a PersonMerge node so an administrator can undo it.
CREATE CONSTRAINT person_merge_id_unique IF NOT EXISTS
FOR (m:PersonMerge) REQUIRE m.id IS UNIQUE;
// Edges moved by a merge carry its id, so undoing finds exactly those.
CREATE INDEX member_of_merge_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.mergeId);
CREATE INDEX related_to_merge_id IF NOT EXISTS FOR ()-[r:RELATED_TO]-() ON (r.mergeId);
CREATE INDEX has_phone_merge_id IF NOT EXISTS FOR ()-[r:HAS_PHONE]-() ON (r.mergeId);
CREATE INDEX enrolled_at_merge_id IF NOT EXISTS FOR ()-[r:ENROLLED_AT]-() ON (r.mergeId);

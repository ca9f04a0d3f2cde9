MATCH (m:PersonMerge {id: $mergeId})
RETURN m {.*} AS merge

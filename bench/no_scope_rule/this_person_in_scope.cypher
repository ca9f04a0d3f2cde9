// For bench.resume --fragments bench/no_scope_rule: the scope rule replaced by a test of
// the grant alone, to measure what planning the rule costs (the answers would be wrong).
(scopeSchoolIds IS NULL OR size(scopeSchoolIds) > 0)

/**
 * One search across offices, campaigns, appeals and evidence: PostgreSQL full-text search over
 * {@code search_index} (kept current by triggers on the owners' tables; what a step writes on an
 * appeal is queued and re-indexed within a second by {@link SearchIndexing}), accents folded,
 * ranked, with highlighted snippets.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"appeal", "campaign", "discussion", "evidence", "shared", "target"})
package org.bucn.tracker.search;

/**
 * One search across offices, campaigns, appeals and evidence: PostgreSQL full-text search over
 * {@code search_index} (kept current by triggers on the owners' tables), accents folded, ranked,
 * with highlighted snippets.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"appeal", "campaign", "discussion", "evidence", "shared", "target"})
package org.bucn.tracker.search;

/**
 * Documents and search: filing text (plain, Markdown, SEC inline-XBRL HTML) reduced to sections and chunks, embedded
 * in-process, stored in PostgreSQL, and searched by keyword (PostgreSQL full text, ranked over its GIN index or over
 * the Lucene index's copy of the same vectors), meaning (a Lucene HNSW index) or both, under the access rule. The
 * Lucene index follows the database through an outbox.
 */
@ApplicationModule
@NullMarked
package io.covenant.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Documents and search: filing text (plain, Markdown, SEC inline-XBRL HTML) reduced to sections and chunks, embedded
 * in-process, stored in PostgreSQL, and searched by keyword (PostgreSQL full text), meaning (a Lucene HNSW index that
 * follows the database through an outbox) or both, under the access rule.
 */
@org.springframework.modulith.ApplicationModule
package io.covenant.search;

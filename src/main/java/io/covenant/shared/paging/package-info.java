/** Keyset cursors, pages and page-size limits. */
@NullMarked
package io.covenant.shared.paging;

import org.jspecify.annotations.NullMarked;

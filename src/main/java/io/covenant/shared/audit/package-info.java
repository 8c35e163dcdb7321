/** The event any module publishes when it changes a business row; the audit module records it. */
@NullMarked
package io.covenant.shared.audit;

import org.jspecify.annotations.NullMarked;

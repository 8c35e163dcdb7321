/**
 * Company profiles: the intelligence platform's profile columns with AccuNode's tenancy, listed, filtered, searched
 * by name (trigram) and text, and looked up by ticker and CIK.
 */
@ApplicationModule
@NullMarked
package io.covenant.company;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

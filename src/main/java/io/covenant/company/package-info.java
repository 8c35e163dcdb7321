/**
 * Company profiles: the intelligence platform's profile columns with AccuNode's tenancy, listed, filtered, searched
 * by name (trigram) and text, and looked up by ticker and CIK.
 */
@org.springframework.modulith.ApplicationModule
package io.covenant.company;

package io.covenant.intelligence;

import io.covenant.company.Companies;
import io.covenant.shared.error.Forbidden;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;

/** The permission and access-level rules shared by intelligence events and analysis reports. */
final class Access {

	private Access() {
	}

	static void requireRead(Caller caller) {
		if (!caller.can("intelligence:read")) {
			throw new Forbidden("This needs the permission intelligence:read");
		}
	}

	static void requireWrite(Caller caller) {
		if (!caller.can("intelligence:write")) {
			throw new Forbidden("This needs the permission intelligence:write");
		}
	}

	/** Refuses a change the caller may see but not make (AccuNode's rule). */
	static void requireChangeable(Caller caller, AccessLevel level, java.util.UUID organizationId,
			java.util.UUID createdBy, String what) {
		if (!caller.mayChange(level, organizationId, createdBy)) {
			throw new Forbidden("Only the creator, an org_admin of its organization or a super_admin may change this " + what);
		}
	}

	/** Refuses links to companies the caller cannot see, naming the field that holds them. */
	static void requireVisibleCompanies(Companies companies, Caller caller, java.util.Collection<java.util.UUID> ids,
			String field) {
		java.util.Set<java.util.UUID> missing = new java.util.HashSet<>(ids);
		missing.removeAll(companies.visibleIds(caller, missing));
		if (!missing.isEmpty()) {
			throw InvalidInput.of(field, "refers to a company that does not exist or is not visible to you");
		}
	}

	static AccessLevel levelFor(Caller caller, AccessLevel requested) {
		AccessLevel level = requested != null ? requested
				: caller.organizationId() != null ? AccessLevel.ORGANIZATION : AccessLevel.PERSONAL;
		if (level == AccessLevel.SYSTEM && !caller.isSuperAdmin()) {
			throw new Forbidden("Only a super_admin publishes system-wide intelligence");
		}
		if (level == AccessLevel.ORGANIZATION && caller.organizationId() == null) {
			throw InvalidInput.of("access_level", "organization needs you to belong to an organization");
		}
		return level;
	}

}

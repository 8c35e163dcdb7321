package io.covenant.intelligence;

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

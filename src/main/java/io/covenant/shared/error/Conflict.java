package io.covenant.shared.error;

import org.springframework.http.HttpStatus;

/** The request clashes with the current state, such as a duplicate of an existing row. */
public class Conflict extends DomainException {

	public Conflict(String type, String title, String detail) {
		super(HttpStatus.CONFLICT, type, title, detail);
	}

}

package io.covenant.shared.error;

import org.springframework.http.HttpStatus;

/** A request the server cannot read at all: malformed, the wrong type, or missing a part. */
public class BadRequest extends DomainException {

	public BadRequest(String detail) {
		super(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
	}

	public BadRequest(String type, String title, String detail) {
		super(HttpStatus.BAD_REQUEST, type, title, detail);
	}

}

package org.kurultai.shared;

/** The person (or the State they act for) has no right to this act. Answered with 403. */
public class NotAllowed extends RuntimeException {

	public NotAllowed(String message) {
		super(message);
	}
}

package org.kurultai.shared;

/** A request names a value the forum does not know, such as an unknown status or body code. Answered with 400. */
public class InvalidRequest extends RuntimeException {

	private final String parameter;

	public InvalidRequest(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	public String parameter() {
		return parameter;
	}
}

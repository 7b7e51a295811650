package org.kurultai.shared;

/** Something named by a code or an id does not exist. Answered with 404. */
public class NotFound extends RuntimeException {

	private final String kind;

	public NotFound(String kind, String id) {
		super("No " + kind + " '" + id + "'");
		this.kind = kind;
	}

	public String kind() {
		return kind;
	}
}

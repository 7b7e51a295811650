package org.kurultai.notifications;

import java.util.Locale;

import org.kurultai.shared.InvalidRequest;

/** Where a mail of the outbox stands. */
public enum OutboxStatus {

	/** Written, not yet tried. */
	WAITING,
	/** Tried and failed at least once; tried again after its back-off. */
	RETRYING,
	/** Accepted by the mail server. */
	SENT,
	/** Given up after the maximum number of attempts, or never sendable; waits for an administrator's retry. */
	FAILED;

	/** The status named in a request ({@code waiting}, {@code retrying}, {@code sent}, {@code failed}). */
	static OutboxStatus named(String name) {
		for (var status : values()) {
			if (status.name().equalsIgnoreCase(name.trim())) {
				return status;
			}
		}
		throw InvalidRequest.of("status", "problem.outbox.status", name);
	}

	/** How the page and the API name it, e.g. {@code failed}. */
	public String slug() {
		return name().toLowerCase(Locale.ROOT);
	}
}

package org.kurultai.notices;

import org.jspecify.annotations.Nullable;

import java.util.Locale;

/**
 * What a notice tells of. Each kind has its mail template ({@code templates/mail/<template>.html} and {@code .txt}, the
 * subject {@code mail.<template>.subject}) and its in-app texts ({@code notices.<template>.title} / {@code .body}).
 * A silence procedure opened or broken is always told at once: in a consensus forum a missed deadline is adoption by
 * default, so nobody can put these in a digest or turn them off.
 */
public enum NoticeKind {
	MEETING_CONVENED, MEETING_CHANGED, MEETING_CANCELLED, REGISTRATION_CLOSING, SILENCE_OPENED, SILENCE_BROKEN, SILENCE_CLOSED,
	REVISION_ISSUED, AMENDMENT_PROPOSED, DECISION_ADOPTED, REPORT_DUE, RETURN_DUE, ACCREDITATION_CHANGED;

	/** The template's (and the messages') name: {@code silence-opened}. */
	public String template() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** Always mailed at once, whatever the person chose. */
	public boolean alwaysImmediate() {
		return this == SILENCE_OPENED || this == SILENCE_BROKEN;
	}

	/** The kind named exactly so, or null. */
	static @Nullable NoticeKind named(String name) {
		for (var kind : values()) {
			if (kind.name().equals(name)) {
				return kind;
			}
		}
		return null;
	}
}

package org.kurultai.identity;

import org.jspecify.annotations.Nullable;

/** Who is looking, in which capacity, on the day they look; the public has no account. */
public record Viewer(@Nullable Mandate mandate) {

	public static final Viewer PUBLIC = new Viewer(null);

	Capacity capacity() {
		return mandate == null ? Capacity.NONE : mandate.capacity();
	}

	@Nullable String participant() {
		return mandate == null ? null : mandate.account().participant();
	}
}

package org.kurultai.organs;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An office of the Secretariat a decision appoints to. The head's office is one, whatever its title
 * (Executive Director until 2022, Secretary General since): its holders follow each other and its
 * title changes by {@code RENAME_OFFICE}. Deputies serve side by side; appointing one ends no other's term.
 */
public enum Office {
	HEAD, DEPUTY;

	/** An office by its code or by a title it bore ({@code EXECUTIVE_DIRECTOR}, {@code DEPUTY_SECRETARY_GENERAL}, …). */
	public static Optional<Office> named(@Nullable String code) {
		if (code == null) {
			return Optional.empty();
		}
		return switch (code.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_')) {
			case "HEAD", "EXECUTIVE_DIRECTOR", "SECRETARY_GENERAL" -> Optional.of(HEAD);
			case "DEPUTY", "DEPUTY_EXECUTIVE_DIRECTOR", "DEPUTY_SECRETARY_GENERAL" -> Optional.of(DEPUTY);
			default -> Optional.empty();
		};
	}
}

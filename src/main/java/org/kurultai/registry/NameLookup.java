package org.kurultai.registry;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Participants' names by code, for pages: {@code ${names.of('KAZ')}}, {@code ${names.all(codes)}}; an unknown code reads as itself. */
public record NameLookup(Roster roster) {

	public String of(@Nullable String code) {
		if (code == null) {
			return "";
		}
		try {
			return roster.find(ParticipantCode.parse(code)).map(Participant::name).orElse(code);
		}
		catch (RuntimeException notACode) {
			return code;
		}
	}

	public String all(List<String> codes) {
		return String.join(", ", codes.stream().map(this::of).toList());
	}
}

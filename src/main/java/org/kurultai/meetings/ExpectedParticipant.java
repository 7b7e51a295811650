package org.kurultai.meetings;

import java.util.Locale;

import org.kurultai.registry.ParticipantNames;

/** A participant expected at a meeting (whose delegation may register): its code, names and group in protocol order. */
public record ExpectedParticipant(String code, ParticipantNames names, ProtocolGroup group) {

	public String name(Locale language) {
		return names.shortIn(language);
	}
}

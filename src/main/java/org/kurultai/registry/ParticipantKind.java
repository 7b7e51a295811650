package org.kurultai.registry;

/** A participant is either a State or an international organization. */
public enum ParticipantKind {
	STATE, ORGANIZATION
}

package org.kurultai.meetings;

/**
 * The groups of the list of participants, in protocol order: member States, then observer States, then international
 * organizations (observers and, at a meeting of named participants, partners); within a group, by English short name.
 */
public enum ProtocolGroup {
	MEMBER_STATES, OBSERVER_STATES, ORGANIZATIONS
}

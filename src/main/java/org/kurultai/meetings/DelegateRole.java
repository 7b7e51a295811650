package org.kurultai.meetings;

/** Where a person stands in a registered delegation: its head, a member, or an adviser. */
public enum DelegateRole {
	HEAD, MEMBER, ADVISER
}

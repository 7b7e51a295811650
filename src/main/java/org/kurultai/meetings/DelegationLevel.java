package org.kurultai.meetings;

/**
 * The rank of the person who led a delegation. The historical records use all of them; a delegation registered for a
 * meeting names its head as head of State, minister, deputy minister, senior official, ambassador or expert
 * ({@link #REGISTERED}), or one of the other ranks the history knows.
 */
public enum DelegationLevel {
	HEAD_OF_STATE, HEAD_OF_GOVERNMENT, VICE_PRESIDENT, DEPUTY_PRIME_MINISTER, MINISTER, DEPUTY_MINISTER, AMBASSADOR, OFFICIAL,
	OTHER, SENIOR_OFFICIAL, EXPERT;

	/** The levels offered when a delegation registers, in order of rank. */
	public static final java.util.List<DelegationLevel> REGISTERED = java.util.List.of(HEAD_OF_STATE, MINISTER, DEPUTY_MINISTER,
			SENIOR_OFFICIAL, AMBASSADOR, EXPERT);

	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}
}

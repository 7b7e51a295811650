package org.kurultai.meetings;

/** The rank of the person who led a delegation. */
public enum DelegationLevel {
	HEAD_OF_STATE, HEAD_OF_GOVERNMENT, VICE_PRESIDENT, DEPUTY_PRIME_MINISTER, MINISTER, DEPUTY_MINISTER, AMBASSADOR, OFFICIAL,
	OTHER;

	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}
}

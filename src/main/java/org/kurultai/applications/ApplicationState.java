package org.kurultai.applications;

/**
 * Where an application stands as a whole: under consideration, granted (the granting decision adopted and the
 * status recorded), or refused (a step's decision was not adopted or silence was broken; a new decision on that
 * step reopens it).
 */
public enum ApplicationState {
	OPEN, GRANTED, REFUSED
}

package org.kurultai.decisions;

/** How a decision is taken: at a meeting, or in writing under a silence procedure between meetings. */
public enum Procedure {
	MEETING, SILENCE
}

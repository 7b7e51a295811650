package org.kurultai.organs;

import org.kurultai.shared.RuleViolation;

/** The organs refuse a change (a decision's effect, a correction) that the forum's rules forbid on its day. */
public class ChangeRefused extends RuleViolation {

	ChangeRefused(String key, Object... arguments) {
		super(key, arguments);
	}

	@Override
	public String rule() {
		return "organs-change-refused";
	}
}

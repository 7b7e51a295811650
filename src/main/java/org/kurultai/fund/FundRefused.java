package org.kurultai.fund;

import org.kurultai.shared.RuleViolation;

/** A rule of the Fund's books refuses the movement (409): the money is not there, the pledge is received, the entry reversed. */
public class FundRefused extends RuleViolation {

	private final String rule;

	FundRefused(String rule, String key, Object... arguments) {
		super(key, arguments);
		this.rule = rule;
	}

	@Override
	public String rule() {
		return rule;
	}
}

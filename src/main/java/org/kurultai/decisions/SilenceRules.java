package org.kurultai.decisions;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the forum's silence procedure ends. Under CICA's practice a member's written communication
 * breaking silence ends the procedure at once: the text is not adopted, and nobody waits for the
 * deadline to learn it ({@code broken-ends-procedure: true}, the default). A forum that lets the
 * procedure run to its deadline, collecting every communication before the outcome, sets it false.
 *
 * @param brokenEndsProcedure whether the first communication the rule counts closes the procedure as silence broken
 */
@ConfigurationProperties("kurultai.forum.silence")
public record SilenceRules(@Nullable Boolean brokenEndsProcedure) {

	public static final SilenceRules CICA = new SilenceRules(true);

	public SilenceRules {
		brokenEndsProcedure = brokenEndsProcedure == null ? Boolean.TRUE : brokenEndsProcedure;
	}

	public boolean breakEndsProcedure() {
		return Boolean.TRUE.equals(brokenEndsProcedure);
	}
}

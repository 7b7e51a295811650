package org.kurultai.decisions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kurultai.shared.DecidedBy;
import org.kurultai.shared.Effect;
import org.kurultai.shared.EffectHandler;
import org.kurultai.shared.EffectKind;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.RuleViolation;
import org.kurultai.shared.Sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An adopted decision's effects, applied through a fake handler: in order, each in its own savepoint,
 * a refused one reported with its reason while the others apply, an applied one never again, and a
 * failure that is not a refusal rolling everything back.
 */
class EffectApplicationTests {

	static final LocalDate ADOPTED = LocalDate.of(2026, 3, 11);
	static final DecidedBy BY = new DecidedBy(7, "CMFA/2026/1", "CMFA", ADOPTED, null, Sources.none(), false);

	/** The registry's part, as a fake: admits, refuses a member without the founding signatures, or breaks. */
	static class FakeRegistry implements EffectHandler {

		final List<String> written = new ArrayList<>();

		@Override
		public Set<EffectKind> kinds() {
			return Set.of(EffectKind.ADMIT, EffectKind.END_STATUS);
		}

		@Override
		public void check(Effect effect, int index) {
		}

		@Override
		public void apply(Effect effect, DecidedBy decision) {
			if ("BROKEN".equals(effect.participant())) {
				throw new IllegalStateException("the database is gone");
			}
			if ("MEMBER".equals(effect.status())) {
				throw new Unsigned(effect.participant());
			}
			written.add(effect.kind() + " " + effect.participant() + " from " + effect.effectiveFrom(decision.decidedOn()) + " by "
					+ decision.register());
		}
	}

	static final class Unsigned extends RuleViolation {

		Unsigned(String participant) {
			super("problem.decision.effectNotApplied", participant);
		}

		@Override
		public String rule() {
			return "unsigned";
		}
	}

	/** A savepoint that counts and, like the database's, leaves nothing of a failed piece of work. */
	static final class Savepoints implements EffectApplication.Savepoint {

		int opened;
		int rolledBack;

		@Override
		public void run(Runnable work) {
			opened++;
			try {
				work.run();
			}
			catch (RuntimeException failure) {
				rolledBack++;
				throw failure;
			}
		}
	}

	static Effect admit(String participant, String status, LocalDate effectiveOn) {
		return new Effect(EffectKind.ADMIT, participant, status, null, null, null, null, null, null, null, null, null, null, null, effectiveOn,
				null);
	}

	static DecidedEffect pending(int position, Effect effect) {
		return new DecidedEffect(position, effect, null, null, null);
	}

	final FakeRegistry registry = new FakeRegistry();
	final Savepoints savepoints = new Savepoints();
	final EffectApplication application = new EffectApplication(Map.of(EffectKind.ADMIT, registry, EffectKind.END_STATUS, registry),
			savepoints);

	@Test
	void effectsApplyInOrderEachInItsSavepointARefusedOneIsReportedAndTheOthersApply() {
		var recorded = new ArrayList<EffectApplication.Outcome>();
		var outcomes = application.apply(List.of(pending(0, admit("XYZ", "OBSERVER", null)), pending(1, admit("ABC", "MEMBER", null)),
				pending(2, admit("QRS", "PARTNER", LocalDate.of(2027, 1, 1)))), BY, recorded::add);

		assertThat(registry.written).containsExactly("ADMIT XYZ from 2026-03-11 by CMFA/2026/1", "ADMIT QRS from 2027-01-01 by CMFA/2026/1");
		assertThat(savepoints.opened).as("one savepoint per effect").isEqualTo(3);
		assertThat(savepoints.rolledBack).isEqualTo(1);
		assertThat(outcomes).isEqualTo(recorded);
		assertThat(outcomes).extracting(EffectApplication.Outcome::position).containsExactly(0, 1, 2);
		assertThat(outcomes.get(0).applied()).isTrue();
		assertThat(outcomes.get(0).from()).as("the day of adoption by default").isEqualTo(ADOPTED);
		assertThat(outcomes.get(1).applied()).isFalse();
		assertThat(outcomes.get(1).refusal()).as("the reason, in English").contains("ABC");
		assertThat(outcomes.get(2).from()).as("the day the decision states").isEqualTo(LocalDate.of(2027, 1, 1));
	}

	@Test
	void anEffectAlreadyAppliedIsNeverAppliedAgain() {
		var applied = new DecidedEffect(0, admit("XYZ", "OBSERVER", null), Instant.parse("2026-03-11T05:00:00Z"), ADOPTED, null);
		var outcomes = application.apply(List.of(applied, pending(1, admit("QRS", "PARTNER", null))), BY, outcome -> {
		});
		assertThat(registry.written).containsExactly("ADMIT QRS from 2026-03-11 by CMFA/2026/1");
		assertThat(outcomes).extracting(EffectApplication.Outcome::position).containsExactly(1);
		assertThat(savepoints.opened).isEqualTo(1);
	}

	@Test
	void aFailureThatIsNoRefusalRollsTheAdoptionBack() {
		var recorded = new ArrayList<EffectApplication.Outcome>();
		assertThatThrownBy(() -> application.apply(List.of(pending(0, admit("XYZ", "OBSERVER", null)), pending(1, admit("BROKEN", "OBSERVER",
				null)), pending(2, admit("QRS", "PARTNER", null))), BY, recorded::add)).isInstanceOf(IllegalStateException.class);
		assertThat(recorded).extracting(EffectApplication.Outcome::position).as("nothing after the failure").containsExactly(0);
		assertThat(registry.written).hasSize(1);
		// a refusal of the request itself is a refusal too
		var invalid = new EffectApplication(Map.of(EffectKind.ADMIT, new FakeRegistry() {
			@Override
			public void apply(Effect effect, DecidedBy decision) {
				throw InvalidRequest.of("effects[0].participant", "problem.participant.unknown", effect.participant());
			}
		}), savepoints);
		assertThat(invalid.apply(List.of(pending(0, admit("NOPE", "OBSERVER", null))), BY, outcome -> {
		}).get(0).applied()).isFalse();
	}
}

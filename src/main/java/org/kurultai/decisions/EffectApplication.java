package org.kurultai.decisions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DecidedBy;
import org.kurultai.shared.EffectHandler;
import org.kurultai.shared.EffectKind;
import org.kurultai.shared.Refusal;

/**
 * How an adopted decision's effects apply: in order, each by the handler of its kind (the module
 * owning its data), each inside its own savepoint, so that one the forum's rules refuse on its day
 * (a {@link Refusal} from the handler) leaves nothing of itself and is reported refused with its
 * reason, while the others still apply. An effect already applied is skipped; any other failure
 * propagates (and rolls the whole adoption back). The caller ({@link Decisions}) runs this only in the
 * transaction that closes the decision under its lock, so each effect applies exactly once.
 */
final class EffectApplication {

	/** Runs a piece of work in a savepoint of the current transaction: a failure inside rolls back only that piece. */
	@FunctionalInterface
	interface Savepoint {
		void run(Runnable work);
	}

	/** What became of one effect. */
	record Outcome(int position, EffectKind kind, LocalDate from, @Nullable String refusal) {

		boolean applied() {
			return refusal == null;
		}
	}

	private final Map<EffectKind, EffectHandler> handlers;
	private final Savepoint savepoint;

	EffectApplication(Map<EffectKind, EffectHandler> handlers, Savepoint savepoint) {
		this.handlers = handlers;
		this.savepoint = savepoint;
	}

	/** Applies the effects not yet applied, in order; each outcome is handed to {@code record} as soon as it is known. */
	List<Outcome> apply(List<DecidedEffect> effects, DecidedBy by, Consumer<Outcome> record) {
		var outcomes = new ArrayList<Outcome>();
		for (var decided : effects) {
			if (decided.appliedAt() != null) {
				continue;
			}
			var effect = decided.effect();
			var handler = handlers.get(effect.kind());
			if (handler == null) {
				throw new IllegalStateException("No module applies effects of kind " + effect.kind());
			}
			String refusal = null;
			try {
				savepoint.run(() -> handler.apply(effect, by));
			}
			catch (RuntimeException refused) {
				if (!(refused instanceof Refusal)) {
					throw refused;
				}
				refusal = refused.getMessage();
			}
			var outcome = new Outcome(decided.position(), effect.kind(), effect.effectiveFrom(by.decidedOn()), refusal);
			record.accept(outcome);
			outcomes.add(outcome);
		}
		return outcomes;
	}
}

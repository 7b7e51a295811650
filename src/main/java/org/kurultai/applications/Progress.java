package org.kurultai.applications;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.applications.ApplicationSteps.Step;
import org.kurultai.decisions.DecisionKind;
import org.kurultai.decisions.DecisionStatus;

/**
 * Where an application stands, derived from the configured steps, the decisions that name it (in the
 * order they were proposed) and the applicant's signatures: never stored. The decision steps are taken in
 * order: a decision of the next step's kind by one of its bodies is that step under way while open, done
 * once adopted (the granting decision only if its admission was applied), failed if not adopted or if
 * silence was broken (the application is then refused, unless a new decision on that step is proposed);
 * withdrawn, it leaves the step pending. The signatures step is done when the applicant has signed every
 * founding document the registry's admission rule requires.
 *
 * @param steps each configured step with its state
 * @param state where the application as a whole stands
 */
public record Progress(List<StepProgress> steps, ApplicationState state) {

	/** What a step's decision was, as the deciding body's register says. */
	public record Considered(long id, String body, DecisionKind kind, DecisionStatus status, @Nullable String register,
			@Nullable LocalDate decidedOn, @Nullable LocalDate admittedFrom, @Nullable String admissionRefused) {
	}

	/** A step's state. */
	public enum StepState {
		PENDING, UNDER_WAY, DONE, FAILED
	}

	/**
	 * One step: its state, the decisions taken on it in order (the last decides its state), and for the
	 * signatures step the founding documents signed (with the day) and those still to sign.
	 */
	public record StepProgress(int position, Step step, StepState state, List<Considered> decisions, Map<String, LocalDate> signed,
			List<String> unsigned) {

		public @Nullable Considered last() {
			return decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
		}
	}

	/**
	 * @param steps the steps to the status sought
	 * @param decisions the decisions naming the application, in the order proposed
	 * @param signed the founding documents the applicant has signed, with the day
	 * @param required the founding documents the admission rule requires
	 */
	public static Progress of(List<Step> steps, List<Considered> decisions, Map<String, LocalDate> signed, List<String> required) {
		var states = new ArrayList<StepState>();
		var taken = new ArrayList<List<Considered>>();
		var decisionSteps = new ArrayList<Integer>();
		for (int i = 0; i < steps.size(); i++) {
			states.add(StepState.PENDING);
			taken.add(new ArrayList<>());
			if (steps.get(i).isDecision()) {
				decisionSteps.add(i);
			}
		}
		int next = 0;
		for (var decision : decisions) {
			if (next >= decisionSteps.size()) {
				break;
			}
			int index = decisionSteps.get(next);
			if (!steps.get(index).takenBy(decision.body(), decision.kind())) {
				continue;
			}
			taken.get(index).add(decision);
			boolean granting = next == decisionSteps.size() - 1;
			var state = switch (decision.status()) {
				case OPEN -> StepState.UNDER_WAY;
				case ADOPTED -> granting && decision.admissionRefused() != null ? StepState.FAILED : StepState.DONE;
				case NOT_ADOPTED, SILENCE_BROKEN -> StepState.FAILED;
				case WITHDRAWN -> StepState.PENDING;
			};
			states.set(index, state);
			if (state == StepState.DONE) {
				next++;
			}
		}
		var unsigned = required.stream().filter(document -> !signed.containsKey(document)).toList();
		var result = new ArrayList<StepProgress>();
		for (int i = 0; i < steps.size(); i++) {
			var step = steps.get(i);
			if (step.isDecision()) {
				result.add(new StepProgress(i + 1, step, states.get(i), List.copyOf(taken.get(i)), Map.of(), List.of()));
			}
			else {
				result.add(new StepProgress(i + 1, step, unsigned.isEmpty() ? StepState.DONE : StepState.PENDING, List.of(), Map.copyOf(signed),
						unsigned));
			}
		}
		ApplicationState state;
		if (next >= decisionSteps.size() && !decisionSteps.isEmpty()) {
			state = ApplicationState.GRANTED;
		}
		else if (!decisionSteps.isEmpty() && states.get(decisionSteps.get(next)) == StepState.FAILED) {
			state = ApplicationState.REFUSED;
		}
		else {
			state = ApplicationState.OPEN;
		}
		return new Progress(List.copyOf(result), state);
	}

	/** The decision step a new decision on the application must take, if any: null once granted. */
	public @Nullable StepProgress nextDecisionStep() {
		return steps.stream().filter(step -> step.step().isDecision() && step.state() != StepState.DONE).findFirst().orElse(null);
	}

	/** The decision that granted the status, once granted. */
	public @Nullable Considered granting() {
		if (state != ApplicationState.GRANTED) {
			return null;
		}
		var decisionSteps = steps.stream().filter(step -> step.step().isDecision()).toList();
		return decisionSteps.get(decisionSteps.size() - 1).last();
	}

	/** How many of the steps are done, for the progress bar. */
	public long done() {
		return steps.stream().filter(step -> step.state() == StepState.DONE).count();
	}
}

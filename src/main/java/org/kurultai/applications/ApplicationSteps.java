package org.kurultai.applications;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.decisions.DecisionKind;
import org.kurultai.registry.ParticipantStatus;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The steps each status takes, as the forum's configuration says ({@code kurultai.forum.applications.steps}),
 * like its decision rules: data, not code. A step is either the founding documents' signatures
 * ({@link StepKind#SIGNATURES}, a condition the registry's admission rule checks, not a decision) or a
 * recommendation or decision of one of the bodies named; the decision steps are taken in their order, and
 * the last is the decision that grants the status (it carries the {@code ADMIT} effect). Without
 * configuration, CICA's steps ({@link #CICA}).
 *
 * @param steps by status sought, in order
 */
@ConfigurationProperties("kurultai.forum.applications")
public record ApplicationSteps(Map<ParticipantStatus, List<Step>> steps) {

	/**
	 * CICA: an observer is pre-approved by the Senior Officials Committee and granted by the Ministerial Council
	 * (Saudi Arabia: SOC 12 December 2023, CMFA 26 December 2023); a member signs the Declaration on Principles and
	 * the Almaty Act and is accepted by the members' decision, at a ministerial meeting or a summit (Thailand 2004,
	 * Korea 2006, Kuwait 2022); a partner organization by a decision of the Senior Officials, the Ministers or the
	 * summit (the EAEU at the 2022 summit, UN ESCAP approved at the SOC in March 2024).
	 */
	public static final ApplicationSteps CICA = new ApplicationSteps(Map.of(
			ParticipantStatus.OBSERVER, List.of(new Step(StepKind.RECOMMENDATION, List.of("SOC")), new Step(StepKind.DECISION, List.of("CMFA"))),
			ParticipantStatus.MEMBER, List.of(new Step(StepKind.SIGNATURES, List.of()), new Step(StepKind.DECISION, List.of("CMFA", "CHSG"))),
			ParticipantStatus.PARTNER, List.of(new Step(StepKind.DECISION, List.of("SOC", "CMFA", "CHSG")))));

	public ApplicationSteps {
		var copy = new EnumMap<ParticipantStatus, List<Step>>(ParticipantStatus.class);
		(steps == null || steps.isEmpty() ? CICA.steps() : steps).forEach((status, list) -> {
			var checked = List.copyOf(list == null ? List.of() : list);
			var decisions = checked.stream().filter(Step::isDecision).toList();
			if (decisions.isEmpty() || decisions.get(decisions.size() - 1).kind() != StepKind.DECISION) {
				throw new IllegalArgumentException("The steps to " + status + " must end with the DECISION that grants it; got " + checked);
			}
			copy.put(status, checked);
		});
		steps = java.util.Collections.unmodifiableMap(copy);
	}

	/** The steps to a status; empty when the forum grants it no way. */
	public List<Step> to(ParticipantStatus status) {
		return steps.getOrDefault(status, List.of());
	}

	/** Every body a step names, for the start-up check that each is a body of the forum. */
	List<String> bodies() {
		var bodies = new ArrayList<String>();
		steps.values().forEach(list -> list.forEach(step -> bodies.addAll(step.bodies())));
		return bodies;
	}

	/** What a step is. */
	public enum StepKind {
		/** The founding documents signed (the registry's admission rule): a condition, not a decision. */
		SIGNATURES,
		/** A body recommends (the SOC's pre-approval). */
		RECOMMENDATION,
		/** A body decides. */
		DECISION;

		@Nullable DecisionKind decisionKind() {
			return switch (this) {
				case SIGNATURES -> null;
				case RECOMMENDATION -> DecisionKind.RECOMMENDATION;
				case DECISION -> DecisionKind.DECISION;
			};
		}
	}

	/**
	 * One step: its kind and the bodies that may take it (any one of them).
	 *
	 * @param kind signatures, a recommendation or a decision
	 * @param bodies the bodies' codes (none for signatures)
	 */
	public record Step(StepKind kind, List<String> bodies) {

		public Step {
			if (kind == null) {
				throw new IllegalArgumentException("A step names its kind");
			}
			bodies = bodies == null ? List.of() : bodies.stream().map(b -> b.trim().toUpperCase(Locale.ROOT)).toList();
			if ((kind == StepKind.SIGNATURES) != bodies.isEmpty()) {
				throw new IllegalArgumentException(kind == StepKind.SIGNATURES ? "The signatures step names no body"
						: "A " + kind + " step names the bodies that may take it");
			}
		}

		public boolean isDecision() {
			return kind != StepKind.SIGNATURES;
		}

		/** Is a decision of this kind by this body this step? */
		public boolean takenBy(String body, DecisionKind decisionKind) {
			return isDecision() && kind.decisionKind() == decisionKind && bodies.contains(body);
		}
	}
}

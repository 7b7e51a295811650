package org.kurultai.registry;

import java.util.Set;

import org.kurultai.shared.DecidedBy;
import org.kurultai.shared.Effect;
import org.kurultai.shared.EffectHandler;
import org.kurultai.shared.EffectKind;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.Refusal;
import org.springframework.stereotype.Component;

/**
 * The registry's part in decisions with effects: {@code ADMIT} (to MEMBER, OBSERVER or PARTNER) and
 * {@code END_STATUS}, applied to the participant's history through its domain
 * ({@link Participant#admitBy}, {@link Participant#endBy}), every period written or ended marked
 * with the decision.
 *
 * <p>Deliberately not transactional itself: it runs in the caller's transaction (the decision's,
 * which holds the decision's lock), so a refusal it throws leaves that transaction to the caller
 * (its savepoint), not marked for rollback by a proxy on the way.
 */
@Component
class RegistryEffects implements EffectHandler {

	private final ParticipantRepository participants;

	RegistryEffects(ParticipantRepository participants) {
		this.participants = participants;
	}

	@Override
	public Set<EffectKind> kinds() {
		return Set.of(EffectKind.ADMIT, EffectKind.END_STATUS);
	}

	/**
	 * The participant is registered; an admission names a status, and never MEMBER for an
	 * organization. The founding signatures are left to adoption: a State may sign before.
	 */
	@Override
	public void check(Effect proposed, int index) {
		var effect = proposed.normalized();
		var participant = participant(effect, index);
		if (effect.kind() == EffectKind.ADMIT) {
			var status = status(effect, index);
			var kind = participants.find(participant).orElseThrow().kind();
			if (status == ParticipantStatus.MEMBER && kind != ParticipantKind.STATE) {
				throw new OnlyStatesAreMembers(participant);
			}
			if (status == ParticipantStatus.PARTNER && kind != ParticipantKind.ORGANIZATION) {
				throw new OnlyOrganizationsArePartners(participant);
			}
			if (effect.effectiveOn() != null && effect.until() != null && !effect.until().isAfter(effect.effectiveOn())) {
				throw InvalidRequest.of("effects[" + index + "].until", "problem.effect.untilNotAfter", effect.until(), effect.effectiveOn());
			}
		}
		else if (effect.kind() != EffectKind.END_STATUS) {
			throw new IllegalArgumentException("The registry applies no " + effect.kind());
		}
	}

	/**
	 * From {@code effect.effectiveFrom(decidedOn)}: admits (ending an open earlier status) or ends the
	 * open status, under the participant's lock; only links the period where the history already
	 * holds that very fact. A {@link Refusal} (the founding documents unsigned, no open status, an
	 * organization as a member, …) is thrown before anything is written.
	 */
	@Override
	public void apply(Effect adopted, DecidedBy decision) {
		var effect = adopted.normalized();
		var code = participant(effect, 0);
		participants.lock(code);
		var participant = participants.find(code).orElseThrow(() -> NotFound.of("problem.notFound.participant", code.value()));
		var day = effect.effectiveFrom(decision.decidedOn());
		var reference = new DecisionRef(decision.decision(), decision.register());
		switch (effect.kind()) {
			case ADMIT -> participant.admitBy(status(effect, 0), day, effect.until(), reference, decision.meeting(), decision.sources(),
					new AdmissionRule(participants.foundingDocuments()));
			case END_STATUS -> participant.endBy(day, reference);
			default -> throw new IllegalArgumentException("The registry applies no " + effect.kind());
		}
		participants.save(participant);
	}

	private ParticipantCode participant(Effect effect, int index) {
		var named = effect.required(effect.participant(), "participant", index);
		try {
			var code = ParticipantCode.of(named);
			if (participants.exists(code)) {
				return code;
			}
		}
		catch (IllegalArgumentException malformed) {
			// not even a code: refused below as unknown
		}
		throw InvalidRequest.of("effects[" + index + "].participant", "problem.effect.unknownParticipant", named);
	}

	private static ParticipantStatus status(Effect effect, int index) {
		var named = effect.required(effect.status(), "status", index);
		try {
			return ParticipantStatus.valueOf(named);
		}
		catch (IllegalArgumentException unknown) {
			throw InvalidRequest.of("effects[" + index + "].status", "problem.participant.unknownStatus", named);
		}
	}
}

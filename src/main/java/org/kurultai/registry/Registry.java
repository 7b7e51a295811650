package org.kurultai.registry;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of participants: the one place other modules ask who takes part in the forum, in
 * which capacity, on which day.
 */
@Service
@Transactional(readOnly = true)
public class Registry {

	private final ParticipantRepository participants;

	Registry(ParticipantRepository participants) {
		this.participants = participants;
	}

	/** Everyone with their whole history. */
	public Roster roster() {
		return new Roster(participants.findAll());
	}

	public Participant participant(ParticipantCode code) {
		return roster().find(code).orElseThrow(() -> NotFound.of("problem.notFound.participant", code.value()));
	}

	public boolean isRegistered(ParticipantCode code) {
		return participants.exists(code);
	}

	public List<Standing> standingsOn(LocalDate day, @Nullable ParticipantStatus status) {
		return roster().on(day, status);
	}

	/** The participant's status on that day, if it had one. */
	public @Nullable ParticipantStatus statusOf(ParticipantCode code, LocalDate day) {
		return participant(code).statusOn(day).orElse(null);
	}

	public AdmissionRule admissionRule() {
		return new AdmissionRule(participants.foundingDocuments());
	}

	public List<FoundingDocument> foundingDocuments() {
		return participants.foundingDocuments();
	}

	@Transactional
	public void adopt(FoundingDocument document) {
		participants.save(document);
	}

	/** Enters a participant, built and checked by the domain, into the registry. */
	@Transactional
	public void enrol(Participant participant) {
		if (participants.exists(participant.code())) {
			throw new ParticipantAlreadyRegistered(participant.code());
		}
		participants.save(participant);
	}

	/** Stores a change to a registered participant's history, made through its domain methods. */
	@Transactional
	public void update(Participant participant) {
		if (!participants.exists(participant.code())) {
			throw NotFound.of("problem.notFound.participant", participant.code().value());
		}
		participants.save(participant);
	}

	/**
	 * The Secretariat's correction of a participant's history ({@link Participant#correct}): the
	 * period it records replaces the one it supersedes (or is added), under the participant's lock;
	 * the earlier claims it replaced or changed are kept as superseded. A refusal writes nothing.
	 */
	@Transactional
	public StatusCorrected correct(ParticipantCode code, StatusCorrection correction) {
		if (!participants.lock(code)) {
			throw NotFound.of("problem.notFound.participant", code.value());
		}
		var participant = participants.find(code).orElseThrow(() -> NotFound.of("problem.notFound.participant", code.value()));
		var superseded = participant.correct(correction, admissionRule()).stream()
				.map(claim -> new SupersededClaim(claim, correction.from(), correction.at(), correction.by(), correction.note(),
						correction.sources()))
				.toList();
		participants.save(participant);
		participants.supersede(code, superseded);
		return new StatusCorrected(participant.periodFrom(correction.from()).orElseThrow(), superseded);
	}

	/** The claims of the participant's history that corrections superseded, latest first. */
	public List<SupersededClaim> superseded(ParticipantCode code) {
		return participants.superseded(code);
	}

	/** A code is taken once. */
	public static class ParticipantAlreadyRegistered extends org.kurultai.shared.RuleViolation {

		ParticipantAlreadyRegistered(ParticipantCode code) {
			super(code + " is already registered");
		}

		@Override
		public String rule() {
			return "participant-already-registered";
		}
	}
}

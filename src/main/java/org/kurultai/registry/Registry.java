package org.kurultai.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.AreaVersions;
import org.kurultai.shared.Snapshot;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of participants: the one place other modules ask who takes part in the forum, in
 * which capacity, on which day.
 *
 * <p>Reads answer from an immutable snapshot of the whole registry (the roster with every history, the founding
 * documents) kept in memory as of the registry's data version ({@code REGISTRY}): read again once
 * after any change, by this instance (at once) or another (within the versions' maximum age). Inside a read-write
 * transaction every read goes to the database as before, so a command decides on fresh data it has locked and a
 * change it makes is never shared before it commits. The participants of the snapshot refuse to be changed: a writer
 * loads its own copy.
 */
@Service
@Transactional(readOnly = true)
public class Registry {

	/** What the registry's readers share: the roster, the founding documents and the superseded claims, read together. */
	private record Read(Roster roster, List<FoundingDocument> foundingDocuments, Map<ParticipantCode, List<SupersededClaim>> superseded) {
	}

	private final ParticipantRepository participants;
	private final AreaVersions versions;
	private final Snapshot<Read> snapshot;

	Registry(ParticipantRepository participants, AreaVersions versions) {
		this.participants = participants;
		this.versions = versions;
		this.snapshot = new Snapshot<>(() -> new Read(new Roster(participants.findAll().stream().map(Participant::shared).toList()),
				List.copyOf(participants.foundingDocuments()), Map.copyOf(participants.allSuperseded())));
	}

	/** The shared snapshot, or none where no cache may be filled (inside a read-write transaction). */
	private @Nullable Read shared() {
		return versions.cacheable() ? snapshot.at(versions.version("REGISTRY")) : null;
	}

	/** Everyone with their whole history. */
	public Roster roster() {
		var shared = shared();
		return shared != null ? shared.roster() : new Roster(participants.findAll());
	}

	public Participant participant(ParticipantCode code) {
		var shared = shared();
		// inside a read-write transaction, only this participant (an act asks for its own State's status)
		return (shared != null ? shared.roster().find(code) : participants.find(code))
				.orElseThrow(() -> NotFound.of("problem.notFound.participant", code.value()));
	}

	/** The codes of everyone holding that status on that day (a decision's members), without their histories. */
	public List<ParticipantCode> holding(ParticipantStatus status, LocalDate day) {
		var shared = shared();
		return shared != null ? shared.roster().on(day, status).stream().map(Standing::code).toList()
				: participants.holding(status, day);
	}

	public boolean isRegistered(ParticipantCode code) {
		var shared = shared();
		return shared != null ? shared.roster().find(code).isPresent() : participants.exists(code);
	}

	public List<Standing> standingsOn(LocalDate day, @Nullable ParticipantStatus status) {
		return roster().on(day, status);
	}

	/** The participant's status on that day, if it had one. */
	public @Nullable ParticipantStatus statusOf(ParticipantCode code, LocalDate day) {
		var shared = shared();
		if (shared != null) {
			return shared.roster().find(code).orElseThrow(() -> NotFound.of("problem.notFound.participant", code.value()))
					.statusOn(day).orElse(null);
		}
		// inside a read-write transaction (an act asks for its own State's status): one statement, not the whole history
		return participants.statusOn(code, day).orElseThrow(() -> NotFound.of("problem.notFound.participant", code.value())).status();
	}

	public AdmissionRule admissionRule() {
		return new AdmissionRule(foundingDocuments());
	}

	public List<FoundingDocument> foundingDocuments() {
		var shared = shared();
		return shared != null ? shared.foundingDocuments() : participants.foundingDocuments();
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
		var shared = shared();
		return shared != null ? shared.superseded().getOrDefault(code, List.of()) : participants.superseded(code);
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

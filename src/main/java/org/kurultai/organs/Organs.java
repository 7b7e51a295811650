package org.kurultai.organs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantKind;
import org.kurultai.registry.Registry;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.AreaVersions;
import org.kurultai.shared.Snapshot;
import org.kurultai.shared.Sources;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forum's bodies, chairmanship and Secretariat, as other modules and the portal see them.
 *
 * <p>Reads answer from an immutable snapshot of all the organs (every body with its names, members and claims, the
 * chair terms, the Secretariat) kept in memory as of the organs' data version ({@code ORGANS}): read
 * again once after any change, by this instance (at once) or another (within the versions' maximum age). Inside a
 * read-write transaction every read goes to the database as before: a command decides on fresh data under its lock.
 */
@Service
@Transactional(readOnly = true)
public class Organs {

	/** What the organs' readers share, read together. */
	private record Read(List<Body> bodies, Map<String, Body> byCode, Chairmanship chairmanship, Secretariat secretariat) {
	}

	private final OrgansRepository repository;
	private final Registry registry;
	private final AreaVersions versions;
	private final Snapshot<Read> snapshot;

	Organs(OrgansRepository repository, Registry registry, AreaVersions versions) {
		this.repository = repository;
		this.registry = registry;
		this.versions = versions;
		this.snapshot = new Snapshot<>(() -> {
			var bodies = List.copyOf(repository.bodies());
			var byCode = new LinkedHashMap<String, Body>();
			for (var body : bodies) {
				byCode.putIfAbsent(body.code(), body);
			}
			return new Read(bodies, Collections.unmodifiableMap(byCode), new Chairmanship(repository.chairTerms()),
					repository.secretariat());
		});
	}

	/** The shared snapshot, or none where no cache may be filled (inside a read-write transaction). */
	private @Nullable Read shared() {
		return versions.cacheable() ? snapshot.at(versions.version("ORGANS")) : null;
	}

	public List<Body> bodies() {
		var shared = shared();
		return shared != null ? shared.bodies() : repository.bodies();
	}

	/** The bodies that existed on that day (created by then, not yet dissolved). */
	public List<Body> bodiesOn(LocalDate day) {
		return bodies().stream().filter(body -> body.existsOn(day)).toList();
	}

	public Body body(String code) {
		var wanted = code.trim().toUpperCase(Locale.ROOT);
		var shared = shared();
		if (shared != null) {
			var body = shared.byCode().get(wanted);
			if (body == null) {
				throw NotFound.of("problem.notFound.body", code);
			}
			return body;
		}
		return repository.bodies().stream().filter(body -> body.code().equals(wanted)).findFirst()
				.orElseThrow(() -> NotFound.of("problem.notFound.body", code));
	}

	public boolean isBody(String code) {
		var wanted = code.trim().toUpperCase(Locale.ROOT);
		var shared = shared();
		return shared != null ? shared.byCode().containsKey(wanted) : repository.bodyExists(wanted);
	}

	public Chairmanship chairmanship() {
		var shared = shared();
		return shared != null ? shared.chairmanship() : new Chairmanship(repository.chairTerms());
	}

	public Secretariat secretariat() {
		var shared = shared();
		return shared != null ? shared.secretariat() : repository.secretariat();
	}

	/** The entries of a kind the Secretariat's corrections superseded ({@code body}: for a body's names), in order. */
	public List<SupersededClaim> superseded(SupersededClaim.Record record, @Nullable String body) {
		return repository.superseded(record, record == SupersededClaim.Record.BODY_NAME && body != null
				? body.trim().toUpperCase(Locale.ROOT) : null);
	}

	/** Records a body established by the forum. */
	@Transactional
	public void establish(Body body) {
		if (repository.bodyExists(body.code())) {
			throw new BodyAlreadyEstablished(body.code());
		}
		repository.save(body);
	}

	/** Records the chairmanship's terms (the domain has already checked they do not overlap). */
	@Transactional
	public void record(Chairmanship chairmanship) {
		repository.replace(chairmanship);
	}

	@Transactional
	public void record(Secretariat secretariat) {
		repository.replace(secretariat);
	}

	/** Who corrected, when, why and on which sources: what a superseded entry keeps. */
	public record Correction(String by, Instant at, String reason, Sources sources) {
	}

	/** The entry a correction recorded and the one it superseded (null: it added an entry). */
	public record Corrected<T>(T entry, @Nullable SupersededClaim superseded) {
	}

	/**
	 * The Secretariat records a chair term no decision in Kurultai caused (a term corrected for the same State from the
	 * same day keeps the decision that elected it): a new one, or in place of the
	 * term beginning on {@code corrects}, which is kept as superseded (what the correction leaves out — the day of the
	 * decision, its meeting, the handover's — it keeps from it). The terms may not overlap.
	 */
	@Transactional
	public Corrected<ChairTerm> correct(@Nullable LocalDate corrects, ChairTerm term, Correction correction) {
		requireState("chair", term.chair());
		repository.lock("chairmanship");
		var chairmanship = chairmanship();
		if (corrects == null) {
			repository.replace(chairmanship.adding(term));
			return new Corrected<>(term, null);
		}
		var old = chairmanship.terms().stream().filter(t -> t.from().equals(corrects)).findFirst()
				.orElseThrow(() -> InvalidRequest.of("corrects", "problem.organs.correction.noSuchTerm", corrects));
		// the decision that elected the State from that day still caused the term the correction keeps (its dates' sources, say)
		var decided = term.chair().equals(old.chair()) && term.from().equals(old.from()) ? old.decision() : null;
		term = new ChairTerm(term.chair(), term.from(), term.precision(), term.until(), or(term.decidedOn(), old.decidedOn()),
				or(term.decidedAt(), old.decidedAt()), or(term.handoverAt(), old.handoverAt()), or(term.handoverOccasion(), old.handoverOccasion()),
				term.sources(), term.note(), decided);
		if (old.equals(term)) {
			throw new ChangeRefused("problem.organs.correction.nothingChanges");
		}
		repository.replace(chairmanship.replacing(old, term));
		return superseded(new SupersededClaim(SupersededClaim.Record.CHAIR_TERM, null, old.chair(), old.precision().name(), old.from(),
				old.until(), old.sources(), old.note(), old.decision(), correction.at(), correction.by(), correction.reason(),
				correction.sources()), term);
	}

	/**
	 * The Secretariat records a name of a body no decision in Kurultai caused (the same name from the same day keeps the
	 * decision that gave it): a new one, or in place of
	 * the name {@code corrects} (as recorded, in English), kept as superseded (a short or Russian name left out is
	 * kept from it). Names may not overlap.
	 */
	@Transactional
	public Corrected<BodyName> correct(String bodyCode, @Nullable String corrects, BodyName name, Correction correction) {
		repository.lock("bodies");
		var body = body(bodyCode);
		if (corrects == null) {
			repository.update(body.withNames(with(body.names(), name)));
			return new Corrected<>(name, null);
		}
		var matching = body.names().stream().filter(n -> n.name().equalsIgnoreCase(corrects.strip())).toList();
		if (matching.size() != 1) {
			throw InvalidRequest.of("corrects", matching.isEmpty() ? "problem.organs.correction.noSuchName"
					: "problem.organs.correction.nameAmbiguous", corrects, body.code());
		}
		var old = matching.get(0);
		var decided = name.name().equalsIgnoreCase(old.name()) && java.util.Objects.equals(name.from(), old.from()) ? old.decision() : null;
		name = new BodyName(name.name(), or(name.shortName(), old.shortName()), name.from(), name.until(), or(name.renamedBy(), old.renamedBy()),
				name.sources(), or(name.nameRu(), old.nameRu()), decided);
		if (old.equals(name)) {
			throw new ChangeRefused("problem.organs.correction.nothingChanges");
		}
		repository.update(body.withNames(Secretariat.replace(body.names(), old, name)));
		return superseded(new SupersededClaim(SupersededClaim.Record.BODY_NAME, body.code(), old.name(), old.shortName(), old.from(),
				old.until(), old.sources(), null, old.decision(), correction.at(), correction.by(), correction.reason(),
				correction.sources()), name);
	}

	/**
	 * The Secretariat records a head of the Secretariat no decision in Kurultai caused (the same person from the same
	 * day keeps the decision that appointed them): a new one, or in
	 * place of the head whose term began on {@code corrects}, kept as superseded (a nationality left out is kept from
	 * it). Heads follow each other.
	 */
	@Transactional
	public Corrected<Secretariat.Head> correct(@Nullable LocalDate corrects, Secretariat.Head head, Correction correction) {
		if (head.nationality() != null) {
			requireParticipant("nationality", head.nationality());
		}
		repository.lock("secretariat");
		var secretariat = secretariat();
		if (corrects == null) {
			repository.replace(secretariat.withHeads(with(secretariat.heads(), head)));
			return new Corrected<>(head, null);
		}
		var old = secretariat.heads().stream().filter(h -> h.from().equals(corrects)).findFirst()
				.orElseThrow(() -> InvalidRequest.of("corrects", "problem.organs.correction.noSuchHead", corrects));
		var decided = head.person().equalsIgnoreCase(old.person()) && head.from().equals(old.from()) ? old.decision() : null;
		head = new Secretariat.Head(head.person(), or(head.nationality(), old.nationality()), head.from(), head.until(), head.precision(),
				head.sources(), head.note(), decided);
		if (old.equals(head)) {
			throw new ChangeRefused("problem.organs.correction.nothingChanges");
		}
		repository.replace(secretariat.withHeads(Secretariat.replace(secretariat.heads(), old, head)));
		return superseded(new SupersededClaim(SupersededClaim.Record.SECRETARIAT_HEAD, null, old.person(), old.nationality(),
				old.from(), old.until(), old.sources(), old.note(), old.decision(), correction.at(), correction.by(), correction.reason(),
				correction.sources()), head);
	}

	private <T> Corrected<T> superseded(SupersededClaim claim, T entry) {
		repository.supersede(claim);
		return new Corrected<>(entry, claim);
	}

	/** A registered State, else the request's {@code parameter} is refused. */
	void requireState(String parameter, String code) {
		if (!requireParticipant(parameter, code)) {
			throw InvalidRequest.of(parameter, "problem.organs.notAState", code);
		}
	}

	/** A registered participant, else the request's {@code parameter} is refused; whether it is a State. */
	boolean requireParticipant(String parameter, String code) {
		ParticipantCode participant;
		try {
			participant = ParticipantCode.parse(code);
		}
		catch (RuntimeException malformed) {
			throw InvalidRequest.of(parameter, "problem.organs.unknownParticipant", code);
		}
		if (!registry.isRegistered(participant)) {
			throw InvalidRequest.of(parameter, "problem.organs.unknownParticipant", code);
		}
		return registry.participant(participant).kind() == ParticipantKind.STATE;
	}

	private static <T> @Nullable T or(@Nullable T value, @Nullable T otherwise) {
		return value != null ? value : otherwise;
	}

	private static <T> List<T> with(List<T> list, T item) {
		var next = new java.util.ArrayList<>(list);
		next.add(item);
		return next;
	}

	/** A body code is taken once. */
	public static class BodyAlreadyEstablished extends org.kurultai.shared.RuleViolation {

		BodyAlreadyEstablished(String code) {
			super("problem.organs.effect.bodyExists", code);
		}

		@Override
		public String rule() {
			return "body-already-established";
		}
	}
}

package org.kurultai.corrections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Account;
import org.kurultai.identity.Viewer;
import org.kurultai.organs.BodyName;
import org.kurultai.organs.ChairTerm;
import org.kurultai.organs.Organs;
import org.kurultai.organs.Secretariat;
import org.kurultai.organs.SupersededClaim;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.DateSpan;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.Sources;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Secretariat's corrections of the organs' history (chair terms, bodies' names, heads of the Secretariat): a
 * fact no decision in Kurultai caused, recorded with its sources and a note. The entry it replaces is kept by the
 * organs as superseded, with who, when and why; every correction is audited in its own transaction. One policy
 * ({@link #mayCorrect}) decides who may, asked by the pages (to show the forms) and by the commands.
 */
@Service
public class OrganCorrections {

	static final int MAX_TEXT = 300;
	static final int MAX_NOTE = 2000;
	static final int MAX_SOURCE = 500;
	static final int MAX_SOURCES = 20;

	private final Organs organs;
	private final AuditLog audit;
	private final AccessPolicy access;
	private final ForumClock clock;

	OrganCorrections(Organs organs, AuditLog audit, AccessPolicy access, ForumClock clock) {
		this.organs = organs;
		this.audit = audit;
		this.access = access;
		this.clock = clock;
	}

	/** Only the Secretariat (its officers and administrators) corrects the forum's history. */
	public boolean mayCorrect(Viewer viewer) {
		return viewer.mandate() != null && viewer.mandate().actsForSecretariat();
	}

	/** Who superseded an entry is known to the Secretariat; others read that the Secretariat did. */
	public boolean mayKnowWhoCorrected(Viewer viewer) {
		return mayCorrect(viewer);
	}

	@Transactional
	public Organs.Corrected<ChairTerm> correct(Account actor, ChairTermCorrection request) {
		allowed(actor);
		var chair = code("chair", required("chair", request.chair()));
		var from = date("from", required("from", request.from()));
		var until = until(from, request.until());
		var occasion = text("handoverOccasion", request.handoverOccasion(), MAX_TEXT);
		var decidedOn = request.decidedOn() == null ? null : date("decidedOn", request.decidedOn());
		var sources = sources(request.sources());
		var note = note(request.note());
		var corrects = request.corrects() == null ? null : date("corrects", request.corrects());
		var precision = request.precision() == null ? DatePrecision.DAY : request.precision();
		var term = new ChairTerm(chair, from, precision, until, decidedOn, null, null, occasion, sources, note);
		var corrected = organs.correct(corrects, term, new Organs.Correction(actor.email(), clock.now(), note, sources));
		audited(actor, "chair_term", "chair_term:" + chair + ":" + from, corrected.superseded(),
				Map.of("chair", chair, "from", from.toString(), "until", String.valueOf(until), "note", note));
		return corrected;
	}

	@Transactional
	public Organs.Corrected<BodyName> correct(Account actor, String body, BodyNameCorrection request) {
		allowed(actor);
		var name = text("name", required("name", request.name()), MAX_TEXT);
		var from = request.from() == null ? null : date("from", request.from());
		var until = request.until() == null ? null : date("until", request.until());
		if (from != null && until != null && !until.isAfter(from)) {
			throw InvalidRequest.of("until", "problem.organs.effect.endsBeforeStart", from, until);
		}
		var sources = sources(request.sources());
		var note = note(request.note());
		var entry = new BodyName(name, text("shortName", request.shortName(), MAX_TEXT), from, until, null, sources,
				text("nameRu", request.nameRu(), MAX_TEXT), null);
		var corrects = text("corrects", request.corrects(), MAX_TEXT);
		var corrected = organs.correct(body, corrects, entry, new Organs.Correction(actor.email(), clock.now(), note, sources));
		audited(actor, "body_name", "body:" + body.trim().toUpperCase(Locale.ROOT), corrected.superseded(),
				Map.of("name", name, "from", String.valueOf(from), "until", String.valueOf(until), "note", note));
		return corrected;
	}

	@Transactional
	public Organs.Corrected<Secretariat.Head> correct(Account actor, SecretariatHeadCorrection request) {
		allowed(actor);
		var person = text("person", required("person", request.person()), MAX_TEXT);
		var nationality = request.nationality() == null || request.nationality().isBlank() ? null : code("nationality", request.nationality());
		var from = date("from", required("from", request.from()));
		var until = until(from, request.until());
		var sources = sources(request.sources());
		var note = note(request.note());
		var corrects = request.corrects() == null ? null : date("corrects", request.corrects());
		var head = new Secretariat.Head(person, nationality, from, until, request.precision() == null ? DatePrecision.DAY : request.precision(),
				sources, note);
		var corrected = organs.correct(corrects, head, new Organs.Correction(actor.email(), clock.now(), note, sources));
		audited(actor, "secretariat_head", "secretariat_head:" + from, corrected.superseded(),
				Map.of("person", person, "from", from.toString(), "until", String.valueOf(until), "note", note));
		return corrected;
	}

	private void allowed(Account actor) {
		if (!mayCorrect(access.viewer(actor, clock.today()))) {
			throw NotAllowed.of("problem.organs.correction.notAllowed");
		}
	}

	private void audited(Account actor, String record, String subject, @Nullable SupersededClaim superseded, Map<String, String> after) {
		Map<String, Object> before = null;
		if (superseded != null) {
			before = new LinkedHashMap<>();
			before.put("subject", superseded.subject());
			before.put("from", String.valueOf(superseded.from()));
			before.put("until", String.valueOf(superseded.until()));
			before.put("sources", superseded.claimSources().references());
		}
		audit.record(new Act(actor.email(), actor.actsFor(), "organs.correction." + record, subject, before, after));
	}

	private static <T> T required(String field, @Nullable T value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			throw InvalidRequest.of(field, "problem.organs.correction.fieldNeeded", field);
		}
		return value;
	}

	private static String code(String field, String value) {
		var code = value.trim().toUpperCase(Locale.ROOT);
		if (code.length() > 10) {
			throw InvalidRequest.of(field, "problem.organs.unknownParticipant", value.length() > 40 ? value.substring(0, 40) : value);
		}
		return code;
	}

	private static LocalDate date(String field, LocalDate day) {
		if (day.isBefore(DateSpan.BEGINNING) || day.isAfter(DateSpan.END)) {
			throw InvalidRequest.of(field, "problem.organs.correction.badDate", day);
		}
		return day;
	}

	private static @Nullable LocalDate until(LocalDate from, @Nullable LocalDate until) {
		if (until == null) {
			return null;
		}
		date("until", until);
		if (!until.isAfter(from)) {
			throw InvalidRequest.of("until", "problem.organs.effect.endsBeforeStart", from, until);
		}
		return until;
	}

	/** A text without control characters, at most {@code max} characters; blank reads as none. */
	static @Nullable String text(String field, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		var text = value.strip();
		if (text.length() > max || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			throw InvalidRequest.of(field, "problem.organs.correction.tooLong", field, max);
		}
		return text;
	}

	private static String note(@Nullable String note) {
		var text = text("note", note, MAX_NOTE);
		if (text == null) {
			throw InvalidRequest.of("note", "problem.organs.correction.noteNeeded");
		}
		return text;
	}

	private static Sources sources(@Nullable List<String> sources) {
		var kept = new ArrayList<String>();
		for (var source : sources == null ? List.<String>of() : sources) {
			var text = text("sources", source, MAX_SOURCE);
			if (text != null && text.contains("\n")) {
				throw InvalidRequest.of("sources", "problem.organs.correction.tooLong", "sources", MAX_SOURCE);
			}
			if (text != null && !kept.contains(text)) {
				kept.add(text);
			}
		}
		if (kept.isEmpty()) {
			throw InvalidRequest.of("sources", "problem.organs.correction.sourceNeeded");
		}
		if (kept.size() > MAX_SOURCES) {
			throw InvalidRequest.of("sources", "problem.organs.correction.tooLong", "sources", MAX_SOURCES);
		}
		return Sources.of(kept);
	}
}

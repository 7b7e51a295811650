package org.kurultai.corrections;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.identity.Account;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.registry.StatusCorrected;
import org.kurultai.registry.StatusCorrection;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.Sources;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Secretariat corrects a participant's status history with a period no decision in Kurultai
 * caused, with its sources and a note: the registry replaces (or adds) the period and keeps the
 * claim it supersedes, and the act is audited, in one transaction. {@link #mayCorrect} is the one
 * policy, asked by the page (to show the form) and by the command.
 */
@Service
public class ParticipantCorrections {

	private final Registry registry;
	private final AuditLog audit;
	private final ForumClock clock;

	ParticipantCorrections(Registry registry, AuditLog audit, ForumClock clock) {
		this.registry = registry;
		this.audit = audit;
		this.clock = clock;
	}

	/** Who may correct a participant's history: the Secretariat (its officers and administrators). */
	public boolean mayCorrect(@Nullable Account account) {
		return account != null && account.active() && account.role().isSecretariat();
	}

	/**
	 * Records the correction of the participant's history; refuses (400 naming the field, 409 for a
	 * rule of the forum, 403 for anyone but the Secretariat) without writing anything.
	 */
	@Transactional
	public StatusCorrected correct(Account by, String participant, Correction correction) {
		if (!mayCorrect(by)) {
			throw NotAllowed.of("problem.registry.correctionsBySecretariat");
		}
		var code = ParticipantCode.parse(participant);
		var before = registry.participant(code).periods();
		if (correction.status() == null || correction.status().isBlank()) {
			throw InvalidRequest.of("status", "problem.registry.statusNeeded");
		}
		var status = ParticipantStatus.named(correction.status());
		if (correction.from() == null) {
			throw InvalidRequest.of("from", "problem.registry.fromNeeded");
		}
		var corrected = registry.correct(code, new StatusCorrection(status, correction.from(), precision(correction.precision()),
				correction.until(), correction.how(), Sources.of(correction.sources() == null ? List.of() : correction.sources().stream()
						.map(source -> source == null ? "" : source).toList()),
				correction.note() == null ? "" : correction.note(), correction.supersedes(), by.email(), clock.now()));
		audit.record(new Act(by.email(), by.actsFor(), "participant.status-corrected", "participant:" + code.value(),
				Map.of("history", before), Map.of("history", registry.participant(code).periods(), "superseded", corrected.superseded(),
						"note", corrected.period().note() == null ? "" : corrected.period().note())));
		return corrected;
	}

	private static DatePrecision precision(@Nullable String named) {
		if (named == null || named.isBlank()) {
			return DatePrecision.DAY;
		}
		try {
			return DatePrecision.valueOf(named.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw InvalidRequest.of("precision", "problem.registry.unknownPrecision", named);
		}
	}

	/**
	 * A correction as asked: a status period (status, from, precision DAY/MONTH/YEAR/ATTESTED,
	 * until), its sources, a note saying why, optionally how the status came about, and
	 * {@code supersedes}, the first day of the period it corrects (without it, the period is added).
	 */
	public record Correction(@Nullable String status, @Nullable LocalDate from, @Nullable String precision, @Nullable LocalDate until,
			@Nullable List<String> sources, @Nullable String note, @Nullable String how, @Nullable LocalDate supersedes) {
	}
}

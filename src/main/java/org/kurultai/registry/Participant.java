package org.kurultai.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.Sources;

/**
 * A State or an international organization taking part in the forum, with its whole history.
 *
 * <p>The participant is the consistency boundary of its status history: every new status period
 * is checked against all earlier ones here, so that a participant never holds two statuses on one
 * day, an organization is never a member, and a State admitted as a member after the founding
 * documents were adopted has signed them first. Signatures are recorded before admissions.
 *
 * <p>A participant read from the registry's shared snapshot ({@link Registry}) is shared by every reader: its domain
 * methods refuse to change it. A change loads the participant itself, inside the read-write transaction that stores it.
 */
public class Participant {

	private final ParticipantCode code;
	private final ParticipantKind kind;
	private final ParticipantNames names;
	private final List<StatusPeriod> periods = new ArrayList<>();
	private final List<Signature> signatures = new ArrayList<>();
	/** The periods and signatures as they stand, once shared (then they never change); null while it may change. */
	private @Nullable List<StatusPeriod> sharedPeriods;
	private @Nullable List<Signature> sharedSignatures;

	private Participant(ParticipantCode code, ParticipantKind kind, ParticipantNames names) {
		if (kind == ParticipantKind.STATE && !code.isAlpha3()) {
			throw new IllegalArgumentException("A State is coded ISO 3166-1 alpha-3; got " + code);
		}
		this.code = code;
		this.kind = kind;
		this.names = names;
	}

	public static Participant state(ParticipantCode code, ParticipantNames names) {
		return new Participant(code, ParticipantKind.STATE, names);
	}

	public static Participant organization(ParticipantCode code, ParticipantNames names) {
		return new Participant(code, ParticipantKind.ORGANIZATION, names);
	}

	static Participant restore(ParticipantCode code, ParticipantKind kind, ParticipantNames names, List<StatusPeriod> periods,
			List<Signature> signatures) {
		var participant = new Participant(code, kind, names);
		participant.periods.addAll(periods);
		participant.periods.sort(Comparator.comparing(StatusPeriod::from));
		participant.signatures.addAll(signatures);
		return participant;
	}

	/** The participant as read into the registry's shared snapshot: from now on it refuses every change. */
	Participant shared() {
		sharedPeriods = List.copyOf(periods);
		sharedSignatures = List.copyOf(signatures);
		return this;
	}

	private void changing() {
		if (sharedPeriods != null) {
			throw new IllegalStateException(code + " was read from the registry's shared snapshot, which no one changes: a change loads"
					+ " the participant inside its read-write transaction");
		}
	}

	/** Records the participant's signature of a founding document. */
	public Participant sign(FoundingDocument document, LocalDate signedOn, boolean inferred, Sources sources, String note) {
		changing();
		signatures.removeIf(signature -> signature.document().equals(document.code()));
		signatures.add(new Signature(document.code(), signedOn, inferred, sources, note));
		return this;
	}

	/**
	 * Records a status period of the participant's history, refusing one that overlaps another
	 * period, makes an organization a member, or admits a State that has not signed the founding
	 * documents the rule requires by then.
	 */
	public Participant record(StatusPeriod period, AdmissionRule rule) {
		changing();
		if (period.status() == ParticipantStatus.PARTNER && kind != ParticipantKind.ORGANIZATION) {
			throw new OnlyOrganizationsArePartners(code);
		}
		if (period.status() == ParticipantStatus.MEMBER) {
			if (kind != ParticipantKind.STATE) {
				throw new OnlyStatesAreMembers(code);
			}
			var unsigned = rule.requiredOn(period.from()).stream().filter(document -> !hasSigned(document, period.from()))
					.toList();
			if (!unsigned.isEmpty()) {
				throw new MembershipRequiresFoundingDocuments(code, period.from(), unsigned);
			}
		}
		for (var existing : periods) {
			if (existing.overlaps(period)) {
				throw new StatusPeriodsOverlap(code, existing, period);
			}
		}
		periods.add(period);
		periods.sort(Comparator.comparing(StatusPeriod::from));
		return this;
	}

	/**
	 * Admits the participant to a new status from a day on: an open period it holds ends that day,
	 * then the new one begins (an observer admitted as a member, say).
	 */
	public Participant admit(StatusPeriod period, AdmissionRule rule) {
		changing();
		var open = periods.stream().filter(StatusPeriod::isOpen).findFirst();
		if (open.isPresent() && open.get().from().isBefore(period.from())) {
			var index = periods.indexOf(open.get());
			// the decision that admits ends the earlier status too
			periods.set(index, period.decision() != null ? open.get().endedOn(period.from(), period.decision())
					: open.get().endingOn(period.from()));
			try {
				return record(period, rule);
			}
			catch (RuntimeException refused) {
				periods.set(index, open.get());
				throw refused;
			}
		}
		return record(period, rule);
	}

	/**
	 * An adopted decision admits the participant to a status from a day on ({@link #admit}, so an
	 * open earlier period ends that day, marked with the decision, and the founding-documents rule
	 * applies). Idempotent: where the history already holds that very admission (a period of that
	 * status beginning that day, as precisely as its start is known) it is only linked to the
	 * decision. Refuses an admission to a status the participant already holds on that day, and a
	 * period already linked to another decision; a refusal changes nothing.
	 */
	public Participant admitBy(ParticipantStatus status, LocalDate from, @Nullable LocalDate until, DecisionRef decision,
			@Nullable String meeting, Sources sources, AdmissionRule rule) {
		changing();
		var recorded = periods.stream().filter(period -> period.status() == status && period.beginsOn(from)).findFirst();
		if (recorded.isPresent()) {
			var period = recorded.get();
			if (period.decision() != null && !period.decision().equals(decision)) {
				throw new PeriodDecidedOtherwise(code, period, period.decision());
			}
			periods.set(periods.indexOf(period), period.linkedTo(decision));
			return this;
		}
		var held = periodOn(from);
		if (held.isPresent() && held.get().status() == status) {
			throw new AlreadyHoldsStatus(code, status, from, held.get().from());
		}
		return admit(new StatusPeriod(status, from, DatePrecision.DAY, until, "admitted by decision " + decision.named(), meeting, null,
				sources, null, decision, null), rule);
	}

	/**
	 * An adopted decision ends the participant's status on a day (its last day is the day before):
	 * the period open then ends, marked with the decision. Idempotent: a period the history already
	 * ends that day is only linked to the decision. Refuses when no status is open on that day.
	 */
	public Participant endBy(LocalDate on, DecisionRef decision) {
		changing();
		var recorded = periods.stream().filter(period -> on.equals(period.until())).findFirst();
		if (recorded.isPresent()) {
			var period = recorded.get();
			if (period.endedBy() != null && !period.endedBy().equals(decision)) {
				throw new PeriodDecidedOtherwise(code, period, period.endedBy());
			}
			periods.set(periods.indexOf(period), period.endLinkedTo(decision));
			return this;
		}
		var open = periods.stream().filter(period -> period.isOpen() && period.from().isBefore(on)).findFirst()
				.orElseThrow(() -> new NoOpenStatus(code, on));
		periods.set(periods.indexOf(open), open.endedOn(on, decision));
		return this;
	}

	/**
	 * The Secretariat corrects the history with a period no decision in the register caused. With
	 * {@code supersedes} (the first day of the period it corrects) that period is replaced; without,
	 * the period is added, and an open period that began earlier ends the day it begins (as an
	 * admission would). The same rules hold as for any period (no overlap, only States are members,
	 * the founding documents); a refusal changes nothing. Where the corrected period keeps the status
	 * of the one it replaces, it keeps how that status came about (and the decision, if it keeps its
	 * first day; the decision that ended it, if it keeps its end).
	 *
	 * @return the earlier claims the correction replaced or changed, as they stood
	 */
	public List<StatusPeriod> correct(StatusCorrection correction, AdmissionRule rule) {
		changing();
		var before = new ArrayList<>(periods);
		try {
			if (correction.supersedes() != null) {
				var old = periods.stream().filter(period -> period.from().equals(correction.supersedes())).findFirst()
						.orElseThrow(() -> InvalidRequest.of("supersedes", "problem.registry.noPeriodFrom", code, correction.supersedes()));
				var corrected = correction.replacing(old);
				if (corrected.equals(old)) {
					throw new CorrectionChangesNothing(code, old.from());
				}
				periods.remove(old);
				record(corrected, rule);
				return List.of(old);
			}
			var corrected = correction.replacing(null);
			var open = periods.stream().filter(period -> period.isOpen() && period.from().isBefore(corrected.from())).findFirst();
			open.ifPresent(period -> periods.set(periods.indexOf(period), period.endingOn(corrected.from())));
			record(corrected, rule);
			return open.map(List::of).orElse(List.of());
		}
		catch (RuntimeException refused) {
			periods.clear();
			periods.addAll(before);
			throw refused;
		}
	}

	/** The period that begins on that day, if any (a participant's periods begin on different days). */
	public Optional<StatusPeriod> periodFrom(LocalDate day) {
		return periods.stream().filter(period -> period.from().equals(day)).findFirst();
	}

	boolean hasSigned(String document, LocalDate by) {
		return signatures.stream().anyMatch(signature -> signature.document().equals(document) && !signature.signedOn().isAfter(by));
	}

	/** The period the participant is in on that day, if any. */
	public Optional<StatusPeriod> periodOn(LocalDate day) {
		return periods.stream().filter(period -> period.holdsOn(day)).findFirst();
	}

	public Optional<ParticipantStatus> statusOn(LocalDate day) {
		return periodOn(day).map(StatusPeriod::status);
	}

	/**
	 * Since when the participant has held, without a break, the status it holds on that day
	 * (an observer that became a member counts from its admission as a member).
	 */
	public Optional<LocalDate> inStatusSince(LocalDate day) {
		var current = periodOn(day);
		if (current.isEmpty()) {
			return Optional.empty();
		}
		var since = current.get();
		for (int i = periods.indexOf(since) - 1; i >= 0; i--) {
			var earlier = periods.get(i);
			if (earlier.status() == since.status() && since.from().equals(earlier.until())) {
				since = earlier;
			}
			else {
				break;
			}
		}
		return Optional.of(since.from());
	}

	public ParticipantCode code() {
		return code;
	}

	public ParticipantKind kind() {
		return kind;
	}

	public ParticipantNames names() {
		return names;
	}

	public String name() {
		return names.shortEn();
	}

	public List<StatusPeriod> periods() {
		var shared = sharedPeriods;
		return shared != null ? shared : List.copyOf(periods);
	}

	public List<Signature> signatures() {
		var shared = sharedSignatures;
		return shared != null ? shared : List.copyOf(signatures);
	}
}

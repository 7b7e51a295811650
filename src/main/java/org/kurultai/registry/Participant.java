package org.kurultai.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.kurultai.shared.Sources;

/**
 * A State or an international organization taking part in the forum, with its whole history.
 *
 * <p>The participant is the consistency boundary of its status history: every new status period
 * is checked against all earlier ones here, so that a participant never holds two statuses on one
 * day, an organization is never a member, and a State admitted as a member after the founding
 * documents were adopted has signed them first. Signatures are recorded before admissions.
 */
public class Participant {

	private final ParticipantCode code;
	private final ParticipantKind kind;
	private final ParticipantNames names;
	private final List<StatusPeriod> periods = new ArrayList<>();
	private final List<Signature> signatures = new ArrayList<>();

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

	/** Records the participant's signature of a founding document. */
	public Participant sign(FoundingDocument document, LocalDate signedOn, boolean inferred, Sources sources, String note) {
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
		var open = periods.stream().filter(StatusPeriod::isOpen).findFirst();
		if (open.isPresent() && open.get().from().isBefore(period.from())) {
			var index = periods.indexOf(open.get());
			periods.set(index, open.get().endingOn(period.from()));
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
		return List.copyOf(periods);
	}

	public List<Signature> signatures() {
		return List.copyOf(signatures);
	}
}

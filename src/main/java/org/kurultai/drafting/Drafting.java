package org.kurultai.drafting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Account;
import org.kurultai.identity.ActingRights;
import org.kurultai.identity.Mandate;
import org.kurultai.identity.Viewer;
import org.kurultai.meetings.Meetings;
import org.kurultai.organs.Organs;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.Access;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.RuleViolation;
import org.kurultai.shared.Sources;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The negotiation of texts, as the rules of procedure have it: a member delegation or the
 * Secretariat tables a draft; delegations propose amendments against the version before them;
 * the chair (or the Secretariat facilitating) takes amendments into a new revision and marks what
 * is agreed. Who may see a document is decided by its access level; whoever may not see it is told
 * it does not exist.
 */
@Service
@Transactional(readOnly = true)
public class Drafting {

	private final DraftingRepository repository;
	private final DraftingProperties properties;
	private final AccessPolicy access;
	private final ActingRights rights;
	private final Facilitation facilitation;
	private final Organs organs;
	private final Meetings meetings;
	private final Registry registry;
	private final AuditLog audit;
	private final ForumClock clock;
	private final ApplicationEventPublisher events;

	Drafting(DraftingRepository repository, DraftingProperties properties, AccessPolicy access, ActingRights rights,
			Facilitation facilitation, Organs organs, Meetings meetings, Registry registry, AuditLog audit, ForumClock clock,
			ApplicationEventPublisher events) {
		this.repository = repository;
		this.properties = properties;
		this.access = access;
		this.rights = rights;
		this.facilitation = facilitation;
		this.organs = organs;
		this.meetings = meetings;
		this.registry = registry;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/** The documents the viewer may see, oldest first. */
	public List<NegotiatedDocument> documents(Viewer viewer) {
		return access.visible(viewer, repository.documents(), NegotiatedDocument::access);
	}

	/** A document the viewer may see; one they may not see does not exist for them. */
	public NegotiatedDocument document(String id, Viewer viewer) {
		var document = repository.document(normalize(id)).orElseThrow(() -> NotFound.of("problem.notFound.document", id));
		if (!access.maySee(viewer, document.access())) {
			throw NotFound.of("problem.notFound.document", id);
		}
		return document;
	}

	public List<DocumentVersion> versions(String id, Viewer viewer) {
		return repository.versions(document(id, viewer).id());
	}

	public DocumentVersion version(String id, int number, Viewer viewer) {
		var document = document(id, viewer);
		return repository.version(document.id(), number)
				.orElseThrow(() -> NotFound.of("problem.notFound.version", document.id(), DocumentVersion.name(number)));
	}

	public DocumentVersion latest(String id, Viewer viewer) {
		var document = document(id, viewer);
		if (document.latestVersion() == null) {
			throw new NoTextHeld(document.id());
		}
		return version(id, document.latestVersion(), viewer);
	}

	public Comparison compare(String id, int from, int to, @Nullable String language, Viewer viewer) {
		var document = document(id, viewer);
		var lang = language == null || language.isBlank() ? document.originalLanguage() : language.trim().toLowerCase(Locale.ROOT);
		if (!document.languages().contains(lang)) {
			throw InvalidRequest.of("language", "problem.document.noLanguageVersion", lang, document.languages());
		}
		return Comparison.of(version(id, from, viewer), version(id, to, viewer), lang);
	}

	public List<Amendment> amendments(String id, Viewer viewer) {
		return repository.amendments(document(id, viewer).id());
	}

	public List<AlternativePosition> positions(String id, Viewer viewer) {
		return repository.positions(document(id, viewer).id());
	}

	/** What the viewer may do with the document today, for the pages. */
	public Permissions permissions(NegotiatedDocument document, @Nullable Account account) {
		if (account == null || document.adopted() || !document.hasText()) {
			return Permissions.NONE;
		}
		var mandate = rights.of(account, clock.today());
		return new Permissions(mandate.maySpeak(), facilitation.mayFacilitate(mandate), mandate.mayObject());
	}

	public record Permissions(boolean mayAmend, boolean mayRevise, boolean mayObject) {

		public static final Permissions NONE = new Permissions(false, false, false);
	}

	/**
	 * A member delegation or the Secretariat tables a draft: it becomes version 0 ("draft"), with
	 * every paragraph bracketed unless tabled as agreed. Audited.
	 */
	@Transactional
	public NegotiatedDocument table(Account account, NewDocument draft) {
		var mandate = rights.of(account, clock.today());
		if (!(mandate.actsForSecretariat() || mandate.mayObject())) {
			throw NotAllowed.of("problem.drafting.whoTables",
					account.actsFor(), mandate.on());
		}
		var body = draft.body().trim().toUpperCase(Locale.ROOT);
		if (!organs.isBody(body)) {
			throw InvalidRequest.of("body", "problem.body.unknown", draft.body());
		}
		if (!organs.body(body).existsOn(clock.today())) {
			throw new BodyNotInExistence(body);
		}
		var languages = languages(draft.languages(), draft.originalLanguage());
		var original = draft.originalLanguage() == null ? languages.get(0) : draft.originalLanguage().trim().toLowerCase(Locale.ROOT);
		var access = named(draft.access(), mandate.actsForSecretariat() ? null : account.participant());
		checkText(draft.paragraphs(), languages, original);
		checkSponsors(draft.paragraphs(), mandate.actsForSecretariat() ? null : account.participant());
		var now = clock.now();
		int year = LocalDate.ofInstant(now, clock.zone()).getYear();
		int number = repository.nextSymbolNumber(body, year);
		var symbol = properties.symbol(body, draft.type(), year, number);
		var id = symbol.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-|-$", "");
		var document = new NegotiatedDocument(id, symbol, draft.type(), draft.title().trim(), body, null, original, languages,
				access, DocumentStatus.DRAFT, null, null, mandate.actsForSecretariat() ? null : account.participant(),
				Sources.none(), null, 0, now);
		repository.insert(document);
		var version = new DocumentVersion(id, 0, draft.paragraphs(), null, List.of(), now, account.email());
		repository.insert(version);
		audit.record(new Act(account.email(), account.actsFor(), "document.tabled", "document:" + id, null,
				Map.of("symbol", symbol, "title", document.title(), "paragraphs", version.paragraphs().size(),
						"access", document.access().level().name())));
		return document;
	}

	public record NewDocument(DocumentType type, String title, String body, Access access, @Nullable List<String> languages,
			@Nullable String originalLanguage, List<Paragraph> paragraphs) {
	}

	/**
	 * A delegation proposes an amendment against the version it names; one that names an older
	 * version than the current is refused, since the text it amends is no longer on the table.
	 */
	@Transactional
	public Amendment propose(Account account, String id, NewAmendment proposal) {
		var document = document(id, access.viewer(account, clock.today()));
		var mandate = rights.of(account, clock.today());
		if (!mandate.maySpeak()) {
			throw NotAllowed.of("problem.drafting.whoAmends",
					account.actsFor(), mandate.on());
		}
		repository.lockShared(document.id());
		var current = repository.document(document.id()).orElseThrow();
		refuseIfAdopted(current);
		var latest = current.latestVersion();
		if (latest == null) {
			throw new NoTextHeld(document.id());
		}
		if (proposal.againstVersion() != latest) {
			if (proposal.againstVersion() < latest && proposal.againstVersion() >= 0) {
				throw new Revision.AmendmentOutdated(proposal.againstVersion(), latest);
			}
			throw NotFound.of("problem.notFound.version", document.id(), DocumentVersion.name(proposal.againstVersion()));
		}
		var invited = invitations(proposal.cosponsors(), account.participant(), clock.today());
		if (proposal.text() != null) {
			checkLanguages(proposal.text().keySet(), current.languages());
		}
		var text = stripped(proposal.text());
		if (proposal.kind().needsText() && text.getOrDefault(current.originalLanguage(), "").isBlank()) {
			throw InvalidRequest.of("text", "problem.drafting.amendmentTextNeeded", current.originalLanguage());
		}
		var base = repository.version(document.id(), latest).orElseThrow();
		// the paragraph and the alternative as the version labels them, so that "4BIS" and "4bis" are one amendment
		var paragraph = blankToNull(proposal.paragraph());
		var target = paragraph == null ? java.util.Optional.<Paragraph>empty() : base.paragraph(paragraph);
		if (target.isPresent()) {
			paragraph = target.get().label();
		}
		String alternative = null;
		if (proposal.kind() == AmendmentKind.CHOOSE_ALTERNATIVE && target.isPresent()) {
			alternative = alternativeOf(target.get(), proposal.alternative()).label();
		}
		var now = clock.now();
		var amendment = new Amendment(0, document.id(), latest, proposal.kind(), paragraph, alternative, text, account.participant(),
				List.of(), now, blankToNull(proposal.explanation()), Amendment.Status.PROPOSED, null, invited, List.of());
		Revision.check(base, amendment);
		if (repository.sameProposed(amendment).isPresent()) {
			throw new DuplicateAmendment(account.participant(), latest);
		}
		long amendmentId;
		try {
			amendmentId = repository.insert(amendment, account.email());
		}
		catch (org.springframework.dao.DataIntegrityViolationException raced) {
			// the same amendment, proposed at the same moment by another request of the delegation, was written first
			if (String.valueOf(raced.getMostSpecificCause().getMessage()).contains("amendment_proposed_once")) {
				throw new DuplicateAmendment(account.participant(), latest);
			}
			throw raced;
		}
		repository.invite(amendmentId, invited, now, account.email());
		audit.record(new Act(account.email(), account.actsFor(), "amendment.proposed", "document:" + document.id(), null,
				Map.of("amendment", amendmentId, "against", DocumentVersion.name(latest), "kind", proposal.kind().name(),
						"invited", invited)));
		events.publishEvent(new AmendmentProposed(document.id(), amendmentId, latest, account.participant()));
		return repository.amendment(amendmentId).orElseThrow();
	}

	/**
	 * The States the proposer invites to co-sponsor: each a participant that may act on the day (a
	 * member or an observer), other than the proposer. Anything else is refused before anything is
	 * written. An invitation makes no one a co-sponsor; only the invited State's answer does.
	 */
	private List<String> invitations(@Nullable List<String> codes, String proposer, LocalDate today) {
		var invited = new ArrayList<String>();
		for (var code : codes == null ? List.<String>of() : codes) {
			var normalized = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
			if (!normalized.matches("[A-Z]{2,10}") || !registry.isRegistered(ParticipantCode.of(normalized))) {
				throw InvalidRequest.of("cosponsors", "problem.drafting.notAParticipant", code);
			}
			var status = registry.statusOf(ParticipantCode.of(normalized), today);
			if (status != ParticipantStatus.MEMBER && status != ParticipantStatus.OBSERVER) {
				throw InvalidRequest.of("cosponsors", "problem.drafting.cosponsorStatus",
						normalized, today);
			}
			if (normalized.equals(proposer)) {
				throw InvalidRequest.of("cosponsors", "problem.drafting.proposerIsSponsor", proposer);
			}
			if (!invited.contains(normalized)) {
				invited.add(normalized);
			}
		}
		return invited;
	}

	/**
	 * The invited State's acting delegation accepts (or declines) to co-sponsor an amendment still
	 * proposed; only then is it a co-sponsor. Nobody answers for another State. Audited.
	 */
	@Transactional
	public Amendment answer(Account account, String id, long amendmentId, String participant, boolean accept) {
		var today = clock.today();
		var document = document(id, access.viewer(account, today));
		var code = participant.trim().toUpperCase(Locale.ROOT);
		repository.lockShared(document.id());
		var amendment = repository.amendment(amendmentId).filter(found -> found.document().equals(document.id()))
				.orElseThrow(() -> NotFound.of("problem.notFound.amendment", amendmentId));
		if (!repository.wasInvited(amendmentId, code)) {
			throw NotFound.of("problem.notFound.cosponsorInvitation", amendmentId, participant);
		}
		if (!actsFor(account, code, today)) {
			throw NotAllowed.of("problem.drafting.whoAnswersInvitation",
					code, account.actsFor(), today);
		}
		if (amendment.status() != Amendment.Status.PROPOSED) {
			throw new InvitationLapsed(amendmentId, amendment.status());
		}
		if (!amendment.invited().contains(code) || !repository.answer(amendmentId, code, accept, clock.now(), account.email())) {
			throw new AlreadyAnswered(amendmentId, code);
		}
		audit.record(new Act(account.email(), account.actsFor(), accept ? "cosponsorship.accepted" : "cosponsorship.declined",
				"document:" + document.id(), Map.of("amendment", amendmentId, "participant", code, "status", "INVITED"),
				Map.of("amendment", amendmentId, "participant", code, "status", accept ? "ACCEPTED" : "DECLINED")));
		return repository.amendment(amendmentId).orElseThrow();
	}

	/**
	 * Which invitations on this amendment the person may answer now: the policy {@link #answer}
	 * applies, asked by the pages before they offer the buttons.
	 */
	public List<String> answerable(Amendment amendment, @Nullable Account account) {
		if (account == null || account.participant() == null || amendment.status() != Amendment.Status.PROPOSED
				|| !amendment.invited().contains(account.participant()) || !actsFor(account, account.participant(), clock.today())) {
			return List.of();
		}
		return List.of(account.participant());
	}

	/** The person acts today for the State's delegation (a member's or an observer's). */
	private boolean actsFor(Account account, String participant, LocalDate today) {
		return participant.equals(account.participant()) && rights.of(account, today).maySpeak();
	}

	public record NewAmendment(int againstVersion, AmendmentKind kind, @Nullable String paragraph, @Nullable String alternative,
			@Nullable Map<String, String> text, @Nullable List<String> cosponsors, @Nullable String explanation) {
	}

	/** A delegation states whether it supports or opposes an alternative of a bracketed paragraph. */
	@Transactional
	public AlternativePosition state(Account account, String id, String paragraph, String alternative, AlternativePosition.Stance stance) {
		var document = document(id, access.viewer(account, clock.today()));
		var mandate = rights.of(account, clock.today());
		if (!mandate.maySpeak()) {
			throw NotAllowed.of("problem.drafting.whoStatesPositions");
		}
		refuseIfAdopted(document);
		var version = latest(document.id(), access.viewer(account, clock.today()));
		var target = version.paragraph(paragraph.trim())
				.orElseThrow(() -> InvalidRequest.of("paragraph", "problem.drafting.noSuchParagraph", paragraph, version.name()));
		var chosen = alternativeOf(target, alternative);
		var position = new AlternativePosition(target.label(), chosen.label(), account.participant(), stance, version.number(),
				clock.now());
		repository.state(document.id(), position);
		audit.record(new Act(account.email(), account.actsFor(), "alternative.position-stated", "document:" + document.id(), null,
				Map.of("paragraph", target.label(), "alternative", chosen.label(), "stance", stance.name())));
		return position;
	}

	/**
	 * One of the paragraph's alternatives, by its label: choosing an alternative (to settle on it, to
	 * support or oppose it) is a pick from those the paragraph holds. Anything else is refused on the
	 * field {@code alternative}.
	 */
	private static Alternative alternativeOf(Paragraph paragraph, @Nullable String label) {
		if (paragraph.alternatives().isEmpty()) {
			throw InvalidRequest.of("alternative", "problem.drafting.noAlternatives", paragraph.label());
		}
		var labels = paragraph.alternatives().stream().map(Alternative::label).toList();
		if (label == null || label.isBlank()) {
			throw InvalidRequest.of("alternative", "problem.drafting.alternativeNeeded", paragraph.label(), labels);
		}
		return paragraph.alternative(label.trim())
				.orElseThrow(() -> InvalidRequest.of("alternative", "problem.drafting.noSuchAlternative", paragraph.label(), label, labels));
	}

	/**
	 * The proposing State's acting delegation withdraws its amendment while it is proposed. The
	 * amendment stays on the record as withdrawn; the invitations to co-sponsor it that were not
	 * answered end. Audited.
	 */
	@Transactional
	public Amendment withdraw(Account account, String id, long amendmentId) {
		var today = clock.today();
		var document = document(id, access.viewer(account, today));
		repository.lockShared(document.id()); // a revision under way takes it in or outdates it first
		var current = repository.document(document.id()).orElseThrow();
		var amendment = repository.amendment(amendmentId).filter(found -> found.document().equals(document.id()))
				.orElseThrow(() -> NotFound.of("problem.notFound.amendment", amendmentId));
		var refusal = withdrawalRefusal(current, amendment, account, today);
		if (refusal != null) {
			throw refusal;
		}
		var now = clock.now();
		if (!repository.withdraw(amendmentId, now, account.email())) {
			// withdrawn (or taken in) by another request meanwhile
			throw new AmendmentNotWithdrawable(amendmentId, repository.amendment(amendmentId).orElseThrow().status());
		}
		var lapsed = repository.lapseInvitations(amendmentId, now, account.email());
		audit.record(new Act(account.email(), account.actsFor(), "amendment.withdrawn", "document:" + document.id(),
				Map.of("amendment", amendmentId, "status", Amendment.Status.PROPOSED.name(), "invited", amendment.invited()),
				Map.of("amendment", amendmentId, "status", Amendment.Status.WITHDRAWN.name(), "invitationsLapsed", lapsed)));
		return repository.amendment(amendmentId).orElseThrow();
	}

	/**
	 * Whether the person may withdraw the amendment now: the policy {@link #withdraw} applies, asked
	 * by the pages before they offer the button.
	 */
	public boolean mayWithdraw(NegotiatedDocument document, Amendment amendment, @Nullable Account account) {
		return account != null && withdrawalRefusal(document, amendment, account, clock.today()) == null;
	}

	/** Why the person may not withdraw the amendment, or null if they may: only the proposer's acting delegation, only while proposed. */
	private @Nullable RuntimeException withdrawalRefusal(NegotiatedDocument document, Amendment amendment, Account account, LocalDate today) {
		if (!actsFor(account, amendment.proposedBy(), today)) {
			return NotAllowed.of("problem.drafting.whoWithdrawsAmendment", amendment.proposedBy(), account.actsFor(), today);
		}
		if (document.adopted()) {
			return new DocumentAdopted(document.symbol());
		}
		if (amendment.status() != Amendment.Status.PROPOSED) {
			return new AmendmentNotWithdrawable(amendment.id(), amendment.status());
		}
		return null;
	}

	/**
	 * A delegation withdraws the support or opposition its State stated on an alternative: the stance
	 * is no longer shown or counted. Audited.
	 */
	@Transactional
	public AlternativePosition withdrawPosition(Account account, String id, String paragraph, String alternative) {
		var today = clock.today();
		var document = document(id, access.viewer(account, today));
		if (account.participant() == null || !rights.of(account, today).maySpeak()) {
			throw NotAllowed.of("problem.drafting.whoStatesPositions");
		}
		var position = repository.positions(document.id()).stream()
				.filter(stated -> stated.participant().equals(account.participant()) && stated.paragraph().equalsIgnoreCase(paragraph.trim())
						&& stated.alternative().equalsIgnoreCase(alternative.trim()))
				.findFirst()
				.orElseThrow(() -> NotFound.of("problem.notFound.position", account.participant(), paragraph, alternative));
		var refusal = positionWithdrawalRefusal(document, position, account, today);
		if (refusal != null) {
			throw refusal;
		}
		if (!repository.withdraw(document.id(), position)) {
			throw NotFound.of("problem.notFound.position", account.participant(), paragraph, alternative);
		}
		audit.record(new Act(account.email(), account.actsFor(), "alternative.position-withdrawn", "document:" + document.id(),
				Map.of("paragraph", position.paragraph(), "alternative", position.alternative(), "stance", position.stance().name()),
				Map.of("paragraph", position.paragraph(), "alternative", position.alternative(), "stance", "NONE")));
		return position;
	}

	/**
	 * Whether the person may withdraw this stated position now: the policy {@link #withdrawPosition}
	 * applies, asked by the pages before they offer the button.
	 */
	public boolean mayWithdraw(NegotiatedDocument document, AlternativePosition position, @Nullable Account account) {
		return account != null && positionWithdrawalRefusal(document, position, account, clock.today()) == null;
	}

	private @Nullable RuntimeException positionWithdrawalRefusal(NegotiatedDocument document, AlternativePosition position, Account account,
			LocalDate today) {
		if (!actsFor(account, position.participant(), today)) {
			return NotAllowed.of("problem.drafting.whoStatesPositions");
		}
		if (document.adopted()) {
			return new DocumentAdopted(document.symbol());
		}
		return null;
	}

	/**
	 * The chair (or the Secretariat) issues a new revision from the current version: the
	 * amendments taken in apply in order, then the marks. Amendments left out that were proposed
	 * against the old version become outdated. Audited; listeners (a silence procedure on this
	 * text) act in the same transaction.
	 */
	@Transactional
	public DocumentVersion revise(Account account, String id, int basedOn, List<Long> takeIn, Map<String, ParagraphStatus> marks) {
		var mandate = rights.of(account, clock.today());
		var viewer = access.viewer(account, clock.today());
		var visible = document(id, viewer);
		refuseUnlessFacilitating(mandate);
		var document = repository.lock(visible.id()).orElseThrow();
		refuseIfAdopted(document);
		var latest = document.latestVersion();
		if (latest == null) {
			throw new NoTextHeld(document.id());
		}
		if (basedOn != latest) {
			throw new RevisionNotOnCurrent(basedOn, latest);
		}
		if (new HashSet<>(takeIn).size() != takeIn.size()) {
			throw InvalidRequest.of("takeIn", "problem.drafting.takenInOnce");
		}
		var amendments = new ArrayList<Amendment>();
		for (var amendmentId : takeIn) {
			var amendment = repository.amendment(amendmentId)
					.filter(found -> found.document().equals(document.id()))
					.orElseThrow(() -> NotFound.of("problem.notFound.amendment", amendmentId));
			amendments.add(amendment);
		}
		if (amendments.isEmpty() && marks.isEmpty()) {
			throw InvalidRequest.of("takeIn", "problem.drafting.revisionEmpty");
		}
		var base = repository.version(document.id(), latest).orElseThrow();
		var paragraphs = Revision.apply(base, amendments, marks);
		var version = new DocumentVersion(document.id(), latest + 1, paragraphs, latest, takeIn, clock.now(), account.email());
		repository.insert(version);
		repository.takeIn(takeIn, version.number());
		int outdated = repository.outdate(document.id(), version.number());
		events.publishEvent(new RevisionIssued(document.id(), version.number(), version.hasBrackets(), account.email(), account.actsFor()));
		audit.record(new Act(account.email(), account.actsFor(), "document.revised", "document:" + document.id(), null,
				Map.of("version", version.name(), "takenIn", takeIn, "marks", marks.size(), "outdated", outdated,
						"bracketed", version.bracketed().size())));
		return version;
	}

	/** Checks that the person may put texts for decision (the chair or the Secretariat). */
	public void refuseUnlessFacilitating(Mandate mandate) {
		if (!facilitation.mayFacilitate(mandate)) {
			throw NotAllowed.of("problem.drafting.whoConducts",
					facilitation.chairOn(mandate.on()), mandate.on());
		}
	}

	/**
	 * For the decisions module, inside its transaction: locks the document and returns the exact
	 * version to be put for decision, refusing a text that still holds brackets or is no longer current.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public DocumentVersion textForDecision(String id, int number) {
		var document = repository.lock(id).orElseThrow(() -> NotFound.of("problem.notFound.document", id));
		refuseIfAdopted(document);
		var version = repository.version(document.id(), number)
				.orElseThrow(() -> NotFound.of("problem.notFound.version", document.id(), DocumentVersion.name(number)));
		if (document.latestVersion() != null && number != document.latestVersion()) {
			throw new RevisionNotOnCurrent(number, document.latestVersion());
		}
		if (version.hasBrackets()) {
			throw new NothingAgreedUntilEverythingAgreed(version);
		}
		return version;
	}

	/** Locks a document for a decision about to change its status (same order as revisions: document first). */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void lockForDecision(String id) {
		repository.lock(id);
	}

	/** The decisions module records the outcome on the document, in its transaction. */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void recordOutcome(String id, DocumentStatus status, LocalDate on, @Nullable String meeting) {
		repository.setStatus(id, status, status == DocumentStatus.ADOPTED ? on : null, meeting);
	}

	/** Loads a document of the forum's history (reference data), with its text when held. */
	@Transactional
	public void recordHistorical(HistoricalDocument record) {
		if (repository.exists(record.id())) {
			throw new DocumentAlreadyRecorded(record.id());
		}
		if (!organs.isBody(record.body())) {
			throw NotFound.of("problem.notFound.body", record.body());
		}
		if (record.meeting() != null && !meetings.exists(record.meeting())) {
			throw NotFound.of("problem.notFound.meeting", record.meeting());
		}
		int number = repository.nextSymbolNumber(record.body(), record.adoptedOn().getYear());
		var symbol = properties.symbol(record.body(), record.type(), record.adoptedOn().getYear(), number);
		var createdAt = record.adoptedOn().atStartOfDay().toInstant(ZoneOffset.UTC);
		var document = new NegotiatedDocument(record.id(), symbol, record.type(), record.title(), record.body(), record.meeting(),
				record.originalLanguage(), List.of(record.originalLanguage()), Access.PUBLIC, DocumentStatus.ADOPTED,
				record.adoptedOn(), record.precision(), null, record.sources(), record.note(), null, createdAt);
		repository.insert(document);
		if (!record.paragraphs().isEmpty()) {
			repository.insert(new DocumentVersion(record.id(), 0, record.paragraphs(), null, List.of(), createdAt,
					"reference:" + String.join(",", record.sources().references())));
		}
	}

	public record HistoricalDocument(String id, DocumentType type, String title, String body, @Nullable String meeting,
			LocalDate adoptedOn, DatePrecision precision, String originalLanguage, Sources sources, @Nullable String note,
			List<Paragraph> paragraphs) {
	}

	private List<String> languages(@Nullable List<String> requested, @Nullable String original) {
		var languages = new ArrayList<String>();
		var wanted = requested == null || requested.isEmpty() ? properties.languages() : requested;
		for (var language : wanted) {
			if (language == null || language.isBlank()) {
				throw InvalidRequest.of("languages", "problem.drafting.languageCode", String.valueOf(properties.languages()));
			}
			var code = language.trim().toLowerCase(Locale.ROOT);
			if (!properties.languages().contains(code)) {
				throw InvalidRequest.of("languages", "problem.drafting.notALanguage", language, String.valueOf(properties.languages()));
			}
			if (!languages.contains(code)) {
				languages.add(code);
			}
		}
		if (original != null && !languages.contains(original.trim().toLowerCase(Locale.ROOT))) {
			throw InvalidRequest.of("originalLanguage", "problem.drafting.originalLanguage", String.valueOf(languages));
		}
		return languages;
	}

	private void checkText(List<Paragraph> paragraphs, List<String> languages, String original) {
		if (paragraphs.isEmpty()) {
			throw InvalidRequest.of("paragraphs", "problem.drafting.draftEmpty");
		}
		for (var paragraph : paragraphs) {
			checkLanguages(paragraph.text().keySet(), languages);
			paragraph.alternatives().forEach(alternative -> checkLanguages(alternative.text().keySet(), languages));
			boolean hasOriginal = paragraph.alternatives().isEmpty() ? !paragraph.text(original).isBlank()
					: paragraph.alternatives().stream().allMatch(alternative -> !alternative.text(original).isBlank());
			if (!hasOriginal) {
				throw InvalidRequest.of("paragraphs", "problem.drafting.noOriginalText", paragraph.label(), original);
			}
		}
	}

	/**
	 * Who sponsors the paragraphs and alternatives of a tabled draft: only the State that tables it
	 * (none when the Secretariat does). Other States join a wording by amendment, with an invitation
	 * they accept, never by being named in someone else's draft.
	 */
	private static void checkSponsors(List<Paragraph> paragraphs, @Nullable String tabler) {
		for (int p = 0; p < paragraphs.size(); p++) {
			var paragraph = paragraphs.get(p);
			checkSponsors("paragraphs[%d].sponsors".formatted(p), paragraph.sponsors(), tabler);
			for (int a = 0; a < paragraph.alternatives().size(); a++) {
				checkSponsors("paragraphs[%d].alternatives[%d].sponsors".formatted(p, a), paragraph.alternatives().get(a).sponsors(), tabler);
			}
		}
	}

	private static void checkSponsors(String field, List<String> sponsors, @Nullable String tabler) {
		for (var sponsor : sponsors) {
			if (tabler == null || !tabler.equals(sponsor == null ? null : sponsor.trim().toUpperCase(Locale.ROOT))) {
				throw InvalidRequest.of(field, tabler == null ? "problem.drafting.secretariatDraftSponsors" : "problem.drafting.onlyTablerSponsors",
						tabler, sponsor);
			}
		}
	}

	private static void checkLanguages(java.util.Set<String> used, List<String> languages) {
		for (var language : used) {
			if (!languages.contains(language)) {
				throw InvalidRequest.of("text", "problem.drafting.notADocumentLanguage", language, String.valueOf(languages));
			}
		}
	}

	/**
	 * The access of a tabled draft: the participants it names, by their codes, and, for a draft a
	 * State tables for named participants, that State among them (a text is never hidden from its author).
	 */
	private Access named(Access requested, @Nullable String tabler) {
		if (requested.level() != org.kurultai.shared.AccessLevel.NAMED_PARTICIPANTS) {
			return requested;
		}
		var named = new java.util.TreeSet<String>();
		for (var participant : requested.named()) {
			var code = ParticipantCode.parse(participant);
			if (!registry.isRegistered(code)) {
				throw InvalidRequest.of("named", "problem.participant.unknown", participant);
			}
			named.add(code.value());
		}
		if (tabler != null) {
			named.add(tabler);
		}
		return new Access(requested.level(), named);
	}

	private static void refuseIfAdopted(NegotiatedDocument document) {
		if (document.adopted()) {
			throw new DocumentAdopted(document.symbol());
		}
	}

	private static String normalize(String id) {
		return id.trim().toUpperCase(Locale.ROOT);
	}

	/** An amendment's text as compared and kept: each language's text without surrounding blanks, empty ones left out. */
	private static Map<String, String> stripped(@Nullable Map<String, String> text) {
		var kept = new java.util.TreeMap<String, String>();
		if (text != null) {
			text.forEach((language, wording) -> {
				if (language != null && wording != null && !wording.isBlank()) {
					kept.put(language, wording.strip());
				}
			});
		}
		return kept;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	/** A text with brackets cannot be put for adoption. */
	public static class NothingAgreedUntilEverythingAgreed extends RuleViolation {

		NothingAgreedUntilEverythingAgreed(DocumentVersion version) {
			super("problem.drafting.nothingAgreed", version.name(), version.document(),
					String.valueOf(version.bracketed().stream().map(Paragraph::label).toList()));
		}

		@Override
		public String rule() {
			return "nothing-agreed-until-everything-agreed";
		}
	}

	/** One delegation proposes one amendment once against a version, while it is still proposed. */
	public static class DuplicateAmendment extends RuleViolation {

		DuplicateAmendment(String proposer, int version) {
			super("problem.drafting.duplicateAmendment", proposer, DocumentVersion.name(version));
		}

		@Override
		public String rule() {
			return "duplicate-amendment";
		}
	}

	/** An amendment is withdrawn while it is proposed; once taken in, outdated or withdrawn it stays as it is. */
	public static class AmendmentNotWithdrawable extends RuleViolation {

		AmendmentNotWithdrawable(long amendment, Amendment.Status status) {
			super("problem.drafting.notWithdrawable", amendment, status);
		}

		@Override
		public String rule() {
			return "amendment-not-proposed";
		}
	}

	/** An invitation to co-sponsor is answered while the amendment is proposed; once taken in, outdated or withdrawn, it lapses. */
	public static class InvitationLapsed extends RuleViolation {

		InvitationLapsed(long amendment, Amendment.Status status) {
			super("problem.drafting.invitationLapsed", amendment, status);
		}

		@Override
		public String rule() {
			return "cosponsorship-invitation-lapsed";
		}
	}

	public static class AlreadyAnswered extends RuleViolation {

		AlreadyAnswered(long amendment, String participant) {
			super("problem.drafting.alreadyAnswered", participant, amendment);
		}

		@Override
		public String rule() {
			return "cosponsorship-already-answered";
		}
	}

	public static class RevisionNotOnCurrent extends RuleViolation {

		RevisionNotOnCurrent(int named, int current) {
			super("problem.drafting.revisionNotOnCurrent", DocumentVersion.name(current), DocumentVersion.name(named));
		}

		@Override
		public String rule() {
			return "not-the-current-version";
		}
	}

	public static class DocumentAdopted extends RuleViolation {

		DocumentAdopted(String symbol) {
			super("problem.drafting.documentAdopted", symbol);
		}

		@Override
		public String rule() {
			return "document-adopted";
		}
	}

	public static class NoTextHeld extends RuleViolation {

		NoTextHeld(String id) {
			super("problem.drafting.noTextHeld", id);
		}

		@Override
		public String rule() {
			return "no-text-held";
		}
	}

	public static class DocumentAlreadyRecorded extends RuleViolation {

		DocumentAlreadyRecorded(String id) {
			super("problem.drafting.documentRecorded", id);
		}

		@Override
		public String rule() {
			return "document-already-recorded";
		}
	}

	public static class BodyNotInExistence extends RuleViolation {

		BodyNotInExistence(String body) {
			super("problem.drafting.bodyNotInExistence", body);
		}

		@Override
		public String rule() {
			return "body-not-in-existence";
		}
	}
}

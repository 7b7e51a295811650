package org.kurultai.drafting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Documents and their negotiation: the texts the caller may see, their versions, amendments and revisions. */
@RestController
@RequestMapping(path = "/api/documents", produces = "application/json")
@Tag(name = "Documents", description = "Negotiated documents: versions, brackets and alternatives, amendments, revisions")
class DocumentsApi {

	private final Drafting drafting;
	private final AccessPolicy access;
	private final org.kurultai.meetings.Meetings meetings;
	private final ForumClock clock;

	DocumentsApi(Drafting drafting, AccessPolicy access, org.kurultai.meetings.Meetings meetings, ForumClock clock) {
		this.drafting = drafting;
		this.access = access;
		this.meetings = meetings;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "The documents the caller may see (the public ones for the public), oldest first")
	List<Summary> documents(@Parameter(description = "DECLARATION, ACT, STATEMENT, DECISION, …") @RequestParam @Nullable String type,
			@Parameter(description = "Body code, e.g. SOC") @RequestParam @Nullable String body,
			@Parameter(description = "DRAFT, RECOMMENDED or ADOPTED") @RequestParam @Nullable String status) {
		var wantedType = parse(DocumentType.class, "type", type);
		var wantedStatus = parse(DocumentStatus.class, "status", status);
		var wantedBody = body == null || body.isBlank() ? null : body.trim().toUpperCase(Locale.ROOT);
		return drafting.documents(access.currentViewer()).stream()
				.filter(d -> wantedType == null || d.type() == wantedType)
				.filter(d -> wantedStatus == null || d.status() == wantedStatus)
				.filter(d -> wantedBody == null || d.body().equals(wantedBody))
				.map(this::summary).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "A document with its versions and its current text; 404 if the caller may not see it")
	Detail document(@PathVariable String id) {
		var viewer = access.currentViewer();
		var document = drafting.document(id, viewer);
		var versions = drafting.versions(id, viewer).stream()
				.map(v -> new VersionSummary(v.number(), v.name(), v.basedOn(), v.takenIn(), v.issuedAt(), v.bracketed().size()))
				.toList();
		var current = document.hasText() ? drafting.latest(id, viewer) : null;
		// the meeting only where the viewer may know it: a closed meeting does not show through a public text
		var meeting = document.meeting() == null ? null
				: meetings.meeting(document.meeting(), access.seenBy(viewer)).map(org.kurultai.meetings.Meeting::id).orElse(null);
		return new Detail(summary(document), meeting, document.sources().references(), document.note(), versions,
				current == null ? null : text(current));
	}

	@GetMapping("/{id}/versions/{number}")
	@Operation(summary = "One version of the text: 0 is the draft, 1 is Rev.1 …")
	Text version(@PathVariable String id, @PathVariable int number) {
		return text(drafting.version(id, number, access.currentViewer()));
	}

	@GetMapping("/{id}/compare")
	@Operation(summary = "Two versions compared paragraph by paragraph, with words inserted and deleted")
	Comparison compare(@PathVariable String id, @RequestParam int from, @RequestParam int to,
			@Parameter(description = "Language code; default the original") @RequestParam @Nullable String language) {
		return drafting.compare(id, from, to, language, access.currentViewer());
	}

	@GetMapping("/{id}/amendments")
	@Operation(summary = "Amendments proposed on the document, with their status")
	List<Amendment> amendments(@PathVariable String id) {
		return drafting.amendments(id, access.currentViewer());
	}

	@GetMapping("/{id}/positions")
	@Operation(summary = "States' positions on the alternatives of bracketed paragraphs")
	List<AlternativePosition> positions(@PathVariable String id) {
		return drafting.positions(id, access.currentViewer());
	}

	@PostMapping(consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A member delegation or the Secretariat tables a draft (version 0)")
	Summary table(@AuthenticationPrincipal KurultaiUser user, @Valid @RequestBody NewDocument request) {
		var level = request.access() == null ? AccessLevel.PARTICIPANTS : request.access();
		var named = request.named() == null ? Set.<String>of() : Set.copyOf(request.named());
		var paragraphs = request.paragraphs().stream().map(NewParagraph::toParagraph).toList();
		var document = drafting.table(user.account(), new Drafting.NewDocument(request.type(), request.title(), request.body(),
				new Access(level, named), request.languages(), request.originalLanguage(), paragraphs));
		return summary(document);
	}

	@PostMapping(path = "/{id}/amendments", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A delegation proposes an amendment against the current version (refused against an outdated one); "
			+ "'cosponsors' are invitations, pending until each invited State's delegation accepts")
	Amendment propose(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @Valid @RequestBody NewAmendment request) {
		return drafting.propose(user.account(), id, new Drafting.NewAmendment(request.againstVersion(), request.kind(),
				request.paragraph(), request.alternative(), request.text(), request.cosponsors(), request.explanation()));
	}

	@PostMapping(path = "/{id}/amendments/{amendment}/cosponsorships/{participant}/acceptance")
	@Operation(summary = "The invited State's delegation accepts to co-sponsor an amendment still proposed; only then is it a co-sponsor")
	Amendment accept(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @PathVariable long amendment,
			@Parameter(description = "The invited State's code, e.g. TUR") @PathVariable String participant) {
		return drafting.answer(user.account(), id, amendment, participant, true);
	}

	@PostMapping(path = "/{id}/amendments/{amendment}/cosponsorships/{participant}/refusal")
	@Operation(summary = "The invited State's delegation declines to co-sponsor an amendment")
	Amendment decline(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @PathVariable long amendment,
			@Parameter(description = "The invited State's code, e.g. TUR") @PathVariable String participant) {
		return drafting.answer(user.account(), id, amendment, participant, false);
	}

	@PostMapping(path = "/{id}/amendments/{amendment}/withdrawal")
	@Operation(summary = "The proposing State's delegation withdraws its amendment while it is proposed; it stays on the record as "
			+ "WITHDRAWN and the invitations to co-sponsor it that were not answered lapse")
	Amendment withdraw(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @PathVariable long amendment) {
		return drafting.withdraw(user.account(), id, amendment);
	}

	@PostMapping(path = "/{id}/revisions", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The chair or the Secretariat issues a new revision, taking in amendments and marking paragraphs")
	Text revise(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @Valid @RequestBody NewRevision request) {
		return text(drafting.revise(user.account(), id, request.basedOn(), request.takeIn() == null ? List.of() : request.takeIn(),
				request.marks() == null ? Map.of() : request.marks()));
	}

	@PostMapping(path = "/{id}/positions", consumes = "application/json")
	@Operation(summary = "A delegation states that it supports or opposes an alternative of a bracketed paragraph")
	AlternativePosition state(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @Valid @RequestBody NewPosition request) {
		return drafting.state(user.account(), id, request.paragraph(), request.alternative(), request.stance());
	}

	@PostMapping(path = "/{id}/positions/withdrawal", consumes = "application/json")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "A delegation withdraws the support or opposition its State stated on an alternative")
	void withdrawPosition(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @Valid @RequestBody PositionWithdrawal request) {
		drafting.withdrawPosition(user.account(), id, request.paragraph(), request.alternative());
	}

	private Summary summary(NegotiatedDocument d) {
		return new Summary(d.id(), d.symbol(), d.title(), d.type(), d.body(), d.date(clock.zone()), d.dateLabel(clock.zone()), d.status(),
				d.access().level(), d.languages(), d.originalLanguage(), d.latestVersion() == null ? null : DocumentVersion.name(d.latestVersion()),
				d.hasText());
	}

	private static Text text(DocumentVersion version) {
		return new Text(version.document(), version.number(), version.name(), version.basedOn(), version.issuedAt(), version.hasBrackets(),
				version.paragraphs());
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String parameter, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw InvalidRequest.of(parameter, "problem.parameter.unknownValue", parameter, value);
		}
	}

	record Summary(String id, String symbol, String title, DocumentType type, String body, LocalDate date, String dateLabel,
			DocumentStatus status, AccessLevel access, List<String> languages, String originalLanguage, @Nullable String currentVersion,
			boolean hasText) {
	}

	record VersionSummary(int number, String name, @Nullable Integer basedOn, List<Long> takenIn, Instant issuedAt, int bracketed) {
	}

	record Detail(Summary document, @Nullable String meeting, List<String> sources, @Nullable String note, List<VersionSummary> versions,
			@Nullable Text current) {
	}

	record Text(String document, int number, String name, @Nullable Integer basedOn, Instant issuedAt, boolean hasBrackets,
			List<Paragraph> paragraphs) {
	}

	record NewParagraph(@NotBlank @Size(max = 20) String label, @Nullable ParagraphStatus status,
			@Nullable Map<@NotNull @Size(max = 8) String, @NotNull @Size(max = 20000) String> text, @Nullable @Size(max = 10) List<@NotNull @Valid NewAlternative> alternatives,
			@Nullable List<@NotNull @Size(max = 10) String> sponsors) {

		Paragraph toParagraph() {
			var alternatives = this.alternatives == null ? List.<Alternative>of()
					: this.alternatives.stream().map(a -> new Alternative(a.label(), a.text(), a.sponsors() == null ? List.of() : a.sponsors())).toList();
			var status = this.status != null ? this.status : ParagraphStatus.BRACKETED;
			return new Paragraph(label.trim(), status, text == null ? Map.of() : text, alternatives, sponsors == null ? List.of() : sponsors);
		}
	}

	record NewAlternative(@NotBlank @Size(max = 20) String label, @NotEmpty Map<@NotNull @Size(max = 8) String, @NotNull @Size(max = 20000) String> text,
			@Nullable List<@NotNull @Size(max = 10) String> sponsors) {
	}

	record NewDocument(@NotNull DocumentType type, @NotBlank @Size(max = 500) String title, @NotBlank @Size(max = 10) String body,
			@Nullable AccessLevel access, @Nullable List<@NotNull @Size(max = 10) String> named, @Nullable List<@Size(max = 8) String> languages,
			@Nullable @Size(max = 8) String originalLanguage, @NotEmpty @Size(max = 500) List<@NotNull @Valid NewParagraph> paragraphs) {
	}

	record NewAmendment(@NotNull @Min(0) Integer againstVersion, @NotNull AmendmentKind kind, @Nullable @Size(max = 20) String paragraph,
			@Nullable @Size(max = 20) String alternative, @Nullable Map<@NotNull @Size(max = 8) String, @NotNull @Size(max = 20000) String> text,
			@Nullable @Size(max = 30) List<@NotNull @Size(max = 10) String> cosponsors, @Nullable @Size(max = 5000) String explanation) {
	}

	record NewRevision(@NotNull @Min(0) Integer basedOn, @Nullable @Size(max = 200) List<@NotNull Long> takeIn,
			@Nullable @Size(max = 500) Map<@NotNull @Size(max = 20) String, @NotNull ParagraphStatus> marks) {
	}

	record NewPosition(@NotBlank @Size(max = 20) String paragraph, @NotBlank @Size(max = 20) String alternative,
			@NotNull AlternativePosition.Stance stance) {
	}

	record PositionWithdrawal(@NotBlank @Size(max = 20) String paragraph, @NotBlank @Size(max = 20) String alternative) {
	}
}

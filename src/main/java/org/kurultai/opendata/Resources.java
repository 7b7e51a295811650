package org.kurultai.opendata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kurultai.cbm.Catalogue;
import org.kurultai.cbm.CommitmentChange;
import org.kurultai.cbm.DecisionReference;
import org.kurultai.decisions.DecisionKind;
import org.kurultai.decisions.DecisionRule;
import org.kurultai.decisions.DecisionStatus;
import org.kurultai.decisions.Decisions;
import org.kurultai.decisions.Matter;
import org.kurultai.decisions.Procedure;
import org.kurultai.drafting.DocumentStatus;
import org.kurultai.drafting.DocumentType;
import org.kurultai.drafting.Drafting;
import org.kurultai.drafting.NegotiatedDocument;
import org.kurultai.fund.FundProjects;
import org.kurultai.fund.FundStatements;
import org.kurultai.fund.ProjectState;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Viewer;
import org.kurultai.meetings.Meeting;
import org.kurultai.meetings.MeetingStatus;
import org.kurultai.meetings.Meetings;
import org.kurultai.organs.BodyKind;
import org.kurultai.organs.BodyStatus;
import org.kurultai.organs.Organs;
import org.kurultai.organs.Secretariat;
import org.kurultai.platform.DataVersions.Area;
import org.kurultai.portal.LocalNames;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantKind;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;
import org.kurultai.timeline.EventKind;
import org.kurultai.timeline.Timeline;
import org.kurultai.timeline.TimelineEntry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import static org.kurultai.opendata.Field.Type.BOOLEAN;
import static org.kurultai.opendata.Field.Type.DATE;
import static org.kurultai.opendata.Field.Type.DATETIME;
import static org.kurultai.opendata.Field.Type.INTEGER;
import static org.kurultai.opendata.Field.Type.NUMBER;
import static org.kurultai.opendata.Field.Type.STRING;
import static org.kurultai.opendata.Field.oneOf;
import static org.kurultai.opendata.Field.optional;
import static org.kurultai.opendata.Field.required;

/**
 * The tables of the open data, in the order the page and the data package list them. Each reads its records through the
 * owning module's read path as the public sees them ({@link Viewer#PUBLIC}, whoever asks): the registry, the organs and the
 * Catalogue from their in-memory snapshots, meetings, documents and decisions with the access policy applied before anything
 * is written, a document's or decision's meeting only where the public may know it. A column {@code sources} holds the
 * record's {@link Sources}, written by {@link OpenData} as titles and addresses (never an internal file name).
 */
@Component
class Resources {

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	private final List<Resource> all;

	private final Registry registry;
	private final Organs organs;
	private final Meetings meetings;
	private final Drafting drafting;
	private final Decisions decisions;
	private final Catalogue catalogue;
	private final Timeline timeline;
	private final FundProjects projects;
	private final FundStatements fund;
	private final AccessPolicy access;
	private final MessageSource messages;

	Resources(Registry registry, Organs organs, Meetings meetings, Drafting drafting, Decisions decisions, Catalogue catalogue,
			Timeline timeline, FundProjects projects, FundStatements fund, AccessPolicy access, MessageSource messages) {
		this.registry = registry;
		this.organs = organs;
		this.meetings = meetings;
		this.drafting = drafting;
		this.decisions = decisions;
		this.catalogue = catalogue;
		this.timeline = timeline;
		this.projects = projects;
		this.fund = fund;
		this.access = access;
		this.messages = messages;
		this.all = List.of(participants(), participantStatuses(), bodies(), bodyNames(), chairTerms(), secretariatHeads(), meetings(),
				documents(), decisions(), catalogueEditions(), catalogueAreas(), catalogueMeasures(), commitments(), events(),
				fundProjects(), fundYears());
	}

	List<Resource> all() {
		return all;
	}

	Optional<Resource> named(String name) {
		return all.stream().filter(resource -> resource.name().equals(name)).findFirst();
	}

	// ---------------------------------------------------------------- the registry

	private Resource participants() {
		return new Resource("participants", List.of(Area.REGISTRY),
				List.of(required("code", STRING), oneOf("kind", true, ParticipantKind.class), required("name_en", STRING),
						required("official_name_en", STRING), optional("name_ru", STRING), optional("official_name_ru", STRING)),
				List.of("code"), List.of(), () -> registry.roster().participants().stream()
						.sorted(Comparator.comparing(participant -> participant.code().value()))
						.map(participant -> row(participant.code().value(), participant.kind().name(), participant.names().shortEn(),
								participant.names().officialEn(), participant.names().shortRu(), participant.names().officialRu()))
						.toList());
	}

	private Resource participantStatuses() {
		return new Resource("participant-statuses", List.of(Area.REGISTRY, Area.DECISIONS),
				List.of(required("participant", STRING), oneOf("status", true, ParticipantStatus.class), required("from", DATE),
						oneOf("from_precision", true, DatePrecision.class), optional("until", DATE), optional("how", STRING),
						optional("decision_id", INTEGER), optional("ended_by_decision_id", INTEGER), optional("note", STRING),
						optional("sources", STRING)),
				List.of("participant", "from"), List.of(new Resource.ForeignKey("participant", "participants", "code")),
				() -> {
					var rows = new ArrayList<@Nullable Object[]>();
					registry.roster().participants().stream().sorted(Comparator.comparing(participant -> participant.code().value()))
							.forEach(participant -> participant.periods().stream().sorted(Comparator.comparing(p -> p.from()))
									.forEach(period -> rows.add(row(participant.code().value(), period.status().name(), period.from(),
											period.precision().name(), period.until(), period.how(),
											period.decision() == null ? null : period.decision().id(),
											period.endedBy() == null ? null : period.endedBy().id(), period.note(), period.sources()))));
					return rows;
				});
	}

	// ---------------------------------------------------------------- the organs

	private Resource bodies() {
		return new Resource("bodies", List.of(Area.ORGANS),
				List.of(required("code", STRING), oneOf("kind", true, BodyKind.class), oneOf("status", true, BodyStatus.class),
						optional("created_on", DATE), optional("created_precision", STRING), optional("reports_to", STRING),
						optional("frequency", STRING), optional("dissolved_on", DATE), optional("decision_id", INTEGER),
						optional("sources", STRING)),
				List.of("code"), List.of(), () -> organs.bodies().stream().sorted(Comparator.comparing(body -> body.code()))
						.map(body -> row(body.code(), body.kind().name(), body.status().name(), body.createdOn(),
								body.createdPrecision() == null ? null : body.createdPrecision().name(), body.reportsTo(), body.frequency(),
								body.dissolvedOn(), body.decision() == null ? null : body.decision().id(), body.sources()))
						.toList());
	}

	private Resource bodyNames() {
		return new Resource("body-names", List.of(Area.ORGANS, Area.REGISTRY),
				List.of(required("body", STRING), required("name_en", STRING), required("name_ru", STRING), optional("short_name", STRING),
						optional("from", DATE), optional("until", DATE), optional("renamed_by", STRING), optional("decision_id", INTEGER),
						optional("sources", STRING)),
				List.of(), List.of(new Resource.ForeignKey("body", "bodies", "code")), () -> {
					var russian = new LocalNames(registry.roster(), messages, RUSSIAN);
					var rows = new ArrayList<@Nullable Object[]>();
					organs.bodies().stream().sorted(Comparator.comparing(body -> body.code())).forEach(body -> body.names()
							.forEach(name -> rows.add(row(body.code(), name.name(), russian.body(name), name.shortName(), name.from(), name.until(),
									name.renamedBy(), name.decision() == null ? null : name.decision().id(), name.sources()))));
					return rows;
				});
	}

	private Resource chairTerms() {
		return new Resource("chair-terms", List.of(Area.ORGANS, Area.REGISTRY, Area.MEETINGS),
				List.of(required("chair", STRING), required("chair_name", STRING), required("from", DATE),
						oneOf("from_precision", true, DatePrecision.class), optional("until", DATE), optional("decided_on", DATE),
						optional("decided_at", STRING), optional("handover_at", STRING), optional("handover_occasion", STRING),
						optional("decision_id", INTEGER), optional("note", STRING), optional("sources", STRING)),
				List.of("from"), List.of(new Resource.ForeignKey("chair", "participants", "code")), () -> {
					var roster = registry.roster();
					var terms = organs.chairmanship().terms();
					// the meetings the public may know, read at once: a closed meeting does not show through a public term
					var shown = meetings.visible(terms.stream().flatMap(term -> java.util.stream.Stream.of(term.decidedAt(), term.handoverAt()))
							.filter(m -> m != null).distinct().toList(), access.seenBy(Viewer.PUBLIC));
					return terms.stream().sorted(Comparator.comparing(term -> term.from()))
							.map(term -> row(term.chair(), roster.find(ParticipantCode.of(term.chair())).map(p -> p.name()).orElse(term.chair()),
									term.from(), term.precision().name(), term.until(), term.decidedOn(),
									shown.contains(term.decidedAt()) ? term.decidedAt() : null, shown.contains(term.handoverAt()) ? term.handoverAt() : null,
									term.handoverOccasion(), term.decision() == null ? null : term.decision().id(), term.note(),
									term.sources()))
							.toList();
				});
	}

	/** The offices of the Secretariat's heads and deputies. */
	enum Office {
		HEAD, DEPUTY
	}

	private Resource secretariatHeads() {
		return new Resource("secretariat-heads", List.of(Area.ORGANS),
				List.of(oneOf("office", true, Office.class), required("person", STRING), optional("nationality", STRING), required("from", DATE),
						oneOf("from_precision", true, DatePrecision.class), optional("until", DATE), optional("decision_id", INTEGER),
						optional("note", STRING), optional("sources", STRING)),
				List.of(), List.of(), () -> {
					var secretariat = organs.secretariat();
					var rows = new ArrayList<@Nullable Object[]>();
					secretariat.heads().forEach(head -> rows.add(holder(Office.HEAD, head)));
					secretariat.deputies().forEach(deputy -> rows.add(holder(Office.DEPUTY, deputy)));
					return rows;
				});
	}

	private @Nullable Object[] holder(Office office, Secretariat.Head head) {
		return row(office.name(), head.person(), head.nationality(), head.from(), head.precision().name(), head.until(),
				head.decision() == null ? null : head.decision().id(), head.note(), head.sources());
	}

	// ---------------------------------------------------------------- meetings, documents, decisions

	private Resource meetings() {
		return new Resource("meetings", List.of(Area.MEETINGS),
				List.of(required("id", STRING), required("body", STRING), optional("number", INTEGER), required("title", STRING),
						required("from", DATE), required("until", DATE), oneOf("precision", true, DatePrecision.class),
						oneOf("status", true, MeetingStatus.class), optional("place", STRING), required("online", BOOLEAN),
						optional("host", STRING), optional("chair", STRING), optional("note", STRING), optional("sources", STRING)),
				List.of("id"), List.of(new Resource.ForeignKey("body", "bodies", "code")),
				() -> access.visible(Viewer.PUBLIC, meetings.find(null, null, null), Meeting::access).stream()
						.map(meeting -> row(meeting.id(), meeting.body(), meeting.number(), meeting.title(), meeting.from(), meeting.until(),
								meeting.precision().name(), meeting.status().name(), meeting.place(), meeting.online(), meeting.host(),
								meeting.chair(), meeting.note(), meeting.sources()))
						.toList());
	}

	private Resource documents() {
		return new Resource("documents", List.of(Area.DOCUMENTS, Area.MEETINGS),
				List.of(required("id", STRING), required("symbol", STRING), oneOf("type", true, DocumentType.class), required("title", STRING),
						required("body", STRING), optional("meeting", STRING), required("original_language", STRING),
						required("languages", STRING), oneOf("status", true, DocumentStatus.class), optional("adopted_on", DATE),
						optional("adopted_precision", STRING), required("text_held", BOOLEAN), optional("note", STRING),
						optional("sources", STRING)),
				List.of("id"), List.of(new Resource.ForeignKey("body", "bodies", "code")), () -> {
					var documents = drafting.documents(Viewer.PUBLIC);
					// the meetings the public may know, read at once: a closed meeting does not show through a public text
					var shown = meetings.visible(documents.stream().map(NegotiatedDocument::meeting).filter(m -> m != null).toList(),
							access.seenBy(Viewer.PUBLIC));
					return documents.stream()
							.map(document -> row(document.id(), document.symbol(), document.type().name(), document.title(), document.body(),
									shown.contains(document.meeting()) ? document.meeting() : null, document.originalLanguage(),
									String.join(" ", document.languages()), document.status().name(), document.adoptedOn(),
									document.adoptedPrecision() == null ? null : document.adoptedPrecision().name(), document.hasText(),
									document.note(), document.sources()))
							.toList();
				});
	}

	private Resource decisions() {
		return new Resource("decisions", List.of(Area.DECISIONS, Area.DOCUMENTS, Area.MEETINGS),
				List.of(required("id", INTEGER), optional("register", STRING), required("body", STRING), oneOf("kind", true, DecisionKind.class),
						oneOf("matter", true, Matter.class), oneOf("rule", true, DecisionRule.class), optional("document", STRING),
						optional("version", INTEGER), oneOf("procedure", true, Procedure.class), optional("meeting", STRING),
						oneOf("status", true, DecisionStatus.class), optional("deadline", DATETIME), optional("closed_at", DATETIME),
						optional("decided_on", DATE), required("recorded", BOOLEAN), optional("outcome", STRING), optional("sources", STRING)),
				List.of("id"), List.of(new Resource.ForeignKey("body", "bodies", "code"), new Resource.ForeignKey("document", "documents", "id")),
				// the register as the public reads it: decisions on public texts and those recorded from the forum's history, a
				// meeting the public may not know left out
				() -> decisions.register(Viewer.PUBLIC, null, null).stream().sorted(Comparator.comparing(decision -> decision.id()))
						.map(decision -> row(decision.id(), decision.registerSymbol(), decision.body(), decision.kind().name(),
								decision.matter().name(), decision.rule().name(), decision.document(), decision.version(),
								decision.procedure().name(), decision.meeting(), decision.status().name(), decision.deadline(),
								decision.closedAt(), decision.decidedOn(), decision.recorded(), decision.outcomeNote(),
								decision.sources()))
						.toList());
	}

	// ---------------------------------------------------------------- the Catalogue and commitments

	private Resource catalogueEditions() {
		return new Resource("catalogue-editions", List.of(Area.CBM, Area.MEETINGS),
				List.of(required("code", STRING), required("title", STRING), required("adopted_on", DATE),
						oneOf("adopted_precision", true, DatePrecision.class), required("adopted_by", STRING), optional("meeting", STRING),
						optional("document", STRING), optional("decision_id", INTEGER), required("dimensions", INTEGER),
						required("priority_areas", INTEGER), required("measures", INTEGER), optional("note", STRING), optional("sources", STRING)),
				List.of("code"), List.of(), () -> {
					var editions = catalogue.editions();
					// the meetings the public may know: an edition adopted at a closed meeting does not name it
					var shown = meetings.visible(editions.stream().map(edition -> edition.meeting()).filter(m -> m != null).distinct().toList(),
							access.seenBy(Viewer.PUBLIC));
					return editions.stream()
							.map(edition -> row(edition.code(), edition.title(), edition.adoptedOn(), edition.precision().name(), edition.adoptedBy(),
									shown.contains(edition.meeting()) ? edition.meeting() : null, edition.document(), decisionId(edition.decision()),
									edition.dimensions().size(), edition.priorityAreas().size(), edition.measureCount(), edition.note(),
									edition.sources()))
							.toList();
				});
	}

	private static @Nullable Long decisionId(@Nullable DecisionReference decision) {
		return decision == null ? null : decision.id();
	}

	private Resource catalogueAreas() {
		return new Resource("catalogue-areas", List.of(Area.CBM),
				List.of(required("edition", STRING), required("dimension", STRING), required("dimension_name", STRING), required("code", STRING),
						required("name", STRING), required("measures", INTEGER)),
				List.of("edition", "code"), List.of(new Resource.ForeignKey("edition", "catalogue-editions", "code")), () -> {
					var rows = new ArrayList<@Nullable Object[]>();
					catalogue.editions().forEach(edition -> edition.dimensions().forEach(dimension -> dimension.priorityAreas()
							.forEach(area -> rows.add(row(edition.code(), dimension.code(), dimension.name(), area.code(), area.name(),
									area.measures().size())))));
					return rows;
				});
	}

	private Resource catalogueMeasures() {
		return new Resource("catalogue-measures", List.of(Area.CBM),
				List.of(required("edition", STRING), required("priority_area", STRING), required("code", STRING), required("text", STRING)),
				List.of("edition", "priority_area", "code"), List.of(new Resource.ForeignKey("edition", "catalogue-editions", "code")), () -> {
					var rows = new ArrayList<@Nullable Object[]>();
					catalogue.editions().forEach(edition -> edition.priorityAreas().forEach(area -> area.measures()
							.forEach(measure -> rows.add(row(edition.code(), area.code(), measure.code(), measure.text())))));
					return rows;
				});
	}

	private Resource commitments() {
		return new Resource("commitments", List.of(Area.CBM),
				List.of(required("id", INTEGER), required("participant", STRING), required("priority_area", STRING), optional("measure", STRING),
						oneOf("kind", true, CommitmentChange.Kind.class), required("effective_on", DATE), optional("written_request", STRING),
						optional("note", STRING)),
				List.of("id"), List.of(new Resource.ForeignKey("participant", "participants", "code")),
				// who recorded a change for the State is not public (AccessPolicy.mayKnowWhoActedFor): never written here
				() -> catalogue.allCommitments().values().stream().flatMap(commitments -> commitments.history().stream())
						.map(CommitmentChange::withoutRecorder).sorted(Comparator.comparing(CommitmentChange::id))
						.map(change -> row(change.id(), change.participant(), change.priorityArea(), change.measure(), change.kind().name(),
								change.effectiveOn(), change.writtenRequest(), change.note()))
						.toList());
	}

	// ---------------------------------------------------------------- the timeline

	private Resource events() {
		return new Resource("events", List.of(Area.TIMELINE, Area.REGISTRY, Area.ORGANS, Area.MEETINGS, Area.DOCUMENTS, Area.DECISIONS),
				List.of(required("date", DATE), oneOf("precision", true, DatePrecision.class), required("title", STRING),
						oneOf("kind", true, EventKind.class), required("planned", BOOLEAN), optional("page", STRING), optional("sources", STRING)),
				List.of(), List.of(), () -> access.visible(Viewer.PUBLIC, timeline.between(null, null), TimelineEntry::access).stream()
						.map(entry -> row(entry.date(), entry.precision().name(), entry.title(), entry.kind().name(), entry.planned(), entry.link(),
								entry.sources()))
						.toList());
	}

	// ---------------------------------------------------------------- the CICA Fund

	/** The states in which a project is public (approved by the PRC, and after). */
	static final List<String> PUBLIC_PROJECT_STATES = java.util.Arrays.stream(ProjectState.values()).filter(ProjectState::approved)
			.map(Enum::name).toList();

	private Resource fundProjects() {
		return new Resource("fund-projects", List.of(Area.DECISIONS, Area.REGISTRY),
				List.of(required("id", INTEGER), required("participant", STRING), oneOf("status", true, PUBLIC_PROJECT_STATES),
						required("title_en", STRING), optional("title_ru", STRING), required("purpose", STRING), optional("priority_area", STRING),
						required("implementing_states", STRING), optional("partners", STRING), required("start", DATE), required("end", DATE),
						required("currency", STRING), required("budget", NUMBER), required("requested", NUMBER), required("cofinancing", NUMBER),
						required("approved", NUMBER), optional("decided_on", DATE), optional("closed_on", DATE), optional("returned", NUMBER)),
				List.of("id"), List.of(new Resource.ForeignKey("participant", "participants", "code")),
				// the projects as the public reads them (FundProjects.projects: approved, implementing, closed), oldest first;
				// the PRC's decision is the participants' and is not named here
				() -> projects.projects(Viewer.PUBLIC, null).stream().sorted(Comparator.comparingLong(project -> project.id()))
						.map(project -> {
							var content = project.content();
							return row(project.id(), project.owner(), project.state().name(), content.titleEn(), content.titleRu(), content.purpose(),
									content.area(), String.join(" ", content.implementingStates()), content.partners(), content.start(), content.end(),
									projects.currency(), content.total(), content.requested(), content.cofinancing(), project.approvedAmount(),
									project.decidedOn(), project.closedOn(), project.returnedAmount());
						})
						.toList());
	}

	private Resource fundYears() {
		return new Resource("fund-years", List.of(Area.DECISIONS),
				List.of(required("year", INTEGER), required("currency", STRING), required("received", NUMBER), required("allocated", NUMBER),
						required("disbursed", NUMBER)),
				List.of("year"), List.of(),
				// the yearly totals the Fund's page shows everyone (FundStatements.yearlyTotals), nothing of the ledger beyond them
				() -> fund.yearlyTotals().stream()
						.map(year -> row(year.year(), fund.currency(), year.received(), year.allocated(), year.disbursed())).toList());
	}

	// ---------------------------------------------------------------- helpers

	private static @Nullable Object[] row(@Nullable Object... values) {
		return values;
	}

}

package org.kurultai.reference;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** The shape of the resource files (see {@code reference/cica/FORMAT.md}). */
final class ReferenceFiles {

	private ReferenceFiles() {
	}

	record ParticipantsFile(List<FoundingDocumentEntry> foundingDocuments, List<ParticipantEntry> participants) {
	}

	record FoundingDocumentEntry(String code, String title, LocalDate adoptedOn, @Nullable String place,
			@Nullable List<String> sources) {
	}

	record ParticipantEntry(String code, String kind, String nameEn, @Nullable String nameRu, @Nullable String officialNameEn,
			@Nullable String officialNameRu, @Nullable List<SignatureEntry> signatures, @Nullable List<PeriodEntry> periods) {
	}

	record SignatureEntry(String document, LocalDate signedOn, boolean inferred, @Nullable List<String> sources,
			@Nullable String note) {
	}

	record PeriodEntry(String status, LocalDate from, @Nullable String precision, @Nullable LocalDate until, @Nullable String how,
			@Nullable String admittedAt, @Nullable Integer ordinal, @Nullable List<String> sources, @Nullable String note) {
	}

	record BodiesFile(List<BodyEntry> bodies) {
	}

	record BodyEntry(String code, String kind, @Nullable String status, @Nullable LocalDate createdOn,
			@Nullable String createdPrecision, @Nullable String createdHow, @Nullable String reportsTo, @Nullable String frequency,
			@Nullable String purpose, @Nullable List<String> sources, List<NameEntry> names, @Nullable List<MemberEntry> members,
			@Nullable List<ClaimEntry> claims) {
	}

	record NameEntry(String name, @JsonProperty("short") @Nullable String shortName, @Nullable LocalDate from,
			@Nullable LocalDate until, @Nullable String renamedBy, @Nullable List<String> sources) {
	}

	record MemberEntry(@Nullable String participant, @Nullable String person, String role, @Nullable LocalDate from,
			@Nullable LocalDate until, @Nullable List<String> sources) {
	}

	record ClaimEntry(String topic, String value, @Nullable List<String> sources, @Nullable String note) {
	}

	record ChairmanshipFile(List<TermEntry> terms, SecretariatEntry secretariat) {
	}

	record TermEntry(String chair, LocalDate from, @Nullable String precision, @Nullable LocalDate until,
			@Nullable LocalDate decidedOn, @Nullable String decidedAt, @Nullable String handoverAt,
			@Nullable String handoverOccasion, @Nullable List<String> sources, @Nullable String note) {
	}

	record SecretariatEntry(@Nullable List<SeatEntry> seats, @Nullable List<TitleEntry> titles, @Nullable List<HeadEntry> heads) {
	}

	record SeatEntry(String place, LocalDate from, @Nullable LocalDate until, @Nullable String precision,
			@Nullable List<String> sources, @Nullable String note) {
	}

	record TitleEntry(String title, LocalDate from, @Nullable LocalDate until, @Nullable String renamedBy,
			@Nullable List<String> sources) {
	}

	record HeadEntry(String person, @Nullable String nationality, LocalDate from, @Nullable LocalDate until,
			@Nullable String precision, @Nullable List<String> sources, @Nullable String note) {
	}

	record MeetingsFile(List<MeetingEntry> meetings) {
	}

	record MeetingEntry(String id, String body, @Nullable Integer number, String title, LocalDate from, @Nullable LocalDate until,
			@Nullable String precision, @Nullable String status, @Nullable String place, @Nullable Boolean online,
			@Nullable String host, @Nullable String chair, @Nullable String chairedBy, @Nullable List<String> sources,
			@Nullable String note, @Nullable List<String> outcomes, @Nullable List<DelegationEntry> delegations) {
	}

	record MeetingPlansFile(List<MeetingPlansEntry> meetings) {
	}

	record MeetingPlansEntry(String meeting, List<MeetingPlanEntry> plans) {
	}

	record MeetingPlanEntry(LocalDate from, @Nullable LocalDate until, String status, @Nullable String place, @Nullable Boolean online,
			@Nullable String host, @Nullable String reason, @Nullable List<String> sources) {
	}

	record DelegationEntry(String participant, String level, @Nullable String head, @Nullable List<String> sources) {
	}

	record TimelineFile(List<EventEntry> events) {
	}

	record EventEntry(String id, LocalDate date, @Nullable String precision, String kind, String title,
			@Nullable String meeting, @Nullable List<String> sources, @Nullable String note) {
	}

	record ContradictionsFile(List<Contradiction> contradictions) {
	}

	record CountsFile(List<AttestedCount> counts) {
	}
	record DocumentsFile(List<DocumentEntry> documents) {
	}

	record DocumentEntry(String id, String type, String title, String body, @Nullable String meeting, LocalDate adoptedOn,
			@Nullable String precision, @Nullable String originalLanguage, @Nullable List<String> sources, @Nullable String note,
			@Nullable TextEntry text) {
	}

	record TextEntry(String language, @Nullable String source, List<ParagraphEntry> paragraphs) {
	}

	record ParagraphEntry(String label, String text) {
	}
	record CatalogueFile(List<EditionEntry> editions, @Nullable List<CoordinatorEntry> coordinators) {
	}

	record EditionEntry(String code, String title, LocalDate adoptedOn, @Nullable String precision, String adoptedBy,
			@Nullable String meeting, @Nullable String document, @Nullable List<String> sources, @Nullable String note,
			List<DimensionEntry> dimensions) {
	}

	record DimensionEntry(String code, String name, List<AreaEntry> priorityAreas) {
	}

	record AreaEntry(String code, String name, @Nullable List<MeasureEntry> measures) {
	}

	record MeasureEntry(String code, String text) {
	}

	record CoordinatorEntry(String priorityArea, String participant, String role, LocalDate from, @Nullable String precision,
			@Nullable LocalDate until, @Nullable List<String> sources, @Nullable String note) {
	}
	record EventsFile(List<EventItem> events) {
	}

	record EventItem(String id, String title, String kind, String priorityArea, @Nullable String host, @Nullable Boolean byChairmanship,
			LocalDate from, @Nullable LocalDate until, @Nullable String precision, @Nullable String place, @Nullable Boolean online,
			@Nullable List<String> participating, @Nullable List<String> outcomeDocuments, @Nullable List<String> sources, @Nullable String note) {
	}
	record ExchangeTypesFile(List<ExchangeTypeEntry> exchangeTypes) {
	}

	record ExchangeTypeEntry(String code, String title, String schedule, @Nullable String due, @Nullable Integer leadDays,
			@Nullable String priorityArea, @Nullable String measure, List<String> visibilities, String defaultVisibility,
			List<FieldEntry> fields, @Nullable List<String> sources, @Nullable String note) {
	}

	record FieldEntry(String name, String label, String type, @Nullable Boolean required, @Nullable List<String> options) {
	}
	record PlansFile(List<PlanEntry> plans) {
	}

	record PlanEntry(String code, String kind, String priorityArea, String title, int fromYear, int untilYear, @Nullable String document,
			@Nullable String proposedBy, @Nullable List<ActivityEntry> activities, @Nullable ApprovalEntry approval, @Nullable List<String> sources,
			@Nullable String note) {
	}

	record ActivityEntry(String title, int year, @Nullable String lead) {
	}

	record ApprovalEntry(String body, LocalDate on, @Nullable String meeting) {
	}

	record DecisionsFile(List<DecisionEntry> decisions) {
	}

	record DecisionEntry(String key, String body, String kind, LocalDate decidedOn, String procedure, @Nullable String meeting,
			@Nullable String document, @Nullable Integer version, @Nullable String refersTo, @Nullable List<EffectEntry> effects,
			@Nullable List<String> sources, @Nullable String note) {
	}

	record EffectEntry(String kind, @Nullable String participant, @Nullable String status, @Nullable String body,
			@Nullable String bodyKind, @Nullable String reportsTo, @Nullable String office, @Nullable String person,
			@Nullable String nationality, @Nullable String name, @Nullable String nameRu, @Nullable String shortName,
			@Nullable String edition, @Nullable String plan, @Nullable LocalDate effectiveOn, @Nullable LocalDate until) {
	}
}

package org.kurultai.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.cbm.Catalogue;
import org.kurultai.cbm.CbmEvent;
import org.kurultai.cbm.ExchangeType;
import org.kurultai.cbm.Implementation;
import org.kurultai.cbm.ImplementationPlan;
import org.kurultai.cbm.Plans;
import org.kurultai.cbm.InformationExchange;
import org.kurultai.cbm.CatalogueEdition;
import org.kurultai.cbm.Coordination;
import org.kurultai.cbm.CoordinatorRole;
import org.kurultai.cbm.Dimension;
import org.kurultai.cbm.Measure;
import org.kurultai.cbm.PriorityArea;
import org.kurultai.decisions.DecisionKind;
import org.kurultai.decisions.Decisions;
import org.kurultai.decisions.Procedure;
import org.kurultai.drafting.DocumentType;
import org.kurultai.drafting.Drafting;
import org.kurultai.drafting.Paragraph;
import org.kurultai.meetings.Delegation;
import org.kurultai.meetings.DelegationLevel;
import org.kurultai.meetings.Meeting;
import org.kurultai.meetings.MeetingStatus;
import org.kurultai.meetings.Meetings;
import org.kurultai.organs.Body;
import org.kurultai.organs.BodyClaim;
import org.kurultai.organs.BodyKind;
import org.kurultai.organs.BodyMember;
import org.kurultai.organs.BodyName;
import org.kurultai.organs.BodyStatus;
import org.kurultai.organs.ChairTerm;
import org.kurultai.organs.Chairmanship;
import org.kurultai.organs.Organs;
import org.kurultai.organs.Secretariat;
import org.kurultai.reference.ReferenceFiles.BodiesFile;
import org.kurultai.reference.ReferenceFiles.CatalogueFile;
import org.kurultai.reference.ReferenceFiles.ChairmanshipFile;
import org.kurultai.reference.ReferenceFiles.DecisionEntry;
import org.kurultai.reference.ReferenceFiles.DecisionsFile;
import org.kurultai.reference.ReferenceFiles.DocumentsFile;
import org.kurultai.reference.ReferenceFiles.EventsFile;
import org.kurultai.reference.ReferenceFiles.ExchangeTypesFile;
import org.kurultai.reference.ReferenceFiles.PlansFile;
import org.kurultai.reference.ReferenceFiles.MeetingsFile;
import org.kurultai.reference.ReferenceFiles.ParticipantsFile;
import org.kurultai.reference.ReferenceFiles.TimelineFile;
import org.kurultai.registry.AdmissionRule;
import org.kurultai.registry.FoundingDocument;
import org.kurultai.registry.Participant;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantNames;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.registry.StatusPeriod;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Effect;
import org.kurultai.shared.EffectKind;
import org.kurultai.shared.Sources;
import org.kurultai.timeline.EventKind;
import org.kurultai.timeline.HistoricalEvent;
import org.kurultai.timeline.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the reference dataset on start, once per database. The whole load is one transaction
 * taken under a PostgreSQL advisory lock: a crash half-way leaves nothing behind (the next start
 * loads again), two instances starting together load it once (the second waits, then sees it
 * loaded), and a restart finds the recorded checksum and loads nothing.
 */
@Component
class ReferenceDataLoader implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);
	private static final long LOCK = 0x4b7572756c746169L; // "Kurultai"
	private static final String DOCUMENTS = "documents.yaml";
	private static final String CATALOGUE = "catalogue.yaml";
	private static final String EVENTS = "events.yaml";
	private static final String EXCHANGE_TYPES = "exchange-types.yaml";
	private static final String PLANS = "plans.yaml";
	private static final String DECISIONS = "decisions.yaml";
	private static final String MEETING_PLANS = "meeting-plans.yaml";

	private final ReferenceDataProperties properties;
	private final TransactionTemplate transactions;
	private final JdbcClient jdbc;
	private final Registry registry;
	private final Organs organs;
	private final Meetings meetings;
	private final Timeline timeline;
	private final AuditLog audit;
	private final Drafting drafting;
	private final Catalogue catalogue;
	private final Implementation implementation;
	private final InformationExchange exchange;
	private final Plans plans;
	private final Decisions decisions;
	private final org.kurultai.shared.ForumClock clock;

	ReferenceDataLoader(ReferenceDataProperties properties, TransactionTemplate transactions, JdbcClient jdbc, Registry registry,
			Organs organs, Meetings meetings, Timeline timeline, AuditLog audit, Drafting drafting, Catalogue catalogue, Implementation implementation,
			InformationExchange exchange, Plans plans, Decisions decisions, org.kurultai.shared.ForumClock clock) {
		this.clock = clock;
		this.audit = audit;
		this.properties = properties;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.registry = registry;
		this.organs = organs;
		this.meetings = meetings;
		this.drafting = drafting;
		this.catalogue = catalogue;
		this.implementation = implementation;
		this.exchange = exchange;
		this.plans = plans;
		this.decisions = decisions;
		this.timeline = timeline;
	}

	/** Runs once the database is migrated and before the web server opens, so no request sees a half-empty forum. */
	@Override
	public void afterSingletonsInstantiated() {
		if (properties.enabled()) {
			load(new ReferenceDataset(properties.dataset()));
		}
	}

	/** Loads the dataset unless this database already has it; returns whether it loaded. */
	boolean load(ReferenceDataset dataset) {
		var checksum = dataset.checksum();
		var loaded = transactions.execute(status -> {
			jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query(Object.class).single();
			var existing = jdbc.sql("select checksum from reference_dataset where name = ?").param(dataset.name())
					.query(String.class).optional();
			if (existing.isPresent()) {
				loadParts(dataset);
				if (!existing.get().equals(checksum)) {
					log.warn("Reference dataset '{}' differs from the one loaded into this database; it is not reloaded "
							+ "automatically (a data migration must say what changes)", dataset.name());
				}
				return false;
			}
			var records = importAll(dataset);
			jdbc.sql("insert into reference_dataset (name, checksum, records) values (?, ?, ?)")
					.params(dataset.name(), checksum, records).update();
			audit.record(new Act(Act.SYSTEM, "SECRETARIAT", "reference-data.loaded", "dataset:" + dataset.name(), null,
					java.util.Map.of("checksum", checksum, "records", records)));
			log.info("Loaded reference dataset '{}': {} records", dataset.name(), records);
			loadParts(dataset);
			return true;
		});
		return Boolean.TRUE.equals(loaded);
	}

	private int importAll(ReferenceDataset dataset) {
		int records = 0;
		var participantsFile = dataset.read("participants.yaml", ParticipantsFile.class);
		var documents = participantsFile.foundingDocuments().stream()
				.map(entry -> new FoundingDocument(entry.code(), entry.title(), entry.adoptedOn(),
						entry.place() == null ? "" : entry.place(), sources(entry.sources())))
				.collect(Collectors.toMap(FoundingDocument::code, Function.identity()));
		documents.values().forEach(registry::adopt);
		var rule = new AdmissionRule(List.copyOf(documents.values()));
		var meetingIdsNamed = new HashSet<String>();
		for (var entry : participantsFile.participants()) {
			var code = ParticipantCode.of(entry.code());
			var names = new ParticipantNames(entry.nameEn(), entry.nameRu(),
					entry.officialNameEn() == null ? entry.nameEn() : entry.officialNameEn(), entry.officialNameRu());
			var participant = "STATE".equals(entry.kind()) ? Participant.state(code, names) : Participant.organization(code, names);
			for (var signature : list(entry.signatures())) {
				var document = documents.get(signature.document());
				if (document == null) {
					throw new IllegalStateException(code + " signs an unknown founding document " + signature.document());
				}
				participant.sign(document, signature.signedOn(), signature.inferred(), sources(signature.sources()),
						signature.note());
			}
			var periods = new ArrayList<>(list(entry.periods()));
			periods.sort(Comparator.comparing(ReferenceFiles.PeriodEntry::from));
			for (var period : periods) {
				participant.record(new StatusPeriod(ParticipantStatus.valueOf(period.status()), period.from(),
						precision(period.precision()), period.until(), period.how(), period.admittedAt(), period.ordinal(),
						sources(period.sources()), period.note()), rule);
				if (period.admittedAt() != null) {
					meetingIdsNamed.add(period.admittedAt());
				}
			}
			registry.enrol(participant);
			records++;
		}

		for (var entry : dataset.read("bodies.yaml", BodiesFile.class).bodies()) {
			organs.establish(new Body(entry.code(), BodyKind.valueOf(entry.kind()),
					entry.status() == null ? BodyStatus.ACTIVE : BodyStatus.valueOf(entry.status()), entry.createdOn(),
					entry.createdPrecision() == null ? null : DatePrecision.valueOf(entry.createdPrecision()), entry.createdHow(),
					entry.reportsTo(), entry.frequency(), entry.purpose(), sources(entry.sources()),
					entry.names().stream().map(name -> new BodyName(name.name(), name.shortName(), name.from(), name.until(),
							name.renamedBy(), sources(name.sources()))).toList(),
					list(entry.members()).stream().map(member -> new BodyMember(member.participant(), member.person(), member.role(),
							member.from(), member.until(), sources(member.sources()))).toList(),
					list(entry.claims()).stream()
							.map(claim -> new BodyClaim(claim.topic(), claim.value(), sources(claim.sources()), claim.note())).toList()));
			records++;
		}

		var chairmanshipFile = dataset.read("chairmanship.yaml", ChairmanshipFile.class);
		var terms = chairmanshipFile.terms().stream().map(term -> new ChairTerm(term.chair(), term.from(),
				precision(term.precision()), term.until(), term.decidedOn(), term.decidedAt(), term.handoverAt(),
				term.handoverOccasion(), sources(term.sources()), term.note())).toList();
		organs.record(new Chairmanship(terms));
		terms.forEach(term -> {
			addIfPresent(meetingIdsNamed, term.decidedAt());
			addIfPresent(meetingIdsNamed, term.handoverAt());
		});
		records += terms.size();
		var secretariat = chairmanshipFile.secretariat();
		organs.record(new Secretariat(
				list(secretariat.seats()).stream().map(seat -> new Secretariat.Seat(seat.place(), seat.from(), seat.until(),
						precision(seat.precision()), sources(seat.sources()), seat.note())).toList(),
				list(secretariat.titles()).stream().map(title -> new Secretariat.Title(title.title(), title.from(), title.until(),
						title.renamedBy(), sources(title.sources()))).toList(),
				list(secretariat.heads()).stream().map(head -> new Secretariat.Head(head.person(), head.nationality(), head.from(),
						head.until(), precision(head.precision()), sources(head.sources()), head.note())).toList()));

		// a meeting whose plan changed is recorded from its first plan; the part meeting-plans.yaml adds the later ones
		var firstPlans = new java.util.HashMap<String, ReferenceFiles.MeetingPlanEntry>();
		if (dataset.has(MEETING_PLANS)) {
			dataset.read(MEETING_PLANS, ReferenceFiles.MeetingPlansFile.class).meetings()
					.forEach(history -> firstPlans.put(history.meeting(), history.plans().get(0)));
		}
		for (var entry : dataset.read("meetings.yaml", MeetingsFile.class).meetings()) {
			var first = firstPlans.get(entry.id());
			var from = first == null ? entry.from() : first.from();
			var until = first == null ? (entry.until() == null ? entry.from() : entry.until())
					: first.until() == null ? first.from() : first.until();
			meetings.record(new Meeting(entry.id(), entry.body(), entry.number(), entry.title(), from, until, precision(entry.precision()),
					first != null ? MeetingStatus.valueOf(first.status())
							: entry.status() == null ? MeetingStatus.HELD : MeetingStatus.valueOf(entry.status()),
					first == null ? entry.place() : first.place(),
					first == null ? Boolean.TRUE.equals(entry.online()) : Boolean.TRUE.equals(first.online()),
					first == null ? entry.host() : first.host(), entry.chair(), entry.chairedBy(), list(entry.outcomes()),
					list(entry.delegations()).stream().map(delegation -> new Delegation(delegation.participant(),
							DelegationLevel.valueOf(delegation.level()), delegation.head(), sources(delegation.sources()))).toList(),
					sources(entry.sources()), entry.note(), org.kurultai.shared.Access.PUBLIC));
			records++;
		}
		for (var id : meetingIdsNamed) {
			if (!meetings.exists(id)) {
				throw new IllegalStateException("The reference data names meeting " + id + ", which meetings.yaml does not record");
			}
		}

		for (var entry : dataset.read("timeline.yaml", TimelineFile.class).events()) {
			timeline.record(new HistoricalEvent(entry.id(), entry.date(), precision(entry.precision()),
					EventKind.valueOf(entry.kind()), entry.title(), entry.meeting(), sources(entry.sources()), entry.note()));
			records++;
		}
		return records;
	}

	/**
	 * Parts of the dataset added after it first shipped (the historical documents, the Catalogue, the
	 * plans, the decisions) are recorded under their own names, so a database loaded before they
	 * shipped receives them on its next start, once. The decisions come last: they name the documents,
	 * editions and plans loaded before them, and their effects link the history already recorded.
	 */
	private void loadParts(ReferenceDataset dataset) {
		// first: the documents and decisions below name meetings, which must stand on their current plan by then
		loadPart(dataset, MEETING_PLANS, () -> {
			int records = 0;
			var now = clock.now();
			for (var history : dataset.read(MEETING_PLANS, ReferenceFiles.MeetingPlansFile.class).meetings()) {
				var plans = new ArrayList<org.kurultai.meetings.MeetingPlan>();
				for (var plan : history.plans()) {
					plans.add(new org.kurultai.meetings.MeetingPlan(plans.size() + 1, plan.from(),
							plan.until() == null ? plan.from() : plan.until(), MeetingStatus.valueOf(plan.status()), plan.place(),
							Boolean.TRUE.equals(plan.online()), plan.host(), null, plan.reason(), "reference data", now, sources(plan.sources())));
				}
				meetings.recordPlanHistory(history.meeting(), plans);
				records += plans.size();
			}
			return records;
		});
		loadPart(dataset, DOCUMENTS, () -> {
			int records = 0;
			for (var entry : dataset.read(DOCUMENTS, DocumentsFile.class).documents()) {
				var text = entry.text();
				var language = text != null ? text.language() : entry.originalLanguage() != null ? entry.originalLanguage() : "en";
				var paragraphs = text == null ? List.<Paragraph>of()
						: text.paragraphs().stream().map(p -> Paragraph.agreed(p.label(), Map.of(language, p.text().strip()))).toList();
				drafting.recordHistorical(new Drafting.HistoricalDocument(entry.id(), DocumentType.valueOf(entry.type()), entry.title(),
						entry.body(), entry.meeting(), entry.adoptedOn(), precision(entry.precision()), language, sources(entry.sources()),
						entry.note(), paragraphs));
				records++;
			}
			return records;
		});
		loadPart(dataset, CATALOGUE, () -> {
			var file = dataset.read(CATALOGUE, CatalogueFile.class);
			int records = 0;
			for (var entry : file.editions()) {
				catalogue.adopt(new CatalogueEdition(entry.code(), entry.title(), entry.adoptedOn(), precision(entry.precision()),
						entry.adoptedBy(), entry.meeting(), entry.document(), sources(entry.sources()), entry.note(),
						entry.dimensions().stream().map(d -> new Dimension(d.code(), d.name(), d.priorityAreas().stream()
								.map(a -> new PriorityArea(a.code(), a.name(), list(a.measures()).stream()
										.map(m -> new Measure(m.code(), m.text())).toList()))
								.toList())).toList()));
				records++;
			}
			for (var entry : list(file.coordinators())) {
				catalogue.appoint(new Coordination(entry.priorityArea(), entry.participant(), CoordinatorRole.valueOf(entry.role()),
						entry.from(), precision(entry.precision()), entry.until(), sources(entry.sources()), entry.note()));
				records++;
			}
			return records;
		});
		loadEvents(dataset);
		loadPart(dataset, EXCHANGE_TYPES, () -> {
			int records = 0;
			for (var entry : dataset.read(EXCHANGE_TYPES, ExchangeTypesFile.class).exchangeTypes()) {
				exchange.define(null, new ExchangeType(entry.code(), entry.title(), ExchangeType.Schedule.valueOf(entry.schedule()),
						entry.due() == null ? null : java.time.MonthDay.parse(entry.due()), entry.leadDays(),
						entry.fields().stream().map(f -> new ExchangeType.Field(f.name(), f.label(), ExchangeType.FieldType.valueOf(f.type()),
								Boolean.TRUE.equals(f.required()), f.options())).toList(),
						entry.visibilities().stream().map(org.kurultai.shared.AccessLevel::valueOf).toList(),
						org.kurultai.shared.AccessLevel.valueOf(entry.defaultVisibility()), entry.priorityArea(), entry.measure(),
						sources(entry.sources()), entry.note()));
				records++;
			}
			return records;
		});
		loadPart(dataset, PLANS, () -> {
			int records = 0;
			for (var entry : dataset.read(PLANS, PlansFile.class).plans()) {
				var approval = entry.approval();
				plans.record(new ImplementationPlan(entry.code(), ImplementationPlan.Kind.valueOf(entry.kind()), entry.priorityArea(),
						entry.title(), entry.fromYear(), entry.untilYear(), entry.document(), entry.proposedBy(),
						list(entry.activities()).stream().map(a -> new ImplementationPlan.Activity(a.title(), a.year(), a.lead())).toList(),
						approval == null ? null : new ImplementationPlan.Approval(approval.body(), approval.on(), approval.meeting(), null),
						sources(entry.sources()), entry.note()));
				records++;
			}
			return records;
		});
		loadDecisions(dataset);
	}

	/**
	 * CICA's decisions as the sources record them, entered into the register in date order (the
	 * file's order within a day), each through {@link Decisions#recordHistorical} so that its
	 * effects are applied by the modules owning the data: they find the very facts already loaded
	 * from the same sources and link them to the decision. A decision refers to a recommendation by
	 * the recommendation's key, which must come earlier.
	 */
	private void loadDecisions(ReferenceDataset dataset) {
		loadPart(dataset, DECISIONS, () -> {
			var entries = new ArrayList<>(dataset.read(DECISIONS, DecisionsFile.class).decisions());
			entries.sort(Comparator.comparing(DecisionEntry::decidedOn));
			var ids = new java.util.HashMap<String, Long>();
			for (var entry : entries) {
				if (ids.containsKey(entry.key())) {
					throw new IllegalStateException("decisions.yaml records the decision " + entry.key() + " twice");
				}
				Long refersTo = null;
				if (entry.refersTo() != null) {
					refersTo = ids.get(entry.refersTo());
					if (refersTo == null) {
						throw new IllegalStateException("The decision " + entry.key() + " refers to " + entry.refersTo()
								+ ", which decisions.yaml does not record before it");
					}
				}
				var effects = list(entry.effects()).stream().map(e -> new Effect(EffectKind.valueOf(e.kind()), e.participant(), e.status(),
						e.body(), e.bodyKind(), e.reportsTo(), e.office(), e.person(), e.nationality(), e.name(), e.nameRu(), e.shortName(),
						e.edition(), e.plan(), e.effectiveOn(), e.until())).toList();
				var decision = decisions.recordHistorical(new Decisions.HistoricalDecision(entry.key(), entry.body(),
						DecisionKind.valueOf(entry.kind()), entry.decidedOn(), Procedure.valueOf(entry.procedure()), entry.meeting(),
						entry.document(), entry.version(), refersTo, effects, sources(entry.sources()), entry.note()));
				ids.put(entry.key(), decision.id());
			}
			return entries.size();
		});
	}

	private void loadEvents(ReferenceDataset dataset) {
		loadPart(dataset, EVENTS, () -> {
			int records = 0;
			for (var entry : dataset.read(EVENTS, EventsFile.class).events()) {
				implementation.record(new CbmEvent(entry.id(), entry.title(), CbmEvent.Kind.valueOf(entry.kind()), entry.priorityArea(),
						entry.host(), Boolean.TRUE.equals(entry.byChairmanship()), entry.from(), entry.until() == null ? entry.from() : entry.until(),
						precision(entry.precision()), entry.place(), Boolean.TRUE.equals(entry.online()), list(entry.participating()),
						list(entry.outcomeDocuments()), sources(entry.sources()), entry.note()), Act.SYSTEM);
				records++;
			}
			return records;
		});
	}

	private void loadPart(ReferenceDataset dataset, String file, java.util.function.IntSupplier importer) {
		if (!dataset.has(file)) {
			return;
		}
		var part = dataset.name() + "/" + file;
		if (jdbc.sql("select count(*) from reference_dataset where name = ?").param(part).query(Integer.class).single() > 0) {
			return;
		}
		int records = importer.getAsInt();
		var checksum = dataset.checksum(file);
		jdbc.sql("insert into reference_dataset (name, checksum, records) values (?, ?, ?)").params(part, checksum, records).update();
		audit.record(new Act(Act.SYSTEM, "SECRETARIAT", "reference-data.loaded", "dataset:" + part, null,
				java.util.Map.of("checksum", checksum, "records", records)));
		log.info("Loaded reference part '{}': {} records", part, records);
	}

	private static void addIfPresent(Set<String> ids, @Nullable String id) {
		if (id != null) {
			ids.add(id);
		}
	}

	private static DatePrecision precision(@Nullable String precision) {
		return precision == null ? DatePrecision.DAY : DatePrecision.valueOf(precision);
	}

	private static Sources sources(@Nullable List<String> sources) {
		return sources == null ? Sources.none() : Sources.of(sources);
	}

	private static <T> List<T> list(@Nullable List<T> list) {
		return list == null ? List.of() : list;
	}

}

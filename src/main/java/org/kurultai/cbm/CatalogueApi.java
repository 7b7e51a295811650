package org.kurultai.cbm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.Sources;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Catalogue of Confidence-Building Measures and States' voluntary commitments. */
@RestController
@Tag(name = "Confidence-building measures", description = "The Catalogue's editions, coordinators, and States' commitments")
class CatalogueApi {

	private final Catalogue catalogue;
	private final ForumClock clock;

	private final AccessPolicy access;

	CatalogueApi(Catalogue catalogue, ForumClock clock, AccessPolicy access) {
		this.access = access;
		this.catalogue = catalogue;
		this.clock = clock;
	}

	@GetMapping(path = "/api/catalogue", produces = "application/json")
	@Operation(summary = "An edition of the Catalogue (default: in force today) with dimensions, priority areas, measures and the coordinators by participant code")
	EditionView catalogue(@Parameter(description = "Edition code, e.g. 2004 or 2021") @RequestParam @Nullable String edition,
			@Parameter(description = "The edition in force on this date, YYYY-MM-DD") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		if (edition != null && asOf != null) {
			throw InvalidRequest.of("edition", "problem.catalogue.editionOrDate");
		}
		var day = asOf != null ? asOf : clock.today();
		var chosen = edition != null ? catalogue.edition(edition) : catalogue.inForce(day);
		var coordinationDay = edition != null ? catalogue.lastDayInForce(chosen) : day;
		var coordinators = catalogue.coordinatorsOn(coordinationDay);
		var dimensions = chosen.dimensions().stream().map(d -> new DimensionView(d.code(), d.name(), d.priorityAreas().stream()
				.map(a -> new AreaView(a.code(), a.name(), codes(coordinators, a.code(), CoordinatorRole.COORDINATOR),
						codes(coordinators, a.code(), CoordinatorRole.CO_COORDINATOR), a.measures()))
				.toList())).toList();
		return new EditionView(chosen.code(), chosen.title(), chosen.adoptedOn(), chosen.precision(), chosen.adoptedBy(), chosen.meeting(),
				chosen.document(), chosen.decision(), chosen.sources().references(), chosen.note(), coordinationDay, dimensions);
	}

	@GetMapping(path = "/api/catalogue/editions", produces = "application/json")
	@Operation(summary = "All editions of the Catalogue, oldest first, with their counts")
	List<EditionSummary> editions() {
		return catalogue.editions().stream().map(e -> new EditionSummary(e.code(), e.title(), e.adoptedOn(), e.precision(), e.adoptedBy(),
				e.decision(), e.dimensions().size(), e.priorityAreas().size(), e.measureCount())).toList();
	}

	@GetMapping(path = "/api/catalogue/proposed", produces = "application/json")
	@Operation(summary = "Editions the Secretariat proposed that no decision has adopted yet, with their content: not the Catalogue in force")
	List<ProposedView> proposed() {
		return catalogue.proposedEditions().stream().map(CatalogueApi::view).toList();
	}

	@PostMapping(path = "/api/catalogue/editions", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat proposes a new edition of the Catalogue (its whole content); a decision adopts it with the effect ADOPT_CATALOGUE_EDITION")
	ProposedView propose(@AuthenticationPrincipal KurultaiUser user, @Valid @RequestBody NewEdition request) {
		var dimensions = request.dimensions().stream().map(d -> new Dimension(d.code().strip().toUpperCase(java.util.Locale.ROOT), d.name().strip(),
				d.priorityAreas().stream().map(a -> new PriorityArea(a.code().strip().toUpperCase(java.util.Locale.ROOT), a.name().strip(),
						(a.measures() == null ? List.<NewMeasure>of() : a.measures()).stream()
								.map(m -> new Measure(m.code().strip().toUpperCase(java.util.Locale.ROOT), m.text().strip())).toList()))
						.toList()))
				.toList();
		return view(catalogue.propose(user.account(), new Catalogue.NewEdition(request.code(), request.title(),
				Sources.of(request.sources() == null ? List.of() : request.sources().stream().map(String::strip).toList()), request.note(),
				dimensions)));
	}

	private static ProposedView view(ProposedEdition edition) {
		return new ProposedView(edition.code(), edition.title(), "PROPOSED", edition.proposedAt(), edition.sources().references(), edition.note(),
				edition.dimensions());
	}

	@GetMapping(path = "/api/catalogue/differences", produces = "application/json")
	@Operation(summary = "What changed between two editions: dimensions, priority areas and measures added, removed or reworded")
	EditionDifferences differences(@RequestParam String from, @RequestParam String to) {
		return catalogue.differences(from, to);
	}

	@GetMapping(path = "/api/commitments", produces = "application/json")
	@Operation(summary = "A State's commitments on a date (default today) and its whole history of opting in and out")
	CommitmentsView commitments(@RequestParam String participant,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		var day = asOf == null ? clock.today() : asOf;
		var commitments = catalogue.commitmentsOf(participant, access.currentViewer());
		return new CommitmentsView(participant.trim().toUpperCase(java.util.Locale.ROOT), day,
				new ArrayList<>(commitments.on(day).values()), commitments.history());
	}

	@PostMapping(path = "/api/commitments", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A State opts in to or out of a priority area or measure (its national coordinator, or the Secretariat on its written request)")
	CommitmentChange record(@AuthenticationPrincipal KurultaiUser user, @Valid @RequestBody NewCommitment request) {
		return catalogue.record(user.account(), new Catalogue.NewChange(request.participant(), request.priorityArea(), request.measure(),
				request.kind(), request.effectiveOn() == null ? clock.today() : request.effectiveOn(), request.writtenRequest(), request.note()));
	}

	private static List<String> codes(List<Coordination> coordinators, String area, CoordinatorRole role) {
		return coordinators.stream().filter(c -> c.priorityArea().equalsIgnoreCase(area) && c.role() == role).map(Coordination::participant)
				.toList();
	}

	record EditionView(String code, String title, LocalDate adoptedOn, DatePrecision precision, String adoptedBy, @Nullable String meeting,
			@Nullable String document, @Nullable DecisionReference decision, List<String> sources, @Nullable String note, LocalDate coordinatorsAsOf,
			List<DimensionView> dimensions) {
	}

	record ProposedView(String code, String title, String status, Instant proposedAt, List<String> sources, @Nullable String note,
			List<Dimension> dimensions) {
	}

	record NewEdition(@NotBlank @Size(max = 20) String code, @NotBlank @Size(max = 500) String title, @Nullable @Size(max = 2000) String note,
			@Nullable @Size(max = 50) List<@NotBlank @Size(max = 1000) String> sources,
			@NotNull @Size(min = 1, max = 20) List<@NotNull @Valid NewDimension> dimensions) {
	}

	record NewDimension(@NotBlank @Size(max = 60) String code, @NotBlank @Size(max = 500) String name,
			@NotNull @Size(min = 1, max = 60) List<@NotNull @Valid NewArea> priorityAreas) {
	}

	record NewArea(@NotBlank @Size(max = 60) String code, @NotBlank @Size(max = 500) String name,
			@Nullable @Size(max = 200) List<@NotNull @Valid NewMeasure> measures) {
	}

	record NewMeasure(@NotBlank @Size(max = 60) String code, @NotBlank @Size(max = 4000) String text) {
	}

	record DimensionView(String code, String name, List<AreaView> priorityAreas) {
	}

	record AreaView(String code, String name, List<String> coordinators, List<String> coCoordinators, List<Measure> measures) {
	}

	record EditionSummary(String code, String title, LocalDate adoptedOn, DatePrecision precision, String adoptedBy,
			@Nullable DecisionReference decision, int dimensions, int priorityAreas, int measures) {
	}

	record CommitmentsView(String participant, LocalDate asOf, List<CommitmentChange> current, List<CommitmentChange> history) {
	}

	record NewCommitment(@NotBlank @Size(max = 10) String participant, @NotBlank @Size(max = 60) String priorityArea,
			@Nullable @Size(max = 60) String measure, @NotNull CommitmentChange.Kind kind, @Nullable LocalDate effectiveOn,
			@Nullable @Size(max = 500) String writtenRequest, @Nullable @Size(max = 2000) String note) {
	}
}

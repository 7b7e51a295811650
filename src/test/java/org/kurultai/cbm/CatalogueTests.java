package org.kurultai.cbm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kurultai.cbm.EditionDifferences.Kind;
import org.kurultai.cbm.EditionDifferences.Level;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Editions, their differences, and a State's history of commitments. */
class CatalogueTests {

	static CatalogueEdition edition(String code, LocalDate adopted, List<Dimension> dimensions) {
		return new CatalogueEdition(code, "Catalogue " + code, adopted, DatePrecision.DAY, "CMFA", null, null, Sources.none(), null, dimensions);
	}

	static final CatalogueEdition E2004 = edition("2004", LocalDate.of(2004, 10, 22), List.of(
			new Dimension("MILPOL", "Military-political dimension", List.of(new PriorityArea("MILPOL-GENERAL", "Military-political CBMs",
					List.of(new Measure("MILPOL-GENERAL-1", "Mutual visits by military authorities"))))),
			new Dimension("NCT", "New challenges and threats", List.of(new PriorityArea("NCT-GENERAL", "New challenges and threats", List.of())))));

	static final CatalogueEdition E2021 = edition("2021", LocalDate.of(2021, 10, 12), List.of(
			new Dimension("MILPOL", "Military-political dimension", List.of(new PriorityArea("MILPOL-GENERAL", "Military-political CBMs",
					List.of(new Measure("MILPOL-GENERAL-1", "Mutual visits by military authorities and defence colleges"),
							new Measure("MILPOL-GENERAL-2", "Inviting observers to military exercises"))))),
			new Dimension("NCT", "New challenges and threats", List.of(new PriorityArea("NCT-GENERAL", "New challenges and threats", List.of()),
					new PriorityArea("NCT-EPI", "Epidemiological safety, public health and pharmaceuticals", List.of())))));

	@Test
	void theDifferencesBetweenTwoEditionsAreNamedByCode() {
		var differences = EditionDifferences.between(E2004, E2021);
		assertThat(differences.changes()).extracting(EditionDifferences.Change::code, EditionDifferences.Change::kind)
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("NCT-EPI", Kind.ADDED),
						org.assertj.core.groups.Tuple.tuple("MILPOL-GENERAL-1", Kind.CHANGED),
						org.assertj.core.groups.Tuple.tuple("MILPOL-GENERAL-2", Kind.ADDED));
		assertThat(differences.count(Level.PRIORITY_AREA, Kind.ADDED)).isEqualTo(1);
		assertThat(EditionDifferences.between(E2021, E2004).count(Level.PRIORITY_AREA, Kind.REMOVED)).isEqualTo(1);
		assertThat(EditionDifferences.between(E2021, E2021).changes()).isEmpty();
	}

	@Test
	void anEditionUsesEachCodeOnceAndHoldsItsDimensions() {
		assertThatThrownBy(() -> edition("X", LocalDate.of(2020, 1, 1), List.of(
				new Dimension("ECON", "Economic", List.of(new PriorityArea("ECON", "Economic", List.of()))))))
				.isInstanceOf(CatalogueEdition.EditionInvalid.class);
		assertThatThrownBy(() -> edition("X", LocalDate.of(2020, 1, 1), List.of())).isInstanceOf(CatalogueEdition.EditionInvalid.class);
		assertThatThrownBy(() -> new Dimension("ENV", "Environmental", List.of())).isInstanceOf(CatalogueEdition.EditionInvalid.class);
		assertThatThrownBy(() -> new PriorityArea("bad code", "x", List.of())).isInstanceOf(CatalogueEdition.EditionInvalid.class);
	}

	static CommitmentChange change(long id, String subjectArea, CommitmentChange.Kind kind, LocalDate on) {
		return new CommitmentChange(id, "KAZ", subjectArea, null, kind, on, Instant.now(), "coordinator", null, null);
	}

	@Test
	void commitmentsFollowFromTheirHistory() {
		var history = new Commitments(List.of(change(1, "MILPOL-GENERAL", CommitmentChange.Kind.OPT_IN, LocalDate.of(2014, 1, 1)),
				change(2, "NCT-EPI", CommitmentChange.Kind.OPT_IN, LocalDate.of(2021, 11, 1)),
				change(3, "MILPOL-GENERAL", CommitmentChange.Kind.OPT_OUT, LocalDate.of(2022, 6, 1))));
		assertThat(history.on(LocalDate.of(2013, 12, 31))).isEmpty();
		assertThat(history.on(LocalDate.of(2021, 12, 1))).containsOnlyKeys("MILPOL-GENERAL", "NCT-EPI");
		assertThat(history.on(LocalDate.of(2022, 6, 1))).containsOnlyKeys("NCT-EPI");
		assertThat(history.committedTo("MILPOL-GENERAL", null, LocalDate.of(2020, 1, 1))).isTrue();
		assertThat(history.history()).hasSize(3);
	}

	@Test
	void aStateTookPartInAYearIfItWasInAtAnyTimeThatYear() {
		var history = new Commitments(List.of(change(1, "ECON-IT", CommitmentChange.Kind.OPT_IN, LocalDate.of(2023, 5, 1)),
				change(2, "ECON-IT", CommitmentChange.Kind.OPT_OUT, LocalDate.of(2023, 9, 1)),
				change(3, "ENV-GENERAL", CommitmentChange.Kind.OPT_IN, LocalDate.of(2020, 1, 1))));
		assertThat(history.tookPartIn("ECON-IT", 2023)).as("in from May to September").isTrue();
		assertThat(history.tookPartIn("ECON-IT", 2024)).isFalse();
		assertThat(history.tookPartIn("ECON-IT", 2022)).isFalse();
		assertThat(history.tookPartIn("ENV-GENERAL", 2025)).as("in since 2020").isTrue();
	}

	@Test
	void aChangeMustFollowTheHistory() {
		var history = new Commitments(List.of(change(1, "MILPOL-GENERAL", CommitmentChange.Kind.OPT_IN, LocalDate.of(2014, 1, 1))));
		assertThatThrownBy(() -> history.check(change(2, "MILPOL-GENERAL", CommitmentChange.Kind.OPT_IN, LocalDate.of(2015, 1, 1))))
				.isInstanceOf(Commitments.AlreadyCommitted.class);
		assertThatThrownBy(() -> history.check(change(2, "NCT-EPI", CommitmentChange.Kind.OPT_OUT, LocalDate.of(2022, 1, 1))))
				.isInstanceOf(Commitments.NotCommitted.class);
		assertThatThrownBy(() -> history.check(change(2, "MILPOL-GENERAL", CommitmentChange.Kind.OPT_OUT, LocalDate.of(2013, 1, 1))))
				.isInstanceOf(Commitments.OutOfOrder.class);
		history.check(change(2, "MILPOL-GENERAL", CommitmentChange.Kind.OPT_OUT, LocalDate.of(2016, 1, 1)));
	}

	@Test
	void aCoordinationIsAHalfOpenPeriod() {
		var coordination = new Coordination("MILPOL-GENERAL", "KAZ", CoordinatorRole.COORDINATOR, LocalDate.of(2021, 10, 12),
				DatePrecision.ATTESTED, LocalDate.of(2024, 1, 1), Sources.none(), null);
		assertThat(coordination.holdsOn(LocalDate.of(2021, 10, 12))).isTrue();
		assertThat(coordination.holdsOn(LocalDate.of(2024, 1, 1))).isFalse();
		assertThatThrownBy(() -> new Coordination("A", "KAZ", CoordinatorRole.COORDINATOR, LocalDate.of(2021, 1, 1), DatePrecision.DAY,
				LocalDate.of(2021, 1, 1), Sources.none(), null)).isInstanceOf(Coordination.CoordinationInvalid.class);
	}
}

package org.kurultai.registry;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kurultai.shared.Sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kurultai.registry.ParticipantTests.ALMATY_ACT;
import static org.kurultai.registry.ParticipantTests.CICA;
import static org.kurultai.registry.ParticipantTests.DECLARATION;
import static org.kurultai.registry.ParticipantTests.period;

/** A participant of the registry's shared snapshot answers every question and refuses every change. */
class SharedParticipantTests {

	private static Participant thailand() {
		return Participant.state(ParticipantCode.of("THA"), new ParticipantNames("Thailand", null, "Kingdom of Thailand", null))
				.record(period(ParticipantStatus.OBSERVER, "2001-09-01", "2004-10-22"), CICA)
				.sign(DECLARATION, LocalDate.parse("2004-10-22"), true, Sources.none(), "")
				.sign(ALMATY_ACT, LocalDate.parse("2004-10-22"), true, Sources.none(), "")
				.record(period(ParticipantStatus.MEMBER, "2004-10-22", null), CICA);
	}

	@Test
	void aSharedParticipantAnswersAsBefore() {
		var own = thailand();
		var shared = thailand().shared();

		assertThat(shared.periods()).isEqualTo(own.periods());
		assertThat(shared.signatures()).isEqualTo(own.signatures());
		assertThat(shared.statusOn(LocalDate.parse("2003-01-01"))).contains(ParticipantStatus.OBSERVER);
		assertThat(shared.inStatusSince(LocalDate.parse("2020-01-01"))).contains(LocalDate.parse("2004-10-22"));
		assertThatThrownBy(() -> shared.periods().add(period(ParticipantStatus.OBSERVER, "1990-01-01", "1991-01-01")))
				.isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void everyDomainMethodRefusesToChangeASharedParticipantAndChangesNothing() {
		var shared = thailand().shared();
		var periods = shared.periods();
		var signatures = shared.signatures();
		var decision = new DecisionRef(1, "CMFA/2026/1");

		List<Runnable> changes = List.of(
				() -> shared.sign(DECLARATION, LocalDate.parse("2004-10-21"), false, Sources.none(), ""),
				() -> shared.record(period(ParticipantStatus.OBSERVER, "1990-01-01", "1991-01-01"), CICA),
				() -> shared.admit(period(ParticipantStatus.OBSERVER, "2030-01-01", null), CICA),
				() -> shared.admitBy(ParticipantStatus.OBSERVER, LocalDate.parse("2030-01-01"), null, decision, null, Sources.none(), CICA),
				() -> shared.endBy(LocalDate.parse("2030-01-01"), decision),
				() -> shared.correct(new StatusCorrection(ParticipantStatus.OBSERVER, LocalDate.parse("1990-01-01"),
						org.kurultai.shared.DatePrecision.DAY, LocalDate.parse("1991-01-01"), null, Sources.of(List.of("seed:test")), "note", null,
						"who", java.time.Instant.EPOCH), CICA));
		for (var change : changes) {
			assertThatThrownBy(change::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("shared snapshot");
		}
		assertThat(shared.periods()).isEqualTo(periods);
		assertThat(shared.signatures()).isEqualTo(signatures);
	}

	@Test
	void theRosterFindsAParticipantByItsCode() {
		var roster = new Roster(List.of(thailand().shared()));
		assertThat(roster.find(ParticipantCode.of("THA"))).get().extracting(Participant::name).isEqualTo("Thailand");
		assertThat(roster.find(ParticipantCode.of("KAZ"))).isEmpty();
	}
}

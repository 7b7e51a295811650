package org.kurultai.organs;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChairmanshipTests {

	static ChairTerm term(String chair, String from, @Nullable String until, @Nullable String decidedOn) {
		return new ChairTerm(chair, LocalDate.parse(from), DatePrecision.DAY, until == null ? null : LocalDate.parse(until),
				decidedOn == null ? null : LocalDate.parse(decidedOn), null, null, null, Sources.none(), null);
	}

	private final Chairmanship chairmanship = new Chairmanship(List.of(
			term("CHN", "2014-05-21", "2018-09-24", null),
			term("TJK", "2018-09-24", "2020-09-24", null),
			term("KAZ", "2020-09-24", "2022-10-13", "2020-09-24"),
			term("KAZ", "2022-10-13", "2024-12-17", "2022-10-13"),
			term("AZE", "2024-12-17", null, "2024-03-19")));

	@Test
	void tajikistanHandsTheChairmanshipToKazakhstanOnTwentyFourthSeptember2020() {
		assertThat(chairmanship.termOn(LocalDate.parse("2020-09-23"))).get().extracting(ChairTerm::chair).isEqualTo("TJK");
		assertThat(chairmanship.termOn(LocalDate.parse("2020-09-24"))).get().extracting(ChairTerm::chair).isEqualTo("KAZ");
		assertThat(chairmanship.handovers()).anySatisfy(handover -> {
			assertThat(handover.on()).isEqualTo(LocalDate.parse("2020-09-24"));
			assertThat(handover.from()).isEqualTo("TJK");
			assertThat(handover.to()).isEqualTo("KAZ");
			assertThat(handover.renewal()).isFalse();
		});
	}

	@Test
	void theTroikaIsThePreviousCurrentAndNextChair() {
		var troika = chairmanship.troikaOn(LocalDate.parse("2024-06-01"));

		assertThat(troika.current().chair()).isEqualTo("KAZ");
		assertThat(troika.previous().chair()).as("a renewed chair is not its own predecessor").isEqualTo("TJK");
		assertThat(troika.next().chair()).as("Azerbaijan was chosen in March 2024").isEqualTo("AZE");
	}

	@Test
	void theNextChairIsEmptyUntilDecided() {
		assertThat(chairmanship.troikaOn(LocalDate.parse("2024-03-18")).next()).isNull();
		assertThat(chairmanship.troikaOn(LocalDate.parse("2024-03-19")).next().chair()).isEqualTo("AZE");
		assertThat(chairmanship.troikaOn(LocalDate.parse("2026-11-23")).next()).isNull();
	}

	@Test
	void aRenewalIsAHandoverToTheSameState() {
		assertThat(chairmanship.handovers()).filteredOn(Handover::renewal).singleElement()
				.satisfies(handover -> assertThat(handover.on()).isEqualTo(LocalDate.parse("2022-10-13")));
	}

	@Test
	void termsMayNotOverlap() {
		assertThatThrownBy(() -> new Chairmanship(List.of(term("TUR", "2010-06-08", "2014-05-22", null),
				term("CHN", "2014-05-21", null, null)))).isInstanceOf(Chairmanship.TermsInvalid.class);
		assertThatThrownBy(() -> new Chairmanship(List.of(term("TUR", "2010-06-08", null, null),
				term("CHN", "2014-05-21", null, null)))).isInstanceOf(Chairmanship.TermsInvalid.class);
	}

	@Test
	void beforeTheFirstTermThereIsNoChair() {
		var troika = chairmanship.troikaOn(LocalDate.parse("2000-01-01"));
		assertThat(troika.current()).isNull();
		assertThat(troika.previous()).isNull();
	}
}

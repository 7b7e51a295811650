package org.kurultai.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.kurultai.platform.FormProblem;
import org.kurultai.registry.AdmissionRule;
import org.kurultai.registry.Participant;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantKind;
import org.kurultai.registry.ParticipantNames;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Roster;
import org.kurultai.registry.StatusPeriod;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;
import org.springframework.core.io.ClassPathResource;

/** The shapes the map is drawn from, the map of a day built from a roster, and the page's reading of dates and years. */
class MembershipMapTests {

	final MapShapes shapes = new MapShapes();

	@Test
	void theShapesAreTheWorldsCountriesByTheirCodesInAFileOfReasonableSize() throws IOException {
		assertThat(new ClassPathResource(MapShapes.RESOURCE).contentLength()).isLessThan(200_000);
		assertThat(shapes.all()).hasSizeGreaterThan(200);
		assertThat(shapes.all()).allSatisfy(shape -> {
			assertThat(shape.code()).matches("[A-Z]{3}");
			assertThat(shape.path()).startsWith("M").matches("[-Mlz0-9 ]+");
		});
		assertThat(shapes.all().stream().map(MapShapes.Shape::code).distinct()).hasSize(shapes.all().size());
		assertThat(shapes.width()).isEqualTo(2000);
		assertThat(shapes.height()).isBetween(800, 1100);
		assertThat(shapes.source()).contains("Natural Earth");
		// the small States of Asia are there (Bahrain is not at 1:110m), with a marker where they are too small to see
		assertThat(List.of("BHR", "QAT", "PSE", "SGP", "KWT", "LBN", "ISR")).allSatisfy(code -> assertThat(shapes.of(code)).isNotNull());
		assertThat(shapes.of("BHR").marker()).isNotNull();
		assertThat(shapes.of("PSE").marker()).isNotNull();
		assertThat(shapes.of("KAZ").marker()).isNull();
		assertThat(shapes.of("ATA")).as("Antarctica is left out").isNull();
	}

	@Test
	void countriesAreNamedInBothLanguages() {
		assertThat(shapes.nameIn("BRA", Locale.ENGLISH)).isEqualTo("Brazil");
		assertThat(shapes.nameIn("BRA", Locale.forLanguageTag("ru"))).isEqualTo("Бразилия");
		assertThat(shapes.nameIn("KOS", Locale.ENGLISH)).as("not an ISO code: the bundle names it").isNull();
	}

	@Test
	void theMapOfADayColoursTheStatesAndListsTheOrganizationsBeside() {
		var roster = new Roster(List.of(participant("KAZ", ParticipantKind.STATE, "Kazakhstan", ParticipantStatus.MEMBER, "1999-09-14"),
				participant("BHR", ParticipantKind.STATE, "Bahrain", ParticipantStatus.MEMBER, "2011-01-01"),
				participant("USA", ParticipantKind.STATE, "United States", ParticipantStatus.OBSERVER, "2001-09-01"),
				participant("UN", ParticipantKind.ORGANIZATION, "United Nations", ParticipantStatus.OBSERVER, "2001-09-01"),
				participant("QZM", ParticipantKind.STATE, "Nowhere", ParticipantStatus.OBSERVER, "2020-01-01")));

		var map = MembershipMap.of(roster, LocalDate.of(2024, 1, 1), shapes);

		assertThat(map.shapesWith(ParticipantStatus.MEMBER)).isEqualTo(2);
		assertThat(map.shapesWith(ParticipantStatus.OBSERVER)).isEqualTo(1);
		assertThat(map.countries()).hasSize(shapes.all().size());
		assertThat(map.organizations()).extracting(s -> s.code().value()).containsExactly("UN");
		assertThat(map.unmapped()).extracting(s -> s.code().value()).containsExactly("QZM");
		var bahrain = map.countries().stream().filter(c -> c.code().equals("BHR")).findFirst().orElseThrow();
		assertThat(bahrain.marked()).isTrue();
		assertThat(bahrain.path()).endsWith(MembershipMap.circle(shapes.of("BHR").marker()[0], shapes.of("BHR").marker()[1]));
		assertThat(map.countries().get(map.countries().size() - 1).marked()).as("circles are drawn last").isTrue();
		assertThat(map.countries().stream().filter(c -> c.code().equals("SGP")).findFirst().orElseThrow().marked())
				.as("a small country that takes no part has no circle").isFalse();

		var before = MembershipMap.of(roster, LocalDate.of(2005, 1, 1), shapes);
		assertThat(before.shapesWith(ParticipantStatus.MEMBER)).isEqualTo(1);
		assertThat(before.countries().stream().filter(c -> c.code().equals("BHR")).findFirst().orElseThrow().dataStatus()).isNull();
	}

	@Test
	void aDayIsReadAsYyyyMmDdWithinTheYearsOfTheRecords() {
		assertThat(MembershipMapPages.day(" 2006-06-18 ")).isEqualTo(LocalDate.of(2006, 6, 18));
		assertThat(MembershipMapPages.day("0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
		for (var typed : List.of("18.06.2006", "2006-6-18", "", "2006-02-30", "+10000-01-01", "0000-12-31")) {
			assertThatThrownBy(() -> MembershipMapPages.day(typed)).isInstanceOf(FormProblem.Refusal.class)
					.satisfies(refusal -> assertThat(((FormProblem.Refusal) refusal).parameter()).isEqualTo("asOf"));
		}
	}

	@Test
	void aYearIsItsLastDayButTheCurrentYearIsToday() {
		var today = LocalDate.of(2026, 11, 30);
		assertThat(MembershipMapPages.endOf(MembershipMapPages.year("2006"), today)).isEqualTo(LocalDate.of(2006, 12, 31));
		assertThat(MembershipMapPages.endOf(MembershipMapPages.year("2026"), today)).isEqualTo(today);
		assertThat(MembershipMapPages.endOf(MembershipMapPages.year("2100"), today)).isEqualTo(LocalDate.of(2100, 12, 31));
		for (var typed : List.of("0", "10000", "20x6", "-1", "")) {
			assertThatThrownBy(() -> MembershipMapPages.year(typed)).isInstanceOf(FormProblem.Refusal.class);
		}
	}

	static Participant participant(String code, ParticipantKind kind, String name, ParticipantStatus status, String from) {
		var names = new ParticipantNames(name, null, name, null);
		var participant = kind == ParticipantKind.STATE ? Participant.state(ParticipantCode.of(code), names)
				: Participant.organization(ParticipantCode.of(code), names);
		return participant.record(new StatusPeriod(status, LocalDate.parse(from), DatePrecision.DAY, null, "", null, null,
				Sources.of(List.of("seed:test")), null), AdmissionRule.none());
	}
}

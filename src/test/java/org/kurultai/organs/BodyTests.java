package org.kurultai.organs;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyTests {

	static Body summit(List<BodyName> names) {
		return new Body("CHSG", BodyKind.GOVERNING, BodyStatus.ACTIVE, LocalDate.parse("2002-06-04"), DatePrecision.DAY, null, null,
				"every four years", null, Sources.none(), names, List.of(), List.of());
	}

	@Test
	void aBodyBearsTheNameValidOnTheDay() {
		var summit = summit(List.of(
				new BodyName("Meeting of Heads of State or Government", "Summit", null, LocalDate.parse("2022-10-13"), null, Sources.none()),
				new BodyName("Council of Heads of State or Government", "Summit", LocalDate.parse("2022-10-13"), null,
						"Astana Statement on the Transformation of CICA", Sources.none())));

		assertThat(summit.nameOn(LocalDate.parse("2022-10-12")).name()).isEqualTo("Meeting of Heads of State or Government");
		assertThat(summit.nameOn(LocalDate.parse("2022-10-13")).name()).isEqualTo("Council of Heads of State or Government");
		assertThat(summit.nameOn(LocalDate.parse("1990-01-01")).name()).as("before creation: its first name")
				.isEqualTo("Meeting of Heads of State or Government");
		assertThat(summit.renamings()).singleElement().extracting(BodyName::renamedBy)
				.isEqualTo("Astana Statement on the Transformation of CICA");
		assertThat(summit.existsOn(LocalDate.parse("2002-06-03"))).isFalse();
		assertThat(summit.existsOn(LocalDate.parse("2002-06-04"))).isTrue();
	}

	@Test
	void namesOfABodyMayNotOverlap() {
		assertThatThrownBy(() -> summit(List.of(
				new BodyName("Summit", null, null, LocalDate.parse("2022-10-14"), null, Sources.none()),
				new BodyName("Council", null, LocalDate.parse("2022-10-13"), null, null, Sources.none()))))
				.isInstanceOf(Body.BodyNamesInvalid.class);
		assertThatThrownBy(() -> summit(List.of(new BodyName("Summit", null, null, null, null, Sources.none()),
				new BodyName("Council", null, LocalDate.parse("2022-10-13"), null, null, Sources.none()))))
				.isInstanceOf(Body.BodyNamesInvalid.class);
	}
}

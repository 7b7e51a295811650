package org.kurultai.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database holds a State to its three-letter code as the domain does (V39), whoever writes the row. */
@IntegrationTest
class StateCodeConstraintIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStateWithAnyOtherCodeIsRefusedAnOrganizationKeepsItsLongerOne() {
		assertThatThrownBy(() -> jdbc.sql("""
				insert into participant (code, kind, short_name_en, official_name_en)
				values ('QZQZQ', 'STATE', 'Five letters', 'Five letters')""").update())
				.hasMessageContaining("participant_state_code");
		assertThatThrownBy(() -> jdbc.sql("""
				insert into participant (code, kind, short_name_en, official_name_en)
				values ('QZ', 'STATE', 'Two letters', 'Two letters')""").update())
				.hasMessageContaining("participant_state_code");
		assertThat(jdbc.sql("select count(*) from participant where code in ('QZQZQ', 'QZ')").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from participant where kind = 'ORGANIZATION' and length(code) <> 3")
				.query(Long.class).single()).as("organizations' codes such as UN or EAEU stay as they are").isPositive();
	}
}

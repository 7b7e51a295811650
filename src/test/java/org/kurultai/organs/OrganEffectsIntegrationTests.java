package org.kurultai.organs;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.kurultai.shared.DecidedBy;
import org.kurultai.shared.Effect;
import org.kurultai.shared.EffectKind;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.Sources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The organs' effects applied through the handler, as the decisions module applies them: inside the adopting
 * transaction (here a {@link TransactionTemplate} rolled back at the end, so that the shared database keeps CICA's
 * history as it is), on the CICA reference data.
 */
@IntegrationTest
class OrganEffectsIntegrationTests {

	@Autowired OrganEffects handler;
	@Autowired Organs organs;
	@Autowired JdbcClient jdbc;
	@Autowired TransactionTemplate transactions;
	@Autowired ForumClock clock;

	static Effect effect(EffectKind kind, @Nullable String participant, @Nullable String body, @Nullable String bodyKind,
			@Nullable String reportsTo, @Nullable String office, @Nullable String person, @Nullable String nationality, @Nullable String name,
			@Nullable String shortName, @Nullable LocalDate effectiveOn, @Nullable LocalDate until) {
		return new Effect(kind, participant, null, body, bodyKind, reportsTo, office, person, nationality, name, null, shortName, null, null,
				effectiveOn, until);
	}

	DecidedBy decision(long id, String register, String body, LocalDate decidedOn) {
		return new DecidedBy(id, register, body, decidedOn, null, Sources.of(List.of("decision " + register)), false);
	}

	/** Runs inside one transaction, then rolls it back. */
	void inTransaction(Consumer<Void> work) {
		transactions.executeWithoutResult(status -> {
			try {
				work.accept(null);
			}
			finally {
				status.setRollbackOnly();
			}
		});
	}

	String snapshot() {
		return String.join("|", jdbc.sql("select coalesce(string_agg(t::text, ';' order by starts_on), '') from chair_term t").query(String.class).single(),
				jdbc.sql("select coalesce(string_agg(h::text, ';' order by valid_from, person), '') from secretariat_head h").query(String.class).single(),
				jdbc.sql("select coalesce(string_agg(n::text, ';' order by body_code, valid_from), '') from body_name n").query(String.class).single(),
				jdbc.sql("select coalesce(string_agg(b::text, ';' order by code), '') from body b").query(String.class).single(),
				jdbc.sql("select count(*)::text from audit_entry").query(String.class).single());
	}

	@Test
	void anElectedStateIsChairElectUntilTheHandoverThenChairAndTheTroikaFollows() {
		var today = clock.today();
		var handover = today.plusDays(45);
		inTransaction(nothing -> {
			assertThat(organs.chairmanship().troikaOn(today).next()).as("nobody decided yet").isNull();

			handler.apply(effect(EffectKind.ELECT_CHAIR, "ind", null, null, null, null, null, null, null, null, handover, null),
					decision(990_001, "CMFA/2099/1", "CMFA", today));

			var chairmanship = organs.chairmanship();
			assertThat(chairmanship.electOn(today)).get().extracting(ChairTerm::chair).isEqualTo("IND");
			var before = chairmanship.troikaOn(handover.minusDays(1));
			assertThat(before.current().chair()).isEqualTo("AZE");
			assertThat(before.next().chair()).isEqualTo("IND");
			var after = chairmanship.troikaOn(handover);
			assertThat(after.current().chair()).isEqualTo("IND");
			assertThat(after.previous().chair()).isEqualTo("AZE");
			assertThat(chairmanship.electOn(handover)).isEmpty();
			assertThat(jdbc.sql("select decision_id, decision_register, decided_on from chair_term where chair = 'IND'")
					.query((rs, row) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getObject(3, LocalDate.class)).single())
					.isEqualTo("990001 CMFA/2099/1 " + today);
			assertThat(jdbc.sql("select ends_on from chair_term where chair = 'AZE'").query(LocalDate.class).single()).isEqualTo(handover);
			assertThat(jdbc.sql("select count(*) from audit_entry where action = 'organs.effect.elect_chair' and actor = 'decision:990001'")
					.query(Integer.class).single()).isEqualTo(1);
		});
		assertThat(organs.chairmanship().electOn(today)).as("rolled back").isEmpty();
	}

	@Test
	void anAppointedHeadTakesOfficeOnTheEffectiveDayAndTheOfficeIsRenamed() {
		var today = clock.today();
		inTransaction(nothing -> {
			handler.apply(effect(EffectKind.APPOINT, null, null, null, null, "SECRETARY_GENERAL", "Test Appointee", "aze", null, null,
					today.plusDays(10), null), decision(990_002, "CMFA/2099/2", "CMFA", today));
			handler.apply(effect(EffectKind.APPOINT, null, null, null, null, "DEPUTY_SECRETARY_GENERAL", "Test Deputy", "CHN", null, null,
					null, null), decision(990_002, "CMFA/2099/2", "CMFA", today));
			handler.apply(effect(EffectKind.RENAME_OFFICE, null, null, null, null, "SECRETARY_GENERAL", null, null, "Director General", null,
					today.plusDays(10), null), decision(990_002, "CMFA/2099/2", "CMFA", today));

			var secretariat = organs.secretariat();
			assertThat(secretariat.headOn(today.plusDays(9))).get().extracting(Secretariat.Head::person).isEqualTo("Kairat Sarybay");
			assertThat(secretariat.headOn(today.plusDays(10))).get().satisfies(head -> {
				assertThat(head.person()).isEqualTo("Test Appointee");
				assertThat(head.nationality()).isEqualTo("AZE");
				assertThat(head.decision()).isEqualTo(new DecisionRef(990_002, "CMFA/2099/2"));
			});
			assertThat(secretariat.deputiesOn(today)).extracting(Secretariat.Head::person).containsExactly("Test Deputy");
			assertThat(secretariat.titleOn(today.plusDays(10))).get().satisfies(title -> {
				assertThat(title.title()).isEqualTo("Director General");
				assertThat(title.renamedBy()).isEqualTo("CMFA/2099/2");
			});
			assertThat(secretariat.titleOn(today)).get().extracting(Secretariat.Title::title).isEqualTo("Secretary General");
		});
	}

	@Test
	void aBodyIsEstablishedRenamedAndDissolved() {
		var today = clock.today();
		inTransaction(nothing -> {
			handler.apply(effect(EffectKind.ESTABLISH_BODY, null, "tgrp", "working", "SOC", null, null, null, "Test Group", "TG", null, null),
					decision(990_003, "SOC/2099/1", "SOC", today));
			assertThat(organs.bodiesOn(today)).extracting(Body::code).contains("TGRP");
			assertThat(organs.bodiesOn(today.minusDays(1))).extracting(Body::code).doesNotContain("TGRP");

			handler.apply(effect(EffectKind.RENAME_BODY, null, "TGRP", null, null, null, null, null, "Test Working Group", null,
					today.plusDays(5), null), decision(990_004, "SOC/2099/2", "SOC", today));
			var renamed = organs.body("TGRP");
			assertThat(renamed.nameOn(today.plusDays(4)).name()).isEqualTo("Test Group");
			assertThat(renamed.nameOn(today.plusDays(5))).satisfies(name -> {
				assertThat(name.name()).isEqualTo("Test Working Group");
				assertThat(name.shortName()).isEqualTo("TG");
				assertThat(name.renamedBy()).isEqualTo("SOC/2099/2");
				assertThat(name.decision()).isEqualTo(new DecisionRef(990_004, "SOC/2099/2"));
			});
			assertThat(renamed.decision()).isEqualTo(new DecisionRef(990_003, "SOC/2099/1"));

			handler.apply(effect(EffectKind.DISSOLVE_BODY, null, "TGRP", null, null, null, null, null, null, null, today.plusDays(20), null),
					decision(990_005, "SOC/2099/3", "SOC", today));
			assertThat(organs.bodiesOn(today.plusDays(19))).extracting(Body::code).contains("TGRP");
			assertThat(organs.bodiesOn(today.plusDays(20))).extracting(Body::code).doesNotContain("TGRP");
			assertThat(organs.body("TGRP").status()).isEqualTo(BodyStatus.DISSOLVED);
			assertThat(organs.body("TGRP").dissolvedBy()).isEqualTo(new DecisionRef(990_005, "SOC/2099/3"));
		});
		assertThat(organs.isBody("TGRP")).isFalse();
	}

	@Test
	void aRefusedEffectWritesNothing() {
		var today = clock.today();
		inTransaction(nothing -> {
			var before = snapshot();
			assertThatThrownBy(() -> handler.apply(effect(EffectKind.ELECT_CHAIR, "IND", null, null, null, null, null, null, null, null,
					LocalDate.parse("2024-06-01"), null), decision(990_006, "CMFA/2099/3", "CMFA", today)))
					.isInstanceOf(ChangeRefused.class);
			assertThatThrownBy(() -> handler.apply(effect(EffectKind.EXTEND_CHAIR_TERM, "KAZ", null, null, null, null, null, null, null, null,
					null, today.plusYears(1)), decision(990_006, "CMFA/2099/3", "CMFA", today)))
					.isInstanceOf(ChangeRefused.class);
			assertThatThrownBy(() -> handler.apply(effect(EffectKind.DISSOLVE_BODY, null, "FUND", null, null, null, null, null, null, null,
					null, null), decision(990_006, "CMFA/2099/3", "CMFA", today)))
					.as("the Project Review Committee reports to the Fund").isInstanceOf(ChangeRefused.class);
			assertThatThrownBy(() -> handler.apply(effect(EffectKind.ESTABLISH_BODY, null, "SOC", "ADVISORY", null, null, null, null, "Other",
					null, null, null), decision(990_006, "CMFA/2099/3", "CMFA", today)))
					.isInstanceOf(ChangeRefused.class);
			assertThat(snapshot()).isEqualTo(before);
		});
	}

	@Test
	void proposalsNamingWhatDoesNotExistAreRefusedOnTheTerm() {
		assertThatThrownBy(() -> handler.check(effect(EffectKind.ELECT_CHAIR, "XYZ", null, null, null, null, null, null, null, null, null,
				null), 2)).isInstanceOfSatisfying(InvalidRequest.class,
						refused -> assertThat(refused.parameter()).isEqualTo("effects[2].participant"));
		assertThatThrownBy(() -> handler.check(effect(EffectKind.ELECT_CHAIR, "UN", null, null, null, null, null, null, null, null, null,
				null), 0)).isInstanceOfSatisfying(InvalidRequest.class, refused -> assertThat(refused.messageKey()).isEqualTo("problem.organs.notAState"));
		assertThatThrownBy(() -> handler.check(effect(EffectKind.EXTEND_CHAIR_TERM, "AZE", null, null, null, null, null, null, null, null,
				null, null), 1)).isInstanceOfSatisfying(InvalidRequest.class,
						refused -> assertThat(refused.parameter()).isEqualTo("effects[1].until"));
		assertThatThrownBy(() -> handler.check(effect(EffectKind.APPOINT, null, null, null, null, "TREASURER", "X", null, null, null, null,
				null), 0)).isInstanceOfSatisfying(InvalidRequest.class,
						refused -> assertThat(refused.parameter()).isEqualTo("effects[0].office"));
		assertThatThrownBy(() -> handler.check(effect(EffectKind.APPOINT, null, null, null, null, "HEAD", null, null, null, null, null,
				null), 0)).isInstanceOfSatisfying(InvalidRequest.class,
						refused -> assertThat(refused.parameter()).isEqualTo("effects[0].person"));
		assertThatThrownBy(() -> handler.check(effect(EffectKind.ESTABLISH_BODY, null, "NEW", "COMMITTEE", null, null, null, null, "New",
				null, null, null), 0)).isInstanceOfSatisfying(InvalidRequest.class,
						refused -> assertThat(refused.parameter()).isEqualTo("effects[0].bodyKind"));
		assertThatThrownBy(() -> handler.check(effect(EffectKind.ESTABLISH_BODY, null, "NEW", "WORKING", "NOPE", null, null, null, "New",
				null, null, null), 0)).isInstanceOfSatisfying(InvalidRequest.class,
						refused -> assertThat(refused.parameter()).isEqualTo("effects[0].reportsTo"));
		assertThatThrownBy(() -> handler.check(effect(EffectKind.RENAME_BODY, null, "NOPE", null, null, null, null, null, "New", null, null,
				null), 0)).isInstanceOfSatisfying(InvalidRequest.class,
						refused -> assertThat(refused.parameter()).isEqualTo("effects[0].body"));
		assertThatThrownBy(() -> handler.check(effect(EffectKind.RENAME_OFFICE, null, null, null, null, "DEPUTY", null, null, "New", null,
				null, null), 0)).isInstanceOfSatisfying(InvalidRequest.class,
						refused -> assertThat(refused.parameter()).isEqualTo("effects[0].office"));
		handler.check(effect(EffectKind.ELECT_CHAIR, "ind", null, null, null, null, null, null, null, null, null, null), 0);
	}

	@Test
	void aFactRecordedFromTheSourcesIsOnlyLinkedToTheDecision() {
		inTransaction(nothing -> {
			// the register's records of these decisions (reference/cica/decisions.yaml) are linked at start; unlinked here
			jdbc.sql("update chair_term set decision_id = null, decision_register = null where chair = 'AZE'").update();
			jdbc.sql("update secretariat_title set decision_id = null, decision_register = null").update();
			var terms = organs.chairmanship().terms();
			var decided = decision(990_007, "CMFA/2024/1", "CMFA", LocalDate.parse("2024-03-19"));

			handler.apply(effect(EffectKind.ELECT_CHAIR, "AZE", null, null, null, null, null, null, null, null, LocalDate.parse("2024-12-17"),
					null), decided);
			handler.apply(effect(EffectKind.RENAME_OFFICE, null, null, null, null, "EXECUTIVE_DIRECTOR", null, null, "Secretary General",
					null, LocalDate.parse("2022-10-13"), null), decision(990_008, "CHSG/2022/1", "CHSG", LocalDate.parse("2022-10-13")));

			var linked = organs.chairmanship().terms();
			assertThat(linked).hasSameSizeAs(terms);
			for (int i = 0; i < terms.size(); i++) {
				var expected = terms.get(i).chair().equals("AZE") ? terms.get(i).decidedBy(new DecisionRef(990_007, "CMFA/2024/1")) : terms.get(i);
				assertThat(linked.get(i)).isEqualTo(expected);
			}
			assertThat(organs.secretariat().titleOn(LocalDate.parse("2022-10-13"))).get().satisfies(title -> {
				assertThat(title.decision()).isEqualTo(new DecisionRef(990_008, "CHSG/2022/1"));
				assertThat(title.renamedBy()).as("the fact is as the sources tell it").isEqualTo("Astana Statement on the Transformation of CICA");
			});
			assertThat(organs.secretariat().titles()).hasSize(2);
		});
	}
}

package org.kurultai.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.EmbeddedDatabaseAccess;
import org.kurultai.KurultaiApplication;
import org.kurultai.registry.MembershipRequiresFoundingDocuments;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Starting twice, restarting after a crash, or starting two instances on one database neither
 * duplicates nor loses data: the migrations and the reference-data load are idempotent and atomic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceLoadIntegrationTests {

	private EmbeddedPostgres postgres;

	@BeforeAll
	void startPostgres() throws Exception {
		FileSystemUtils.deleteRecursively(Path.of("target/test-audit/external/reference-load")); // the databases are new
		postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of("target/test-postgres/load").toAbsolutePath().toFile())
				.setCleanDataDirectory(true).start();
		try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
			statement.execute("create database concurrent");
			statement.execute("create database crash");
			statement.execute("create database upgrade");
		}
	}

	@AfterAll
	void stopPostgres() throws Exception {
		postgres.close();
	}

	private ConfigurableApplicationContext start(String database, String dataset, String... more) {
		var arguments = new ArrayList<>(List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
				"--spring.datasource.username=postgres", "--spring.datasource.password=", "--kurultai.reference.dataset=" + dataset,
				"--spring.main.banner-mode=off"));
		arguments.addAll(List.of(EmbeddedDatabaseAccess.auditArguments("reference-load", database)));
		arguments.addAll(List.of(more));
		return new SpringApplicationBuilder(KurultaiApplication.class).web(WebApplicationType.NONE).run(arguments.toArray(String[]::new));
	}

	private static List<Integer> counts(ConfigurableApplicationContext context) {
		var jdbc = context.getBean(JdbcClient.class);
		var counts = new ArrayList<Integer>();
		for (var table : List.of("participant", "status_period", "signature", "body", "body_name", "chair_term", "meeting",
				"delegation", "historical_event", "document", "document_version", "catalogue_edition", "coordination", "cbm_event", "exchange_type", "implementation_plan", "decision", "decision_effect", "reference_dataset")) {
			counts.add(jdbc.sql("select count(*) from " + table).query(Integer.class).single());
		}
		return counts;
	}

	@Test
	void twoInstancesLoadingTogetherOnOneDatabaseLoadTheDataOnceAndARestartLoadsNothing() throws Exception {
		var executor = Executors.newFixedThreadPool(2);
		try (var a = start("concurrent", "none"); var b = start("concurrent", "none")) {
			var ready = new CountDownLatch(2);
			Callable<Boolean> loadFromA = () -> {
				ready.countDown();
				ready.await();
				return a.getBean(ReferenceDataLoader.class).load(new ReferenceDataset("cica"));
			};
			Callable<Boolean> loadFromB = () -> {
				ready.countDown();
				ready.await();
				return b.getBean(ReferenceDataLoader.class).load(new ReferenceDataset("cica"));
			};
			var first = executor.submit(loadFromA);
			var second = executor.submit(loadFromB);

			assertThat(List.of(first.get(120, TimeUnit.SECONDS), second.get(120, TimeUnit.SECONDS)))
					.as("exactly one instance loads").containsExactlyInAnyOrder(true, false);
			var countsA = counts(a);
			assertThat(countsA).isEqualTo(counts(b));
			assertThat(countsA.get(countsA.size() - 1))
					.as("one record of the dataset and one of each later part: meeting plans, documents, Catalogue, events, exchange types, plans,"
							+ " decisions")
					.isEqualTo(8);
			assertThat(countsA.get(countsA.size() - 10)).as("historical documents").isGreaterThanOrEqualTo(25);
			assertThat(countsA.get(countsA.size() - 8)).as("editions of the Catalogue").isEqualTo(5);
			assertThat(countsA.get(countsA.size() - 6)).as("events").isGreaterThanOrEqualTo(10);
			assertThat(countsA.get(countsA.size() - 5)).as("exchange types").isEqualTo(4);
			assertThat(countsA.get(countsA.size() - 4)).as("plans").isEqualTo(4);
			assertThat(countsA.get(countsA.size() - 3)).as("decisions from the forum's history").isGreaterThanOrEqualTo(50);
			assertThat(countsA.get(countsA.size() - 2)).as("their effects").isGreaterThanOrEqualTo(30);
			assertThat(countsA.get(0)).as("participants").isGreaterThanOrEqualTo(40);
			a.close();
			b.close();
			try (var restarted = start("concurrent", "cica")) {
				assertThat(counts(restarted)).as("a restart neither duplicates nor loses").isEqualTo(countsA);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void aLoadThatFailsHalfWayLeavesNothingBehindAndTheNextStartLoadsEverything() {
		var failure = catchThrowable(() -> start("crash", "broken"));

		assertThat(failure).isInstanceOf(MembershipRequiresFoundingDocuments.class).hasMessageContaining("ATL");
		var jdbc = JdbcClient.create(postgres.getDatabase("postgres", "crash"));
		assertThat(jdbc.sql("select count(*) from participant").query(Integer.class).single()).as("KAZ and JPN rolled back").isZero();
		assertThat(jdbc.sql("select count(*) from founding_document").query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from reference_dataset").query(Integer.class).single()).isZero();

		try (var recovered = start("crash", "cica")) {
			var counts = counts(recovered);
			assertThat(counts.get(0)).isGreaterThanOrEqualTo(40);
			assertThat(counts.get(counts.size() - 1)).isEqualTo(8);
		}
	}

	@Test
	void theEmbeddedDatabaseKeepsItsDataBetweenRuns() {
		var directory = Path.of("target/test-postgres/restart-" + System.nanoTime()).toAbsolutePath();
		String[] arguments = { "--spring.datasource.url=", "--kurultai.database.embedded.data-directory=" + directory,
				"--kurultai.database.embedded.clean=false", "--spring.main.banner-mode=off" };
		List<Integer> first;
		String loadedAt;
		try (var run = new SpringApplicationBuilder(KurultaiApplication.class).web(WebApplicationType.NONE).run(arguments)) {
			first = counts(run);
			loadedAt = run.getBean(JdbcClient.class).sql("select loaded_at::text from reference_dataset where name = 'cica'").query(String.class).single();
		}
		try (var again = new SpringApplicationBuilder(KurultaiApplication.class).web(WebApplicationType.NONE).run(arguments)) {
			assertThat(counts(again)).isEqualTo(first);
			assertThat(again.getBean(JdbcClient.class).sql("select loaded_at::text from reference_dataset where name = 'cica'").query(String.class).single())
					.as("not loaded a second time").isEqualTo(loadedAt);
		}
	}

	/**
	 * A database loaded before the part meeting-plans.yaml shipped held CMFA-7 with one plan, the meeting as held (V31 derived
	 * it). On its next start V32 removes that lone derived plan and the part records both plans in order: planned in Baku on
	 * 11 November 2024, held online on 17 December 2024.
	 */
	@Test
	void aDatabaseLoadedBeforeThePlansOfMeetingsShippedReceivesTheSeventhMinisterialCouncilsTwoPlans() {
		try (var first = start("upgrade", "cica")) {
			assertThat(plansOfCmfa7(first.getBean(JdbcClient.class))).containsExactly("1 2024-11-11 PLANNED Baku false",
					"2 2024-12-17 HELD null true");
		}
		// the database as a release before this one left it
		var jdbc = JdbcClient.create(postgres.getDatabase("postgres", "upgrade"));
		jdbc.sql("alter table meeting_plan disable trigger meeting_plan_kept").update();
		jdbc.sql("delete from meeting_plan where meeting_id = 'CMFA-7'").update();
		jdbc.sql("""
				insert into meeting_plan (meeting_id, plan_number, starts_on, ends_on, status, place, online, host, registration_closes, reason,
				  recorded_by, recorded_at, sources)
				select id, 1, starts_on, ends_on, status, place, online, host, null, null, 'reference data', now(), sources from meeting
				 where id = 'CMFA-7'""").update();
		jdbc.sql("alter table meeting_plan enable trigger meeting_plan_kept").update();
		jdbc.sql("update meeting set plan_number = 1 where id = 'CMFA-7'").update();
		jdbc.sql("delete from reference_dataset where name = 'cica/meeting-plans.yaml'").update();
		jdbc.sql("drop table agenda_item").update();
		jdbc.sql("drop table agenda_version").update();
		jdbc.sql("drop function agenda_kept()").update();
		jdbc.sql("delete from flyway_schema_history where version = '32'").update();
		assertThat(plansOfCmfa7(jdbc)).containsExactly("1 2024-12-17 HELD null true");

		// only V32 is taken back; the later migrations stay applied, so Flyway is told to apply it out of order (a database a
		// release before this one left holds none of them, and receives them in order)
		try (var upgraded = start("upgrade", "cica", "--spring.flyway.out-of-order=true")) {
			var upgradedJdbc = upgraded.getBean(JdbcClient.class);
			assertThat(plansOfCmfa7(upgradedJdbc)).containsExactly("1 2024-11-11 PLANNED Baku false", "2 2024-12-17 HELD null true");
			assertThat(upgradedJdbc.sql("select plan_number || ' ' || starts_on || ' ' || status || ' ' || online from meeting where id = 'CMFA-7'")
					.query(String.class).single()).isEqualTo("2 2024-12-17 HELD true");
		}
	}

	private static List<String> plansOfCmfa7(JdbcClient jdbc) {
		return jdbc.sql("""
				select plan_number || ' ' || starts_on || ' ' || status || ' ' || coalesce(place, 'null') || ' ' || online from meeting_plan
				 where meeting_id = 'CMFA-7' order by plan_number""").query(String.class).list();
	}
}

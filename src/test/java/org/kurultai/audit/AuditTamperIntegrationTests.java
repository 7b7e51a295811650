package org.kurultai.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.KurultaiApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An audit entry altered or removed directly in PostgreSQL, behind the application's back (by a
 * superuser who disables the guard), is found by verification, which names the first broken entry.
 * Also: the first administrator is made from configuration, audited, and never twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTamperIntegrationTests {

	private EmbeddedPostgres postgres;

	@BeforeAll
	void startPostgres() throws Exception {
		postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of("target/test-postgres/audit").toAbsolutePath().toFile())
				.setCleanDataDirectory(true).start();
		try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
			statement.execute("create database altered");
			statement.execute("create database removed");
			statement.execute("create database demo");
		}
	}

	@AfterAll
	void stopPostgres() throws Exception {
		postgres.close();
	}

	private ConfigurableApplicationContext start(String database, String... more) {
		var arguments = new ArrayList<>(List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
				"--spring.datasource.username=postgres", "--spring.datasource.password=", "--kurultai.reference.dataset=none",
				"--spring.main.banner-mode=off", "--kurultai.admin.email=first.admin@secretariat.example",
				"--kurultai.admin.password=a long enough first password"));
		for (var argument : more) {
			arguments.removeIf(existing -> existing.substring(0, existing.indexOf('=')).equals(argument.substring(0, argument.indexOf('='))));
			arguments.add(argument);
		}
		return new SpringApplicationBuilder(KurultaiApplication.class).web(WebApplicationType.NONE).run(arguments.toArray(String[]::new));
	}

	private static List<AuditEntry> recordSome(ConfigurableApplicationContext context, int count) {
		var log = context.getBean(AuditLog.class);
		var transactions = context.getBean(TransactionTemplate.class);
		var entries = new ArrayList<AuditEntry>();
		for (int i = 0; i < count; i++) {
			var n = i;
			entries.add(transactions.execute(status -> log.record(new Act("officer@secretariat.example", "SECRETARIAT",
					"test.act", "record:" + n, java.util.Map.of("value", n), java.util.Map.of("value", n + 1)))));
		}
		return entries;
	}

	/** What a superuser can do that the application cannot: switch the guard off, change history, switch it on. */
	private void behindTheApplicationsBack(String database, String statement) throws Exception {
		try (var connection = postgres.getDatabase("postgres", database).getConnection(); var sql = connection.createStatement()) {
			sql.execute("alter table audit_entry disable trigger audit_entry_no_update");
			sql.execute(statement);
			sql.execute("alter table audit_entry enable trigger audit_entry_no_update");
		}
	}

	@Test
	void anAlteredEntryIsFoundAndNamedByTheVerificationTheEndpointAndTheCommand() throws Exception {
		List<AuditEntry> entries;
		try (var context = start("altered")) {
			entries = recordSome(context, 5);
			assertThat(context.getBean(AuditLog.class).verify().intact()).isTrue();
		}
		var altered = entries.get(2);
		behindTheApplicationsBack("altered", "update audit_entry set actor = 'someone else' where id = " + altered.id());

		try (var context = start("altered")) {
			var verification = context.getBean(AuditLog.class).verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenEntry()).isEqualTo(altered.id());
			assertThat(verification.problem()).contains("content");
		}
		var command = start("altered", "--kurultai.command=verify-audit");
		assertThat(SpringApplication.exit(command)).as("the command's exit code").isEqualTo(AuditCommand.BROKEN);
	}

	@Test
	void aRemovedEntryBreaksTheChainAtTheEntryAfterIt() throws Exception {
		List<AuditEntry> entries;
		try (var context = start("removed")) {
			entries = recordSome(context, 4);
		}
		behindTheApplicationsBack("removed", "delete from audit_entry where id = " + entries.get(1).id());

		try (var context = start("removed")) {
			var verification = context.getBean(AuditLog.class).verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenEntry()).isEqualTo(entries.get(2).id());
			assertThat(verification.problem()).contains("does not follow");
		}
	}

	@Test
	void theDemoProfileOpensOneAccountPerRoleAndOnlyOnce() {
		try (var context = start("demo", "--kurultai.reference.dataset=cica", "--spring.profiles.active=demo")) {
			var roles = context.getBean(JdbcClient.class).sql("select role from account where email like '%@demo.kurultai.org'")
					.query(String.class).list();
			assertThat(roles).contains("SECRETARIAT_ADMINISTRATOR", "SECRETARIAT_OFFICER", "NATIONAL_COORDINATOR", "DELEGATE", "EXPERT");
		}
		try (var again = start("demo", "--kurultai.reference.dataset=cica", "--spring.profiles.active=demo")) {
			assertThat(again.getBean(JdbcClient.class).sql("select count(*) from account where email like '%@demo.kurultai.org'")
					.query(Integer.class).single()).isEqualTo(9);
			assertThat(again.getBean(JdbcClient.class).sql("select count(*) from document where status = 'DRAFT'").query(Integer.class).single())
					.as("one demo draft under negotiation, tabled once").isEqualTo(1);
			assertThat(again.getBean(JdbcClient.class).sql("select count(*) from accreditation where accredited_on is not null")
					.query(Integer.class).single()).as("the demo delegates are accredited").isEqualTo(2);
		}
	}

	@Test
	void theFirstAdministratorIsMadeFromConfigurationOnceAndAudited() {
		try (var context = start("postgres")) {
			var jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from account where role = 'SECRETARIAT_ADMINISTRATOR'").query(Integer.class).single())
					.isEqualTo(1);
			assertThat(jdbc.sql("select password_hash from account").query(String.class).single()).startsWith("$argon2id$");
			assertThat(context.getBean(AuditLog.class).find(new AuditQuery("system", null, "account.opened", null, null, 10)))
					.singleElement().satisfies(entry -> assertThat(entry.subject()).isEqualTo("account:first.admin@secretariat.example"));
		}
		try (var again = start("postgres")) {
			assertThat(again.getBean(JdbcClient.class).sql("select count(*) from account").query(Integer.class).single()).isEqualTo(1);
			var command = start("postgres", "--kurultai.command=verify-audit");
			assertThat(SpringApplication.exit(command)).isZero();
		}
	}
}

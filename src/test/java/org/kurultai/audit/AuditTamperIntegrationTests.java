package org.kurultai.audit;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.KurultaiApplication;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering with the audit log directly in PostgreSQL, behind the application's back (as a superuser who disables the
 * guard triggers, as the owner of an external database could), is found by verification, which says what kind of
 * tampering it found and the first entry concerned: an edited entry, a removed one, the removal of the last entries
 * (against a signed checkpoint kept outside the database), and a chain recomputed without the key. Checkpoints go to
 * a file (owner-only), the log and mail; the key file is made owner-only and reused. Also: the first administrator is
 * made from configuration, audited, and never twice; the demo profile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTamperIntegrationTests {

	private static final Path AUDIT_DIRECTORIES = Path.of("target/test-audit").toAbsolutePath();
	/** The application's key in these tests; the attacker does not have it. */
	private static final String KEY = Base64.getEncoder().encodeToString("the audit key of these tests, 32+ bytes".getBytes(StandardCharsets.UTF_8));

	private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T03:00:00Z"));
	private EmbeddedPostgres postgres;

	@BeforeAll
	void startPostgres() throws Exception {
		postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of("target/test-postgres/audit").toAbsolutePath().toFile())
				.setCleanDataDirectory(true).start();
		// new databases, new checkpoint files (a file belongs to one database's chain); other tests' audit files are theirs
		FileSystemUtils.deleteRecursively(auditDirectory("postgres"));
		try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
			for (var database : List.of("altered", "removed", "truncated", "unkeyed", "otherkey", "mailed", "keyfile", "legacy", "twins", "demo", "replaced", "suppressed")) {
				FileSystemUtils.deleteRecursively(auditDirectory(database));
				statement.execute("create database " + database);
			}
		}
	}

	@AfterAll
	void stopPostgres() throws Exception {
		postgres.close();
	}

	private static Path auditDirectory(String database) {
		return AUDIT_DIRECTORIES.resolve(database);
	}

	private ConfigurableApplicationContext start(String database, String... more) {
		var arguments = new ArrayList<>(List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
				"--spring.datasource.username=postgres", "--spring.datasource.password=", "--kurultai.reference.dataset=none",
				"--spring.main.banner-mode=off", "--kurultai.admin.email=first.admin@secretariat.example",
				"--kurultai.admin.password=a long enough first password", "--kurultai.audit.key=" + KEY,
				"--kurultai.audit.key-file=" + auditDirectory(database).resolve("chain.key"),
				"--kurultai.audit.checkpoint-file=" + auditDirectory(database).resolve("checkpoints.log")));
		for (var argument : more) {
			arguments.removeIf(existing -> existing.substring(0, existing.indexOf('=')).equals(argument.substring(0, argument.indexOf('='))));
			arguments.add(argument);
		}
		return new SpringApplicationBuilder(KurultaiApplication.class).web(WebApplicationType.NONE)
				.initializers(context -> ((GenericApplicationContext) context).registerBean("testClock", Clock.class, () -> clock,
						definition -> definition.setPrimary(true)))
				.run(arguments.toArray(String[]::new));
	}

	private static List<AuditEntry> recordSome(ConfigurableApplicationContext context, int count) {
		var log = context.getBean(AuditLog.class);
		var transactions = context.getBean(TransactionTemplate.class);
		var entries = new ArrayList<AuditEntry>();
		for (int i = 0; i < count; i++) {
			var n = i;
			entries.add(transactions.execute(status -> log.record(new Act("officer@secretariat.example", "SECRETARIAT",
					"test.act", "record:" + n, Map.of("value", n), Map.of("value", n + 1)))));
		}
		return entries;
	}

	/** What a superuser can do that the application cannot: switch the guards off, change history, switch them on. */
	private void behindTheApplicationsBack(String database, String... statements) throws Exception {
		try (var connection = postgres.getDatabase("postgres", database).getConnection(); var sql = connection.createStatement()) {
			sql.execute("alter table audit_entry disable trigger user");
			sql.execute("alter table audit_checkpoint disable trigger user");
			for (var statement : statements) {
				sql.execute(statement);
			}
			sql.execute("alter table audit_entry enable trigger user");
			sql.execute("alter table audit_checkpoint enable trigger user");
		}
	}

	/** The whole log as the attacker reads it, in order. */
	private List<AuditEntry> entriesOf(String database) {
		return JdbcClient.create(postgres.getDatabase("postgres", database)).sql("select * from audit_entry order by seq nulls first, id")
				.query((rs, row) -> new AuditEntry(rs.getLong("id"), rs.getObject("seq", Long.class), rs.getInt("chain"),
						rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("on_behalf_of"), rs.getString("action"),
						rs.getString("subject"), rs.getString("before_digest"), rs.getString("after_digest"), rs.getString("previous_hash"),
						rs.getString("hash")))
				.list();
	}

	private static int exitCodeOf(ConfigurableApplicationContext command) {
		return SpringApplication.exit(command);
	}

	@Test
	void anEditedEntryIsFoundAndNamedByTheVerificationAndTheCommand() throws Exception {
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
			assertThat(verification.tampering()).isEqualTo(Tampering.EDITED);
			assertThat(verification.firstBrokenEntry()).isEqualTo(altered.id());
			assertThat(verification.firstBrokenPosition()).isEqualTo(altered.seq());
			assertThat(verification.problem()).contains("content");
		}
		assertThat(exitCodeOf(start("altered", "--kurultai.command=verify-audit"))).as("the command's exit code").isEqualTo(AuditCommand.BROKEN);
	}

	@Test
	void aRemovedEntryInTheMiddleIsFoundByTheGapInPositions() throws Exception {
		List<AuditEntry> entries;
		try (var context = start("removed")) {
			entries = recordSome(context, 4);
		}
		var removed = entries.get(1);
		behindTheApplicationsBack("removed", "delete from audit_entry where id = " + removed.id());

		try (var context = start("removed")) {
			var verification = context.getBean(AuditLog.class).verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.tampering()).isEqualTo(Tampering.DELETED);
			assertThat(verification.firstBrokenPosition()).as("the missing position").isEqualTo(removed.seq());
			assertThat(verification.firstBrokenEntry()).as("the entry after the gap").isEqualTo(entries.get(2).id());
			assertThat(verification.problem()).contains("removed");
		}
	}

	@Test
	void theRemovalOfTheLastEntriesIsFoundAgainstTheCheckpointOutsideTheDatabase() throws Exception {
		List<AuditEntry> entries;
		try (var context = start("truncated")) {
			entries = recordSome(context, 6);
			var taken = context.getBean(AuditCheckpoints.class).take(false);
			assertThat(taken.checkpoint()).isNotNull();
			assertThat(taken.checkpoint().seq()).isEqualTo(entries.get(5).seq());
			assertThat(taken.checkpoint().hash()).isEqualTo(entries.get(5).hash());
		}
		// the last two entries go, and so does the database's own copy of every checkpoint: the file still has them
		var firstRemoved = entries.get(4);
		behindTheApplicationsBack("truncated", "delete from audit_entry where seq >= " + firstRemoved.seq(), "delete from audit_checkpoint");

		try (var context = start("truncated")) {
			var verification = context.getBean(AuditLog.class).verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.tampering()).isEqualTo(Tampering.TRUNCATED);
			assertThat(verification.firstBrokenPosition()).as("the first missing position").isEqualTo(firstRemoved.seq());
			assertThat(verification.problem()).contains(entries.get(5).hash().substring(0, 12));
			assertThat(verification.checkpointsChecked()).isPositive();
		}
		assertThat(exitCodeOf(start("truncated", "--kurultai.command=verify-audit"))).isEqualTo(AuditCommand.BROKEN);

		// the attacker, who can write the checkpoint file too, makes its last checkpoint name what is left: without the key
		var file = auditDirectory("truncated").resolve("checkpoints.log");
		var lastLeft = entries.get(3);
		var lines = Files.readAllLines(file).stream().map(line -> line.contains(" seq=" + entries.get(5).seq() + " ")
				? line.replace("count=" + (entries.get(5).seq()), "count=" + lastLeft.seq()).replace("seq=" + entries.get(5).seq(), "seq=" + lastLeft.seq())
						.replace(entries.get(5).hash(), lastLeft.hash())
				: line).toList();
		Files.write(file, lines);
		try (var context = start("truncated")) {
			var verification = context.getBean(AuditLog.class).verify();
			assertThat(verification.tampering()).isEqualTo(Tampering.FORGED_CHECKPOINT);
			assertThat(verification.problem()).contains("checkpoints.log line", "not signed with this key");
		}
	}

	/**
	 * Probe (issue 9): a superuser empties the log and gives the chain a new identity. The checkpoint file still holds
	 * checkpoints signed with this very key, naming entries that are gone; verification says "intact" (exit 0) with a note.
	 */
	@Test
	void anEmptiedLogUnderANewChainIdentityIsNotIntact() throws Exception {
		String oldChain;
		try (var context = start("replaced")) {
			oldChain = context.getBean(AuditLog.class).chainId();
			recordSome(context, 6);
			assertThat(context.getBean(AuditCheckpoints.class).take(false).checkpoint()).isNotNull();
		}
		behindTheApplicationsBack("replaced", "alter table audit_chain disable trigger user", "delete from audit_entry",
				"delete from audit_checkpoint", "delete from audit_chain", "insert into audit_chain default values",
				"alter table audit_chain enable trigger user");
		assertThat(exitCodeOf(start("replaced", "--kurultai.command=verify-audit"))).isEqualTo(AuditCommand.BROKEN);
		try (var context = start("replaced")) {
			var verification = context.getBean(AuditLog.class).verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.tampering()).isEqualTo(Tampering.REPLACED);
			assertThat(verification.problem()).contains("another chain, " + oldChain, "this key", "kurultai.audit.checkpoint-file");
		}

		// an operator who re-created the database deliberately starts a new checkpoint file, keeping the old one apart
		var file = auditDirectory("replaced").resolve("checkpoints.log");
		Files.move(file, file.resolveSibling("checkpoints.log.old-database"));
		assertThat(exitCodeOf(start("replaced", "--kurultai.command=verify-audit"))).isZero();
	}

	/**
	 * Probe (issue 9): one row in audit_checkpoint dated in the future (the application's role may INSERT there) stops
	 * every scheduled checkpoint, silently: the "is it due?" test reads max(at) before anything is verified, so neither a
	 * checkpoint nor an alert follows.
	 */
	@Test
	void aFutureDatedRowInTheCheckpointTableDoesNotSilentlyStopTheScheduledCheckpoints() throws Exception {
		try (var context = start("suppressed")) {
			recordSome(context, 3);
			var checkpoints = context.getBean(AuditCheckpoints.class);
			assertThat(checkpoints.take(false).checkpoint()).isNotNull();
			context.getBean(JdbcClient.class).sql("insert into audit_checkpoint (chain, at, line) select id, '9999-01-01T00:00:00Z', 'x' from audit_chain")
					.update();
			recordSome(context, 2);
			clock.advance(Duration.ofHours(2));
			var scheduled = checkpoints.take(true);
			assertThat(scheduled.checkpoint() != null || (scheduled.verification() != null && !scheduled.verification().intact()))
					.as("a checkpoint, or an alert that the chain does not verify; got: " + scheduled.skipped()).isTrue();
		}
	}

	@Test
	void anEditWithEveryLaterHashRecomputedWithoutTheKeyIsFound() throws Exception {
		for (var database : List.of("unkeyed", "otherkey")) {
			List<AuditEntry> entries;
			try (var context = start(database)) {
				entries = recordSome(context, 5);
			}
			var chainId = JdbcClient.create(postgres.getDatabase("postgres", database)).sql("select cast(id as text) from audit_chain")
					.query(String.class).single();
			var attackersKey = new byte[32];
			new SecureRandom().nextBytes(attackersKey);
			var otherKey = new AuditKey(attackersKey);
			// the attacker changes who acted in the third entry and re-chains everything after it
			var altered = entries.get(2);
			var statements = new ArrayList<String>();
			String previous = null;
			for (var entry : entriesOf(database)) {
				if (entry.seq() == null || entry.seq() < altered.seq()) {
					previous = entry.hash();
					continue;
				}
				var changed = new AuditEntry(entry.id(), entry.seq(), entry.chain(), entry.at(),
						entry.id() == altered.id() ? "someone else" : entry.actor(), entry.onBehalfOf(), entry.action(), entry.subject(),
						entry.beforeDigest(), entry.afterDigest(), previous, "");
				var hash = database.equals("unkeyed") ? changed.expectedHash() : otherKey.chainHash(changed.canonical(chainId));
				statements.add("update audit_entry set actor = '" + changed.actor() + "', previous_hash = '" + previous + "', hash = '" + hash
						+ "' where id = " + entry.id());
				previous = hash;
			}
			behindTheApplicationsBack(database, statements.toArray(String[]::new));

			try (var context = start(database)) {
				var verification = context.getBean(AuditLog.class).verify();
				assertThat(verification.intact()).as(database).isFalse();
				assertThat(verification.tampering()).as(database).isEqualTo(Tampering.RECOMPUTED);
				assertThat(verification.firstBrokenEntry()).as(database).isEqualTo(altered.id());
				assertThat(verification.problem()).as(database).contains(database.equals("unkeyed") ? "unkeyed" : "another key");
			}
		}
	}

	@Test
	void aCheckpointIsWrittenOwnerOnlyLoggedAndMailedOncePerIntervalAndAMailFailureLosesNothing() throws Exception {
		var smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		var file = auditDirectory("mailed").resolve("checkpoints.log");
		var logged = new ListAppender<ILoggingEvent>();
		try (var context = start("mailed", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
				"--kurultai.audit.checkpoint-mail-to=audit-keeper@secretariat.example")) {
			var entries = recordSome(context, 3);
			logged.start();
			((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(AuditCheckpoints.class)).addAppender(logged);
			var checkpoints = context.getBean(AuditCheckpoints.class);

			var checkpoint = checkpoints.take(false).checkpoint();

			assertThat(checkpoint).isNotNull();
			var count = context.getBean(JdbcClient.class).sql("select count(*) from audit_entry").query(Long.class).single();
			assertThat(checkpoint.count()).isEqualTo(count);
			assertThat(checkpoint.seq()).isEqualTo(entries.get(2).seq());
			assertThat(checkpoint.hash()).isEqualTo(entries.get(2).hash());
			assertThat(checkpoint.at()).isEqualTo(clock.instant());
			assertThat(Files.getPosixFilePermissions(file)).as("owner-only").isEqualTo(org.kurultai.shared.OwnerOnlyFiles.FILE);
			var lines = Files.readAllLines(file);
			assertThat(lines.get(lines.size() - 1)).isEqualTo(checkpoint.line()).contains("count=" + count, "hash=" + checkpoint.hash());
			assertThat(logged.list).anySatisfy(event -> {
				assertThat(event.getLevel()).isEqualTo(Level.INFO);
				assertThat(event.getFormattedMessage()).contains(checkpoint.line());
			});
			assertThat(smtp.waitForIncomingEmail(10_000, 2)).as("the checkpoints on start and now, mailed").isTrue();
			assertThat(smtp.getReceivedMessages()).anySatisfy(message -> {
				assertThat(message.getAllRecipients()[0].toString()).isEqualTo("audit-keeper@secretariat.example");
				assertThat(GreenMailUtil.getBody(message)).contains("entries: " + count, checkpoint.hash(), "sig=" + checkpoint.signature());
			});

			// due once per interval, whichever instance asks
			assertThat(checkpoints.take(true).checkpoint()).as("not due yet").isNull();
			clock.advance(Duration.ofHours(1));
			assertThat(checkpoints.take(true).checkpoint()).as("due").isNotNull();
			assertThat(Files.readAllLines(file)).hasSize(lines.size() + 1);
			assertThat(context.getBean(AuditLog.class).verify().checkpointsChecked()).as("file and database copies").isEqualTo(2 * (lines.size() + 1));
		}
		finally {
			smtp.stop();
		}

		int closedPort;
		try (var socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (var context = start("mailed", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + closedPort,
				"--kurultai.audit.checkpoint-mail-to=audit-keeper@secretariat.example")) {
			var before = Files.readAllLines(file).size();
			var failures = new ListAppender<ILoggingEvent>();
			failures.start();
			((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(AuditCheckpoints.class)).addAppender(failures);

			var checkpoint = context.getBean(AuditCheckpoints.class).take(false).checkpoint();

			assertThat(checkpoint).as("taken although it cannot be mailed").isNotNull();
			assertThat(Files.readAllLines(file)).hasSize(before + 1).last().isEqualTo(checkpoint.line());
			assertThat(failures.list).anySatisfy(event -> {
				assertThat(event.getLevel()).isEqualTo(Level.ERROR);
				assertThat(event.getFormattedMessage()).contains("Mailing", "failed");
			});
		}
	}

	@Test
	void twoInstancesOnOneDatabaseTakeOneCheckpointPerIntervalAndNeverInterleaveLinesInTheirFile() throws Exception {
		var file = auditDirectory("twins").resolve("checkpoints.log");
		try (var one = start("twins"); var two = start("twins")) {
			recordSome(one, 2);
			recordSome(two, 2);
			var instances = List.of(one.getBean(AuditCheckpoints.class), two.getBean(AuditCheckpoints.class));
			var before = Files.readAllLines(file).size();

			clock.advance(Duration.ofHours(1));
			var taken = new AtomicInteger();
			var executor = Executors.newFixedThreadPool(8);
			try {
				var ready = new CountDownLatch(1);
				var calls = new ArrayList<Future<?>>();
				for (int i = 0; i < 16; i++) {
					var instance = instances.get(i % 2);
					var forced = i >= 8; // half as on schedule, half as asked
					calls.add(executor.submit(() -> {
						ready.await();
						if (instance.take(!forced).checkpoint() != null) {
							taken.incrementAndGet();
						}
						return null;
					}));
				}
				ready.countDown();
				for (var call : calls) {
					call.get();
				}
			}
			finally {
				executor.shutdownNow();
			}

			var lines = Files.readAllLines(file);
			assertThat(lines).hasSize(before + taken.get());
			assertThat(lines).allSatisfy(line -> assertThat(Checkpoint.parse(line).signedBy(one.getBean(AuditKey.class))).isTrue());
			var verification = one.getBean(AuditLog.class).verify();
			assertThat(verification.intact()).isTrue();
			assertThat(verification.checkpointsChecked()).as("each in the file and in the database").isEqualTo(2 * lines.size());

			// on schedule, whichever instance comes first takes the one checkpoint of the interval
			clock.advance(Duration.ofHours(1));
			var scheduled = instances.stream().map(instance -> instance.take(true).checkpoint()).filter(Objects::nonNull).count();
			assertThat(scheduled).isEqualTo(1);
		}
	}

	@Test
	void theKeyFileIsMadeOwnerOnlyOnFirstStartAndReused() throws Exception {
		var keyFile = auditDirectory("keyfile").resolve("chain.key");
		assertThat(keyFile).doesNotExist();
		try (var context = start("keyfile", "--kurultai.audit.key=")) {
			recordSome(context, 3);
		}
		assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(org.kurultai.shared.OwnerOnlyFiles.FILE);
		var key = Files.readString(keyFile);
		assertThat(Base64.getDecoder().decode(key.trim())).hasSize(32);

		try (var context = start("keyfile", "--kurultai.audit.key=")) {
			assertThat(Files.readString(keyFile)).as("the same key").isEqualTo(key);
			recordSome(context, 1);
			var verification = context.getBean(AuditLog.class).verify();
			assertThat(verification.intact()).as("entries of both runs verify under the one key").isTrue();
			assertThat(verification.checkpointsChecked()).isPositive();
		}
		try (var context = start("keyfile", "--kurultai.audit.key=" + Base64.getEncoder().encodeToString(new byte[32]))) {
			assertThat(context.getBean(AuditLog.class).verify().tampering()).as("under another key nothing verifies")
					.isEqualTo(Tampering.RECOMPUTED);
		}
	}

	@Test
	void entriesFromBeforeTheKeyedChainAreVerifiedAsTheyWereAndTheKeyedChainFollowsThem() throws Exception {
		var dataSource = postgres.getDatabase("postgres", "legacy");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("15")
				.placeholders(Map.of("appRole", "kurultai_app")).load().migrate();
		// as the application wrote them before: SHA-256, unkeyed, linked by id
		var jdbc = JdbcClient.create(dataSource);
		var previous = Digests.GENESIS;
		var legacy = new ArrayList<AuditEntry>();
		for (int i = 0; i < 3; i++) {
			var id = jdbc.sql("select nextval('audit_entry_id_seq')").query(Long.class).single();
			var entry = new AuditEntry(id, null, AuditEntry.UNKEYED, Instant.parse("2026-01-0" + (i + 1) + "T10:00:00Z"), "system", "SECRETARIAT",
					"legacy.act", "record:" + i, null, Digests.of(Map.of("value", i)), previous, "");
			entry = entry.withHash(entry.expectedHash());
			jdbc.sql("insert into audit_entry (id, at, actor, on_behalf_of, action, subject, before_digest, after_digest, previous_hash, hash) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").params(entry.id(), OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC), entry.actor(),
							entry.onBehalfOf(), entry.action(), entry.subject(), entry.beforeDigest(), entry.afterDigest(),
							entry.previousHash(), entry.hash()).update();
			legacy.add(entry);
			previous = entry.hash();
		}

		try (var context = start("legacy")) {
			var keyed = recordSome(context, 2);
			var all = entriesOf("legacy");
			assertThat(all).extracting(AuditEntry::chain).containsExactly(1, 1, 1, 2, 2, 2);
			assertThat(all.get(3).seq()).as("the keyed chain follows the unkeyed entries").isEqualTo(4);
			assertThat(all.get(3).previousHash()).isEqualTo(legacy.get(2).hash());
			assertThat(keyed.get(1).seq()).isEqualTo(6);
			assertThat(context.getBean(AuditLog.class).verify().intact()).isTrue();
		}
		behindTheApplicationsBack("legacy", "update audit_entry set subject = 'record:other' where id = " + legacy.get(1).id());
		try (var context = start("legacy")) {
			var verification = context.getBean(AuditLog.class).verify();
			assertThat(verification.tampering()).isEqualTo(Tampering.EDITED);
			assertThat(verification.firstBrokenEntry()).isEqualTo(legacy.get(1).id());
			assertThat(verification.firstBrokenPosition()).isEqualTo(2);
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
			assertThat(again.getBean(AuditLog.class).verify().intact()).isTrue();
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
			assertThat(exitCodeOf(start("postgres", "--kurultai.command=verify-audit"))).isZero();
		}
	}

	/** A clock the tests move by hand: time passes without sleeping. */
	static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(now, zone);
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}

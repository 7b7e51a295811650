package org.kurultai.reference;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.kurultai.EmbeddedDatabaseAccess;
import org.kurultai.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database loaded before the reference data's prose cited its sources by title is brought up to the files by V49: the
 * test puts the old texts back where the loader wrote the new ones (as a database loaded before would hold them, an
 * adopted Catalogue edition's note included), runs the migration again, and finds the new texts everywhere and the old
 * nowhere; a text the Secretariat had changed since is left alone. The recorded checksum of the dataset is the one of the
 * files that ship, so the loader sees nothing to warn about.
 */
@IntegrationTest
class ReferenceProseRevisionIntegrationTests {

	static final String MIGRATION = "db/migration/V49__reference_prose_cites_sources_by_title.sql";

	/** The columns the reference data's prose is loaded into. */
	static final List<String> COLUMNS = List.of("signature.note", "status_period.note", "body.created_how", "body.frequency",
			"body_claim.value", "body_claim.note", "chair_term.note", "secretariat_seat.note", "meeting.note", "historical_event.note",
			"document.note", "cbm_event.note", "exchange_type.note", "catalogue_edition.note");

	static final Pattern PAIR = Pattern.compile("\\(\\$prose\\$(.*?)\\$prose\\$,\\s*\\$prose\\$(.*?)\\$prose\\$\\)", Pattern.DOTALL);

	@Autowired ApplicationContext context;

	@Test
	void theMigrationRewritesTheOldProseOfADatabaseLoadedBeforeAndLeavesCorrectedTextsAlone() throws Exception {
		var script = new String(new ClassPathResource(MIGRATION).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		var pairs = new LinkedHashMap<String, String>();
		var matcher = PAIR.matcher(script);
		while (matcher.find()) {
			pairs.put(matcher.group(1), matcher.group(2));
		}
		assertThat(pairs).hasSizeGreaterThan(100);
		try (var connection = EmbeddedDatabaseAccess.superuser(context).getConnection()) {
			connection.setAutoCommit(false);
			// the loader wrote the new texts: every one of them is in the database, the old nowhere
			assertThat(count(connection, pairs.values())).isGreaterThanOrEqualTo(pairs.size());
			assertThat(count(connection, pairs.keySet())).isZero();
			int rewritten = count(connection, pairs.values());
			// as a database loaded before: the old texts where the new ones are; one of them since changed by the Secretariat
			try (var sql = connection.createStatement()) {
				sql.execute("alter table catalogue_edition disable trigger catalogue_edition_immutable");
			}
			for (var pair : pairs.entrySet()) {
				for (var column : COLUMNS) {
					update(connection, column, pair.getValue(), pair.getKey());
				}
			}
			try (var sql = connection.createStatement()) {
				sql.execute("alter table catalogue_edition enable trigger catalogue_edition_immutable");
			}
			assertThat(count(connection, pairs.values())).isZero();
			assertThat(count(connection, pairs.keySet())).isEqualTo(rewritten);
			var edited = "Corrected by the Secretariat: seed 004 read again.";
			var meetingNote = note(connection, "CHSG-6");
			assertThat(pairs).containsKey(meetingNote);
			try (var update = connection.prepareStatement("update meeting set note = ? where id = 'CHSG-6'")) {
				update.setString(1, edited);
				update.executeUpdate();
			}
			// and the checksum recorded when the files were loaded before the rewrite
			var checksums = Pattern.compile("set checksum = '([0-9a-f]{64})' where name = 'cica' and checksum = '([0-9a-f]{64})'").matcher(script);
			assertThat(checksums.find()).isTrue();
			var shipped = new ReferenceDataset("cica").checksum();
			assertThat(checksums.group(1)).isEqualTo(shipped);
			try (var update = connection.prepareStatement("update reference_dataset set checksum = ? where name = 'cica'")) {
				update.setString(1, checksums.group(2));
				assertThat(update.executeUpdate()).isOne();
			}
			var checksum = "select checksum from reference_dataset where name = 'cica'";

			// the migration, as Flyway runs it: one transaction
			try (var sql = connection.createStatement()) {
				sql.execute(script);
			}
			assertThat(count(connection, pairs.keySet())).as("old texts left").isZero();
			assertThat(count(connection, pairs.values())).isEqualTo(rewritten - 1);
			assertThat(note(connection, "CHSG-6")).isEqualTo(edited);
			// the edition's trigger is on again
			try (var sql = connection.createStatement()) {
				sql.execute("savepoint probe");
				sql.executeUpdate("update catalogue_edition set note = note where code = '2021'");
				throw new AssertionError("an adopted edition was updated");
			}
			catch (SQLException refused) {
				assertThat(refused.getMessage()).contains("never changes");
				try (var sql = connection.createStatement()) {
					sql.execute("rollback to savepoint probe");
				}
			}
			try (var sql = connection.createStatement(); var rows = sql.executeQuery(checksum)) {
				rows.next();
				assertThat(rows.getString(1)).isEqualTo(shipped);
			}
			// as it was (the shared database serves the other tests)
			connection.rollback();
		}
	}

	private static int count(Connection connection, java.util.Collection<String> texts) throws SQLException {
		int found = 0;
		for (var column : COLUMNS) {
			var parts = column.split("\\.");
			try (var query = connection.prepareStatement("select count(*) from " + parts[0] + " where " + parts[1] + " = any (?)")) {
				query.setArray(1, connection.createArrayOf("text", texts.toArray()));
				try (var rows = query.executeQuery()) {
					rows.next();
					found += rows.getInt(1);
				}
			}
		}
		return found;
	}

	private static void update(Connection connection, String column, String from, String to) throws SQLException {
		var parts = column.split("\\.");
		try (var update = connection.prepareStatement("update " + parts[0] + " set " + parts[1] + " = ? where " + parts[1] + " = ?")) {
			update.setString(1, to);
			update.setString(2, from);
			update.executeUpdate();
		}
	}

	private static String note(Connection connection, String meeting) throws SQLException {
		try (var query = connection.prepareStatement("select note from meeting where id = ?")) {
			query.setString(1, meeting);
			try (var rows = query.executeQuery()) {
				rows.next();
				return rows.getString(1);
			}
		}
	}
}

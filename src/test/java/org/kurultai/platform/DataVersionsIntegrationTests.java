package org.kurultai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.kurultai.platform.DataVersions.Area;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class DataVersionsIntegrationTests {

	@Autowired
	DataVersions versions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	private void touchKazakhstan() {
		jdbc.sql("update participant set short_name_en = short_name_en where code = 'KAZ'").update();
	}

	@Test
	void aCommittedChangeBumpsItsAreaOnlyAndThisInstanceSeesItAtOnce() {
		var before = versions.stamp();
		var organs = versions.version(Area.ORGANS);
		var registry = versions.version(Area.REGISTRY);

		new TransactionTemplate(transactionManager).executeWithoutResult(status -> touchKazakhstan());

		assertThat(versions.version(Area.REGISTRY)).as("read again after this instance's commit").isGreaterThan(registry);
		assertThat(versions.version(Area.ORGANS)).isEqualTo(organs);
		var after = versions.stamp();
		assertThat(after.etag("")).isNotEqualTo(before.etag(""));
		assertThat(after.lastModified()).isAfterOrEqualTo(before.lastModified());
		assertThat(after.etag("en /")).isNotEqualTo(after.etag("ru /"));
	}

	@Test
	void aChangeCarriesNoHttpDateUntilItsSecondIsOver() {
		// a change: read at once, within its second (the database's clock stamped it), it has no date a client could send
		// back as If-Modified-Since (a second change within the same second would carry the same one)
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> jdbc.sql(
				"update data_version set version = version + 1, changed_at = clock_timestamp() + interval '1500 milliseconds' where area = 'TIMELINE'")
				.update());
		var fresh = versions.stamp(Area.TIMELINE);
		assertThat(fresh.settled()).isFalse();
		assertThat(fresh.httpLastModified()).isNull();
		// once the second is over (the versions read again within their maximum age), the date is given
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> versions.stamp(Area.TIMELINE).settled());
		assertThat(versions.stamp(Area.TIMELINE).httpLastModified()).isEqualTo(versions.stamp(Area.TIMELINE).lastModified());
	}

	@Test
	void aStatementThatChangesNoRowOrARolledBackOneBumpsNothing() {
		var registry = versions.version(Area.REGISTRY);
		var transactions = new TransactionTemplate(transactionManager);

		transactions.executeWithoutResult(status -> jdbc.sql("update participant set short_name_en = 'x' where code = 'NONE'").update());
		transactions.executeWithoutResult(status -> {
			touchKazakhstan();
			status.setRollbackOnly();
		});

		assertThat(versions.version(Area.REGISTRY)).isEqualTo(registry);
	}

	@Test
	void anotherInstancesChangeIsSeenOnceItsReadingIsOlderThanTheMaximumAge() {
		var patient = new DataVersions(jdbc, Duration.ofHours(1));
		var eager = new DataVersions(jdbc, Duration.ZERO);
		var known = patient.version(Area.REGISTRY);
		eager.version(Area.REGISTRY);

		// a change committed outside this instance's transactions, as another instance's would be
		touchKazakhstan();

		assertThat(patient.version(Area.REGISTRY)).as("within its maximum age").isEqualTo(known);
		assertThat(eager.version(Area.REGISTRY)).isGreaterThan(known);
		patient.refresh();
		assertThat(patient.version(Area.REGISTRY)).isGreaterThan(known);
	}

	@Test
	void onlyReadsOutsideAReadWriteTransactionMayFillACache() {
		assertThat(versions.cacheable()).isTrue();
		var readOnly = new TransactionTemplate(transactionManager);
		readOnly.setReadOnly(true);
		assertThat(readOnly.<Boolean>execute(status -> versions.cacheable())).isEqualTo(Boolean.TRUE);
		assertThat(new TransactionTemplate(transactionManager).<Boolean>execute(status -> versions.cacheable())).isEqualTo(Boolean.FALSE);

		// inside a read-write transaction its own change shows in the versions it reads, and is shared with no one
		var registry = versions.version(Area.REGISTRY);
		var inside = new TransactionTemplate(transactionManager).execute(status -> {
			touchKazakhstan();
			var seen = versions.version(Area.REGISTRY);
			status.setRollbackOnly();
			return seen;
		});
		assertThat(inside).isGreaterThan(registry);
		assertThat(versions.version(Area.REGISTRY)).isEqualTo(registry);
	}
}

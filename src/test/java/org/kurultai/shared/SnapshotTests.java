package org.kurultai.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotTests {

	@Test
	void aVersionIsReadOnceAndAnyOtherVersionReadsAgain() {
		var reads = new AtomicInteger();
		var snapshot = new Snapshot<>(() -> "reading " + reads.incrementAndGet());
		assertThat(snapshot.version()).isNull();

		assertThat(snapshot.at(7)).isEqualTo("reading 1");
		assertThat(snapshot.at(7)).as("kept at the same version").isEqualTo("reading 1");
		assertThat(snapshot.version()).isEqualTo(7L);

		assertThat(snapshot.at(8)).as("a change: read again").isEqualTo("reading 2");
		assertThat(snapshot.at(8)).isEqualTo("reading 2");
		// a lower version (a database restored from a backup) is another version too
		assertThat(snapshot.at(3)).isEqualTo("reading 3");
		assertThat(reads).hasValue(3);
	}

	@Test
	void aReadingThatFailsKeepsNothingAndTheNextAskReadsAgain() {
		var reads = new AtomicInteger();
		var snapshot = new Snapshot<>(() -> {
			if (reads.incrementAndGet() == 2) {
				throw new IllegalStateException("database gone");
			}
			return reads.get();
		});
		assertThat(snapshot.at(1)).isEqualTo(1);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> snapshot.at(2)).hasMessage("database gone");
		assertThat(snapshot.version()).isEqualTo(1L);
		assertThat(snapshot.at(2)).isEqualTo(3);
	}

	@Test
	void readersAskingTogetherAtANewVersionShareOneReading() throws Exception {
		var reads = new AtomicInteger();
		var reading = new CountDownLatch(1);
		var snapshot = new Snapshot<>(() -> {
			reads.incrementAndGet();
			try {
				reading.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
			return List.of("roster");
		});
		var pool = Executors.newFixedThreadPool(8);
		try {
			var answers = new ArrayList<java.util.concurrent.Future<List<String>>>();
			for (int i = 0; i < 8; i++) {
				answers.add(pool.submit(() -> snapshot.at(5)));
			}
			org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(reads).hasValue(1));
			reading.countDown();
			for (var answer : answers) {
				assertThat(answer.get(10, TimeUnit.SECONDS)).containsExactly("roster");
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(reads).as("one reading for all who waited").hasValue(1);
	}
}

package org.kurultai.platform;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kurultai.EmbeddedDatabaseAccess;
import org.kurultai.KurultaiApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's JVM killed with SIGKILL leaves its embedded postmaster running, holding the data
 * directory. The next start stops that orphan and starts normally, and a write confirmed before the
 * kill is still there.
 */
class OrphanedPostmasterIntegrationTests {

	private static final Path DATA = Path.of("target/test-postgres/orphan").toAbsolutePath();
	private static final long START_TIMEOUT_SECONDS = 180;

	private final List<Process> children = new ArrayList<>();
	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@AfterEach
	void leaveNothingRunning() throws IOException {
		contexts.forEach(ConfigurableApplicationContext::close);
		children.forEach(Process::destroyForcibly);
		postmaster().ifPresent(ProcessHandle::destroyForcibly);
	}

	@Test
	void aPostmasterOrphanedByAKilledApplicationIsStoppedAndTheDataIsKept() throws Exception {
		postmaster().ifPresent(ProcessHandle::destroyForcibly);
		FileSystemUtils.deleteRecursively(DATA);
		FileSystemUtils.deleteRecursively(EmbeddedDatabaseAccess.auditDirectory(DATA.toString()));
		var output = new ConcurrentLinkedQueue<String>();
		var child = startInAChildJvm(output);
		children.add(child);

		// a confirmed write
		var probe = UUID.randomUUID().toString();
		try (var connection = EmbeddedDatabaseAccess.superuser(DATA).getConnection(); var sql = connection.createStatement()) {
			sql.execute("create table orphan_probe (value text)");
			sql.execute("insert into orphan_probe values ('" + probe + "')");
		}

		var orphan = postmaster().orElseThrow();
		child.destroyForcibly(); // SIGKILL: no shutdown hook runs, the postmaster is not stopped
		assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the application's JVM is gone").isTrue();
		assertThat(orphan.isAlive()).as("its postmaster runs on, holding the data directory").isTrue();

		var restarted = new SpringApplicationBuilder(KurultaiApplication.class).web(WebApplicationType.NONE).run(
				"--spring.datasource.url=", "--kurultai.database.embedded.data-directory=" + DATA,
				"--kurultai.database.embedded.clean=false", "--kurultai.reference.dataset=none", "--spring.main.banner-mode=off");
		contexts.add(restarted);

		assertThat(orphan.isAlive()).as("the orphan was stopped").isFalse();
		assertThat(postmaster()).as("a new postmaster").hasValueSatisfying(p -> assertThat(p.pid()).isNotEqualTo(orphan.pid()));
		assertThat(restarted.getBean(JdbcClient.class).sql("select value from orphan_probe").query(String.class).list())
				.as("the write confirmed before the kill").containsExactly(probe);
	}

	/**
	 * Probe (issue 9): the README's {@code --kurultai.command=verify-audit}, run on the data folder of a Kurultai that is
	 * running (its default), takes the running server's postmaster for an orphan and stops it, then fails on the
	 * folder's lock: the server is left without a database (every request a 500) until restarted.
	 */
	@Test
	void aCommandRunAgainstTheDataFolderOfARunningServerDoesNotStopItsDatabase() throws Exception {
		postmaster().ifPresent(ProcessHandle::destroyForcibly);
		FileSystemUtils.deleteRecursively(DATA);
		var audit = Path.of("target/test-audit/live").toAbsolutePath();
		FileSystemUtils.deleteRecursively(audit);
		var auditArguments = List.of("--kurultai.audit.key-file=" + audit.resolve("chain.key"),
				"--kurultai.audit.checkpoint-file=" + audit.resolve("checkpoints.log"));
		var output = new ConcurrentLinkedQueue<String>();
		children.add(startInAChildJvm(output, auditArguments));
		var live = postmaster().orElseThrow();

		var arguments = new ArrayList<>(List.of("--spring.datasource.url=", "--kurultai.database.embedded.data-directory=" + DATA,
				"--kurultai.database.embedded.clean=false", "--kurultai.reference.dataset=none", "--spring.main.banner-mode=off",
				"--kurultai.command=verify-audit"));
		arguments.addAll(auditArguments);
		try {
			contexts.add(new SpringApplicationBuilder(KurultaiApplication.class).web(WebApplicationType.NONE).run(arguments.toArray(String[]::new)));
		}
		catch (RuntimeException refused) {
			// refusing to run beside a live server is fine; stopping its database is not
		}
		assertThat(live.isAlive()).as("the running server's postmaster").isTrue();
	}

	/** The application as it runs in production, in its own JVM; returns once it has started. */
	private Process startInAChildJvm(ConcurrentLinkedQueue<String> output) throws Exception {
		return startInAChildJvm(output, List.of());
	}

	private Process startInAChildJvm(ConcurrentLinkedQueue<String> output, List<String> more) throws Exception {
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath(), KurultaiApplication.class.getName(),
				"--spring.datasource.url=", "--kurultai.database.embedded.data-directory=" + DATA,
				"--kurultai.database.embedded.clean=false", "--server.port=0", "--kurultai.reference.dataset=none",
				"--spring.main.banner-mode=off"));
		command.addAll(more);
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		var started = new CompletableFuture<Void>();
		var reader = new Thread(() -> {
			try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					output.add(line);
					if (line.contains("Started KurultaiApplication")) {
						started.complete(null);
					}
				}
			}
			catch (IOException e) {
				// the process was killed
			}
			started.completeExceptionally(new IllegalStateException("the application ended before it started:\n" + String.join("\n", output)));
		}, "orphan-test-child-output");
		reader.setDaemon(true);
		reader.start();
		try {
			started.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.TimeoutException e) {
			throw new IllegalStateException("the application did not start within " + START_TIMEOUT_SECONDS + " s:\n" + String.join("\n", output));
		}
		return process;
	}

	/** The postmaster named in the data directory's pid file, if it runs. */
	private static Optional<ProcessHandle> postmaster() throws IOException {
		var pidFile = DATA.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		var lines = Files.readAllLines(pidFile);
		return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
	}

	/**
	 * This JVM's class path, as a child JVM can use it: Surefire and Failsafe may run tests from a
	 * manifest-only jar, whose Class-Path names the real entries.
	 */
	static String classpath() throws IOException {
		var entries = new ArrayList<String>();
		for (var entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			var file = Path.of(entry);
			if (file.getFileName().toString().startsWith("surefirebooter") && entry.endsWith(".jar")) {
				try (var jar = new JarFile(file.toFile())) {
					var manifestClassPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
					for (var url : manifestClassPath.trim().split("\\s+")) {
						entries.add(Path.of(URI.create(url)).toString());
					}
				}
			}
			else {
				entries.add(entry);
			}
		}
		return String.join(File.pathSeparator, entries);
	}
}

package org.kurultai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries declared in each package-info.java hold: no cycles, no reach into internals. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(KurultaiApplication.class);

	@Test
	void moduleBoundariesAreRespected() {
		modules.verify();
	}

	@Test
	void theForumsModulesAreTheOnesDocumented() {
		assertThat(modules.stream().map(module -> module.getBasePackage().getName()))
				.contains("org.kurultai.registry", "org.kurultai.organs", "org.kurultai.meetings", "org.kurultai.timeline",
						"org.kurultai.reference", "org.kurultai.portal", "org.kurultai.platform");
	}

	@Test
	void dependenciesPointOneWayFromTheRegistryUp() {
		var registry = modules.getModuleByName("registry").orElseThrow();
		assertThat(registry.getDirectDependencies(modules).uniqueModules().map(module -> module.getIdentifier().toString())
				.toList()).containsOnly("shared");
		assertThat(modules.getModuleByName("organs").orElseThrow().getDirectDependencies(modules).uniqueModules()
				.map(module -> module.getIdentifier().toString()).toList())
				.doesNotContain("meetings", "timeline", "portal", "reference");
	}

	/**
	 * docs/architecture.md's table of modules says, for each module, on which it depends: the table must name exactly
	 * the modules the code depends on (directly), so that the document stays true. The portal's row says "all the
	 * above" and is not checked; {@code shared}, the kernel every module may use, is left out on both sides.
	 */
	@Test
	void theArchitectureDocumentNamesTheRealDependencies() throws IOException {
		var row = Pattern.compile("^\\| `([a-z]+)` \\|.*\\| ([^|]*) \\|$");
		var documented = new LinkedHashMap<String, Set<String>>();
		for (var line : Files.readAllLines(Path.of("docs/architecture.md"))) {
			var match = row.matcher(line);
			if (match.matches()) {
				var column = match.group(2).trim();
				documented.put(match.group(1), column.equals("—") ? Set.of()
						: Arrays.stream(column.split(";")[0].split(",")).map(String::trim).filter(name -> name.matches("[a-z]+"))
								.filter(name -> !name.equals("shared")).collect(Collectors.toCollection(TreeSet::new)));
			}
		}
		var mismatches = new TreeSet<String>();
		modules.forEach(module -> {
			var name = module.getIdentifier().toString();
			var real = module.getDirectDependencies(modules).uniqueModules().map(dependency -> dependency.getIdentifier().toString())
					.filter(dependency -> !dependency.equals("shared")).collect(Collectors.toCollection(TreeSet::new));
			if (!documented.containsKey(name)) {
				mismatches.add(name + ": not in the table");
			}
			else if (!name.equals("portal") && !documented.get(name).equals(real)) {
				mismatches.add(name + ": documented " + documented.get(name) + ", real " + real);
			}
		});
		assertThat(mismatches).as("docs/architecture.md's modules against the code").isEmpty();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}

package org.kurultai;

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

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}

package org.kurultai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Kurultai: the digital secretariat of a consensus-based intergovernmental forum.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Kurultai", sharedModules = "shared")
public class KurultaiApplication {

	public static void main(String[] args) {
		var context = SpringApplication.run(KurultaiApplication.class, args);
		if (context.getEnvironment().containsProperty("kurultai.command")) {
			// a one-off command (such as verify-audit) ran: leave with its exit code
			System.exit(SpringApplication.exit(context));
		}
	}
}

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
		SpringApplication.run(KurultaiApplication.class, args);
	}
}

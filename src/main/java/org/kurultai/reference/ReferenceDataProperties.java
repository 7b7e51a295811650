package org.kurultai.reference;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which reference dataset to load on first start.
 *
 * @param dataset the folder under {@code classpath:reference/} ("cica"), or "none" for an empty forum
 */
@ConfigurationProperties("kurultai.reference")
public record ReferenceDataProperties(String dataset) {

	public ReferenceDataProperties {
		if (dataset == null || dataset.isBlank()) {
			dataset = "cica";
		}
	}

	boolean enabled() {
		return !"none".equalsIgnoreCase(dataset);
	}
}

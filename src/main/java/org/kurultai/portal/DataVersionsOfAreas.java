package org.kurultai.portal;

import org.kurultai.platform.DataVersions;
import org.kurultai.shared.AreaVersions;
import org.springframework.stereotype.Component;

/**
 * The data versions as the kernel's {@link AreaVersions}, for the snapshots of the registry, the organs and the
 * Catalogue (the registry may not depend on the platform). Here only because the platform was another change's to make
 * at the time: its natural place is {@code platform.DataVersions} implementing the interface itself.
 */
@Component
class DataVersionsOfAreas implements AreaVersions {

	private final DataVersions versions;

	DataVersionsOfAreas(DataVersions versions) {
		this.versions = versions;
	}

	@Override
	public boolean cacheable() {
		return versions.cacheable();
	}

	@Override
	public long version(String area) {
		return versions.version(DataVersions.Area.valueOf(area));
	}
}

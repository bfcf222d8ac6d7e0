package com.sparkify.dwh.local.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, when built. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = SparkifyCli.class.getPackage().getImplementationVersion();
        return new String[] {"sparkify " + (version == null ? "(development build)" : version)};
    }
}
